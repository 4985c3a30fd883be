import ArgumentParser
import Domain
import Store

extension Hours {
    /// Entry `id` as stored, with its version, or the French refusal of a missing one.
    static func entry(_ id: Int64, in database: AppDatabase, _ l: Language) throws -> VersionedTimeEntry {
        guard let current = try database.versionedTimeEntry(id: id) else {
            throw CommandFailure(.invalidData, OwnHoursRefusal.notFound(id).message(in: l))
        }
        return current
    }

    /// `releve hours edit ID [--agent --member --date --hours --request]`: the coordinator
    /// corrects an entry (what is not given stays); the checks of `log`, the month lock and the
    /// audit trail apply; a validated entry is un-validated, to validate again.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Corrige une saisie d'heures (ce qui n'est pas donné reste) ; une saisie validée est à valider de nouveau.")

        @Argument(help: "Numéro de la saisie (releve hours list).") var id: Int64
        @Option(help: "Code de l'agent.") var agent: String?
        @Option(help: "Code de la commune membre.") var member: String?
        @Option(help: "Date (AAAA-MM-JJ ou JJ/MM/AAAA).") var date: String?
        @Option(parsing: .unconditional, help: "Durée H:MM (3:30), ou 3h30, ou 3,5.") var hours: String?
        @Option(help: "Demande (mission) concernée ; vide : aucune.") var request: String?
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let current = try Hours.entry(id, in: database, l)
                var entry = current.entry
                if let agent { entry.agent = agent }
                if let member { entry.member = member }
                if let date { entry.date = try OptionValue.date(date, option: "--date") }
                if let hours {
                    guard let minutes = DurationText.parseUserInput(hours) else {
                        throw InvalidTerritory([DataError("--hours", .invalidDuration(hours))])
                    }
                    entry.minutes = minutes
                }
                if let request { entry.request = request.isEmpty ? nil : request }
                let read = ReadRecord.timeEntry(current.entry, version: current.version, memberName: "")
                let stored = try database.correctHours(entry, read: read) { "--\($0)" }
                let f = DisplayFormat(l)
                writeLine(l.pick("Saisie n° \(id) corrigée : \(f.duration(stored.minutes)) le \(f.date(stored.date))\(current.entry.validated ? " (à valider de nouveau)" : "").",
                                 "Entry no. \(id) corrected: \(f.duration(stored.minutes)) on \(f.date(stored.date))\(current.entry.validated ? " (to validate again)" : "")."))
            }
        }
    }

    /// `releve hours delete ID`: the coordinator deletes an entry (month lock, audit trail).
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Supprime une saisie d'heures (inscrit au journal d'audit).")

        @Argument(help: "Numéro de la saisie (releve hours list).") var id: Int64
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let current = try Hours.entry(id, in: database, l)
                try database.deleteHours(.timeEntry(current.entry, version: current.version, memberName: ""))
                writeLine(l.pick("Saisie n° \(id) supprimée.", "Entry no. \(id) deleted."))
            }
        }
    }
}
