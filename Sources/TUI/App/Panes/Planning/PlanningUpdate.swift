import Domain

// The planning grid's keys and the window it asks for.

/// Keeps the planning cursor inside the grid and on screen, then asks for the window the grid
/// needs when it is not the one loaded: cut from the snapshot when the whole territory is in
/// memory, read from the database otherwise.
func syncGrid(_ state: inout AppState) -> [Effect] {
    for _ in 0..<2 {
        var p = state.planning
        let visible = state.planningVisibleRows
        let count = state.knownPlanningRowCount
        if let count { p.row = max(0, min(p.row, count - 1)) }
        if p.row < p.scroll { p.scroll = p.row }
        if p.row >= p.scroll + visible { p.scroll = p.row - visible + 1 }
        if let count { p.scroll = max(0, min(p.scroll, count - visible)) }
        state.planning = p
        let query = state.gridQuery
        if state.grid?.query == query { return [] }
        guard let snapshot = state.snapshot, snapshot.holdsWork else { return [.loadGrid(query)] }
        // The row count may have changed with the window: clamp once more.
        state.grid = PlanningWindow.make(from: snapshot, query: query)
    }
    return []
}

func movePlanning(_ action: Action, _ state: inout AppState) -> [Effect] {
    var p = state.planning
    let columns = p.month ? state.planningDays.count : 10
    switch action {
    case .up: p.row -= 1
    case .down: p.row += 1
    case .pageUp: p.row -= max(1, state.height - 12)
    case .pageDown: p.row += max(1, state.height - 12)
    case .left: p.column -= 1
    case .right: p.column += 1
    case .open: p.showDetail.toggle()
    case .previousPeriod, .nextPeriod:
        let forward = action == .nextPeriod
        if p.month {
            let first = CalendarDate(year: p.weekStart.year, month: p.weekStart.month, day: 1) ?? p.weekStart
            p.weekStart = first.addingMonths(forward ? 1 : -1)
        } else {
            p.weekStart = p.weekStart.adding(days: forward ? 7 : -7)
        }
    case .today:
        p.weekStart = state.today.mondayOfWeek
        p.column = p.month ? state.today.day - 1 : min(9, (state.today.weekday.isoNumber - 1) * 2)
    case .monthView:
        p.month.toggle()
        if !p.month { p.weekStart = p.weekStart.mondayOfWeek }
        // Keep the cursor on the same day.
        p.column = p.month ? p.weekStart.day - 1 : 0
    case .switchView:
        p.rows = p.rows == .agents ? .members : .agents
        p.row = 0
        p.scroll = 0
    default: break
    }
    state.planning = p
    let newColumns = state.planning.month ? state.planningDays.count : 10
    state.planning.column = max(0, min(state.planning.column, max(columns, newColumns) - 1, newColumns - 1))
    // Clamped to the rows by `syncGrid`, once the period's window is known.
    state.planning.row = max(0, state.planning.row)
    return []
}
