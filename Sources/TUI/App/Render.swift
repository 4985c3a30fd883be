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
    } else if state.pane == .planning ? state.grid == nil : state.pane != .invoices && state.snapshot == nil {
        buffer.put(l.pick("Chargement…", "Loading…"), x: 1, y: 2, style: theme.style(.dim))
    } else {
        switch state.pane {
        case .planning: renderPlanning(state, body, &buffer, theme, borders)
        case .requests: renderRequests(state, body, &buffer, theme, borders)
        case .members: renderMembers(state, body, &buffer, theme, borders)
        case .agents: renderAgents(state, body, &buffer, theme, borders)
        case .hours: renderHours(state, body, &buffer, theme, borders)
        case .invoices: renderInvoices(state, body, &buffer, theme, borders)
        }
    }
    statusBar(state, &buffer, theme)
    if let form = state.requestForm, state.snapshot != nil { renderRequestForm(state, form, &buffer, theme, borders) }
    if let items = state.agentItems, state.pane == .agents, state.snapshot != nil { renderAgentItems(state, items, &buffer, theme, borders) }
    if let form = state.recordForm, state.snapshot != nil { renderRecordForm(state, form, &buffer, theme, borders) }
    if let deletion = state.pendingDeletion { renderDeletionQuestion(state, deletion, &buffer, theme, borders) }
    if let history = state.history { renderHistory(state, history, &buffer, theme, borders) }
    if state.showHelp { helpOverlay(state, &buffer, theme, borders) }
}

private func topBar(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme) {
    let width = buffer.width
    let format = DisplayFormat(state.language)
    buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme.style(.tab))
    let tabs = Pane.allCases.map { ("\($0.rawValue) \($0.title(state.language))", $0 == state.pane) }
    let tabsWidth = tabs.reduce(0) { $0 + TextWidth.of($1.0) + 2 }
    // Widest layout that fits: name, tabs and long date; then tabs and short date; then digits.
    let longDate = format.date(state.today)
    let shortDate = format.numericDate(state.today)
    let name = " Relève · \(state.serviceName)"
    let layouts: [(name: String, date: String, tabs: [(String, Bool)])] = [
        (TextWidth.truncate(name, to: max(0, width - tabsWidth - TextWidth.of(longDate) - 3)), longDate, tabs),
        ("", shortDate, tabs),
        (" Relève", shortDate, tabs.map { (String($0.0.prefix(1)), $0.1) }),
    ]
    let fits = layouts.first { layout in
        let nameWidth = TextWidth.of(layout.name)
        let needed = (nameWidth >= 12 || layout.name.isEmpty ? nameWidth : 0)
            + layout.tabs.reduce(0) { $0 + TextWidth.of($1.0) + 2 } + TextWidth.of(layout.date) + 2
        return needed <= width && (layout.name.isEmpty || nameWidth >= 12 || layout.tabs.first?.0.count == 1)
    } ?? layouts[2]
    var x = buffer.put(fits.name, x: 0, y: 0, style: theme.style(.title))
    x += 1
    let dateX = width - TextWidth.of(fits.date) - 1
    for (label, active) in fits.tabs where x < dateX {
        x += buffer.put(" \(label) ", x: x, y: 0, style: theme.style(active ? .tabActive : .tab), maxWidth: dateX - x)
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
        text = " \(move) " + l.pick("déplacer", "move") + "  " + hints.joined(separator: "  ")
        if state.role == .observer { text = l.pick(" lecture seule ·", " read-only ·") + text }
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

private func helpOverlay(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    var entries = KeyMap.bindings.map { ($0.keys.map { $0.label(l) }.joined(separator: " / "), $0.description(l)) }
    let absent = state.seesMotives ? l.pick("congés, maladie…", "leave, sick…") : l.pick("absent(e)", "away")
    let legend = l.pick("Repères : ! urgence (P1) · ½ heures partagées · × hors horaires d'ouverture · · libre · férié · \(absent)",
                        "Markers: ! urgent (P1) · ½ shared hours · × outside opening hours · · free · holiday · \(absent)")
    // Too many keys for two columns (80×24): the pane digits, the four moves, the two pages and
    // the two period keys each share one line.
    if (entries.count + 1) / 2 > buffer.height - 7 {
        let groups: [([Action], String, (String, String))] = [
            ([.pane1, .pane2, .pane3, .pane4, .pane5, .pane6], "1…6", ("volets Planning … Factures", "panes Planning … Invoices")),
            ([.up, .down, .left, .right], state.unicode ? "↑↓←→ hjkl" : "hjkl", ("se déplacer", "move")),
            ([.pageUp, .pageDown], l.pick("PgPréc/Suiv", "PgUp/Dn"), ("page précédente / suivante", "page up / down")),
            ([.previousPeriod, .nextPeriod], "[ ]", ("période (ou année) précédente / suivante", "previous / next period (or year)")),
        ]
        for (actions, keys, description) in groups {
            let indices = KeyMap.bindings.indices.filter { actions.contains(KeyMap.bindings[$0].action) }
            guard let first = indices.first, let last = indices.last else { continue }
            let shift = KeyMap.bindings.count - entries.count
            entries.removeSubrange((first - shift)...(last - shift))
            entries.insert((keys, l.pick(description.0, description.1)), at: first - shift)
        }
    }
    let keyWidth = entries.map { TextWidth.of($0.0) }.max() ?? 0
    let entryWidth = keyWidth + 2 + (entries.map { TextWidth.of($0.1) }.max() ?? 0)
    // Two columns when the screen is too short for one (80×24).
    let rowsAvailable = buffer.height - 7
    let columns = entries.count > rowsAvailable ? 2 : 1
    let rows = (entries.count + columns - 1) / columns
    let width = min(buffer.width - 2, max(TextWidth.of(legend) + 4, columns * (entryWidth + 2) + 2))
    let height = min(buffer.height - 2, rows + 5)
    let rect = Rect(x: (buffer.width - width) / 2, y: max(1, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: l.pick("Aide · touches", "Help · keys"), borders: borders, style: theme.style(.border),
                 titleStyle: theme.style(.header))
    let columnWidth = (width - 4) / columns
    for (i, entry) in entries.enumerated() {
        let column = i / rows, row = i % rows
        guard row < height - 5 else { continue }
        let x = rect.x + 2 + column * columnWidth
        buffer.put(entry.0, x: x, y: rect.y + 1 + row, style: theme.style(.header))
        buffer.put(TextWidth.truncate(entry.1, to: columnWidth - keyWidth - 2), x: x + keyWidth + 1, y: rect.y + 1 + row, style: theme.style(.normal))
    }
    buffer.put(TextWidth.truncate(legend, to: width - 4), x: rect.x + 2, y: rect.maxY - 3, style: theme.style(.dim))
    buffer.put(l.pick("Appuyez sur une touche pour fermer", "Press any key to close"), x: rect.x + 2, y: rect.maxY - 2, style: theme.style(.dim))
}
