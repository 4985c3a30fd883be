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

    /// Replaces the stored plan and the display order of agents and members.
    static func store(_ plan: Plan, territory: Territory, _ db: Database) throws {
        for table in ["plan_decision", "plan_period", "plan_work", "plan_agent", "plan_member"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let decision = try db.makeStatement(sql: """
            INSERT INTO plan_decision (request, position, implicit, member, motive, received, start_date, end_date,
                minutes_per_week, exceptional, small, status, needed_minutes, served_minutes, preempted_on, capped,
                effective_end, reasons)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let period = try db.makeStatement(sql: """
            INSERT INTO plan_period (request, position, from_date, to_date, agent, minutes_per_day) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var memberOf: [String: String] = [:]
        for (position, d) in plan.decisions.enumerated() {
            let r = d.request
            memberOf[r.id] = r.member
            try decision.execute(arguments: [
                r.id, position, d.isImplicit, r.member, r.motive.rawValue, r.received.iso, r.start.iso, r.end.iso,
                r.minutesPerWeek, r.exceptional, d.small, d.status.rawValue, d.neededMinutes, d.servedMinutes,
                d.preemptedOn?.iso, d.capped, d.effectiveEnd.iso, encode(d.reasons)])
            for (index, p) in d.periods.enumerated() {
                try period.execute(arguments: [r.id, index, p.from.iso, p.to.iso, p.agent, p.minutesPerDay])
            }
        }
        // The position keeps the arbitration's order (priority order within an agent's day).
        let work = try db.makeStatement(sql: """
            INSERT INTO plan_work (agent, date, position, request, member, minutes) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var isoOf: [Int: String] = [:]
        // Grouped by agent (the primary key's order, so inserts append), keeping the order within each.
        var byAgent: [String: [Int]] = [:]
        for (index, a) in plan.allocations.enumerated() { byAgent[a.agent, default: []].append(index) }
        let ordered = byAgent.keys.sorted().flatMap { byAgent[$0] ?? [] }.map { plan.allocations[$0] }
        for (position, a) in ordered.enumerated() {
            let day = a.date.dayNumber
            let iso = isoOf[day] ?? a.date.iso
            isoOf[day] = iso
            try work.execute(arguments: [a.agent, iso, position, a.request, memberOf[a.request] ?? "", a.minutes])
        }
        let agent = try db.makeStatement(sql: "INSERT INTO plan_agent (position, code, folded) VALUES (?, ?, ?)")
        for (position, a) in displayOrder(territory.agents.map { ($0.code, $0.name) }).enumerated() {
            try agent.execute(arguments: [position, a.code, a.folded])
        }
        let member = try db.makeStatement(sql: "INSERT INTO plan_member (position, code, folded) VALUES (?, ?, ?)")
        for (position, m) in displayOrder(territory.members.map { ($0.code, $0.name) }).enumerated() {
            try member.execute(arguments: [position, m.code, m.folded])
        }
        try db.execute(sql: "UPDATE plan_state SET plan_version = territory_version WHERE id = 1")
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
        var dates: [String: CalendarDate] = [:]
        func date(_ text: String) -> CalendarDate {
            if let known = dates[text] { return known }
            let value = CalendarDate.parseISO(text) ?? CalendarDate(dayNumber: 0)
            dates[text] = value
            return value
        }
        var result: [RequestDecision] = []
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let preempted: String? = row[13]
            let request = ReplacementRequest(
                id: row[0], member: row[2], motive: Motive(rawValue: row[3]) ?? .autreAbsence, received: date(row[4]),
                start: date(row[5]), end: date(row[6]), minutesPerWeek: row[7], exceptional: row[8])
            result.append(RequestDecision(
                request: request, isImplicit: row[1], small: row[9],
                status: DecisionStatus(rawValue: row[10]) ?? .refused, neededMinutes: row[11], servedMinutes: row[12],
                preemptedOn: preempted.map(date), capped: row[14], effectiveEnd: date(row[15]),
                reasons: decode(row[16]), periods: []))
        }
        guard !result.isEmpty else { return result }
        var periods: [String: [ServedPeriod]] = [:]
        let periodSQL = "SELECT request, from_date, to_date, agent, minutes_per_day FROM plan_period"
        let rows: [Row]
        if result.count > 500 {
            rows = try Row.fetchAll(db, sql: periodSQL + " ORDER BY request, position")
        } else {
            rows = try Row.fetchAll(db, sql: periodSQL + " WHERE request IN (\(databaseQuestionMarks(count: result.count))) ORDER BY request, position",
                                    arguments: StatementArguments(result.map(\.id)))
        }
        for row in rows {
            periods[row[0], default: []].append(ServedPeriod(from: date(row[1]), to: date(row[2]), agent: row[3], minutesPerDay: row[4]))
        }
        for i in result.indices { result[i].periods = periods[result[i].id] ?? [] }
        return result
    }

    /// The whole stored plan, decisions in id order as `Arbitration.plan` gives them.
    static func plan(_ db: Database) throws -> Plan {
        let decisions = try decisions(db, sql: "SELECT \(decisionColumns) FROM plan_decision ORDER BY position")
        var dates: [String: CalendarDate] = [:]
        var allocations: [DayAllocation] = []
        for row in try Row.fetchAll(db, sql: "SELECT date, agent, request, minutes FROM plan_work ORDER BY position") {
            let text: String = row[0]
            let day = dates[text] ?? CalendarDate.parseISO(text) ?? CalendarDate(dayNumber: 0)
            dates[text] = day
            allocations.append(DayAllocation(date: day, agent: row[1], request: row[2], minutes: row[3]))
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
                                  memberSince: CalendarDate.parseISO(since) ?? CalendarDate(dayNumber: 0),
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
        var dates: [String: CalendarDate] = [:]
        var arguments: StatementArguments = [jsonArray(codes)]
        arguments += span
        return try Row.fetchAll(db, sql: """
            SELECT date, agent, request, minutes, member FROM plan_work
            WHERE \(column) IN (SELECT value FROM json_each(?)) AND date BETWEEN ? AND ? ORDER BY position
            """, arguments: arguments).map { row in
            let text: String = row[0]
            let day = dates[text] ?? CalendarDate.parseISO(text) ?? CalendarDate(dayNumber: 0)
            dates[text] = day
            return (DayAllocation(date: day, agent: row[1], request: row[2], minutes: row[3]), row[4])
        }
    }

    static func decisions(_ db: Database, _ ids: Set<String>) throws -> [RequestDecision] {
        guard !ids.isEmpty else { return [] }
        return try PlanStore.decisions(db, sql: """
            SELECT \(PlanStore.decisionColumns) FROM plan_decision WHERE request IN (SELECT value FROM json_each(?))
            """, arguments: [jsonArray(Array(ids))])
    }
}
