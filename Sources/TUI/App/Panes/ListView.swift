import Domain

/// Splits `area` in a list and, when open, a detail panel on the right (or below when narrow).
private func split(_ area: Rect, detail: Bool) -> (list: Rect, detail: Rect?) {
    guard detail else { return (area, nil) }
    if area.width >= 110 {
        let right = area.width * 2 / 5
        return (Rect(x: area.x, y: area.y, width: area.width - right, height: area.height),
                Rect(x: area.x + area.width - right, y: area.y, width: right, height: area.height))
    }
    let below = min(10, area.height / 2)
    return (Rect(x: area.x, y: area.y, width: area.width, height: area.height - below),
            Rect(x: area.x, y: area.y + area.height - below, width: area.width, height: below))
}

func detailBox(_ lines: [(String, Role)], title: String, _ rect: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    // Long lines wrap (a reason naming communes, who went first), indented like their first line.
    let wrapped = lines.flatMap { line -> [(String, Role)] in
        let lead = String(line.0.prefix { $0 == " " })
        let indent = String(line.0.prefix { $0 == " " || $0 == "•" }.map { _ in " " }) + (line.0.dropFirst(lead.count).hasPrefix("• ") ? " " : "")
        guard TextWidth.of(line.0) > rect.width - 4 else { return [line] }
        let pieces = TextWidth.wrap(String(line.0.dropFirst(lead.count)), width: max(1, rect.width - 4 - indent.count))
        return pieces.enumerated().map { ($0.offset == 0 ? lead + $0.element : indent + $0.element, line.1) }
    }
    for (i, line) in wrapped.prefix(rect.height - 2).enumerated() {
        buffer.put(TextWidth.truncate(line.0, to: rect.width - 4), x: rect.x + 2, y: rect.y + 1 + i, style: theme.style(line.1))
    }
    if wrapped.count > rect.height - 2, rect.height > 2 {
        buffer.put("…", x: rect.maxX - 3, y: rect.maxY - 2, style: theme.style(.dim))
    }
}

func listTitle(_ base: String, count: Int, filter: String, _ l: Language) -> String {
    "\(base) · \(DisplayFormat(l).integer(count))" + (filter.isEmpty ? "" : l.pick(" · filtre : \(filter)", " · filter: \(filter)"))
}

/// The frame, the table and the empty-list message of a list pane. Returns where the detail
/// panel goes when it is open and the cursor is on a row.
/// Only the rows on screen are built (`row` is asked for them), whatever the list's length.
func drawList(_ state: AppState, _ area: Rect, _ list: ListState, title: String, count: Int, row: (Int) -> TableRow,
              columns: (Int) -> [Column], _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) -> Rect? {
    let (listRect, detailRect) = split(area, detail: list.showDetail)
    buffer.frame(listRect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let inner = listRect.inset(1)
    buffer.table(inner, columns: columns(inner.width), count: count, row: row, selected: count == 0 ? nil : list.cursor,
                 scroll: list.scroll, theme: theme)
    if count == 0 { buffer.put(emptyListMessage(state.language, filter: list.filter), x: inner.x, y: inner.y + 1, style: theme.style(.dim)) }
    return list.cursor >= 0 && list.cursor < count ? detailRect : nil
}

func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

/// What an empty filtered list says.
func emptyListMessage(_ l: Language, filter: String) -> String {
    filter.isEmpty ? l.pick("Rien à afficher.", "Nothing to show.")
        : l.pick("Rien ne correspond à « \(filter) » (Échap efface le filtre).", "Nothing matches \"\(filter)\" (Esc clears the filter).")
}
