import Domain

/// The rows and days the planning grid shows: what one `PlanningWindow` holds.
public struct GridQuery: Sendable, Equatable {
    public var rows: PlanningState.Rows
    /// Index of the first row on screen, and how many rows fit.
    public var top: Int
    public var count: Int
    public var from: CalendarDate
    public var to: CalendarDate

    public init(rows: PlanningState.Rows, top: Int, count: Int, from: CalendarDate, to: CalendarDate) {
        self.rows = rows
        self.top = top
        self.count = count
        self.from = from
        self.to = to
    }
}

/// What the planning grid draws: the rows on screen and the plan of those rows on the days
/// shown, never the whole territory. The database gives it (`AppDataSource.planningWindow`),
/// or `make(from:query:)` cuts it from a snapshot already in memory; both give the same grid.
public struct PlanningWindow: Sendable {
    public var query: GridQuery
    public var service: ServiceSettings
    /// Rows of the whole grid (agents, or members with work in the period).
    public var rowCount: Int
    /// Agents view: the agents on screen, in display order. Members view: the agents who work
    /// at (or have rota slots at) the members on screen, in display order.
    public var agents: [Agent]
    /// Members view: the members on screen.
    public var rowMembers: [Member]
    public var membersByCode: [String: Member]
    public var decisions: [String: RequestDecision]
    /// Minutes by agent code, then day number, then request id (in priority order).
    public var work: [String: [Int: [(request: String, minutes: Int)]]]
    /// Agents view: each agent's half-day weeks (rules.md §5) over the days shown, by agent code
    /// then Monday's day number, the same as `releve schedule --agent` gives.
    public var weeks: [String: [Int: AgentWeek]] = [:]

    /// A window read from the database: `members` holds every member the rows name,
    /// `decisions` and `allocations` the plan of those rows on those days.
    public init(query: GridQuery, service: ServiceSettings, rowCount: Int, agents: [Agent], rowMembers: [Member],
                members: [Member], decisions: [RequestDecision], allocations: [DayAllocation]) {
        self.query = query
        self.service = service
        self.rowCount = rowCount
        self.agents = agents
        self.rowMembers = rowMembers
        membersByCode = Dictionary((members + rowMembers).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        self.decisions = Dictionary(decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var work: [String: [Int: [(request: String, minutes: Int)]]] = [:]
        for allocation in allocations {
            work[allocation.agent, default: [:]][allocation.date.dayNumber, default: []].append((allocation.request, allocation.minutes))
        }
        self.work = work
    }

    private init(query: GridQuery, snapshot: Snapshot, rowCount: Int, agents: [Agent], rowMembers: [Member]) {
        self.query = query
        service = snapshot.territory.service
        self.rowCount = rowCount
        self.agents = agents
        self.rowMembers = rowMembers
        membersByCode = snapshot.membersByCode
        decisions = snapshot.decisions
        work = snapshot.work
    }

    /// Places the half-days of the agents on screen (agents view), from a territory and plan
    /// that hold at least those agents' days of work up to the last day shown.
    public mutating func placeHalfDays(territory: Territory, plan: Plan, placed: [AgentWeek] = []) {
        guard query.rows == .agents, !agents.isEmpty else { return }
        let planner = HalfDayPlanner(territory: territory, plan: plan)
        for week in placed { planner.seed(week) }
        var monday = query.from.mondayOfWeek
        while monday <= query.to {
            for agent in agents { weeks[agent.code, default: [:]][monday.dayNumber] = planner.week(agent: agent.code, monday: monday) }
            monday = monday.adding(days: 7)
        }
    }

    /// The half-days of `agent` on `day` (agents view).
    func placed(_ agent: String, on day: CalendarDate) -> (halfDays: [PlacedHalfDay], unplaced: [UnplacedMinutes], conflicts: [HalfDayConflict]) {
        guard let week = weeks[agent]?[day.mondayOfWeek.dayNumber] else { return ([], [], []) }
        return (week.halfDays.filter { $0.date == day }, week.unplaced.filter { $0.date == day }, week.conflicts.filter { $0.date == day })
    }

    /// The window cut from a whole snapshot (tests, and once a list pane has loaded it).
    public static func make(from snapshot: Snapshot, query: GridQuery) -> PlanningWindow {
        let range = { (count: Int) in max(0, min(query.top, count))..<max(0, min(query.top + query.count, count)) }
        switch query.rows {
        case .agents:
            var window = PlanningWindow(query: query, snapshot: snapshot, rowCount: snapshot.agents.count,
                                        agents: Array(snapshot.agents[range(snapshot.agents.count)]), rowMembers: [])
            window.placeHalfDays(territory: snapshot.territory, plan: snapshot.plan)
            return window
        case .members:
            let members = planningMembers(snapshot, from: query.from, to: query.to)
            return PlanningWindow(query: query, snapshot: snapshot, rowCount: members.count, agents: snapshot.agents,
                                  rowMembers: Array(members[range(members.count)]))
        }
    }

    /// Members who get minutes, or have a rota agent present, between two days (members view).
    static func planningMembers(_ snapshot: Snapshot, from: CalendarDate, to: CalendarDate) -> [Member] {
        let days = (0...max(0, from.days(to: to))).map { from.adding(days: $0) }
        let calendar = snapshot.territory.service.calendar
        var codes = Set<String>()
        for byDay in snapshot.work.values {
            for day in days { for item in byDay[day.dayNumber] ?? [] { codes.insert(snapshot.decisions[item.request]?.request.member ?? "") } }
        }
        for agent in snapshot.agents {
            for entry in agent.rota where days.contains(where: { rotaPresent(agent, entry.member, $0, calendar) }) {
                codes.insert(entry.member)
            }
        }
        return snapshot.members.filter { codes.contains($0.code) }
    }

    public var calendar: HolidayCalendar { service.calendar }

    public func member(_ code: String) -> Member? { membersByCode[code] }

    /// The agent on row `index` of the agents view, when it is in the window.
    func agent(row index: Int) -> Agent? {
        query.rows == .agents ? agents[safe: index - query.top] : nil
    }

    /// The member on row `index` of the members view, when it is in the window.
    func member(row index: Int) -> Member? {
        query.rows == .members ? rowMembers[safe: index - query.top] : nil
    }
}

/// Whether `agent` works at `member` on `day` by the rota (present, working day).
func rotaPresent(_ agent: Agent, _ member: String, _ day: CalendarDate, _ calendar: HolidayCalendar) -> Bool {
    agent.rota.contains { $0.member == member && $0.day == day.weekday }
        && agent.absence(on: day) == nil && calendar.isWorkingDay(day)
}
