import Domain

/// The planning grid's rows, window and days, shared by its update and its view.
extension AppState {
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
