import Domain
import Foundation
import GRDB

/// One piece of an agent's planned work on a day: a half-day of her schedule (rules.md §5) at a
/// member, rota slots included, or minutes the schedule could not place.
public struct PlannedWork: Hashable, Sendable {
    public var member: String
    public var memberName: String
    public var minutes: Int
    /// The mission, nil for rota work and for the cover of a rota (whose id would name a colleague).
    public var request: String?
    /// The half-day's hours; nil for minutes left to place with the coordinator.
    public var time: TimeRange?
    public var half: Half?
}

/// What an agent is planned to do on a day, as she may see it herself: never the kind of an
/// absence, nor anything about other agents.
public struct PlannedDay: Hashable, Sendable {
    public var date: CalendarDate
    /// The public holiday's name.
    public var holiday: String?
    /// She is recorded as away (the motive is not given out).
    public var absent: Bool
    public var work: [PlannedWork]
}

extension AppDatabase {
    /// An agent's planned days from `from` to `to` (both included), read from the stored plan
    /// (never arbitrated here); nil when no agent has that code.
    public func plannedDays(agent: String, from: CalendarDate, to: CalendarDate) throws -> [PlannedDay]? {
        try ensurePlan()
        return try read { db in
            guard let agentRecord = try PlanWindowReader.agents(db, [agent]).first else { return nil }
            let service = try TerritoryReader.service(db)
            let calendar = service.calendar
            let history = try PlanWindowReader.history(db, agents: [agentRecord], to: to)
            let planner = HalfDayPlanner(territory: Territory(service: service, members: history.members, agents: [agentRecord]),
                                         plan: Plan(decisions: history.decisions, allocations: history.allocations))
            let names = Dictionary(history.members.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
            func shown(_ request: String?) -> String? {
                request.flatMap { $0.hasPrefix(ImplicitRotaRequests.prefix) ? nil : $0 }
            }
            var weeks: [Int: AgentWeek] = [:]
            return (0...max(0, from.days(to: to))).map { offset in
                let day = from.adding(days: offset)
                let holiday = calendar.holidayName(on: day)
                let absent = agentRecord.absence(on: day) != nil
                let monday = day.mondayOfWeek.dayNumber
                let week = weeks[monday] ?? planner.week(agent: agent, monday: day.mondayOfWeek)
                weeks[monday] = week
                var items: [PlannedWork] = week.halfDays.filter { $0.date == day }.sorted { $0.range.start < $1.range.start }.map { h in
                    PlannedWork(member: h.member, memberName: names[h.member] ?? h.member, minutes: h.minutes,
                                request: shown(h.request), time: h.range, half: h.half)
                }
                for u in week.unplaced where u.date == day {
                    let member = history.decisions.first { $0.id == u.request }?.request.member ?? ""
                    items.append(PlannedWork(member: member, memberName: names[member] ?? member, minutes: u.minutes,
                                             request: shown(u.request), time: nil, half: nil))
                }
                return PlannedDay(date: day, holiday: holiday, absent: absent, work: items)
            }
        }
    }

    /// Every member's code and name, by name (for choosing a member by typing either).
    public func memberNames() throws -> [(code: String, name: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT code, name FROM member ORDER BY name, code").map { ($0[0], $0[1]) }
        }
    }
}
