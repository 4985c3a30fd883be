/// A population band of the tariff (strate démographique): annual fee and prepaid days.
public struct PopulationBand: Hashable, Sendable {
    public var minPopulation: Int
    /// Nil for the open-ended last band.
    public var maxPopulation: Int?
    public var annualFeeCents: Int
    public var prepaidDays: Int

    public init(minPopulation: Int, maxPopulation: Int?, annualFeeCents: Int, prepaidDays: Int) {
        self.minPopulation = minPopulation
        self.maxPopulation = maxPopulation
        self.annualFeeCents = annualFeeCents
        self.prepaidDays = prepaidDays
    }

    public func contains(_ population: Int) -> Bool {
        population >= minPopulation && (maxPopulation.map { population <= $0 } ?? true)
    }
}

/// The tariff of one year (rules.md §6.1).
public struct Tariff: Hashable, Sendable {
    public var year: Int
    public var hourlyRateCents: Int
    public var minutesPerDay: Int
    public var feeExempt: Bool
    public var bands: [PopulationBand]

    public init(year: Int, hourlyRateCents: Int, minutesPerDay: Int = 420, feeExempt: Bool = false,
                bands: [PopulationBand]) {
        self.year = year
        self.hourlyRateCents = hourlyRateCents
        self.minutesPerDay = minutesPerDay
        self.feeExempt = feeExempt
        self.bands = bands
    }

    /// The band of a population; one below the first band (an AFP has none) uses the first.
    public func band(for population: Int) -> PopulationBand? {
        bands.first { $0.contains(population) } ?? bands.first.flatMap { population < $0.minPopulation ? $0 : nil }
    }

    /// The 2022 bands of the framework agreement (seed 002, article 5).
    public static let frameworkBands: [PopulationBand] = [
        PopulationBand(minPopulation: 1, maxPopulation: 999, annualFeeCents: 21_000, prepaidDays: 1),
        PopulationBand(minPopulation: 1000, maxPopulation: 2499, annualFeeCents: 42_000, prepaidDays: 2),
        PopulationBand(minPopulation: 2500, maxPopulation: 4499, annualFeeCents: 63_000, prepaidDays: 3),
        PopulationBand(minPopulation: 4500, maxPopulation: 9999, annualFeeCents: 84_000, prepaidDays: 4),
        PopulationBand(minPopulation: 10000, maxPopulation: nil, annualFeeCents: 105_000, prepaidDays: 5),
    ]

    /// The framework agreement's tariff for `year` (30.00 €/h, 7 h a day).
    public static func framework(year: Int, hourlyRateCents: Int = 3000, feeExempt: Bool = false) -> Tariff {
        Tariff(year: year, hourlyRateCents: hourlyRateCents, minutesPerDay: 420, feeExempt: feeExempt,
               bands: frameworkBands)
    }
}
