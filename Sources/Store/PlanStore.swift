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

    /// Brings the stored plan to `plan`, writing only what changed: a decision whose row (its
    /// periods included) is the same is left alone; an agent's month of work is rewritten only
    /// when its fingerprint differs (so days before the earliest changed day are never touched);
    /// the display order of agents and members is recomputed only when a code or a name changed.
    static func store(_ plan: Plan, territory: Territory, _ db: Database) throws {
        // The decisions' fingerprints and texts are made on another core while this one writes
        // the days of work (at national scale each takes about a tenth of a second).
        let decisions = plan.decisions
        let prepared = PreparedDecisions()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            prepared.rows = decisions.map { d in
                let reasons = encode(d.reasons, wentFirst: d.wentFirst), periods = encodePeriods(d.periods)
                return PreparedDecision(request: requestDigest(d), outcome: outcomeDigest(d, reasons: reasons, periods: periods),
                                        reasons: reasons, periods: periods)
            }
        }
        defer { group.wait() }
        try PlanWork.store(plan, db)
        group.wait()
        try storeDecisions(decisions, prepared.rows, db)
        try storeOrder(table: "plan_agent", digestColumn: "agents_digest", territory.agents.map { ($0.code, $0.name) }, db)
        try storeOrder(table: "plan_member", digestColumn: "members_digest", territory.members.map { ($0.code, $0.name) }, db)
        try db.execute(sql: "UPDATE plan_state SET plan_version = territory_version WHERE id = 1")
    }

    /// What is written of a decision's request, as its fingerprint sees it.
    private static func requestDigest(_ d: RequestDecision) -> Int64 {
        var f = Fingerprint()
        let r = d.request
        f.add(d.isImplicit); f.add(r.member); f.add(r.motive.rawValue); f.add(r.received.dayNumber)
        f.add(r.start.dayNumber); f.add(r.end.dayNumber); f.add(r.minutesPerWeek); f.add(r.exceptional)
        return f.value
    }

    /// What is written of a decision's outcome (`reasons` and `periods` as their texts), as its
    /// fingerprint sees it.
    private static func outcomeDigest(_ d: RequestDecision, reasons: String, periods: String) -> Int64 {
        var f = Fingerprint()
        f.add(d.small); f.add(d.status.rawValue); f.add(d.neededMinutes); f.add(d.servedMinutes); f.add(d.preemptedOn?.dayNumber ?? -1)
        f.add(d.capped); f.add(d.effectiveEnd.dayNumber); f.add(reasons); f.add(periods)
        return f.value
    }

    /// A decision's two fingerprints and the texts of its outcome, as written.
    private struct PreparedDecision: Sendable {
        let request: Int64
        let outcome: Int64
        let reasons: String
        let periods: String
    }

    /// Filled by one thread, read by the writer once that thread is done (`DispatchGroup.wait`).
    private final class PreparedDecisions: @unchecked Sendable {
        var rows: [PreparedDecision] = []
    }

    /// One row per decision, in the order of its id (as `Arbitration.plan` sorts them, by bytes).
    /// The request's columns and the outcome's are each written only when their fingerprint
    /// changed: a change of plan mostly changes outcomes (who serves, how much).
    private static func storeDecisions(_ decisions: [RequestDecision], _ prepared: [PreparedDecision], _ db: Database) throws {
        var stored: [String: (request: Int64, outcome: Int64)] = [:]
        let decisionRows = try Row.fetchCursor(db, sql: "SELECT request, request_digest, digest FROM plan_decision")
        while let row = try decisionRows.next() { stored[row[0]] = (row[1], row[2]) }
        let insert = try db.makeStatement(sql: """
            INSERT INTO plan_decision (request, implicit, member, motive, received, start_date, end_date,
                minutes_per_week, exceptional, request_digest, small, status, needed_minutes, served_minutes, preempted_on,
                capped, effective_end, reasons, periods, digest)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let changeRequest = try db.makeStatement(sql: """
            UPDATE plan_decision SET implicit = ?, member = ?, motive = ?, received = ?, start_date = ?, end_date = ?,
                minutes_per_week = ?, exceptional = ?, request_digest = ? WHERE request = ?
            """)
        let changeOutcome = try db.makeStatement(sql: """
            UPDATE plan_decision SET small = ?, status = ?, needed_minutes = ?, served_minutes = ?, preempted_on = ?,
                capped = ?, effective_end = ?, reasons = ?, periods = ?, digest = ? WHERE request = ?
            """)
        let remove = try db.makeStatement(sql: "DELETE FROM plan_decision WHERE request = ?")
        for (d, p) in zip(decisions, prepared) {
            let r = d.request
            let requestPrint = p.request
            let outcomePrint = p.outcome
            let old = stored.removeValue(forKey: r.id)
            if old == nil {
                insert.setUncheckedArguments([
                    r.id, d.isImplicit, r.member, r.motive.rawValue, r.received.iso, r.start.iso, r.end.iso,
                    r.minutesPerWeek, r.exceptional, requestPrint, d.small, d.status.rawValue, d.neededMinutes, d.servedMinutes,
                    d.preemptedOn?.iso, d.capped, d.effectiveEnd.iso, p.reasons, p.periods, outcomePrint])
                try insert.execute()
                continue
            }
            if old?.request != requestPrint {
                changeRequest.setUncheckedArguments([
                    d.isImplicit, r.member, r.motive.rawValue, r.received.iso, r.start.iso, r.end.iso,
                    r.minutesPerWeek, r.exceptional, requestPrint, r.id])
                try changeRequest.execute()
            }
            if old?.outcome != outcomePrint {
                changeOutcome.setUncheckedArguments([
                    d.small, d.status.rawValue, d.neededMinutes, d.servedMinutes, d.preemptedOn?.iso,
                    d.capped, d.effectiveEnd.iso, p.reasons, p.periods, outcomePrint, r.id])
                try changeOutcome.execute()
            }
        }
        for id in stored.keys { try remove.execute(arguments: [id]) }
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
    /// One line per reason; who went first (not a reason code of `releve plan`) on a last
    /// `WENT_FIRST` line.
    static func encode(_ reasons: [ReasonCode], wentFirst: [String] = []) -> String {
        (reasons.map { reason -> String in
            switch reason {
            case .sharedWith(let ids): return (["SHARED_WITH"] + ids).joined(separator: "\t")
            case .preemptedBy(let id): return "PREEMPTED_BY\t" + id
            default: return reason.code
            }
        } + (wentFirst.isEmpty ? [] : [(["WENT_FIRST"] + wentFirst).joined(separator: "\t")])).joined(separator: "\n")
    }

    /// The requests of the `WENT_FIRST` line of a stored reasons text.
    static func wentFirst(_ text: String) -> [String] {
        guard let range = text.range(of: "WENT_FIRST\t") else { return [] }
        return text[range.upperBound...].split(separator: "\n").first.map { $0.split(separator: "\t").map(String.init) } ?? []
    }

    static func decode(_ text: String) -> [ReasonCode] {
        text.split(separator: "\n").compactMap { line -> ReasonCode? in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch parts[0] {
            case "P1_URGENT": return .urgent
            case "SMALL_COMMUNE": return .smallCommune
            case "SHORT_NOTICE": return .shortNotice
            case "CAPPED_2_MONTHS": return .capped
            case "CAPPED_WEEKLY": return .cappedWeekly
            case "SHARED_WITH": return .sharedWith(Array(parts.dropFirst()))
            case "PREEMPTED_BY": return .preemptedBy(parts.count > 1 ? parts[1] : "")
            case "TOUR_DE_ROLE": return .tourDeRole
            case "NO_CAPACITY": return .noCapacity
            case "WENT_FIRST": return nil
            default: return Refusal(rawValue: parts[0]).map { .refused($0) }
            }
        }
    }

    /// One served period per line: "from\tto\tagent\tminutes per day", dates in ISO.
    static func encodePeriods(_ periods: [ServedPeriod]) -> String {
        var text = ""
        for p in periods {
            if !text.isEmpty { text += "\n" }
            text += p.from.iso
            text += "\t"
            text += p.to.iso
            text += "\t"
            text += p.agent
            text += "\t"
            text += String(p.minutesPerDay)
        }
        return text
    }

    static func decodePeriods(_ text: String) -> [ServedPeriod] {
        var periods: [ServedPeriod] = []
        var text = text
        text.withUTF8 { bytes in
            var fields: [Range<Int>] = []
            fields.reserveCapacity(4)
            var start = 0
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 10
                guard b == 9 || b == 10 else { continue }
                fields.append(start..<i)
                start = i + 1
                guard b == 10 else { continue }
                defer { fields.removeAll(keepingCapacity: true) }
                guard fields.count == 4,
                      let from = CalendarDate.parseISOBytes(UnsafeBufferPointer(rebasing: bytes[fields[0]])),
                      let to = CalendarDate.parseISOBytes(UnsafeBufferPointer(rebasing: bytes[fields[1]])),
                      let minutes = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[3]]), as: UTF8.self))
                else { continue }
                periods.append(ServedPeriod(from: from, to: to, agent: String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[2]]), as: UTF8.self),
                                            minutesPerDay: minutes))
            }
        }
        return periods
    }

    // MARK: Reading

    static let decisionColumns = """
        request, implicit, member, motive, received, start_date, end_date, minutes_per_week, exceptional, small,
        status, needed_minutes, served_minutes, preempted_on, capped, effective_end, reasons, periods
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
                reasons: decode(row[16]), periods: decodePeriods(row[17]), wentFirst: wentFirst(row[16])))
        }
        return result
    }

    /// The whole stored plan, decisions in id order as `Arbitration.plan` gives them.
    static func plan(_ db: Database) throws -> Plan {
        let decisions = try decisions(db, sql: "SELECT \(decisionColumns) FROM plan_decision ORDER BY request")
        let work = try PlanWork.allocations(db, sql: "SELECT agent, month, days FROM plan_month ORDER BY agent, month", arguments: [])
        return Plan(decisions: decisions, allocations: work.map(\.allocation))
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
        return try read { db in try PlanStore.decisions(db, sql: "SELECT \(PlanStore.decisionColumns) FROM plan_decision ORDER BY request") }
    }

    /// The stored minutes of every agent between two days (both included), in the arbitration's order within a day.
    public func storedWork(from: CalendarDate, to: CalendarDate) throws -> [DayAllocation] {
        try ensurePlan()
        return try read { db in try PlanWork.allocations(db, from: from, to: to).map(\.allocation) }
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
            if !byMember {
                let rowCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM plan_agent") ?? 0
                let codes = try String.fetchAll(db, sql: "SELECT code FROM plan_agent WHERE position >= ? ORDER BY position LIMIT ?",
                                                arguments: [max(0, top), max(0, count)])
                let agents = try PlanWindowReader.agents(db, codes)
                let allocations = try PlanWindowReader.allocations(db, agents: codes, from: from, to: to)
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
            // Every agent's days of the period, read once: they say which members have work, and
            // the rows on screen keep theirs.
            let work = try PlanWork.allocations(db, from: from, to: to)
            let worked = Set(work.map(\.member)).union(rotaMembers)
            let shown = try String.fetchAll(db, sql: """
                SELECT code FROM plan_member WHERE code IN (SELECT value FROM json_each(?)) ORDER BY position
                """, arguments: [PlanWindowReader.jsonArray(Array(worked))])
            let slice = Array(shown[max(0, min(top, shown.count))..<max(0, min(top + count, shown.count))])
            let rowMembers = try PlanWindowReader.members(db, slice)
            let sliceSet = Set(slice)
            let allocations = work.filter { sliceSet.contains($0.member) }
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

extension AppDatabase {
    /// What the half-day schedule of a few agents needs (rules.md §5): their days of work from
    /// `from` to `to` (from the plan's start unless the weeks before `from` are already placed:
    /// stability reads each week before), the decisions and the members (with opening hours)
    /// those days name, and the stored plan's version, which says whether placed weeks still hold.
    public func storedAgentWork(agents codes: [String], from: CalendarDate, to: CalendarDate) throws
        -> (allocations: [DayAllocation], decisions: [RequestDecision], members: [Member], planVersion: Int) {
        try ensurePlan()
        return try read { db in
            let agents = try PlanWindowReader.agents(db, codes)
            let found = try PlanWindowReader.history(db, agents: agents, from: from, to: to)
            let version = try Int.fetchOne(db, sql: "SELECT plan_version FROM plan_state WHERE id = 1") ?? 0
            return (found.allocations, found.decisions, found.members, version)
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
            SELECT code, name, weekly_minutes, rtt_days_per_year, annual_cost_cents, hourly_cost_cents FROM agent
            WHERE code IN (SELECT value FROM json_each(?))
            """, arguments: [list]) {
            let code: String = row[0]
            byCode[code] = Agent(code: code, name: row[1], weeklyMinutes: row[2], rttDaysPerYear: row[3],
                                 annualCostCents: row[4], hourlyCostCents: row[5], rota: rota[code] ?? [], absences: absences[code] ?? [])
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
            SELECT \(TerritoryReader.memberColumns) FROM member WHERE code IN (SELECT value FROM json_each(?))
            """, arguments: [list]) {
            let code: String = row[0]
            byCode[code] = TerritoryReader.member(row, openingHours: OpeningHours(opening[code] ?? [:]))
        }
        return codes.compactMap { byCode[$0] }
    }

    /// Stored minutes of the agents `codes` from `from` to `to`, in the arbitration's order.
    static func allocations(_ db: Database, agents codes: [String], from: CalendarDate, to: CalendarDate) throws
        -> [(allocation: DayAllocation, member: String)] {
        guard !codes.isEmpty else { return [] }
        return try PlanWork.allocations(db, sql: """
            SELECT agent, month, days FROM plan_month
            WHERE agent IN (SELECT value FROM json_each(?)) AND month BETWEEN ? AND ? ORDER BY agent, month
            """, arguments: [jsonArray(codes), PlanWork.month(of: from), PlanWork.month(of: to)], from: from, to: to)
    }

    /// The agents' days of work from the plan's start to `to`, with the decisions and members
    /// (opening hours included) they name: what `HalfDayPlanner` needs for those agents.
    static func history(_ db: Database, agents: [Agent], from: CalendarDate = CalendarDate(dayNumber: 0), to: CalendarDate) throws
        -> (allocations: [DayAllocation], decisions: [RequestDecision], members: [Member]) {
        let work = try allocations(db, agents: agents.map(\.code), from: from, to: to)
        let memberCodes = Set(work.map(\.member) + agents.flatMap { $0.rota.map(\.member) })
        return (work.map(\.allocation), try decisions(db, Set(work.map(\.allocation.request))), try members(db, Array(memberCodes)))
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
