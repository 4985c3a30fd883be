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
    /// `day_rate` (§6.4): the price of a day of `dayMinutes`, and of an hour beyond.
    public var dayRate: DayRate?
    /// `agent_cost` (§6.5): the coefficient on the agent's hourly cost, and the fee per agent and month.
    public var agentCost: AgentCostRate?

    public init(year: Int, hourlyRateCents: Int, minutesPerDay: Int = 420, feeExempt: Bool = false,
                bands: [PopulationBand], dayRate: DayRate? = nil, agentCost: AgentCostRate? = nil) {
        self.year = year
        self.hourlyRateCents = hourlyRateCents
        self.minutesPerDay = minutesPerDay
        self.feeExempt = feeExempt
        self.bands = bands
        self.dayRate = dayRate
        self.agentCost = agentCost
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

/// The day-rate tariff of a year (rules.md §6.4, the CDG 63 model).
public struct DayRate: Hashable, Sendable {
    /// The price of one day of `dayMinutes` (250,00 €).
    public var dayRateCents: Int
    /// The minutes a day covers (6:00).
    public var dayMinutes: Int
    /// The price of an hour beyond the day (50,00 €).
    public var extraHourlyRateCents: Int

    public init(dayRateCents: Int, dayMinutes: Int, extraHourlyRateCents: Int) {
        self.dayRateCents = dayRateCents
        self.dayMinutes = dayMinutes
        self.extraHourlyRateCents = extraHourlyRateCents
    }

    /// "250,00 € la journée de 6 h, 50,00 € l'heure au-delà": the basis as documents state it.
    public func basis(_ f: DisplayFormat) -> String {
        f.language == .fr
            ? "\(f.money(dayRateCents)) la journée de \(f.hours(dayMinutes)), \(f.money(extraHourlyRateCents)) l'heure au-delà"
            : "\(f.money(dayRateCents)) a day of \(f.hours(dayMinutes)), \(f.money(extraHourlyRateCents)) an hour beyond"
    }

    /// CDG 63: 250,00 € the day of 6 hours, 50,00 € the hour beyond.
    public static let cdg63 = DayRate(dayRateCents: 25_000, dayMinutes: 360, extraHourlyRateCents: 5_000)
}

/// The agent-cost tariff of a year (rules.md §6.5, the CDG 03 / CDG 51 model).
public struct AgentCostRate: Hashable, Sendable {
    /// The coefficient in hundredths (1.40 → 140).
    public var coefficientHundredths: Int
    /// A flat amount per agent and month with validated hours (the payslip fee); 0 when none.
    public var monthlyAgentFeeCents: Int

    public init(coefficientHundredths: Int, monthlyAgentFeeCents: Int) {
        self.coefficientHundredths = coefficientHundredths
        self.monthlyAgentFeeCents = monthlyAgentFeeCents
    }

    /// "1,40" in French, "1.40" in English.
    public func coefficientText(_ f: DisplayFormat) -> String {
        let t = Self.coefficientText(coefficientHundredths)
        return f.language == .fr ? String(t.map { $0 == "." ? "," : $0 }) : t
    }

    /// "coût horaire de l'agent × 1,40, 25,00 € par agent et par mois": the basis in words.
    public func basis(_ f: DisplayFormat) -> String {
        let fr = f.language == .fr
        let fee = monthlyAgentFeeCents == 0 ? "" : fr ? ", \(f.money(monthlyAgentFeeCents)) par agent et par mois (bulletin de paie)"
            : ", \(f.money(monthlyAgentFeeCents)) per agent and month (payslip)"
        return (fr ? "coût horaire de l'agent × \(coefficientText(f))" : "the agent's hourly cost × \(coefficientText(f))") + fee
    }

    /// "1.40" from 140.
    public static func coefficientText(_ hundredths: Int) -> String { "\(hundredths / 100).\(pad(hundredths % 100, 2))" }

    /// The strict file form "1.40" (a dot and exactly two decimals).
    public static func parseCoefficient(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...3).contains(parts[0].count),
              let units = CalendarDate.digits(parts[0]), let hundredths = CalendarDate.digits(parts[1]) else { return nil }
        return units * 100 + hundredths
    }
}
