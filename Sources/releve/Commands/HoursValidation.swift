import ArgumentParser
import Domain
import Store

extension Hours {
    /// `releve hours validate`: the coordinator validates hours (only validated hours are billed).
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Valide des heures : par numéro (--id), ou toute la semaine d'un agent (--agent et --week).")

        @Option(name: .customLong("id"), help: "Numéro d'une saisie (répétable).") var ids: [Int64] = []
        @Option(help: "Code de l'agent (avec --week).") var agent: String?
        @Option(help: "Une date de la semaine à valider (avec --agent).") var week: String?
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let count: Int
                if let agent {
                    guard let week else {
                        throw CommandFailure(.usage, l.pick("--agent demande --week DATE (une date de la semaine)", "--agent needs --week DATE"))
                    }
                    let day = try OptionValue.date(week, option: "--week")
                    guard try database.knownRecords(agents: [agent]).agents.contains(agent) else {
                        throw CommandFailure(.invalidData, l.pick("--agent : agent « \(agent) » inconnu", "--agent: unknown agent \"\(agent)\""))
                    }
                    count = try database.validateWeek(agent: agent, weekOf: day)
                } else {
                    guard !ids.isEmpty else {
                        throw CommandFailure(.usage, l.pick("indiquez --id N (répétable) ou --agent CODE --week DATE",
                                                           "give --id N (repeatable) or --agent CODE --week DATE"))
                    }
                    count = try database.validateHours(ids: ids)
                }
                writeOut(l.pick("\(count) saisie(s) validée(s).\n", "\(count) entr\(count == 1 ? "y" : "ies") validated.\n"))
            }
        }
    }

    /// `releve hours close YYYY-MM`.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Clôt un mois : ses heures ne peuvent plus être saisies, modifiées ni supprimées.")

        @Argument(help: "Le mois, AAAA-MM.") var month: String
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                try options.openDatabase().closeMonth(month)
                writeOut(l.pick("Mois \(DisplayFormat(l).ofMonth(month)) clos.\n", "\(DisplayFormat(l).month(month)) closed.\n"))
            }
        }
    }

    /// `releve hours reopen YYYY-MM --reason …`.
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rouvre un mois clos ; le motif est inscrit au journal d'audit.")

        @Argument(help: "Le mois, AAAA-MM.") var month: String
        @Option(help: "Pourquoi le mois est rouvert (obligatoire).") var reason: String
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                try options.openDatabase().reopenMonth(month, reason: reason)
                writeOut(l.pick("Mois \(DisplayFormat(l).ofMonth(month)) rouvert (inscrit au journal d'audit).\n", "\(DisplayFormat(l).month(month)) reopened (written to the audit trail).\n"))
            }
        }
    }
}
