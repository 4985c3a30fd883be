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
                                      motiveText(d.request.motive), d.status.label(in: language)])
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
    var planningRowCount: Int { knownPlanningRowCount ?? 0 }

    /// The row count of the grid being shown, if the window loaded matches it (the agents view
    /// has the same rows every period; the members view's rows change with the period).
    var knownPlanningRowCount: Int? {
        guard let grid, grid.query.rows == planning.rows,
              planning.rows == .agents || (grid.query.from == planningDays.first && grid.query.to == planningDays.last) else { return nil }
        return grid.rowCount
    }

    /// Grid rows that fit on screen (see `renderPlanning`).
    var planningVisibleRows: Int {
        max(1, height - 4 - (planning.showDetail ? 6 : 0) - (planning.month ? 1 : 2))
    }

    /// The window the planning grid needs now.
    var gridQuery: GridQuery {
        let days = planningDays
        return GridQuery(rows: planning.rows, top: planning.scroll, count: planningVisibleRows,
                         from: days.first ?? planning.weekStart, to: days.last ?? planning.weekStart)
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

/// One row of an agent's list of absences or rota slots.
enum AgentItem: Equatable {
    case absence(Absence)
    case rota(RotaEntry)
}

extension AppState {
    /// The agent whose absences or rota slots are listed.
    var agentItemsAgent: Agent? {
        guard let items = agentItems else { return nil }
        return snapshot?.territory.agents.first { $0.code == items.agent }
    }

    /// The rows of the open list of absences or rota slots, in date (or weekday) order.
    var agentItemList: [AgentItem] {
        guard let items = agentItems, let agent = agentItemsAgent else { return [] }
        switch items.kind {
        case .absences: return agent.absences.sorted().map(AgentItem.absence)
        case .rota: return agent.rota.sorted().map(AgentItem.rota)
        }
    }

    var agentItemCount: Int { agentItemList.count }

    func agentItem(at index: Int) -> AgentItem? { agentItemList[safe: index] }
}
