import ArgumentParser
import Domain
import Store

/// `releve convention show | set KEY VALUE | preset NAME`: the service's convention (rules.md §7).
struct ConventionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convention",
        abstract: "La convention du service (durées, délais, petites communes, demi-journées, facturation) : la lire, la changer, partir d'un modèle.",
        subcommands: [Show.self, Set.self, Preset.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Affiche chaque réglage de la convention, sa valeur et ce qu'il veut dire.")
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var today: TodayOptions
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let service = try database.serviceSettings()
                switch format {
                case .json: writeOut(ConventionText.json(service))
                case .table:
                    if let warning = FollowUp.conventionEndWarning(service, today: try today.day(), language: l) { writeLine(warning + "\n") }
                    writeOut(ConventionText.table(service, l))
                    // What each year's tariff bills under the scheme, or what it lacks.
                    for tariff in try database.tariffs() { writeLine(ConventionText.tariffLine(tariff, scheme: service.billing, l)) }
                }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change un réglage (billing, convention_end ou un réglage de la convention) ; le plan est recalculé, et ce que cela change aux demandes est affiché.")
        @Argument(help: "Le réglage : billing, convention_end, ou billing_period, min_working_days, max_months, max_hours_per_week, notice_days, small_population_below, small_needs_single_part_time_secretary, renewal_reminder_days, renewal_answer_hours, evaluation_after_mission, report_months, half_days, travel_minutes.")
        var key: String
        @Argument(help: "La valeur (ex. 3, 14:00, null, oui, month, 08:30-12:00,13:30-17:30, 2027-06-30).") var value: String
        @Flag(name: .customLong("dry-run"), help: "Montre ce que la modification changerait, sans l'enregistrer.") var dryRun = false
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let seen = try database.serviceSettings()
                var next = seen
                try ConventionText.apply(key: key, value: value, to: &next, l)
                try ConventionText.save(next, seen: seen, tariffs: [], database: database, dryRun: dryRun, l)
            }
        }
    }

    struct Preset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Part de la convention d'un service réel : cucm, oisans, val-de-drome, cdg63, cdg03, cdg51. Les tarifs de chaque année restent modifiables.")
        @Argument(help: "Le modèle : cucm, oisans, val-de-drome, cdg63, cdg03 ou cdg51.") var name: String
        @Flag(name: .customLong("dry-run"), help: "Montre ce que le modèle changerait, sans l'enregistrer.") var dryRun = false
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                guard let preset = ConventionPreset(rawValue: name.lowercased()) else {
                    throw CommandFailure(.usage, l.pick("modèle « \(name) » inconnu : cucm, oisans, val-de-drome, cdg63, cdg03 ou cdg51",
                                                        "unknown preset \"\(name)\": cucm, oisans, val-de-drome, cdg63, cdg03 or cdg51"))
                }
                let database = try options.openDatabase()
                let seen = try database.serviceSettings()
                var next = seen
                preset.apply(to: &next)
                // The years' tariffs get the amounts the scheme needs when they have none (never overwritten).
                let tariffs = try database.loadTerritory().tariffs.compactMap { preset.completing($0) }
                writeLine(preset.source(l))
                for t in tariffs { writeLine(ConventionText.tariffNote(t, scheme: preset.billing, l)) }
                try ConventionText.save(next, seen: seen, tariffs: tariffs, database: database, dryRun: dryRun, l)
            }
        }
    }
}

/// The convention as `releve convention` says it, and the typed values it takes.
enum ConventionText {
    static func table(_ s: ServiceSettings, _ l: Language) -> String {
        let c = s.convention
        var rows = [["billing", s.billing.rawValue, l.pick("facturation : ", "billing: ") + s.billing.label(l)]]
        rows += Convention.Key.allCases.map { key in
            [key.rawValue, c.displayValue(key, l), key.meaning(in: l) + (c.given.contains(key) ? "" : l.pick(" (par défaut)", " (default)"))]
        }
        rows.append(["convention_end", s.conventionEnd.map { DisplayFormat(l).date($0) } ?? l.pick("aucune", "none"),
                     l.pick("fin de la convention", "end of the convention")])
        return TextTable.render(header: [l.pick("Réglage", "Setting"), l.pick("Valeur", "Value"), l.pick("Sens", "Meaning")], rows: rows)
    }

    static func json(_ s: ServiceSettings) -> String {
        var fields: [(String, JSONOutput)] = [("billing", .string(s.billing.rawValue))]
        for key in Convention.Key.allCases {
            switch s.convention.value(key) {
            case .integer(let n): fields.append((key.rawValue, .integer(n)))
            case .bool(let b): fields.append((key.rawValue, .bool(b)))
            case .text(let t): fields.append((key.rawValue, .string(t)))
            case .null: fields.append((key.rawValue, .null))
            }
        }
        fields.append(("convention_end", .optional(s.conventionEnd?.iso)))
        fields.append(("given", .array(s.convention.given.map { .string($0.rawValue) })))
        return JSONOutput.object(fields).rendered()
    }

    /// Sets `key` (a convention setting, `billing` or `convention_end`) from what was typed;
    /// a bad value is a French message saying what is expected.
    static func apply(key: String, value: String, to s: inout ServiceSettings, _ l: Language) throws {
        switch key {
        case "billing":
            guard let scheme = BillingScheme(rawValue: value.lowercased()) else {
                throw CommandFailure(.invalidData, l.pick("billing : « \(value) » inconnu ; attendu fee_and_hourly, prorata_cost, day_rate ou agent_cost",
                                                          "billing: unknown \"\(value)\"; expected fee_and_hourly, prorata_cost, day_rate or agent_cost"))
            }
            s.billing = scheme
        case "convention_end":
            if ["null", "aucune", "none", ""].contains(value.lowercased()) { s.conventionEnd = nil; return }
            s.conventionEnd = try OptionValue.date(value, option: "convention_end")
        default:
            guard let k = Convention.Key(rawValue: key) else {
                throw CommandFailure(.usage, l.pick("réglage « \(key) » inconnu : voyez releve convention show", "unknown setting \"\(key)\": see releve convention show"))
            }
            do { try s.convention.set(k, typed: value) } catch {
                throw CommandFailure(.invalidData, error.message(in: l))
            }
        }
    }

    static func save(_ next: ServiceSettings, seen: ServiceSettings, tariffs: [Tariff], database: AppDatabase,
                     dryRun: Bool, _ l: Language) throws {
        let effects: [ConventionEffect]
        if dryRun {
            effects = try database.conventionEffects(of: next)
        } else {
            do { effects = try database.saveService(next, seen: seen, tariffs: tariffs, language: l) } catch let refusal as ConventionRefusal {
                throw CommandFailure(.invalidData, refusal.message(in: l))
            }
        }
        writeLine(dryRun ? l.pick("Rien n'est enregistré (--dry-run).", "Nothing saved (--dry-run).")
                  : l.pick("Convention enregistrée ; le plan est recalculé.", "Convention saved; the plan is recomputed."))
        if effects.isEmpty {
            writeLine(l.pick("Aucune demande n'en est changée.", "No request changes."))
        } else {
            writeLine(l.pick("\(effects.count) demande\(effects.count > 1 ? "s" : "") en \(effects.count > 1 ? "sont changées" : "est changée") :",
                             "\(effects.count) request\(effects.count > 1 ? "s" : "") change:"))
            for e in effects { writeLine("  " + e.text(l, convention: next.convention)) }
        }
    }

    /// "Tarif 2026 : 250,00 € la journée de 6 h, 50,00 € l'heure au-delà".
    static func tariffLine(_ t: Tariff, scheme: BillingScheme, _ l: Language) -> String {
        let f = DisplayFormat(l)
        let missing = l.pick("montants à saisir (T dans Factures)", "amounts to enter (T in Invoices)")
        let basis: String
        switch scheme {
        case .feeAndHourly:
            basis = l.pick("\(f.money(t.hourlyRateCents)) de l'heure après les jours prépayés de la cotisation", "\(f.money(t.hourlyRateCents)) an hour after the fee's prepaid days")
                + (t.feeExempt ? l.pick(" (année exonérée de cotisation)", " (fee-exempt year)") : "")
        case .prorataCost: basis = l.pick("coût réel des agents partagé en fin d'année au prorata des heures", "agents' real cost shared at year end pro rata of hours")
        case .dayRate: basis = t.dayRate.map { $0.basis(f) } ?? missing
        case .agentCost: basis = t.agentCost.map { $0.basis(f) } ?? missing
        }
        return l.pick("Tarif \(t.year) : ", "Tariff \(t.year): ") + basis
    }

    static func tariffNote(_ t: Tariff, scheme: BillingScheme, _ l: Language) -> String {
        let f = DisplayFormat(l)
        let basis = t.dayRate.map { $0.basis(f) } ?? t.agentCost.map { $0.basis(f) } ?? ""
        return l.pick("Tarif \(t.year) complété : \(basis) (modifiable : T dans Factures).", "Tariff \(t.year) completed: \(basis) (editable: T in Invoices).")
    }
}

extension ConventionPreset {
    /// `tariff` with the amounts this preset's scheme needs, when it has none; nil when nothing is added.
    func completing(_ tariff: Tariff) -> Tariff? {
        var t = tariff
        let model = self.tariff(year: tariff.year)
        switch billing {
        case .dayRate where t.dayRate == nil: t.dayRate = model.dayRate
        case .agentCost where t.agentCost == nil: t.agentCost = model.agentCost
        default: return nil
        }
        return t
    }
}
