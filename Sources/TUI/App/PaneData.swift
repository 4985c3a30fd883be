import Domain

/// The rows each list pane shows, filtered: shared by `update` (cursor bounds) and `render`.
extension AppState {
    /// Whether any of `fields` contains `filter`, ignoring case and accents. The fields are
    /// built only when there is a filter: lists of 40,000 requests stay instant.
    func matches(_ filter: String, _ fields: @autoclosure () -> [String]) -> Bool {
        guard !filter.isEmpty else { return true }
        let needle = filter.folding()
        return fields().contains { $0.folding().contains(needle) }
    }

    var requestRows: [RequestDecision] {
        guard let snapshot else { return [] }
        guard !requests.filter.isEmpty else { return snapshot.plan.decisions }
        return snapshot.plan.decisions.filter { d in
            matches(requests.filter, [d.id, snapshot.member(d.request.member)?.name ?? d.request.member,
                                      d.request.motive.label(in: language), d.status.label(in: language)])
        }
    }

    var memberRows: [Member] {
        guard let snapshot else { return [] }
        return snapshot.members.filter { matches(members.filter, [$0.code, $0.name]) }
    }

    var agentRows: [Agent] {
        guard let snapshot else { return [] }
        return snapshot.agents.filter { matches(agents.filter, [$0.code, $0.name]) }
    }

    /// Rows of the planning grid: agents, or the members with work that period.
    var planningRowCount: Int {
        guard let snapshot else { return 0 }
        return planning.rows == .agents ? snapshot.agents.count : planningMembers.count
    }

    /// Members who get minutes in the planning period (members view).
    var planningMembers: [Member] {
        guard let snapshot else { return [] }
        let days = planningDays.map(\.dayNumber)
        var codes = Set<String>()
        for byDay in snapshot.work.values {
            for day in days { for item in byDay[day] ?? [] { codes.insert(snapshot.decisions[item.request]?.request.member ?? "") } }
        }
        for agent in snapshot.agents {
            for entry in agent.rota where planningDays.contains(where: { rotaPresent(agent, entry.member, $0, snapshot) }) {
                codes.insert(entry.member)
            }
        }
        return snapshot.members.filter { codes.contains($0.code) }
    }

    /// The days shown: Monday to Friday of the week, or every day of the month.
    var planningDays: [CalendarDate] {
        if planning.month {
            let first = CalendarDate(year: planning.weekStart.year, month: planning.weekStart.month, day: 1) ?? planning.weekStart
            let count = CalendarDate.daysIn(month: first.month, year: first.year)
            return (0..<count).map { first.adding(days: $0) }
        }
        return (0..<5).map { planning.weekStart.adding(days: $0) }
    }
}
