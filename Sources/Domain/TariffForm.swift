/// The form of a year's tariff (rules.md §6.1), edited from the Factures pane: hourly rate,
/// hours per day, fee-exempt year, and up to six population bands written
/// `1-999 : 210,00 € / 1 j` (the last one may be open: `10000+ : 1 050,00 € / 5 j`).
extension RecordDrafts {
    static let tariffBandFields = 6

    static func tariffFields(year: Int, territory: Territory, language l: Language) -> [FormField] {
        let tariff = territory.tariffs.first { $0.year == year }
            ?? territory.tariffs.filter { $0.year < year }.max { $0.year < $1.year }.map { var t = $0; t.year = year; return t }
            ?? Tariff.framework(year: year)
        var fields = [FormField(l.pick("Taux horaire (€)", "Hourly rate (€)"), MoneyText.format(tariff.hourlyRateCents).replacingDot()),
                      FormField(l.pick("Heures par jour", "Hours per day"), DurationText.format(tariff.minutesPerDay)),
                      FormField(l.pick("Année exonérée de cotisation (o/n)", "Fee-exempt year (y/n)"),
                                tariff.feeExempt ? l.pick("oui", "yes") : l.pick("non", "no"))]
        for i in 0..<tariffBandFields {
            let band = tariff.bands.indices.contains(i) ? tariff.bands[i] : nil
            fields.append(FormField(l.pick("Tranche \(i + 1) (hab. : cotisation / jours)", "Band \(i + 1) (pop.: fee / days)"),
                                    band.map(bandText) ?? ""))
        }
        // The amounts of the other schemes (rules.md §6.4, §6.5): empty when the year has none.
        let money = { (cents: Int?) in cents.map { MoneyText.format($0).replacingDot() } ?? "" }
        fields += [FormField(l.pick("Prix de la journée (€, journée)", "Day rate (€, day rate)"), money(tariff.dayRate?.dayRateCents)),
                   FormField(l.pick("Durée de la journée", "Day length"), tariff.dayRate.map { DurationText.format($0.dayMinutes) } ?? ""),
                   FormField(l.pick("Heure au-delà (€)", "Extra hour (€)"), money(tariff.dayRate?.extraHourlyRateCents)),
                   FormField(l.pick("Coefficient sur le coût de l'agent", "Coefficient on the agent's cost"),
                             tariff.agentCost.map { AgentCostRate.coefficientText($0.coefficientHundredths).replacingDot() } ?? ""),
                   FormField(l.pick("Frais par agent et par mois (€)", "Fee per agent and month (€)"), money(tariff.agentCost?.monthlyAgentFeeCents))]
        return fields
    }

    /// `1-999 : 210,00 / 1 j`, `10000+ : 1050,00 / 5 j`.
    static func bandText(_ band: PopulationBand) -> String {
        let fee = MoneyText.format(band.annualFeeCents).replacingDot()
        return "\(band.minPopulation)\(band.maxPopulation.map { "-\($0)" } ?? "+") : \(fee) / \(band.prepaidDays) j"
    }

    static func parseTariff(year: Int, text: (Int) -> String, language l: Language, problems: inout [Int: String]) -> Tariff? {
        let rate = MoneyText.parseUserInput(text(0))
        if rate == nil { problems[0] = DataProblem.invalidMoney(text(0)).message(in: l) }
        let minutes = DurationText.parseUserInput(text(1))
        if minutes == nil || !(1...1440).contains(minutes ?? 0) { problems[1] = DataProblem.invalidDuration(text(1)).message(in: l) }
        let exempt = text(2).isEmpty ? false : RecordDrafts.yesNo(text(2))
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
        // Day rate: the three amounts together, or none.
        let d = 3 + tariffBandFields
        var dayRate: DayRate?
        if !(text(d).isEmpty && text(d + 1).isEmpty && text(d + 2).isEmpty) {
            let price = MoneyText.parseUserInput(text(d)), length = DurationText.parseUserInput(text(d + 1)), extra = MoneyText.parseUserInput(text(d + 2))
            if price == nil { problems[d] = DataProblem.invalidMoney(text(d)).message(in: l) }
            if length == nil || !(1...1440).contains(length ?? 0) { problems[d + 1] = DataProblem.invalidDuration(text(d + 1)).message(in: l) }
            if extra == nil { problems[d + 2] = DataProblem.invalidMoney(text(d + 2)).message(in: l) }
            if let price, let length, let extra, (1...1440).contains(length) {
                dayRate = DayRate(dayRateCents: price, dayMinutes: length, extraHourlyRateCents: extra)
            }
        }
        // Agent cost: a coefficient (1,40), and a fee per agent-month (empty: none).
        var agentCost: AgentCostRate?
        if !text(d + 3).isEmpty || !text(d + 4).isEmpty {
            let typed = text(d + 3).replacingComma().filter { $0 != " " }
            let parts = typed.split(separator: ".", omittingEmptySubsequences: false)
            let coefficient: Int? = parts.count <= 2 && !typed.isEmpty ? {
                guard let units = Int(parts[0]) else { return nil }
                let decimals = parts.count == 2 ? String(parts[1]) : ""
                guard decimals.count <= 2, decimals.allSatisfy(\.isNumber), units <= 100 else { return nil }
                return units * 100 + (decimals.isEmpty ? 0 : Int(decimals.count == 1 ? decimals + "0" : decimals) ?? 0)
            }() : nil
            let fee = text(d + 4).isEmpty ? 0 : MoneyText.parseUserInput(text(d + 4))
            if coefficient == nil || coefficient == 0 { problems[d + 3] = DataProblem.invalidCoefficient(text(d + 3)).message(in: l) }
            if fee == nil { problems[d + 4] = DataProblem.invalidMoney(text(d + 4)).message(in: l) }
            if let coefficient, coefficient > 0, let fee { agentCost = AgentCostRate(coefficientHundredths: coefficient, monthlyAgentFeeCents: fee) }
        }
        guard problems.isEmpty, let rate, let minutes, let exempt else { return nil }
        return Tariff(year: year, hourlyRateCents: rate, minutesPerDay: minutes, feeExempt: exempt, bands: bands,
                      dayRate: dayRate, agentCost: agentCost)
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
