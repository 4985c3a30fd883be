import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rows of a list, all of `base` or those at `matches` (a filter), without copying them.
struct FilteredRows<Element>: RandomAccessCollection {
    let base: [Element]
    let matches: [Int]?

    var startIndex: Int { 0 }
    var endIndex: Int { matches?.count ?? base.count }
    subscript(position: Int) -> Element { base[matches?[position] ?? position] }
}

extension Collection where Index == Int {
    subscript(safe index: Int) -> Element? { index >= startIndex && index < endIndex ? self[index] : nil }
}

/// What the list panes show, derived from the loaded data once when it or a filter changes:
/// never per key or per frame (a national territory has 42,000 decisions and 35,000 members).
struct PaneLists: Sendable {
    /// What the lists were computed from.
    struct Inputs: Equatable, Sendable {
        var snapshot = -1
        var hours = -1
        var weekPlan = -1
        var week = CalendarDate(dayNumber: 0)
        var requestFilter = ""
        var followUpOnly = false
        var today = CalendarDate(dayNumber: 0)
        var memberFilter = ""
        var agentFilter = ""
    }

    var inputs = Inputs()
    var requestMatches: [Int]?
    /// What the coordinator has to follow up (Demandes, `u`), with the positions of those
    /// decisions in the plan's order.
    var followUp = FollowUpList()
    var followUpPositions: [Int] = []
    var memberMatches: [Int]?
    var agentMatches: [Int]?
    var hours: [HoursRow] = []
    var plannedVersusLogged: [PlannedVersusLogged] = []
    /// Each agent's planned minutes of the week, by code: they change with the territory, the
    /// week or its stored plan, not with the hours logged.
    var plannedByAgent: [String: Int] = [:]
}

extension AppState {
    var requestRows: FilteredRows<RequestDecision> {
        FilteredRows(base: snapshot?.plan.decisions ?? [], matches: lists.requestMatches)
    }

    var memberRows: FilteredRows<Member> { FilteredRows(base: snapshot?.members ?? [], matches: lists.memberMatches) }

    var agentRows: FilteredRows<Agent> { FilteredRows(base: snapshot?.agents ?? [], matches: lists.agentMatches) }

    /// The week's rows of the Heures pane, by agent then member name.
    var hoursRows: [HoursRow] { lists.hours }

    /// Per agent, planned and logged minutes in the Heures pane's week.
    var plannedVersusLogged: [PlannedVersusLogged] { lists.plannedVersusLogged }
}

/// Recomputes what changed among the lists (called after every update; usually nothing).
func refreshLists(_ state: inout AppState) {
    let now = PaneLists.Inputs(snapshot: state.snapshotGeneration, hours: state.hoursGeneration,
                               weekPlan: state.weekPlanGeneration, week: state.hoursWeek,
                               requestFilter: state.requests.filter, followUpOnly: state.requestsFollowUp, today: state.today, memberFilter: state.members.filter,
                               agentFilter: state.agents.filter)
    var lists = state.lists
    let old = lists.inputs
    guard now != old else { return }
    if let snapshot = state.snapshot {
        if now.snapshot != old.snapshot || now.today != old.today {
            let territory = snapshot.territory
            lists.followUp = FollowUpList(plan: snapshot.plan, requests: territory.requests, evaluations: territory.evaluations,
                                          convention: territory.service.convention, today: state.today)
            let marks = lists.followUp.marks
            lists.followUpPositions = snapshot.plan.decisions.indices.filter { marks[snapshot.plan.decisions[$0].id] != nil }
        }
        if now.snapshot != old.snapshot || now.today != old.today || now.requestFilter != old.requestFilter || now.followUpOnly != old.followUpOnly {
            let matches = requestMatches(state.requests.filter, snapshot, state)
            if now.followUpOnly {
                let positions = lists.followUpPositions
                lists.requestMatches = matches.map { m in let keep = Set(m); return positions.filter(keep.contains) } ?? positions
            } else {
                lists.requestMatches = matches
            }
        }
        if now.snapshot != old.snapshot || now.memberFilter != old.memberFilter {
            lists.memberMatches = matches(state.members.filter, in: snapshot.memberSearch)
        }
        if now.snapshot != old.snapshot || now.agentFilter != old.agentFilter {
            lists.agentMatches = matches(state.agents.filter, in: snapshot.agentSearch)
        }
        let weekChanged = now.snapshot != old.snapshot || now.week != old.week
        if weekChanged || now.weekPlan != old.weekPlan {
            lists.plannedByAgent = plannedMinutes(week: state.hoursWeek, snapshot, weekPlan: snapshot.holdsWork ? nil : state.weekPlan)
        }
        if weekChanged || now.hours != old.hours || now.weekPlan != old.weekPlan {
            lists.hours = hoursRows(state.hours, week: state.hoursWeek, snapshot)
            lists.plannedVersusLogged = plannedVersusLogged(state.hours, week: state.hoursWeek, snapshot, planned: lists.plannedByAgent)
        }
    } else {
        lists = PaneLists()
    }
    lists.inputs = now
    state.lists = lists
}

/// The positions whose folded text contains the folded filter; nil without a filter (every row).
private func matches(_ filter: String, in search: [String]) -> [Int]? {
    guard !filter.isEmpty else { return nil }
    let needle = filter.folding()
    return search.indices.filter { search[$0].holdsBytes(of: needle) }
}

extension String {
    /// Whether the UTF-8 bytes of `needle` occur in this string's: for folded texts, the same
    /// answer as `contains`, at a fraction of the cost (the first key of a filter scans every
    /// name of a national territory).
    func holdsBytes(of needle: String) -> Bool {
        var needle = needle
        var haystack = self
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                guard !pin.isEmpty else { return true }
                guard hay.count >= pin.count, let h = hay.baseAddress, let p = pin.baseAddress else { return false }
                // Jump to each occurrence of the first byte, then compare the rest.
                let last = hay.count - pin.count
                var i = 0
                while i <= last {
                    guard let found = memchr(h + i, Int32(pin[0]), last - i + 1) else { return false }
                    i = h.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if pin.count == 1 || memcmp(h + i + 1, p + 1, pin.count - 1) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}

/// The decisions whose id, member name, motive or status (as this user reads them) contain the filter.
private func requestMatches(_ filter: String, _ snapshot: Snapshot, _ state: AppState) -> [Int]? {
    guard !filter.isEmpty else { return nil }
    let needle = filter.folding()
    let motives = Set(Motive.allCases.filter { state.motiveText($0).folding().contains(needle) })
    let statuses = Set(DecisionStatus.allCases.filter { $0.label(in: state.language).folding().contains(needle) })
    return snapshot.plan.decisions.indices.filter { i in
        let d = snapshot.plan.decisions[i]
        return snapshot.decisionSearch[i].holdsBytes(of: needle) || statuses.contains(d.status)
            || motives.contains(d.request.motive)
    }
}

/// The week's rows (agent × member) with their entries, by agent then member name.
private func hoursRows(_ hours: [TimeEntry], week: CalendarDate, _ snapshot: Snapshot) -> [HoursRow] {
    struct Key: Hashable { let agent: String, member: String }
    let sunday = week.adding(days: 6)
    var rows: [Key: HoursRow] = [:]
    for e in hours where e.date >= week && e.date <= sunday {
        rows[Key(agent: e.agent, member: e.member), default: HoursRow(
            agent: e.agent, member: e.member, agentName: snapshot.agentNames[e.agent] ?? e.agent,
            memberName: snapshot.memberNames[e.member] ?? e.member, entries: [])].entries.append(e)
    }
    // Folded once per load in the snapshot: sorting 6,000 rows folds nothing.
    return rows.values.map { row -> (key: (String, String), row: HoursRow) in
        var row = row
        row.entries.sort { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
        return ((snapshot.foldedAgentName[row.agent] ?? row.agentName.folding(),
                 snapshot.foldedMemberName[row.member] ?? row.memberName.folding()), row)
    }.sorted { $0.key < $1.key }.map(\.row)
}

/// Per agent, the minutes the stored plan gives in the week: rota on working days outside
/// absences, plus the arbitration's allocations (the planning's "prévu").
private func plannedMinutes(week: CalendarDate, _ snapshot: Snapshot, weekPlan: [DayAllocation]?) -> [String: Int] {
    let sunday = week.adding(days: 6)
    var planned: [String: Int] = [:]
    for a in weekPlan ?? [] where a.date >= week && a.date <= sunday { planned[a.agent, default: 0] += a.minutes }
    let calendar = snapshot.territory.service.calendar
    let days = (0..<7).map { week.adding(days: $0) }
    let working = days.filter(calendar.isWorkingDay)
    for agent in snapshot.agents {
        var minutes = planned[agent.code] ?? 0
        if weekPlan == nil {
            for day in days { minutes += (snapshot.work[agent.code]?[day.dayNumber] ?? []).reduce(0) { $0 + $1.minutes } }
        }
        if !agent.rota.isEmpty {
            for day in working where agent.absence(on: day) == nil {
                minutes += agent.rota.filter { $0.day == day.weekday }.reduce(0) { $0 + $1.time.minutes }
            }
        }
        planned[agent.code] = minutes
    }
    return planned
}

/// Per agent, the week's planned minutes and those logged.
private func plannedVersusLogged(_ hours: [TimeEntry], week: CalendarDate, _ snapshot: Snapshot,
                                 planned: [String: Int]) -> [PlannedVersusLogged] {
    let sunday = week.adding(days: 6)
    var logged: [String: Int] = [:]
    for entry in hours where entry.date >= week && entry.date <= sunday { logged[entry.agent, default: 0] += entry.minutes }
    return snapshot.agents.map { agent in
        PlannedVersusLogged(agent: agent.code, name: agent.name, planned: planned[agent.code] ?? 0, logged: logged[agent.code] ?? 0)
    }
}
