import Domain

/// The Rapports pane: the period's figures beside the previous period's, in a frame whose
/// title says both periods; the lines scroll under a fixed columns' line.
func renderReports(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let f = DisplayFormat(l)
    let pane = state.reportsPane
    func span(_ p: ReportPeriod) -> String {
        l.pick("\(f.shortDay(p.from)) – \(f.shortDay(p.to))", "\(f.shortDay(p.from)) – \(f.shortDay(p.to))")
    }
    guard let shown = pane.shown, !pane.loading || pane.shown != nil else {
        let what = pane.period.map { l.pick("Calcul du rapport du \(f.date($0.from)) au \(f.date($0.to))…", "Computing the report from \(f.date($0.from)) to \(f.date($0.to))…") }
            ?? l.pick("Calcul du rapport…", "Computing the report…")
        buffer.frame(area, title: l.pick("Compte rendu d'activité", "Activity report"), borders: borders, style: theme.style(.border),
                     titleStyle: theme.style(.header))
        buffer.put(what, x: area.x + 2, y: area.y + 2, style: theme.style(.dim), maxWidth: area.width - 4)
        return
    }
    let rows = state.reportRows
    let page = state.reportPage
    let first = max(0, min(pane.scroll, max(0, rows.count - 1 - page)))
    let body = rows.count - 1
    let position = body > page ? " · " + l.pick("lignes", "lines") + " \(first + 1)–\(min(body, first + page)) / \(body)" : ""
    var title = l.pick("Compte rendu d'activité · \(span(shown.period)) (entre parenthèses : \(span(shown.period.previous)))",
                       "Activity report · \(span(shown.period)) (in brackets: \(span(shown.period.previous)))")
    let n = { (d: CalendarDate) in f.numericDate(d) }
    let previous = shown.period.previous
    for shorter in [l.pick("Rapport du \(n(shown.period.from)) au \(n(shown.period.to)) (précédente : \(n(previous.from)) – \(n(previous.to)))",
                           "Report \(n(shown.period.from)) – \(n(shown.period.to)) (previous: \(n(previous.from)) – \(n(previous.to)))"),
                    l.pick("Rapport du \(n(shown.period.from)) au \(n(shown.period.to))", "Report \(n(shown.period.from)) – \(n(shown.period.to))")]
    where TextWidth.of(title + position) > area.width - 4 {
        title = shorter
    }
    buffer.frame(area, title: title + position, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let x = area.x + 2, width = area.width - 4
    if let columns = rows.first {
        buffer.put(columns.text, x: x, y: area.y + 1, style: theme.style(.dim), maxWidth: width)
    }
    let selectable = rows.indices.filter { rows[$0].selectable }
    let cursorLine = selectable[safe: pane.cursor]
    for (i, line) in rows.dropFirst(1 + first).prefix(page).enumerated() {
        let index = 1 + first + i
        let y = area.y + 2 + i
        let role: Role
        switch line.kind {
        case .heading: role = .header
        case .columns, .legend: role = .dim
        default: role = .normal
        }
        if index == cursorLine {
            buffer.fill(Rect(x: x - 1, y: y, width: width + 2, height: 1), style: theme.style(.selected))
            buffer.put(line.text, x: x, y: y, style: theme.style(.selected), maxWidth: width)
        } else {
            buffer.put(line.text, x: x, y: y, style: theme.style(role), maxWidth: width)
        }
    }
    // More below or above: said at the frame's edge, not only by the position.
    if first + page < body { buffer.put(l.pick(" ↓ suite ", " ↓ more "), x: area.maxX - 12, y: area.maxY - 1, style: theme.style(.dim)) }
    if pane.loading { buffer.put(l.pick(" mise à jour… ", " updating… "), x: area.x + 2, y: area.maxY - 1, style: theme.style(.dim)) }
}

extension DisplayFormat {
    /// `1er janv. 2026` / `1 Jan 2026`: a date without its weekday, for periods.
    func shortDay(_ d: CalendarDate) -> String {
        let full = date(d)
        return full.split(separator: " ", maxSplits: 1).last.map(String.init) ?? full
    }
}
