import ArgumentParser
import Domain
import Store
import TUI

/// `releve schedule REQUEST_ID` / `releve schedule --agent CODE --from D --to D`: the half-day
/// schedule of rules.md §5 (cli.md), as a table or JSON.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Planning en demi-journées d'une demande (tous ses agents) ou d'un agent (--agent), avec les heures non placées, l'ouverture sans secrétaire et les conflits.")

    @Argument(help: "Numéro de la demande (sans --agent).") var requestID: String?
    @Option(help: "Code de l'agent : son planning, toutes communes et tournées comprises (avec --from et --to).") var agent: String?
    @Option(help: "Premier jour (AAAA-MM-JJ ou JJ/MM/AAAA ; sinon le début de la demande).") var from: String?
    @Option(help: "Dernier jour (sinon la fin de la demande).") var to: String?
    @Option(help: "Une date de la semaine à montrer (du lundi au vendredi de cette semaine).") var week: String?
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            var first = try OptionValue.optionalDate(from, option: "--from")
            var last = try OptionValue.optionalDate(to, option: "--to")
            if let day = try OptionValue.optionalDate(week, option: "--week") {
                first = day.mondayOfWeek
                last = day.mondayOfWeek.adding(days: 4)
            }
            if let first, let last, last < first {
                throw CommandFailure(.usage, language.pick("--to (\(DisplayFormat(language).date(last))) avant --from (\(DisplayFormat(language).date(first)))",
                                                           "--to (\(DisplayFormat(language).date(last))) before --from (\(DisplayFormat(language).date(first)))"))
            }
            let territory = try options.openDatabase().loadPlanningTerritory(openingHours: true)
            let plan = Arbitration.plan(territory)
            let planner = HalfDayPlanner(territory: territory, plan: plan)
            let schedule: HalfDaySchedule
            if let agent {
                guard requestID == nil else {
                    throw CommandFailure(.usage, language.pick("une demande ou --agent, pas les deux", "a request or --agent, not both"))
                }
                guard territory.agents.contains(where: { $0.code == agent }) else {
                    throw CommandFailure(.invalidData, language.pick("agent « \(agent) » inconnu", "unknown agent \"\(agent)\""))
                }
                guard let first, let last else {
                    throw CommandFailure(.usage, language.pick("--agent demande --from et --to (ou --week)", "--agent needs --from and --to (or --week)"))
                }
                schedule = planner.schedule(agent: agent, from: first, to: last)
            } else {
                guard let requestID else {
                    throw CommandFailure(.usage, language.pick("indiquez une demande, ou --agent CODE", "give a request, or --agent CODE"))
                }
                // By default the span the plan serves: a capped request stops at its two months.
                guard let decision = plan.decision(requestID),
                      let found = planner.schedule(request: requestID, from: first, to: last ?? decision.effectiveEnd) else {
                    throw CommandFailure(.invalidData, language.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
                }
                guard found.placedMinutes + found.unplacedMinutes > 0 || first != nil else {
                    throw CommandFailure(.invalidData, language.pick(
                        "la demande \(requestID) n'a aucune heure attribuée (\(decision.status.label(in: language)))",
                        "request \(requestID) has no hours (\(decision.status.label(in: language)))"))
                }
                schedule = found
            }
            switch format {
            case .json: writeOut(HalfDayOutput.json(schedule))
            case .table: writeOut(HalfDayOutput.table(schedule, territory: territory, language: language))
            }
        }
    }
}

/// How a half-day schedule prints (cli.md "JSON of schedule --format json").
enum HalfDayOutput {
    static func clock(_ minutes: Int) -> String { ClockText.format(minutes) }

    static func json(_ s: HalfDaySchedule) -> String {
        JSONOutput.object([
            ("request", .optional(s.request)),
            ("agent", .optional(s.agent)),
            ("from", .string(s.from.iso)),
            ("to", .string(s.to.iso)),
            ("half_days", .array(s.halfDays.map { h in
                .object([
                    ("date", .string(h.date.iso)), ("half", .string(h.half.rawValue)), ("agent", .string(h.agent)),
                    ("member", .string(h.member)), ("request", .optional(h.request)),
                    ("from", .string(clock(h.range.start))), ("to", .string(clock(h.range.end))),
                    ("minutes", .integer(h.minutes)), ("split", .bool(h.split)),
                ])
            })),
            ("unplaced", .array(s.unplaced.map { u in
                .object([
                    ("date", .string(u.date.iso)), ("agent", .string(u.agent)), ("request", .string(u.request)),
                    ("minutes", .integer(u.minutes)), ("reason", .string(u.reason.rawValue)),
                ])
            })),
            ("uncovered_opening", .array(s.uncoveredOpening.map { o in
                .object([("date", .string(o.date.iso)), ("member", .string(o.member)),
                         ("from", .string(clock(o.range.start))), ("to", .string(clock(o.range.end)))])
            })),
            ("conflicts", .array(s.conflicts.map { c in
                .object([
                    ("date", .string(c.date.iso)), ("half", .string(c.half.rawValue)), ("agent", .string(c.agent)),
                    ("members", .array(c.members.map { .string($0) })),
                    ("proposal", c.proposal.map { p in
                        .object([("member", .string(p.member)), ("weekday", .string(p.weekday.rawValue)),
                                 ("from", .string(clock(p.range.start))), ("to", .string(clock(p.range.end)))])
                    } ?? .null),
                ])
            })),
            ("periods", .array(s.periods.map { p in
                .object([
                    ("from", .string(p.from.iso)), ("to", .string(p.to.iso)),
                    ("pattern", .array(p.pattern.map { e in
                        .object([("weekday", .string(e.weekday.rawValue)), ("half", .string(e.half.rawValue)),
                                 ("agent", .string(e.agent)), ("member", .string(e.member)),
                                 ("from", .string(clock(e.range.start))), ("to", .string(clock(e.range.end)))])
                    })),
                ])
            })),
        ]).rendered()
    }

    static func halfLabel(_ half: Half, split: Bool, _ l: Language) -> String {
        (half == .am ? l.pick("matin", "morning") : l.pick("après-midi", "afternoon")) + (split ? " ½" : "")
    }

    static func reason(_ r: UnplacedMinutes.Reason, _ l: Language) -> String { r.label(in: l) }

    static func table(_ s: HalfDaySchedule, territory: Territory, language l: Language) -> String {
        let f = DisplayFormat(l)
        let agentNames = territory.agentNames
        let memberNames = territory.memberNames
        func member(_ code: String) -> String { memberNames[code] ?? code }
        func agent(_ code: String) -> String { agentNames[code] ?? code }
        let subject: String
        if let request = s.request {
            let code = s.halfDays.first?.member ?? s.uncoveredOpening.first?.member
            subject = request + (code.map { " · " + member($0) } ?? "")
        } else {
            subject = agent(s.agent ?? "")
        }
        var out = l.pick("Planning en demi-journées · \(subject) · du \(f.date(s.from)) au \(f.date(s.to))\n",
                         "Half-day schedule · \(subject) · \(f.date(s.from)) to \(f.date(s.to))\n")
        let byWeek = Dictionary(grouping: s.halfDays, by: { $0.date.mondayOfWeek })
        for monday in byWeek.keys.sorted() {
            let list = byWeek[monday] ?? []
            out += "\n" + l.pick("Semaine du \(f.date(monday))", "Week of \(f.date(monday))") + "\n"
            let rows = list.map { h -> [String] in
                let day = "\(f.weekdayShort(h.date.weekday)) \(h.date.day)"
                let time = "\(clock(h.range.start))–\(clock(h.range.end))"
                // A rota cover is said by whose rota it covers, never by its internal id.
                let what = h.request.map { id in
                    ImplicitRotaRequests.agent(of: id).map { absent in l.pick("remplace la tournée \(DisplayFormat.de(agent(absent)))", "covers \(agent(absent))'s rota") } ?? id
                } ?? l.pick("tournée", "rota")
                let last = s.request == nil ? member(h.member) + " · " + what : agent(h.agent)
                return [day, halfLabel(h.half, split: h.split, l), time, last, DurationText.format(h.minutes)]
            }
            out += TextTable.render(header: [l.pick("Jour", "Day"), l.pick("Demi-journée", "Half-day"), l.pick("Horaires", "Hours"),
                                             s.request == nil ? l.pick("Commune · demande", "Member · request") : l.pick("Agent", "Agent"),
                                             l.pick("Durée", "Time")], rows: rows, rightAligned: [4])
            let total = list.reduce(0) { $0 + $1.minutes }
            out += l.pick("Total de la semaine : \(DurationText.format(total))\n", "Week's total: \(DurationText.format(total))\n")
        }
        if s.halfDays.isEmpty { out += "\n" + l.pick("Aucune demi-journée dans cette période.", "No half-day in this period.") + "\n" }
        out += "\n"
        if s.unplaced.isEmpty {
            out += l.pick("Heures non placées : aucune, tout le plan tient en demi-journées.\n", "Unplaced hours: none, the whole plan fits in half-days.\n")
        }
        for u in s.unplaced {
            out += l.pick("Non placé, semaine du \(f.date(u.date.mondayOfWeek)) : \(DurationText.format(u.minutes)) \(DisplayFormat.de(agent(u.agent))) pour \(u.request) (\(reason(u.reason, l))).\n",
                          "Unplaced, week of \(f.date(u.date.mondayOfWeek)): \(DurationText.format(u.minutes)) of \(agent(u.agent)) for \(u.request) (\(reason(u.reason, l))).\n")
        }
        let uncovered = Dictionary(grouping: s.uncoveredOpening, by: \.date)
        for day in uncovered.keys.sorted() {
            let ranges = (uncovered[day] ?? []).map { "\(clock($0.range.start))–\(clock($0.range.end))" }.joined(separator: ", ")
            out += l.pick("Mairie ouverte sans secrétaire : \(f.date(day)) \(ranges)\n", "Town hall open without a secretary: \(f.date(day)) \(ranges)\n")
        }
        for c in s.conflicts {
            let names = c.members.map(member).joined(separator: l.pick(" et ", " and "))
            var line = l.pick("Conflit \(f.date(c.date)) \(halfLabel(c.half, split: false, l)) : \(names) demandent la même demi-journée \(DisplayFormat.de(agent(c.agent)))",
                              "Conflict \(f.date(c.date)) \(halfLabel(c.half, split: false, l)): \(names) want the same half-day of \(agent(c.agent))")
            if let p = c.proposal {
                line += l.pick(" ; proposition : \(member(p.member)) ouvre aussi le \(f.weekdayLong(p.weekday)) \(clock(p.range.start))–\(clock(p.range.end)), où elle est servie",
                               "; proposal: \(member(p.member)) also opens on \(f.weekdayLong(p.weekday)) \(clock(p.range.start))–\(clock(p.range.end)), when it is served")
            }
            out += line + ".\n"
        }
        if s.periods.count > 1 || s.request != nil {
            out += l.pick("Périodes (une table du contrat chacune) : ", "Periods (one contract table each): ")
                + s.periods.map { l.pick("du \(f.numericDate($0.from)) au \(f.numericDate($0.to))", "\(f.numericDate($0.from)) to \(f.numericDate($0.to))") }
                    .joined(separator: ", ") + "\n"
        }
        return out
    }
}
