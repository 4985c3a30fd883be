import Domain
import Foundation
import GRDB

/// The stored days of work, one row per agent and month (`plan_month`), so that a change of
/// plan rewrites at most one row per agent-month instead of one per day. One request early in a
/// national territory re-assigns most of what follows (rules.md §3.3.5 follows each request's
/// agent from day to day and hands the rest to the agent with the most capacity left): about
/// 220,000 days out of 277,000 change, but only 15,000 agent-months.
enum PlanWork {
    /// A stored month: months since year 0 (`year * 12 + month - 1`).
    static func month(of date: CalendarDate) -> Int { date.year * 12 + date.month - 1 }

    static func firstDay(ofMonth month: Int) -> CalendarDate {
        CalendarDate(year: month / 12, month: month % 12 + 1, day: 1) ?? CalendarDate(dayNumber: 0)
    }

    /// One agent's month of work: the unit `plan_month` is written by.
    struct MonthKey: Hashable { let agent: String; let month: Int }

    /// Brings `plan_month` to the plan's allocations. A month whose
    /// fingerprint is unchanged is not touched (so neither is any month before the earliest
    /// changed day); a changed one is one row rewritten.
    static func store(_ plan: Plan, _ db: Database) throws {
        // Each request's member, and a fingerprint of its id and member, computed once per request.
        var requestOf: [String: (member: String, print: Int)] = [:]
        for d in plan.decisions {
            var f = Fingerprint()
            f.add(d.request.id)
            f.add(d.request.member)
            requestOf[d.request.id] = (d.request.member, Int(f.value))
        }
        // Grouped by agent and month. The arbitration books day after day, so each group's
        // allocations are already in date order, and in priority order within a day.
        var agentNumber: [String: Int] = [:]
        var groupOf: [Int: Int] = [:]
        var keys: [MonthKey] = []
        var prints: [Fingerprint] = []
        var entries: [[Int]] = []
        var allocationMember: [String] = []
        allocationMember.reserveCapacity(plan.allocations.count)
        for (index, a) in plan.allocations.enumerated() {
            let number: Int
            if let known = agentNumber[a.agent] { number = known } else {
                number = agentNumber.count
                agentNumber[a.agent] = number
            }
            let month = month(of: a.date)
            let packed = number << 20 | month
            let group: Int
            if let known = groupOf[packed] { group = known } else {
                group = keys.count
                groupOf[packed] = group
                keys.append(MonthKey(agent: a.agent, month: month))
                prints.append(Fingerprint())
                entries.append([])
            }
            let request = requestOf[a.request] ?? { () -> (member: String, print: Int) in
                var f = Fingerprint()
                f.add(a.request)
                f.add("")
                return ("", Int(f.value))
            }()
            allocationMember.append(request.member)
            prints[group].add(a.date.dayNumber)
            prints[group].add(request.print)
            prints[group].add(a.minutes)
            entries[group].append(index)
        }
        var stored: [MonthKey: Int64] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT agent, month, digest FROM plan_month")
        while let row = try rows.next() { stored[MonthKey(agent: row[0], month: row[1])] = row[2] }
        let insert = try db.makeStatement(sql: "INSERT INTO plan_month (digest, days, agent, month) VALUES (?, ?, ?, ?)")
        let change = try db.makeStatement(sql: "UPDATE plan_month SET digest = ?, days = ? WHERE agent = ? AND month = ?")
        let remove = try db.makeStatement(sql: "DELETE FROM plan_month WHERE agent = ? AND month = ?")
        var days: [UInt8] = []
        for (group, key) in keys.enumerated() {
            let digest = prints[group].value
            let known = stored.removeValue(forKey: key)
            if known == digest { continue }
            days.removeAll(keepingCapacity: true)
            for index in entries[group] {
                let a = plan.allocations[index]
                if !days.isEmpty { days.append(10) }
                append(a.date.day, to: &days)
                days.append(9)
                days.append(contentsOf: a.request.utf8)
                days.append(9)
                days.append(contentsOf: allocationMember[index].utf8)
                days.append(9)
                append(a.minutes, to: &days)
            }
            let statement = known == nil ? insert : change
            statement.setUncheckedArguments([digest, String(decoding: days, as: UTF8.self), key.agent, key.month])
            try statement.execute()
        }
        for key in stored.keys { try remove.execute(arguments: [key.agent, key.month]) }
    }

    /// The decimal digits of a number of at least 0.
    private static func append(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { append(value / 10, to: &bytes) }
        bytes.append(UInt8(48 + value % 10))
    }

    // MARK: Reading

    /// The days of work of the `plan_month` rows `sql` selects (agent, month, days, in agent
    /// then month order), from `from` to `to`, in the arbitration's order, with the member of
    /// each.
    static func allocations(_ db: Database, sql: String, arguments: StatementArguments,
                            from: CalendarDate? = nil, to: CalendarDate? = nil) throws -> [(allocation: DayAllocation, member: String)] {
        var result: [(allocation: DayAllocation, member: String)] = []
        let low = from?.dayNumber ?? .min
        let high = to?.dayNumber ?? .max
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let agent: String = row[0]
            let month: Int = row[1]
            let days: String = row[2]
            decode(days, month: month, from: low, to: high) { date, request, member, minutes in
                result.append((DayAllocation(date: date, agent: agent, request: request, minutes: minutes), member))
            }
        }
        return result
    }

    /// Every agent's days of work from `from` to `to`, in agent then arbitration order.
    static func allocations(_ db: Database, from: CalendarDate, to: CalendarDate) throws -> [(allocation: DayAllocation, member: String)] {
        try allocations(db, sql: "SELECT agent, month, days FROM plan_month WHERE month BETWEEN ? AND ? ORDER BY agent, month",
                        arguments: [month(of: from), month(of: to)], from: from, to: to)
    }

    /// Calls `body` with each line of a month's text ("day\trequest\tmember\tminutes") whose
    /// day number is within `from...to`; lines outside are skipped before their texts are made.
    static func decode(_ text: String, month: Int, from: Int, to: Int,
                       _ body: (CalendarDate, String, String, Int) -> Void) {
        var text = text
        let first = firstDay(ofMonth: month).dayNumber
        text.withUTF8 { bytes in
            var field = 0
            var start = 0
            var day = 0
            var skip = false
            var request = ""
            var member = ""
            var number = 0
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 10
                if b != 9 && b != 10 {
                    if field == 0 || field == 3 { number = number * 10 + Int(b) - 48 }
                    continue
                }
                if !skip {
                    switch field {
                    case 0:
                        day = first + number - 1
                        skip = day < from || day > to
                    case 1: request = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    case 2: member = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                    default: body(CalendarDate(dayNumber: day), request, member, number)
                    }
                }
                // A separator ends a field: its number, if it had one, is used.
                start = i + 1
                number = 0
                if b == 9 {
                    field += 1
                } else {
                    field = 0
                    skip = false
                }
            }
        }
    }
}
