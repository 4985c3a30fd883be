import ArgumentParser
import Domain
import Store
import TUI

/// `releve schedule REQUEST_ID`: the weekly working hours of a request vs. opening hours.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Planning hebdomadaire d'une demande (heures de travail et horaires d'ouverture), avec les conflits.")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "Une date de la semaine à montrer (sinon la première semaine servie).") var week: String?
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            let day = try OptionValue.optionalDate(week, option: "--week")
            let territory = try options.openDatabase().loadPlanningTerritory(openingHours: true)
            let plan = Arbitration.plan(territory)
            guard let decision = plan.decision(requestID) else {
                throw CommandFailure(.invalidData, language.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
            }
            guard let schedule = WeeklySchedule.make(requestID: requestID, plan: plan, territory: territory, weekOf: day) else {
                throw CommandFailure(.invalidData, language.pick(
                    "la demande \(requestID) n'a aucune heure attribuée\(day == nil ? "" : " cette semaine-là") (\(decision.status.label(in: language)))",
                    "request \(requestID) has no hours\(day == nil ? "" : " that week") (\(decision.status.label(in: language)))"))
            }
            switch format {
            case .json: writeOut(ScheduleOutput.json(schedule))
            case .table: writeOut(ScheduleOutput.table(schedule, territory: territory, language: language))
            }
        }
    }
}

/// How a weekly schedule prints.
enum ScheduleOutput {
    static func ranges(_ list: [TimeRange], separator: String = ", ") -> String {
        list.map { "\(ClockText.format($0.start))–\(ClockText.format($0.end))" }.joined(separator: separator)
    }

    static func json(_ s: WeeklySchedule) -> String {
        JSONOutput.object([
            ("request", .string(s.request)),
            ("member", .string(s.member)),
            ("week", .string(s.week.iso)),
            ("days", .array(s.slots.map { slot in
                .object([
                    ("date", .string(slot.date.iso)),
                    ("agent", .string(slot.agent)),
                    ("minutes", .integer(slot.minutes)),
                    ("morning", .array(slot.morning.map { .string($0.text) })),
                    ("afternoon", .array(slot.afternoon.map { .string($0.text) })),
                    ("opening", .array(slot.opening.map { .string($0.text) })),
                ])
            })),
            ("conflicts", .array(s.conflicts.map { c in
                .object([
                    ("date", .string(c.date.iso)),
                    ("agent", .string(c.agent)),
                    ("member", .string(c.member)),
                    ("missing_minutes", .integer(c.missingMinutes)),
                    ("proposed_opening", .optional(c.proposedOpening?.text)),
                ])
            })),
        ]).rendered()
    }

    static func table(_ s: WeeklySchedule, territory: Territory, language l: Language) -> String {
        let format = DisplayFormat(l)
        let agentNames = territory.agentNames
        let memberNames = territory.memberNames
        var out = l.pick("Planning hebdomadaire · \(s.request) · \(memberNames[s.member] ?? s.member) · semaine du \(format.date(s.week))\n\n",
                         "Weekly schedule · \(s.request) · \(memberNames[s.member] ?? s.member) · week of \(format.date(s.week))\n\n")
        let rows = s.slots.map { slot in
            ["\(format.weekdayShort(slot.date.weekday)) \(slot.date.day)", agentNames[slot.agent] ?? slot.agent,
             ranges(slot.morning), ranges(slot.afternoon), DurationText.format(slot.placedMinutes),
             slot.opening.isEmpty ? l.pick("fermée", "closed") : ranges(slot.opening)]
        }
        out += TextTable.render(header: [l.pick("Jour", "Day"), l.pick("Agent", "Agent"), l.pick("Matin", "Morning"),
                                         l.pick("Après-midi", "Afternoon"), l.pick("Heures", "Hours"),
                                         l.pick("Ouverture de la mairie", "Town hall opening")],
                                rows: rows, rightAligned: [4])
        out += "\n"
        if s.conflicts.isEmpty {
            out += l.pick("Conflits : aucun, tout tient dans les horaires d'ouverture.\n", "Conflicts: none, everything fits the opening hours.\n")
        }
        for c in s.conflicts {
            let who = agentNames[c.agent] ?? c.agent
            let where_ = memberNames[c.member] ?? c.member
            let day = format.date(c.date)
            let fix = c.proposedOpening.map {
                l.pick("proposition : ouvrir aussi \(ranges([$0])) ce jour-là", "proposal: also open \(ranges([$0])) that day")
            } ?? l.pick("aucun créneau libre dans la journée de l'agent", "no free time left in the agent's day")
            out += l.pick("Conflit \(day) : \(DurationText.format(c.missingMinutes)) \(DisplayFormat.de(who)) à \(where_) ne tiennent pas dans les horaires d'ouverture ; \(fix).\n",
                          "Conflict \(day): \(DurationText.format(c.missingMinutes)) of \(who) at \(where_) do not fit the opening hours; \(fix).\n")
        }
        return out
    }
}
