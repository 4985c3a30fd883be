import Domain

extension AppState {
    /// The lines of the report on screen at this width (the frame's inside), empty while it is computed.
    var reportRows: [ReportLine] {
        guard let shown = reportsPane.shown else { return [] }
        if reportsPane.linesMadeFor == reportLinesKey { return reportsPane.lines }
        return reportLines(shown, width: max(0, width - 4), self)
    }

    /// What the report's lines on screen depend on; nil while no report is shown.
    var reportLinesKey: ReportsPaneState.LinesKey? {
        guard let period = reportsPane.period, reportsPane.shown != nil else { return nil }
        return ReportsPaneState.LinesKey(period: period, generation: reportsPane.generation, width: max(0, width - 4),
                                         language: language, role: role)
    }

    /// How many of the report's lines fit under the frame's title and the columns' line.
    var reportPage: Int { max(1, height - 5) }
}

/// Opening the pane: the report of its period, computed once (the first frame says so).
func openReports(_ state: inout AppState) -> [Effect] {
    let pane = state.reportsPane
    if pane.loading || pane.shown != nil { return [] }
    state.reportsPane.loading = true
    return [.loadReport(pane.period)]
}

/// The Rapports pane's keys; nil when the key is not one of them.
func handleReportsKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    let l = state.language
    switch action {
    case .previousPeriod, .nextPeriod:
        guard let period = state.reportsPane.period else { return [] }
        let next = action == .nextPeriod ? period.next : period.previous
        guard next.from <= state.today else {
            state.notice = l.pick("La période suivante n'a pas commencé.", "The next period has not started.")
            return []
        }
        state.reportsPane.period = next
        state.reportsPane.cursor = 0
        state.reportsPane.scroll = 0
        if state.reportsPane.cache[next] != nil { return [] }
        state.reportsPane.loading = true
        return [.loadReport(next)]
    case .up, .down, .pageUp, .pageDown:
        moveReportCursor(action, &state)
        return []
    case .open:
        let rows = state.reportRows
        let selectable = rows.indices.filter { rows[$0].selectable }
        guard let shown = state.reportsPane.shown, let index = selectable[safe: state.reportsPane.cursor] else { return [] }
        let line = rows[index]
        let f = DisplayFormat(l)
        var panel = PanelState(subject: .reportFigure(index: index, period: shown.period),
                               title: (line.details.count == 1 ? line.details[0].title : line.details.first.map { String($0.title.split(separator: "·")[0]) } ?? "")
                                   .trimmingCharacters(in: .whitespaces) + " · " + f.numericDate(shown.period.from) + " – " + f.numericDate(shown.period.to))
        panel.lines = reportDetailLines(line, shown, state)
        state.panel = panel
        return []
    case .writePDF, .writeCSV:
        guard let period = state.reportsPane.period, state.reportsPane.shown != nil else {
            state.notice = l.pick("Le rapport est en cours de calcul : un instant.", "The report is being computed: one moment.")
            return []
        }
        return [.writeReport(action == .writePDF ? .pdf : .csv, period, replacing: false)]
    default:
        return nil
    }
}

/// ↑↓ and the pages move over the figures; the lines scroll to keep the chosen one in sight
/// (the headings and charts between figures are shown as the cursor passes them).
private func moveReportCursor(_ action: Action, _ state: inout AppState) {
    let rows = state.reportRows
    let selectable = rows.indices.filter { rows[$0].selectable }
    guard !selectable.isEmpty else { return }
    let page = state.reportPage
    var pane = state.reportsPane
    switch action {
    case .up: pane.cursor -= 1
    case .down: pane.cursor += 1
    case .pageUp, .pageDown:
        // A page of lines, to the figure nearest that line.
        let current = selectable[max(0, min(pane.cursor, selectable.count - 1))]
        let target = action == .pageDown ? current + page - 1 : current - (page - 1)
        pane.cursor = (action == .pageDown ? selectable.lastIndex { $0 <= target } : selectable.firstIndex { $0 >= target })
            ?? (action == .pageDown ? selectable.count - 1 : 0)
        if action == .pageDown && selectable[pane.cursor] <= current { pane.cursor += 1 }
        if action == .pageUp && selectable[pane.cursor] >= current { pane.cursor -= 1 }
    default: break
    }
    pane.cursor = max(0, min(pane.cursor, selectable.count - 1))
    let line = selectable[pane.cursor]
    // The first lines (the columns' line aside) come back into sight at the first figure,
    // the last ones at the last figure.
    let body = rows.count - 1
    if pane.cursor == 0 { pane.scroll = 0 }
    if line - 1 < pane.scroll { pane.scroll = line - 1 }
    if line - 1 >= pane.scroll + page { pane.scroll = line - page }
    if pane.cursor == selectable.count - 1 { pane.scroll = max(pane.scroll, body - page) }
    pane.scroll = max(0, min(pane.scroll, max(0, body - page)))
    state.reportsPane = pane
}

/// A report computed: kept for its period, shown when it is the one asked.
func reportLoaded(_ screen: ReportScreen, _ state: inout AppState) {
    state.reportsPane.cache[screen.period] = screen
    state.reportsPane.generation += 1
    if state.reportsPane.period == nil { state.reportsPane.period = screen.period }
    if state.reportsPane.period == screen.period { state.reportsPane.loading = false }
}

/// The data changed: the reports computed are dropped, the one on screen computed again.
func reportsOutdated(_ state: inout AppState) -> [Effect] {
    state.reportsPane.cache = [:]
    state.reportsPane.generation += 1
    guard state.pane == .reports, !state.reportsPane.loading else { return [] }
    state.reportsPane.loading = true
    return [.loadReport(state.reportsPane.period)]
}

/// "Remplacer le fichier ?": o replaces it, any other key leaves it.
func editReportPrompt(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard let asked = state.reportsPane.overwrite else { return [] }
    state.reportsPane.overwrite = nil
    guard Confirmation.accepts(key), let period = state.reportsPane.period else { return [] }
    return [.writeReport(asked.kind, period, replacing: true)]
}

/// Makes the report's lines again when what they depend on changed (called after each update;
/// usually nothing to do), so that keys and frames read them made.
func refreshReportLines(_ state: inout AppState) {
    let key = state.reportLinesKey
    guard key != state.reportsPane.linesMadeFor else { return }
    state.reportsPane.linesMadeFor = nil
    state.reportsPane.lines = key == nil ? [] : state.reportRows
    state.reportsPane.linesMadeFor = key
}
