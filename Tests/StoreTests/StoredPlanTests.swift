import Domain
import Foundation
import GRDB
@testable import Store
import Testing

/// The stored plan is the arbitration, read instead of computed: the interface and
/// `releve plan` show the same decisions.
@Suite("Stored plan")
struct StoredPlanTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 16) ?? CalendarDate(dayNumber: 0)

    /// The allocations of a plan by agent and day, in the arbitration's order.
    func work(_ plan: Plan) -> [String: [(String, Int)]] {
        var result: [String: [(String, Int)]] = [:]
        for a in plan.allocations { result["\(a.agent)|\(a.date.iso)", default: []].append((a.request, a.minutes)) }
        return result
    }

    func expectSame(_ stored: Plan, _ computed: Plan) {
        #expect(stored.decisions == computed.decisions)
        let (mine, theirs) = (work(stored), work(computed))
        #expect(mine.count == theirs.count)
        for (key, items) in theirs {
            #expect(mine[key]?.map(\.0) == items.map(\.0) && mine[key]?.map(\.1) == items.map(\.1), "\(key)")
        }
    }

    func computed(_ database: AppDatabase) throws -> Plan { Arbitration.plan(try database.loadPlanningTerritory()) }

    @Test func importStoresExactlyTheArbitration() throws {
        for territory in [DemoTerritory.make(today: Self.today), try Fixtures.oisans()] {
            let database = try Fixtures.database()
            try database.save(territory)
            #expect(try database.read { try PlanStore.isStale($0) } == false)
            expectSame(try database.storedPlan(), Arbitration.plan(territory))
            // Same report as `releve plan`.
            let calendar = territory.service.calendar
            #expect(PlanReport(plan: try database.storedPlan(), from: nil, to: nil, calendar: calendar).json()
                    == PlanReport(plan: Arbitration.plan(territory), from: nil, to: nil, calendar: calendar).json())
        }
    }

    @Test func everyWriteThatChangesThePlanRecomputesIt() throws {
        let database = try Fixtures.database()
        try database.save(DemoTerritory.make(today: Self.today))
        var territory = try database.loadPlanningTerritory()
        // A new request.
        var request = try #require(territory.requests.first)
        request.start = Self.today
        request.end = Self.today.adding(days: 30)
        request.received = Self.today.adding(days: -40)
        _ = try database.saveRequest(request, isNew: true)
        expectSame(try database.storedPlan(), try computed(database))
        // An absence of the first agent.
        territory = try database.loadPlanningTerritory()
        var agent = territory.agents[0]
        agent.absences.append(Absence(from: Self.today, to: Self.today.adding(days: 20), kind: .maladie))
        try database.save(Territory(service: territory.service, agents: [agent]))
        expectSame(try database.storedPlan(), try computed(database))
        // A member without requests deleted.
        let orphan = Member(code: "99999", name: "Orpheline", population: 10, singlePartTimeSecretary: true,
                            memberSince: Self.today.adding(days: -400))
        try database.save(Territory(service: territory.service, members: [orphan]))
        try database.deleteMember("99999")
        expectSame(try database.storedPlan(), try computed(database))
    }

    @Test func hoursDoNotChangeThePlan() throws {
        let database = try Fixtures.database()
        let territory = DemoTerritory.make(today: Self.today)
        try database.save(territory)
        let before = try database.read { try Int.fetchOne($0, sql: "SELECT plan_version FROM plan_state") }
        let agent = territory.agents[0].code, member = territory.members[0].code
        _ = try database.logHours(TimeEntry(agent: agent, member: member, date: Self.today, minutes: 60), location: { $0 })
        let after = try database.read { try Int.fetchOne($0, sql: "SELECT plan_version FROM plan_state") }
        #expect(before == after)
        #expect(try database.read { try PlanStore.isStale($0) } == false)
    }

    @Test func aStalePlanIsRecomputedWhenRead() throws {
        let database = try Fixtures.database()
        try database.save(DemoTerritory.make(today: Self.today))
        // A write that bypasses `AppDatabase.write`.
        try database.writer.write { db in
            try db.execute(sql: "UPDATE request SET minutes_per_week = minutes_per_week + 60 WHERE id = (SELECT min(id) FROM request)")
        }
        #expect(try database.read { try PlanStore.isStale($0) })
        expectSame(try database.storedPlan(), try computed(database))
    }

    @Test func reasonsSurviveTheirTextForm() {
        let reasons: [ReasonCode] = [.urgent, .smallCommune, .shortNotice, .capped, .refused(.notMember),
                                     .sharedWith(["D-1", "D,2"]), .preemptedBy("D-3"), .tourDeRole, .noCapacity]
        #expect(PlanStore.decode(PlanStore.encode(reasons)) == reasons)
        #expect(PlanStore.decode(PlanStore.encode([])) == [])
    }

    @Test func periodsAndDaysSurviveTheirTextForm() throws {
        let day = try #require(CalendarDate(year: 2026, month: 3, day: 9))
        let periods = [ServedPeriod(from: day, to: day.adding(days: 4), agent: "A1", minutesPerDay: 210),
                       ServedPeriod(from: day.adding(days: 7), to: day.adding(days: 7), agent: "A 2", minutesPerDay: 1)]
        #expect(PlanStore.decodePeriods(PlanStore.encodePeriods(periods)) == periods)
        #expect(PlanStore.decodePeriods("") == [])
        // A month's days, read whole or from one day to another (both included).
        let text = "9\tD-1\t71001\t210\n9\tD-2\t71002\t30\n31\tROTA:A1:71003:2026-03-31\t71003\t7"
        var read: [String] = []
        PlanWork.decode(text, month: PlanWork.month(of: day), from: .min, to: .max) { date, request, member, minutes in
            read.append("\(date.iso) \(request) \(member) \(minutes)")
        }
        #expect(read == ["2026-03-09 D-1 71001 210", "2026-03-09 D-2 71002 30", "2026-03-31 ROTA:A1:71003:2026-03-31 71003 7"])
        read = []
        PlanWork.decode(text, month: PlanWork.month(of: day), from: day.adding(days: 1).dayNumber, to: day.adding(days: 30).dayNumber) {
            read.append("\($0.iso) \($1)") ; _ = ($2, $3)
        }
        #expect(read == ["2026-03-31 ROTA:A1:71003:2026-03-31"])
    }

    @Test func theGridWindowIsTheSliceOfThePlan() throws {
        let database = try Fixtures.database()
        let territory = DemoTerritory.make(today: Self.today)
        try database.save(territory)
        let plan = Arbitration.plan(territory)
        let monday = Self.today
        let friday = monday.adding(days: 4)
        let ordered = territory.agents.sorted { ($0.name.folding(), $0.code) < ($1.name.folding(), $1.code) }
        let window = try database.storedPlanWindow(byMember: false, top: 1, count: 3, from: monday, to: friday)
        #expect(window.rowCount == territory.agents.count)
        #expect(window.agents.map(\.code) == ordered[1..<min(4, ordered.count)].map(\.code))
        let codes = Set(window.agents.map(\.code))
        let expected = plan.allocations.filter { codes.contains($0.agent) && $0.date >= monday && $0.date <= friday }
        #expect(Set(window.allocations) == Set(expected))
        #expect(Set(window.decisions.map(\.id)) == Set(expected.map(\.request)))
        for decision in window.decisions { #expect(plan.decision(decision.id) == decision) }
        // Members view: the members with minutes that week come first in name order.
        let byMember = try database.storedPlanWindow(byMember: true, top: 0, count: 100, from: monday, to: friday)
        let worked = Set(plan.allocations.filter { $0.date >= monday && $0.date <= friday }
            .compactMap { a in plan.decision(a.request)?.request.member })
        #expect(worked.isSubset(of: Set(byMember.rowMembers.map(\.code))))
        #expect(byMember.rowCount == byMember.rowMembers.count)
    }

    /// The grid's and the kiosk's half-days come from a few agents' stored history; they are the
    /// weeks the whole territory's planner gives (`releve schedule --agent`), every week.
    @Test func aFewAgentsHistoryPlacesTheSameHalfDaysAsTheWholePlan() throws {
        let database = try Fixtures.database()
        let territory = DemoTerritory.make(today: Self.today)
        try database.save(territory)
        let plan = Arbitration.plan(territory)
        let whole = HalfDayPlanner(territory: territory, plan: plan)
        let last = plan.allocations.map(\.date).max() ?? Self.today
        var checked = 0
        for agent in territory.agents {
            let history = try database.storedAgentWork(agents: [agent.code], from: CalendarDate(dayNumber: 0), to: last)
            let few = HalfDayPlanner(territory: Territory(service: territory.service, members: history.members, agents: [agent]),
                                     plan: Plan(decisions: history.decisions, allocations: history.allocations))
            var monday = (plan.allocations.map(\.date).min() ?? Self.today).mondayOfWeek
            while monday <= last {
                #expect(few.week(agent: agent.code, monday: monday) == whole.week(agent: agent.code, monday: monday), "\(agent.code) \(monday.iso)")
                checked += 1
                monday = monday.adding(days: 7)
            }
            // The kiosk's days are those half-days, her rota slots included.
            let days = try #require(try database.plannedDays(agent: agent.code, from: Self.today.mondayOfWeek, to: Self.today.mondayOfWeek.adding(days: 4)))
            let week = whole.week(agent: agent.code, monday: Self.today.mondayOfWeek)
            let shown: Int = days.flatMap(\.work).filter { $0.time != nil }.map(\.minutes).reduce(0, +)
            let placed: Int = week.halfDays.map(\.minutes).reduce(0, +)
            #expect(shown == placed, "\(agent.code)")
        }
        #expect(checked > 100)
    }

    /// The rows of the plan tables, to compare an updated plan with one written from scratch.
    func planRows(_ database: AppDatabase) throws -> [String] {
        try database.read { db in
            var rows: [String] = []
            for (table, order) in [("plan_decision", "request"), ("plan_month", "agent, month"),
                                   ("plan_agent", "position"), ("plan_member", "position")] {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") { rows.append("\(table) \(row)") }
            }
            return rows
        }
    }

    /// Whatever the sequence of edits, the plan updated in place is row for row the plan
    /// written from nothing (`DELETE` everything, mark stale, recompute).
    @Test func anUpdatedPlanIsThePlanWrittenAfresh() throws {
        let database = try Fixtures.database()
        try database.save(DemoTerritory.make(today: Self.today))
        var generator = SplitMix(seed: 11)
        for step in 0..<12 {
            var territory = try database.loadPlanningTerritory(openingHours: true)
            switch step % 4 {
            case 0:
                var request = territory.requests[Int(generator.next() % UInt64(territory.requests.count))]
                request.minutesPerWeek = 60 * Int(1 + generator.next() % 30)
                try database.save(Territory(service: territory.service, requests: [request]))
            case 1:
                let i = Int(generator.next() % UInt64(territory.agents.count))
                let from = Self.today.adding(days: Int(generator.next() % 60) - 30)
                territory.agents[i].absences = [Absence(from: from, to: from.adding(days: Int(generator.next() % 20)), kind: .maladie)]
                try database.save(Territory(service: territory.service, agents: [territory.agents[i]]))
            case 2:
                var request = territory.requests[0]
                request.id = "D-PROP-\(step)"
                request.start = Self.today.adding(days: Int(generator.next() % 90) - 45)
                request.end = request.start.adding(days: Int(generator.next() % 60))
                request.received = request.start.adding(days: -10)
                _ = try database.saveRequest(request, isNew: false)
            default:
                // A renamed member changes the display order.
                let i = Int(generator.next() % UInt64(territory.members.count))
                territory.members[i].name = "Zz \(step) " + territory.members[i].name
                try database.save(Territory(service: territory.service, members: [territory.members[i]]))
            }
            let updated = try planRows(database)
            expectSame(try database.storedPlan(), try computed(database))
            try database.writer.write { db in
                for table in ["plan_decision", "plan_month", "plan_agent", "plan_member"] {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
                try db.execute(sql: "UPDATE plan_state SET agents_digest = NULL, members_digest = NULL, plan_version = territory_version - 1")
            }
            try database.ensurePlan()
            #expect(try planRows(database) == updated, "step \(step)")
        }
    }

    /// One request changed on a national-like territory rewrites only part of the plan: the
    /// days before the request cannot change, so neither can the months before its own.
    @Test func aChangeLeavesEarlierMonthsUntouched() throws {
        let database = try Fixtures.database()
        try database.save(SyntheticTerritory.make(members: 300, agents: 20, years: 1, seed: 3))
        let territory = try database.loadPlanningTerritory()
        let late = try #require(territory.requests.filter { $0.start.month >= 11 }.first)
        let months = { (db: Database) in
            try Row.fetchAll(db, sql: "SELECT * FROM plan_month WHERE month < ? ORDER BY agent, month",
                             arguments: [PlanWork.month(of: late.start)]).map { "\($0)" }
        }
        let before = try database.read(months)
        #expect(!before.isEmpty)
        var changed = late
        changed.minutesPerWeek += 120
        let writes = try database.writer.write { db -> Int in
            let start = db.totalChangesCount
            try TerritoryWriter(db: db).writeRequest(changed)
            try PlanStore.refreshIfStale(db)
            return db.totalChangesCount - start
        }
        #expect(try database.read(months) == before)
        let total = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM plan_month") ?? 0 }
        #expect(writes < total / 2, "\(writes) rows written for \(total) in plan_month")
        expectSame(try database.storedPlan(), try computed(database))
    }

    /// However much of the plan a change moves (an early request re-assigns most of what
    /// follows, rules.md §3.3.5), it writes at most one row per agent-month and one or two per
    /// decision, never one per day of work.
    @Test func anEarlyChangeWritesOneRowPerAgentMonth() throws {
        let database = try Fixtures.database()
        try database.save(SyntheticTerritory.make(members: 300, agents: 20, years: 1, seed: 3))
        let territory = try database.loadPlanningTerritory()
        let first = try #require(territory.requests.map(\.start).min())
        var early = try #require(territory.requests.first { $0.member == territory.members[0].code } ?? territory.requests.first)
        early.id = "D-EARLY-1"
        early.motive = .maladie
        early.received = first
        early.start = first.adding(days: 7)
        early.end = first.adding(days: 40)
        early.minutesPerWeek = 1_200
        let days = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM plan_month") ?? 0 }
        let decisions = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM plan_decision") ?? 0 }
        let writes = try database.writer.write { db -> Int in
            let start = db.totalChangesCount
            try TerritoryWriter(db: db).writeRequest(early)
            try PlanStore.refreshIfStale(db)
            return db.totalChangesCount - start
        }
        #expect(writes <= days + 2 * (decisions + 1) + 10, "\(writes) rows written")
        expectSame(try database.storedPlan(), try computed(database))
    }
}

/// A small deterministic generator for the property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The grid's kept half-day weeks are the whole planner's, whatever the order the weeks are
/// asked in, and are placed again once the plan changed.
@Suite struct PlacedWeeksTests {
    @Test func keptWeeksAreTheWholePlannersWeeksAndFollowThePlan() throws {
        let database = try Fixtures.database()
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 16))
        var territory = DemoTerritory.make(today: today)
        try database.save(territory)
        let cache = PlacedWeeks()
        let agents = Array(territory.agents.sorted { $0.code < $1.code }.prefix(3))
        func check(_ monday: CalendarDate, _ plan: Plan) throws {
            let whole = HalfDayPlanner(territory: territory, plan: plan)
            let weeks = try cache.weeks(of: agents, service: territory.service, from: monday, to: monday.adding(days: 4), in: database)
            for agent in agents {
                #expect(weeks[agent.code]?[monday.dayNumber] == whole.week(agent: agent.code, monday: monday), "\(agent.code) \(monday.iso)")
            }
        }
        let plan = Arbitration.plan(territory)
        let base = today.mondayOfWeek
        for offset in [0, 7, 21, -14, 28, 35, -70] { try check(base.adding(days: offset), plan) }
        // A change of plan: the kept weeks are not reused.
        territory.requests[0].minutesPerWeek += 300
        territory.requests[5].end = territory.requests[5].end.adding(days: 14)
        try database.save(territory)
        let changed = Arbitration.plan(territory)
        for offset in [35, 42, 0] { try check(base.adding(days: offset), changed) }
    }
}
