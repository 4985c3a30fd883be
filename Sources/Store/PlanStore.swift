import Domain
import Foundation
import GRDB

/// The stored plan: the arbitration of the whole territory, kept in `plan_*` tables so that the
/// interface reads only what it shows. Every write transaction that changes what the
/// arbitration reads (members, agents, rota, absences, requests, service) recomputes it before
/// committing (`AppDatabase.write`); so does opening a database whose plan is stale. Hours do
/// not change the plan.
enum PlanStore {
    /// Whether the tables the arbitration reads changed since the plan was stored.
    static func isStale(_ db: Database) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: "SELECT territory_version, plan_version FROM plan_state WHERE id = 1") else {
            return false
        }
        let territory: Int = row[0]
        let plan: Int = row[1]
        return territory != plan
    }

    /// Recomputes and stores the plan if it is stale. Runs inside the caller's write transaction.
    static func refreshIfStale(_ db: Database) throws {
        guard try isStale(db) else { return }
        let territory = try TerritoryReader.read(db, withHours: false, withOpeningHours: false)
        try store(Arbitration.plan(territory), territory: territory, db)
    }

    /// Brings the stored plan to `plan`, writing only what changed: a decision whose row and
    /// periods are the same is left alone; an agent's month of work is rewritten only when its
    /// fingerprint differs (so days before the earliest changed day are never touched); the
    /// display order of agents and members is recomputed only when a code or a name changed.
    /// On a national territory one request changes a few hundred rows out of ~520,000.
    static func store(_ plan: Plan, territory: Territory, _ db: Database) throws {
        try storeDecisions(plan.decisions, db)
        try storeWork(plan, db)
        try storeOrder(table: "plan_agent", digestColumn: "agents_digest", territory.agents.map { ($0.code, $0.name) }, db)
        try storeOrder(table: "plan_member", digestColumn: "members_digest", territory.members.map { ($0.code, $0.name) }, db)
        try db.execute(sql: "UPDATE plan_state SET plan_version = territory_version WHERE id = 1")
    }

    /// What is written for one decision, as its fingerprint sees it.
    private static func decisionDigest(_ d: RequestDecision) -> Int64 {
        var f = Fingerprint()
        let r = d.request
        f.add(r.id); f.add(d.isImplicit); f.add(r.member); f.add(r.motive.rawValue); f.add(r.received.dayNumber)
        f.add(r.start.dayNumber); f.add(r.end.dayNumber); f.add(r.minutesPerWeek); f.add(r.exceptional); f.add(d.small)
        f.add(d.status.rawValue); f.add(d.neededMinutes); f.add(d.servedMinutes); f.add(d.preemptedOn?.dayNumber ?? -1)
        f.add(d.capped); f.add(d.effectiveEnd.dayNumber); f.add(encode(d.reasons))
        for p in d.periods { f.add(p.from.dayNumber); f.add(p.to.dayNumber); f.add(p.agent); f.add(p.minutesPerDay) }
        return f.value
    }

    private static func storeDecisions(_ decisions: [RequestDecision], _ db: Database) throws {
        var stored: [String: (position: Int, digest: Int64)] = [:]
        let decisionRows = try Row.fetchCursor(db, sql: "SELECT request, position, digest FROM plan_decision")
        while let row = try decisionRows.next() { stored[row[0]] = (row[1], row[2]) }
        let insert = try db.makeStatement(sql: """
            INSERT INTO plan_decision (request, position, implicit, member, motive, received, start_date, end_date,
                minutes_per_week, exceptional, small, status, needed_minutes, served_minutes, preempted_on, capped,
                effective_end, reasons, digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (request) DO UPDATE SET position = excluded.position, implicit = excluded.implicit,
                member = excluded.member, motive = excluded.motive, received = excluded.received,
                start_date = excluded.start_date, end_date = excluded.end_date, minutes_per_week = excluded.minutes_per_week,
                exceptional = excluded.exceptional, small = excluded.small, status = excluded.status,
                needed_minutes = excluded.needed_minutes, served_minutes = excluded.served_minutes,
                preempted_on = excluded.preempted_on, capped = excluded.capped, effective_end = excluded.effective_end,
                reasons = excluded.reasons, digest = excluded.digest
            """)
        let period = try db.makeStatement(sql: """
            INSERT INTO plan_period (request, position, from_date, to_date, agent, minutes_per_day) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let move = try db.makeStatement(sql: "UPDATE plan_decision SET position = ? WHERE request = ?")
        let remove = try db.makeStatement(sql: "DELETE FROM plan_decision WHERE request = ?")
        let removePeriods = try db.makeStatement(sql: "DELETE FROM plan_period WHERE request = ?")
        for (position, d) in decisions.enumerated() {
            let r = d.request
            let digest = decisionDigest(d)
            if let old = stored.removeValue(forKey: r.id) {
                if old.digest == digest {
                    if old.position != position { try move.execute(arguments: [position, r.id]) }
                    continue
                }
                try removePeriods.execute(arguments: [r.id])
            }
            try insert.execute(arguments: [
                r.id, position, d.isImplicit, r.member, r.motive.rawValue, r.received.iso, r.start.iso, r.end.iso,
                r.minutesPerWeek, r.exceptional, d.small, d.status.rawValue, d.neededMinutes, d.servedMinutes,
                d.preemptedOn?.iso, d.capped, d.effectiveEnd.iso, encode(d.reasons), digest])
            for (index, p) in d.periods.enumerated() {
                try period.execute(arguments: [r.id, index, p.from.iso, p.to.iso, p.agent, p.minutesPerDay])
            }
        }
        for id in stored.keys {
            try remove.execute(arguments: [id])
            try removePeriods.execute(arguments: [id])
        }
    }

    /// One agent's work in one month: the unit `plan_work` is rewritten by.
    private struct MonthKey: Hashable { let agent: String; let month: Int }

    private static func storeWork(_ plan: Plan, _ db: Database) throws {
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
        var members: [[Int]] = []
        var allocationMember: [String] = []
        allocationMember.reserveCapacity(plan.allocations.count)
        for (index, a) in plan.allocations.enumerated() {
            let number: Int
            if let known = agentNumber[a.agent] { number = known } else {
                number = agentNumber.count
                agentNumber[a.agent] = number
            }
            let month = a.date.year * 12 + a.date.month - 1
            let packed = number << 20 | month
            let group: Int
            if let known = groupOf[packed] { group = known } else {
                group = keys.count
                groupOf[packed] = group
                keys.append(MonthKey(agent: a.agent, month: month))
                prints.append(Fingerprint())
                members.append([])
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
            members[group].append(index)
        }
        var stored: [MonthKey: Int64] = [:]
        let digestRows = try Row.fetchCursor(db, sql: "SELECT agent, month, digest FROM plan_work_digest")
        while let row = try digestRows.next() { stored[MonthKey(agent: row[0], month: row[1])] = row[2] }
        let clear = try db.makeStatement(sql: "DELETE FROM plan_work WHERE agent = ? AND date BETWEEN ? AND ?")
        let insert = try db.makeStatement(sql: """
            INSERT INTO plan_work (agent, date, position, request, member, minutes) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let setDigest = try db.makeStatement(sql: "INSERT OR REPLACE INTO plan_work_digest (agent, month, digest) VALUES (?, ?, ?)")
        let dropDigest = try db.makeStatement(sql: "DELETE FROM plan_work_digest WHERE agent = ? AND month = ?")
        func monthSpan(_ month: Int) -> (CalendarDate, CalendarDate) {
            let first = CalendarDate(year: month / 12, month: month % 12 + 1, day: 1) ?? CalendarDate(dayNumber: 0)
            return (first, first.adding(days: CalendarDate.daysIn(month: first.month, year: first.year) - 1))
        }
        func clearMonth(_ key: MonthKey) throws {
            let (first, last) = monthSpan(key.month)
            try clear.execute(arguments: [key.agent, first.iso, last.iso])
        }
        let storedRows = try db.makeStatement(sql: """
            SELECT date, position, request, member, minutes FROM plan_work WHERE agent = ? AND date BETWEEN ? AND ?
            """)
        let change = try db.makeStatement(sql: """
            UPDATE plan_work SET request = ?, member = ?, minutes = ? WHERE agent = ? AND date = ? AND position = ?
            """)
        let remove = try db.makeStatement(sql: "DELETE FROM plan_work WHERE agent = ? AND date = ? AND position = ?")
        struct Slot: Hashable { let date: String; let position: Int }
        var isoOf: [Int: String] = [:]
        for (group, key) in keys.enumerated() {
            let digest = prints[group].value
            let known = stored.removeValue(forKey: key)
            if known == digest { continue }
            // A changed month: its rows compared one by one, only the differing ones written.
            var old: [Slot: (request: String, member: String, minutes: Int)] = [:]
            if known != nil {
                let (first, last) = monthSpan(key.month)
                let rows = try Row.fetchCursor(storedRows, arguments: [key.agent, first.iso, last.iso])
                while let row = try rows.next() { old[Slot(date: row[0], position: row[1])] = (row[2], row[3], row[4]) }
            }
            var position = 0
            var previousDay = -1
            for index in members[group] {
                let a = plan.allocations[index]
                let day = a.date.dayNumber
                position = day == previousDay ? position + 1 : 0
                previousDay = day
                let iso = isoOf[day] ?? a.date.iso
                isoOf[day] = iso
                let member = allocationMember[index]
                if let was = old.removeValue(forKey: Slot(date: iso, position: position)) {
                    if was.request != a.request || was.member != member || was.minutes != a.minutes {
                        try change.execute(arguments: [a.request, member, a.minutes, a.agent, iso, position])
                    }
                } else {
                    try insert.execute(arguments: [a.agent, iso, position, a.request, member, a.minutes])
                }
            }
            for slot in old.keys { try remove.execute(arguments: [key.agent, slot.date, slot.position]) }
            try setDigest.execute(arguments: [key.agent, key.month, digest])
        }
        for key in stored.keys {
            try clearMonth(key)
            try dropDigest.execute(arguments: [key.agent, key.month])
        }
    }

    /// Rewrites the display order only when the codes or names it is made of changed.
    private static func storeOrder(table: String, digestColumn: String, _ items: [(code: String, name: String)], _ db: Database) throws {
        var f = Fingerprint()
        for item in items.sorted(by: { $0.code < $1.code }) { f.add(item.code); f.add(item.name) }
        let digest = f.value
        let stored = try Int64.fetchOne(db, sql: "SELECT \(digestColumn) FROM plan_state WHERE id = 1")
        guard stored != digest else { return }
        try db.execute(sql: "DELETE FROM \(table)")
        let insert = try db.makeStatement(sql: "INSERT INTO \(table) (position, code, folded) VALUES (?, ?, ?)")
        for (position, item) in displayOrder(items).enumerated() {
            try insert.execute(arguments: [position, item.code, item.folded])
        }
        try db.execute(sql: "UPDATE plan_state SET \(digestColumn) = ? WHERE id = 1", arguments: [digest])
    }

    /// Alphabetical as a French reader expects (accents do not push "Écuisses" to the end), then
    /// by code; `folded` is what the `/` filter searches ("code name", folded).
    static func displayOrder(_ items: [(code: String, name: String)]) -> [(code: String, folded: String)] {
        items.map { (code: $0.code, key: $0.name.folding(), folded: ($0.code + " " + $0.name).folding()) }
            .sorted { ($0.key, $0.code) < ($1.key, $1.code) }
            .map { (code: $0.code, folded: $0.folded) }
    }

    // MARK: Reasons as text

    /// One reason per line; `SHARED_WITH` and `PREEMPTED_BY` carry their ids after a tab.
    static func encode(_ reasons: [ReasonCode]) -> String {
        reasons.map { reason -> String in
            switch reason {
            case .sharedWith(let ids): return (["SHARED_WITH"] + ids).joined(separator: "\t")
            case .preemptedBy(let id): return "PREEMPTED_BY\t" + id
            default: return reason.code
            }
        }.joined(separator: "\n")
    }

    static func decode(_ text: String) -> [ReasonCode] {
        text.split(separator: "\n").compactMap { line -> ReasonCode? in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch parts[0] {
            case "P1_URGENT": return .urgent
            case "SMALL_COMMUNE": return .smallCommune
            case "SHORT_NOTICE": return .shortNotice
            case "CAPPED_2_MONTHS": return .capped
            case "SHARED_WITH": return .sharedWith(Array(parts.dropFirst()))
            case "PREEMPTED_BY": return .preemptedBy(parts.count > 1 ? parts[1] : "")
            case "TOUR_DE_ROLE": return .tourDeRole
            case "NO_CAPACITY": return .noCapacity
            default: return Refusal(rawValue: parts[0]).map { .refused($0) }
            }
        }
    }

    // MARK: Reading

    static let decisionColumns = """
        request, implicit, member, motive, received, start_date, end_date, minutes_per_week, exceptional, small,
        status, needed_minutes, served_minutes, preempted_on, capped, effective_end, reasons
        """

    /// Decisions from `plan_decision` rows selected with `decisionColumns`, with their periods.
    static func decisions(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [RequestDecision] {
        var date = ISODates()
        var result: [RequestDecision] = []
        // A cursor: each row is decoded as it is stepped, never all kept at once.
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let preempted: String? = row[13]
            let request = ReplacementRequest(
                id: row[0], member: row[2], motive: Motive(rawValue: row[3]) ?? .autreAbsence, received: date(row[4]),
                start: date(row[5]), end: date(row[6]), minutesPerWeek: row[7], exceptional: row[8])
            result.append(RequestDecision(
                request: request, isImplicit: row[1], small: row[9],
                status: DecisionStatus(rawValue: row[10]) ?? .refused, neededMinutes: row[11], servedMinutes: row[12],
                preemptedOn: preempted.map { date($0) }, capped: row[14], effectiveEnd: date(row[15]),
                reasons: decode(row[16]), periods: []))
        }
        guard !result.isEmpty else { return result }
        var periods: [String: [ServedPeriod]] = [:]
        let periodSQL = "SELECT request, from_date, to_date, agent, minutes_per_day FROM plan_period"
        let rows: RowCursor
        if result.count > 500 {
            rows = try Row.fetchCursor(db, sql: periodSQL + " ORDER BY request, position")
        } else {
            rows = try Row.fetchCursor(db, sql: periodSQL + " WHERE request IN (\(databaseQuestionMarks(count: result.count))) ORDER BY request, position",
                                       arguments: StatementArguments(result.map(\.id)))
        }
        while let row = try rows.next() {
            periods[row[0], default: []].append(ServedPeriod(from: date(row[1]), to: date(row[2]), agent: row[3], minutesPerDay: row[4]))
        }
        for i in result.indices { result[i].periods = periods[result[i].id] ?? [] }
        return result
    }

    /// The whole stored plan, decisions in id order as `Arbitration.plan` gives them.
    static func plan(_ db: Database) throws -> Plan {
        let decisions = try decisions(db, sql: "SELECT \(decisionColumns) FROM plan_decision ORDER BY position")
        var date = ISODates()
        var allocations: [DayAllocation] = []
        for row in try Row.fetchAll(db, sql: "SELECT date, agent, request, minutes FROM plan_work ORDER BY agent, date, position") {
            allocations.append(DayAllocation(date: date(row[0]), agent: row[1], request: row[2], minutes: row[3]))
        }
        return Plan(decisions: decisions, allocations: allocations)
    }
}

extension AppDatabase {
    /// The stored arbitration of the whole territory: the same decisions as `Arbitration.plan`,
    /// read instead of computed. Recomputed first if stale.
    public func storedPlan() throws -> Plan {
        try ensurePlan()
        return try read { db in try PlanStore.plan(db) }
    }

    /// The display order of members and agents (accent-folded name, then code) with their folded
    /// "code name", as the stored plan keeps it.
    public func displayOrder() throws -> (members: [(code: String, folded: String)], agents: [(code: String, folded: String)]) {
        try ensurePlan()
        return try read { db in
            let rows = { (table: String) in
                try Row.fetchAll(db, sql: "SELECT code, folded FROM \(table) ORDER BY position").map { (code: $0[0] as String, folded: $0[1] as String) }
            }
            return (try rows("plan_member"), try rows("plan_agent"))
        }
    }

    /// The stored decisions alone, in id order (without the days of work).
    public func storedDecisions() throws -> [RequestDecision] {
        try ensurePlan()
        return try read { db in try PlanStore.decisions(db, sql: "SELECT \(PlanStore.decisionColumns) FROM plan_decision ORDER BY position") }
    }

    /// The stored minutes of every agent between two days (both included), in the arbitration's order within a day.
    public func storedWork(from: CalendarDate, to: CalendarDate) throws -> [DayAllocation] {
        try ensurePlan()
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT date, agent, request, minutes FROM plan_work WHERE date BETWEEN ? AND ? ORDER BY agent, date, position
                """, arguments: [from.iso, to.iso]).map { row in
                let text: String = row[0]
                return DayAllocation(date: CalendarDate.stored(text), agent: row[1], request: row[2], minutes: row[3])
            }
        }
    }

    /// Recomputes the stored plan if something changed it without recomputing (a write made
    /// outside `AppDatabase.write`, or a database from before the stored plan).
    public func ensurePlan() throws {
        guard try read({ db in try PlanStore.isStale(db) }) else { return }
        try write { _ in }
    }
}

/// The part of the stored plan the planning grid shows: the rows on screen and their plan on
/// the days shown, read with indexed queries.
public struct StoredPlanWindow: Sendable {
    public var service: ServiceSettings
    /// Rows of the whole grid: every agent, or the members with work (or a rota agent present) in the period.
    public var rowCount: Int
    /// By agents: the agents on screen. By members: the agents working at the members on screen.
    /// In display order.
    public var agents: [Agent]
    /// By members: the members on screen, in display order.
    public var rowMembers: [Member]
    /// The members the rows name, with their opening hours.
    public var members: [Member]
    public var decisions: [RequestDecision]
    public var allocations: [DayAllocation]
}

extension AppDatabase {
    /// The rows `top..<top+count` of the planning grid (agents, or members when `byMember`)
    /// and their stored plan from `from` to `to`. Reads only those rows.
    public func storedPlanWindow(byMember: Bool, top: Int, count: Int, from: CalendarDate, to: CalendarDate) throws -> StoredPlanWindow {
        try ensurePlan()
        return try read { db in
            let service = try TerritoryReader.service(db)
            let calendar = service.calendar
            let span: StatementArguments = [from.iso, to.iso]
            if !byMember {
                let rowCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM plan_agent") ?? 0
                let codes = try String.fetchAll(db, sql: "SELECT code FROM plan_agent WHERE position >= ? ORDER BY position LIMIT ?",
                                                arguments: [max(0, top), max(0, count)])
                let agents = try PlanWindowReader.agents(db, codes)
                let allocations = try PlanWindowReader.allocations(db, column: "agent", codes, span)
                let memberCodes = Set(allocations.map(\.member) + agents.flatMap { $0.rota.map(\.member) })
                return StoredPlanWindow(
                    service: service, rowCount: rowCount, agents: agents, rowMembers: [],
                    members: try PlanWindowReader.members(db, Array(memberCodes)),
                    decisions: try PlanWindowReader.decisions(db, Set(allocations.map(\.allocation.request))),
                    allocations: allocations.map(\.allocation))
            }
            // Members view: members with minutes in the period, and those where a rota agent is present.
            var rotaMembers = Set<String>()
            let days = (0...max(0, from.days(to: to))).map { from.adding(days: $0) }.filter(calendar.isWorkingDay)
            let rotaAgents = try String.fetchAll(db, sql: "SELECT DISTINCT agent FROM rota_entry")
            for agent in try PlanWindowReader.agents(db, rotaAgents) {
                for entry in agent.rota where days.contains(where: { $0.weekday == entry.day && agent.absence(on: $0) == nil }) {
                    rotaMembers.insert(entry.member)
                }
            }
            let shown = try String.fetchAll(db, sql: """
                SELECT m.code FROM plan_member m
                WHERE m.code IN (SELECT member FROM plan_work WHERE date BETWEEN ? AND ?)
                   OR m.code IN (SELECT value FROM json_each(?))
                ORDER BY m.position
                """, arguments: [from.iso, to.iso, PlanWindowReader.jsonArray(Array(rotaMembers))])
            let slice = Array(shown[max(0, min(top, shown.count))..<max(0, min(top + count, shown.count))])
            let rowMembers = try PlanWindowReader.members(db, slice)
            let allocations = try PlanWindowReader.allocations(db, column: "member", slice, span)
            let sliceSet = Set(slice)
            var agentCodes = Set(allocations.map(\.allocation.agent))
            for row in try Row.fetchAll(db, sql: "SELECT DISTINCT agent, member FROM rota_entry") where sliceSet.contains(row[1]) {
                agentCodes.insert(row[0])
            }
            let ordered = try String.fetchAll(db, sql: """
                SELECT code FROM plan_agent WHERE code IN (SELECT value FROM json_each(?)) ORDER BY position
                """, arguments: [PlanWindowReader.jsonArray(Array(agentCodes))])
            return StoredPlanWindow(
                service: service, rowCount: shown.count, agents: try PlanWindowReader.agents(db, ordered),
                rowMembers: rowMembers, members: rowMembers,
                decisions: try PlanWindowReader.decisions(db, Set(allocations.map(\.allocation.request))),
                allocations: allocations.map(\.allocation))
        }
    }
}

/// Indexed reads of a few agents, members, decisions and days of work.
enum PlanWindowReader {
    static func jsonArray(_ values: [String]) -> String {
        "[" + values.map { value -> String in
            var text = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
                default: text.unicodeScalars.append(scalar)
                }
            }
            return text + "\""
        }.joined(separator: ",") + "]"
    }

    /// The agents of `codes` with rota and absences, in the order of `codes`.
    static func agents(_ db: Database, _ codes: [String]) throws -> [Agent] {
        guard !codes.isEmpty else { return [] }
        let list = jsonArray(codes)
        var rota: [String: [RotaEntry]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, member, weekday, start_minute, end_minute FROM rota_entry
            WHERE agent IN (SELECT value FROM json_each(?)) ORDER BY agent, weekday, start_minute, end_minute, member
            """, arguments: [list]) {
            guard let day = Weekday(isoNumber: row[2]) else { continue }
            rota[row[0], default: []].append(RotaEntry(member: row[1], day: day, time: TimeRange(start: row[3], end: row[4])))
        }
        var absences: [String: [Absence]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT agent, from_date, to_date, kind FROM absence
            WHERE agent IN (SELECT value FROM json_each(?)) ORDER BY agent, from_date, to_date, kind
            """, arguments: [list]) {
            absences[row[0], default: []].append(Absence(
                from: TerritoryReader.date(row, "from_date"), to: TerritoryReader.date(row, "to_date"),
                kind: AbsenceKind(rawValue: row[3]) ?? .autre))
        }
        var byCode: [String: Agent] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT code, name, weekly_minutes, rtt_days_per_year, annual_cost_cents FROM agent
            WHERE code IN (SELECT value FROM json_each(?))
            """, arguments: [list]) {
            let code: String = row[0]
            byCode[code] = Agent(code: code, name: row[1], weeklyMinutes: row[2], rttDaysPerYear: row[3],
                                 annualCostCents: row[4], rota: rota[code] ?? [], absences: absences[code] ?? [])
        }
        return codes.compactMap { byCode[$0] }
    }

    /// The members of `codes` with their opening hours, in the order of `codes`.
    static func members(_ db: Database, _ codes: [String]) throws -> [Member] {
        guard !codes.isEmpty else { return [] }
        let list = jsonArray(codes)
        var opening: [String: [Weekday: [TimeRange]]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT member, weekday, start_minute, end_minute FROM opening_range
            WHERE member IN (SELECT value FROM json_each(?)) ORDER BY member, weekday, start_minute
            """, arguments: [list]) {
            guard let day = Weekday(isoNumber: row[1]) else { continue }
            opening[row[0], default: [:]][day, default: []].append(TimeRange(start: row[2], end: row[3]))
        }
        var byCode: [String: Member] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT code, name, kind, population, single_part_time_secretary, member_since, member_until,
                   referent_agent, substitute_agent, last_summer_replacement
            FROM member WHERE code IN (SELECT value FROM json_each(?))
            """, arguments: [list]) {
            let code: String = row[0]
            let since: String = row[5]
            let until: String? = row[6]
            byCode[code] = Member(code: code, name: row[1], kind: MemberKind(rawValue: row[2]) ?? .other,
                                  population: row[3], singlePartTimeSecretary: row[4],
                                  memberSince: CalendarDate.stored(since),
                                  memberUntil: until.flatMap(CalendarDate.parseISO),
                                  referentAgent: row[7], substituteAgent: row[8], lastSummerReplacement: row[9],
                                  openingHours: OpeningHours(opening[code] ?? [:]))
        }
        return codes.compactMap { byCode[$0] }
    }

    /// Stored minutes of the agents (or members) `codes` within `span`, in the arbitration's order.
    static func allocations(_ db: Database, column: String, _ codes: [String], _ span: StatementArguments) throws
        -> [(allocation: DayAllocation, member: String)] {
        guard !codes.isEmpty else { return [] }
        var date = ISODates()
        var arguments: StatementArguments = [jsonArray(codes)]
        arguments += span
        return try Row.fetchAll(db, sql: """
            SELECT date, agent, request, minutes, member FROM plan_work
            WHERE \(column) IN (SELECT value FROM json_each(?)) AND date BETWEEN ? AND ? ORDER BY agent, date, position
            """, arguments: arguments).map { row in
            (DayAllocation(date: date(row[0]), agent: row[1], request: row[2], minutes: row[3]), row[4])
        }
    }

    static func decisions(_ db: Database, _ ids: Set<String>) throws -> [RequestDecision] {
        guard !ids.isEmpty else { return [] }
        return try PlanStore.decisions(db, sql: """
            SELECT \(PlanStore.decisionColumns) FROM plan_decision WHERE request IN (SELECT value FROM json_each(?))
            """, arguments: [jsonArray(Array(ids))])
    }
}

/// A 64-bit FNV-1a fingerprint of a sequence of values (each length-prefixed, so "ab","c" and
/// "a","bc" differ): tells whether a part of the stored plan changed without reading it back.
/// A stable function of the bytes, unlike `Hasher`, which is seeded per process.
struct Fingerprint {
    private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

    private mutating func byte(_ b: UInt8) {
        hash ^= UInt64(b)
        hash = hash &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 { byte(UInt8(truncatingIfNeeded: v)); v >>= 8 }
    }

    mutating func add(_ value: Bool) { byte(value ? 1 : 0) }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        for b in text.utf8 { byte(b) }
    }

    var value: Int64 { Int64(bitPattern: hash) }
}
