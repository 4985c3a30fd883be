import ArgumentParser
import Domain
import Foundation
import Store

/// `releve hours log|list`: hours worked by agents for members.
struct Hours: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Saisie, liste et validation des heures travaillées ; clôture des mois.",
        subcommands: [Log.self, Edit.self, Delete.self, List.self, Validate.self, Close.self, Reopen.self])

    /// `releve hours log`: records hours, refusing anything invalid and writing nothing then.
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enregistre des heures travaillées.")

        @Option(help: "Code de l'agent.") var agent: String
        @Option(help: "Code de la commune membre.") var member: String
        @Option(help: "Date (AAAA-MM-JJ ou JJ/MM/AAAA).") var date: String
        @Option(parsing: .unconditional, help: "Durée H:MM (3:30), ou 3h30, ou 3,5.") var hours: String
        @Option(help: "Demande (mission) concernée.") var request: String?
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { language in
                let day = try OptionValue.date(date, option: "--date")
                guard let minutes = DurationText.parseUserInput(hours) else {
                    throw InvalidTerritory([DataError("--hours", .invalidDuration(hours))])
                }
                let entry = TimeEntry(agent: agent, member: member, date: day, minutes: minutes,
                                      request: request?.isEmpty == true ? nil : request)
                let database = try options.openDatabase()
                let stored = try database.logHours(entry) { "--\($0)" }
                let format = DisplayFormat(language)
                // The agent and the member it names, read by code (not the whole territory).
                let territory = try database.warningContext(agent: agent, members: [member])
                let agentName = territory.agents.first { $0.code == agent }.map { "\($0.name) (\(agent))" } ?? agent
                let memberName = territory.members.first { $0.code == member }.map { "\($0.name) (\(member))" } ?? member
                writeLine(language.pick(
                    "Enregistré (n° \(stored.id ?? 0)) : \(DurationText.format(minutes)) le \(format.date(day)), \(agentName) à \(memberName).",
                    "Recorded (no. \(stored.id ?? 0)): \(DurationText.format(minutes)) on \(format.date(day)), \(agentName) at \(memberName)."))
                // Plausible mistakes are recorded (the secretary may know better) but said aloud.
                let planned = try database.dayAtMember(agent: stored.agent, member: stored.member, date: stored.date)
                for warning in HoursWarnings.check(stored, territory: territory, today: Clock.today(), language: language, day: planned) {
                    writeError((language.pick("releve : attention : ", "releve: warning: ") + warning + "\n"))
                }
            }
        }
    }

    /// `releve hours list`: the hours, filtered, as JSON or a table.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les heures saisies.")

        @Option(help: "Code de l'agent.") var agent: String?
        @Option(help: "Code de la commune membre.") var member: String?
        @Option(help: "À partir de cette date.") var from: String?
        @Option(help: "Jusqu'à cette date incluse.") var to: String?
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { language in
                let query = TimeEntryQuery(agent: agent, member: member,
                                           from: try OptionValue.optionalDate(from, option: "--from"),
                                           to: try OptionValue.optionalDate(to, option: "--to"))
                let database = try options.openDatabase()
                let known = try database.knownRecords(agents: Set([agent].compactMap { $0 }), members: Set([member].compactMap { $0 }))
                if let agent, !known.agents.contains(agent) {
                    throw InvalidTerritory([DataError("--agent", .unknownAgent(agent))])
                }
                if let member, known.members[member] == nil {
                    throw InvalidTerritory([DataError("--member", .unknownMember(member))])
                }
                let entries = try database.timeEntries(query)
                switch format {
                case .json: writeOut(HoursListing.json(entries))
                case .table: writeOut(HoursListing.table(entries, names: try database.names(), language: language))
                }
            }
        }
    }
}

/// How `hours list` prints entries.
enum HoursListing {
    static func json(_ entries: [TimeEntry]) -> String {
        let total = entries.reduce(0) { $0 + $1.minutes }
        return JSONOutput.object([
            ("entries", .array(entries.map { e in
                .object([
                    ("id", .integer(Int(e.id ?? 0))),
                    ("agent", .string(e.agent)),
                    ("member", .string(e.member)),
                    ("date", .string(e.date.iso)),
                    ("hours", .string(DurationText.format(e.minutes))),
                    ("minutes", .integer(e.minutes)),
                    ("request", .optional(e.request)),
                    ("validated", .bool(e.validated)),
                ])
            })),
            ("total_minutes", .integer(total)),
            ("total", .string(DurationText.format(total))),
        ]).rendered()
    }

    static func table(_ entries: [TimeEntry], names: (agents: [String: String], members: [String: String]),
                      language: Language) -> String {
        let format = DisplayFormat(language)
        let header = [language.pick("N°", "No."), language.pick("Date", "Date"), language.pick("Agent", "Agent"),
                      language.pick("Commune", "Member"), language.pick("Heures", "Hours"),
                      language.pick("Mission", "Mission"), language.pick("Validée", "Validated")]
        var rows = entries.map { e in
            [String(e.id ?? 0), format.date(e.date), names.agents[e.agent] ?? e.agent, names.members[e.member] ?? e.member,
             DurationText.format(e.minutes), e.request ?? "—", e.validated ? language.pick("oui", "yes") : language.pick("non", "no")]
        }
        let total = entries.reduce(0) { $0 + $1.minutes }
        rows.append(["", "", "", language.pick("Total", "Total"), DurationText.format(total), "", ""])
        return TextTable.render(header: header, rows: rows, rightAligned: [0, 4])
    }
}