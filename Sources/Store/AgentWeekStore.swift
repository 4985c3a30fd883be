import Domain
import Foundation
import GRDB

/// One piece of an agent's planned work on a day: her rota slot, or minutes of the stored
/// arbitration at a member.
public struct PlannedWork: Hashable, Sendable {
    public var member: String
    public var memberName: String
    public var minutes: Int
    /// The mission, nil for rota work and for the cover of a rota (whose id would name a colleague).
    public var request: String?
    /// The rota slot's hours, nil for minutes of the arbitration.
    public var time: TimeRange?
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
            let calendar = try TerritoryReader.service(db).calendar
            let work = try PlanWindowReader.allocations(db, agents: [agent], from: from, to: to)
            var memberCodes = Set(work.map(\.member))
            memberCodes.formUnion(agentRecord.rota.map(\.member))
            var names: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, name FROM member WHERE code IN (SELECT value FROM json_each(?))",
                                        arguments: [PlanWindowReader.jsonArray(Array(memberCodes))]) {
                names[row[0]] = row[1]
            }
            return (0...max(0, from.days(to: to))).map { offset in
                let day = from.adding(days: offset)
                let holiday = calendar.holidayName(on: day)
                let absent = agentRecord.absence(on: day) != nil
                var items: [PlannedWork] = []
                if holiday == nil, !absent, calendar.isWorkingDay(day) {
                    for entry in agentRecord.rota where entry.day == day.weekday {
                        items.append(PlannedWork(member: entry.member, memberName: names[entry.member] ?? entry.member,
                                                 minutes: entry.time.minutes, request: nil, time: entry.time))
                    }
                }
                for item in work where item.allocation.date == day {
                    let request = item.allocation.request
                    items.append(PlannedWork(member: item.member, memberName: names[item.member] ?? item.member,
                                             minutes: item.allocation.minutes,
                                             request: request.hasPrefix(ImplicitRotaRequests.prefix) ? nil : request, time: nil))
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
