import Domain

/// The panel: its title, its lines wrapped to the width, a position when it scrolls.
func renderPanel(_ state: AppState, _ panel: PanelState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let width = min(buffer.width - 2, 118)
    let height = max(5, buffer.height - 4)
    let rect = Rect(x: (buffer.width - width) / 2, y: 2, width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    let lines: [String]
    if let error = panel.error {
        lines = TextWidth.wrap("✗ " + error, width: width - 4)
    } else if let read = panel.lines {
        // Tables keep their columns; only a line too long is wrapped.
        lines = read.flatMap { TextWidth.of($0) <= width - 4 ? [$0] : TextWidth.wrap($0, width: width - 4) }
    } else {
        lines = [l.pick("Lecture…", "Reading…")]
    }
    let visible = height - 3
    let first = max(0, min(panel.scroll, lines.count - visible))
    let position = lines.count > visible ? " · \(first + 1)–\(min(lines.count, first + visible)) / \(lines.count)" : ""
    buffer.frame(rect, title: panel.title + position, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    for (i, line) in lines.dropFirst(first).prefix(visible).enumerated() {
        buffer.put(line, x: rect.x + 2, y: rect.y + 1 + i, style: theme.style(line.hasPrefix("✗") ? .error : .normal), maxWidth: width - 4)
    }
    buffer.put(l.pick("↑↓ PgPréc PgSuiv défiler · Échap fermer", "↑↓ PgUp PgDn scroll · Esc close"), x: rect.x + 2, y: rect.maxY - 2,
               style: theme.style(.hint), maxWidth: width - 4)
}
