import Domain

/// A small question box centred in `area`: its lines (the last one, the keys, dimmed) and the
/// error of the last answer, if any. The Factures and Heures panes ask with it.
func drawPrompt(title: String, lines: [String], error: String?, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme,
                _ borders: BorderSet) {
    let width = min(area.width - 2, max(50, (lines.map(TextWidth.of).max() ?? 0) + 4))
    let height = lines.count + (error == nil ? 2 : 3)
    let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    for (i, line) in lines.enumerated() {
        buffer.put(TextWidth.truncate(line, to: width - 4), x: rect.x + 2, y: rect.y + 1 + i, style: theme.style(i == lines.count - 1 ? .dim : .normal))
    }
    if let error { buffer.put(TextWidth.truncate("✗ " + error, to: width - 4), x: rect.x + 2, y: rect.y + 1 + lines.count, style: theme.style(.error)) }
}
