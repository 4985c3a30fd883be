import Domain

/// Draws the whole interface into `buffer`; pure, so tests assert on `buffer.lines`.
public func render(_ state: AppState, into buffer: inout Buffer, theme: Theme) {
    buffer.fill(buffer.area, style: theme.style(.normal))
    guard buffer.width > 0, buffer.height > 0 else { return }
    let l = state.language
    if state.tooSmall {
        let lines = [l.pick("Terminal trop petit", "Terminal too small"),
                     l.pick("\(AppState.minimumWidth)×\(AppState.minimumHeight) minimum, actuel \(state.width)×\(state.height)",
                            "\(AppState.minimumWidth)×\(AppState.minimumHeight) minimum, now \(state.width)×\(state.height)"),
                     l.pick("q pour quitter", "q to quit")]
        for (i, line) in lines.enumerated() {
            let y = buffer.height / 2 - 1 + i
            let x = max(0, (buffer.width - TextWidth.of(line)) / 2)
            buffer.put(line, x: x, y: y, style: theme.style(i == 0 ? .error : .normal))
        }
        return
    }
    let borders: BorderSet = state.unicode ? .unicode : .ascii
    topBar(state, &buffer, theme)
    let body = Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 2)
    if let error = state.loadError {
        buffer.put(l.pick("Impossible de lire la base : ", "Cannot read the database: ") + error, x: 1, y: 2,
                   style: theme.style(.error), maxWidth: buffer.width - 2)
    } else if state.pane == .planning ? state.grid == nil : ![.invoices, .reports].contains(state.pane) && state.snapshot == nil {
        buffer.put(l.pick("Chargement…", "Loading…"), x: 1, y: 2, style: theme.style(.dim))
    } else {
        switch state.pane {
        case .planning: renderPlanning(state, body, &buffer, theme, borders)
        case .requests: renderRequests(state, body, &buffer, theme, borders)
        case .members: renderMembers(state, body, &buffer, theme, borders)
        case .agents: renderAgents(state, body, &buffer, theme, borders)
        case .hours: renderHours(state, body, &buffer, theme, borders)
        case .invoices: renderInvoices(state, body, &buffer, theme, borders)
        case .reports: renderReports(state, body, &buffer, theme, borders)
        }
    }
    statusBar(state, &buffer, theme)
    Overlay.paint(state, &buffer, theme, borders)
}

private func topBar(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme) {
    let width = buffer.width
    let format = DisplayFormat(state.language)
    buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme.style(.tab))
    let tabs = Pane.allCases.map { ("\($0.rawValue) \($0.title(state.language))", $0 == state.pane) }
    let tabsWidth = tabs.reduce(0) { $0 + TextWidth.of($1.0) + 2 }
    // Widest layout that fits: name, tabs and long date; then tabs and short date; then the
    // tabs closer together without the date (80 columns: the names of the panes matter more
    // than the date the panes' titles say); then digits.
    let longDate = format.date(state.today)
    let shortDate = format.numericDate(state.today)
    let name = " Relève · \(state.serviceName)"
    let layouts: [(name: String, date: String, tabs: [(String, Bool)], gap: Int)] = [
        (TextWidth.truncate(name, to: max(0, width - tabsWidth - TextWidth.of(longDate) - 3)), longDate, tabs, 2),
        ("", shortDate, tabs, 2),
        ("", "", tabs, 1),
        (" Relève", shortDate, tabs.map { (String($0.0.prefix(1)), $0.1) }, 2),
    ]
    let fits = layouts.first { layout in
        let nameWidth = TextWidth.of(layout.name)
        let needed = (nameWidth >= 12 || layout.name.isEmpty ? nameWidth : 0)
            + layout.tabs.reduce(0) { $0 + TextWidth.of($1.0) + layout.gap } + TextWidth.of(layout.date) + 2
        return needed <= width && (layout.name.isEmpty || nameWidth >= 12 || layout.tabs.first?.0.count == 1)
    } ?? layouts[3]
    var x = buffer.put(fits.name, x: 0, y: 0, style: theme.style(.title))
    x += 1
    let dateX = width - TextWidth.of(fits.date) - 1
    for (label, active) in fits.tabs where x < dateX {
        // Close together, each tab has one space before it; the active one is set apart by its style.
        let text = fits.gap == 2 ? " \(label) " : " \(label)"
        x += buffer.put(text, x: x, y: 0, style: theme.style(active ? .tabActive : .tab), maxWidth: dateX - x)
    }
    buffer.put(fits.date, x: dateX, y: 0, style: theme.style(.tab))
}

private func statusBar(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme) {
    let y = buffer.height - 1
    let l = state.language
    buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 1), style: theme.style(.hint))
    var text: String
    if state.editingFilter {
        text = l.pick("Filtre : ", "Filter: ") + currentFilter(state) + "▏  " + l.pick("Entrée valider · Échap effacer", "Enter keep · Esc clear")
    } else {
        let hints = KeyMap.hints(for: state.pane).filter { state.role == .coordinator || !$0.action.isEditing }.map { $0.hintText(l) }
        let move = state.unicode ? "←↑↓→" : "hjkl"
        text = " \(move) " + l.pick("déplacer", "move")
        if state.role == .observer { text = l.pick(" lecture seule ·", " read-only ·") + text }
        // Whole hints only, as many as fit (80 columns): "?" lists every key.
        let room = buffer.width - TextWidth.of(state.notice.map { " " + $0 + "  ·" } ?? "")
        for hint in hints where TextWidth.of(text) + 2 + TextWidth.of(hint) <= room { text += "  " + hint }
    }
    if let notice = state.notice { text = " " + notice + "  ·" + text }
    if let busy = state.busy, state.notice?.hasPrefix(busy) != true { text = " " + busy + "  ·" + text }
    if !state.unicode { text = l.pick(" [locale non UTF-8 : bordures ASCII]", " [non-UTF-8 locale: ASCII borders]") + text }
    buffer.put(text, x: 0, y: y, style: theme.style(.hint), maxWidth: buffer.width)
}

func currentFilter(_ state: AppState) -> String {
    switch state.pane {
    case .requests: return state.requests.filter
    case .members: return state.members.filter
    case .agents: return state.agents.filter
    default: return ""
    }
}

