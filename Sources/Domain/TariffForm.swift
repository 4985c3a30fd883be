/// The form of a year's tariff (rules.md §6.1), edited from the Factures pane: hourly rate,
/// hours per day, fee-exempt year, and up to six population bands written
/// `1-999 : 210,00 € / 1 j` (the last one may be open: `10000+ : 1 050,00 € / 5 j`).
extension RecordDrafts {
    static let tariffBandFields = 6

    static func tariffFields(year: Int, territory: Territory, language l: Language) -> [FormField] {
        let tariff = territory.tariffs.first { $0.year == year }
            ?? territory.tariffs.filter { $0.year < year }.max { $0.year < $1.year }.map { var t = $0; t.year = year; return t }
            ?? Tariff.framework(year: year)
        var fields = [FormField(l.pick("Taux horaire (€)", "Hourly rate (€)"), MoneyText.format(tariff.hourlyRateCents).replacingComma(reverse: true)),
                      FormField(l.pick("Heures par jour", "Hours per day"), DurationText.format(tariff.minutesPerDay)),
                      FormField(l.pick("Année exonérée de cotisation (o/n)", "Fee-exempt year (y/n)"),
                                tariff.feeExempt ? l.pick("oui", "yes") : l.pick("non", "no"))]
        for i in 0..<tariffBandFields {
            let band = tariff.bands.indices.contains(i) ? tariff.bands[i] : nil
            fields.append(FormField(l.pick("Tranche \(i + 1) (hab. : cotisation / jours)", "Band \(i + 1) (pop.: fee / days)"),
                                    band.map(bandText) ?? ""))
        }
        return fields
    }

    /// `1-999 : 210,00 / 1 j`, `10000+ : 1050,00 / 5 j`.
    static func bandText(_ band: PopulationBand) -> String {
        let fee = MoneyText.format(band.annualFeeCents).replacingComma(reverse: true)
        return "\(band.minPopulation)\(band.maxPopulation.map { "-\($0)" } ?? "+") : \(fee) / \(band.prepaidDays) j"
    }

    static func parseTariff(year: Int, text: (Int) -> String, language l: Language, problems: inout [Int: String]) -> Tariff? {
        let rate = MoneyText.parseUserInput(text(0))
        if rate == nil { problems[0] = DataProblem.invalidMoney(text(0)).message(in: l) }
        let minutes = DurationText.parseUserInput(text(1))
        if minutes == nil || !(1...1440).contains(minutes ?? 0) { problems[1] = DataProblem.invalidDuration(text(1)).message(in: l) }
        let answer = text(2).lowercased()
        let exempt: Bool? = ["o", "oui", "y", "yes"].contains(answer) ? true : ["n", "non", "no", ""].contains(answer) ? false : nil
        if exempt == nil { problems[2] = l.pick("« oui » ou « non » attendu", "\"yes\" or \"no\" expected") }
        var bands: [PopulationBand] = []
        for i in 0..<tariffBandFields where !text(3 + i).isEmpty {
            guard let band = parseBand(text(3 + i)) else {
                problems[3 + i] = l.pick("tranche « \(text(3 + i)) » illisible : écrivez 1-999 : 210,00 / 1 j (ou 10000+ : … pour la dernière)",
                                         "unreadable band \"\(text(3 + i))\": write 1-999 : 210.00 / 1 d (or 10000+ : … for the last)")
                continue
            }
            if let previous = bands.last, previous.maxPopulation.map({ $0 + 1 != band.minPopulation }) ?? true {
                problems[3 + i] = l.pick("la tranche doit commencer juste après la précédente (\((previous.maxPopulation ?? 0) + 1) hab.)",
                                         "the band must start right after the previous one (\((previous.maxPopulation ?? 0) + 1))")
            }
            bands.append(band)
        }
        if bands.isEmpty && problems.isEmpty {
            problems[3] = l.pick("au moins une tranche est nécessaire", "at least one band is needed")
        }
        guard problems.isEmpty, let rate, let minutes, let exempt else { return nil }
        return Tariff(year: year, hourlyRateCents: rate, minutesPerDay: minutes, feeExempt: exempt, bands: bands)
    }

    /// `1-999 : 210,00 / 1 j` → the band; spaces, `€`, `j`, `jours`, `hab.` are optional.
    static func parseBand(_ text: String) -> PopulationBand? {
        let parts = text.split(separator: ":", maxSplits: 1).map { String($0) }
        guard parts.count == 2 else { return nil }
        let population = parts[0].filter { $0.isNumber || $0 == "-" || $0 == "+" }
        let valueParts = parts[1].split(separator: "/").map { String($0) }
        guard valueParts.count == 2, let fee = MoneyText.parseUserInput(valueParts[0]),
              let days = Int(valueParts[1].filter(\.isNumber)), days <= 366 else { return nil }
        if population.hasSuffix("+") {
            guard let min = Int(population.dropLast()) else { return nil }
            return PopulationBand(minPopulation: min, maxPopulation: nil, annualFeeCents: fee, prepaidDays: days)
        }
        let bounds = population.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let min = Int(bounds[0]), let max = Int(bounds[1]), max >= min else { return nil }
        return PopulationBand(minPopulation: min, maxPopulation: max, annualFeeCents: fee, prepaidDays: days)
    }
}

extension String {
    /// `1050.00` → `1050,00` (reverse) — the French decimal comma for form fields.
    func replacingComma(reverse: Bool) -> String { String(map { reverse && $0 == "." ? "," : $0 }) }
}
