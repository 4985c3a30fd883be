/// A column of a table: its title, width (columns) and alignment.
public struct Column: Sendable {
    public var title: String
    public var width: Int
    public var rightAligned: Bool

    public init(_ title: String, _ width: Int, right: Bool = false) {
        self.title = title
        self.width = width
        self.rightAligned = right
    }
}

/// One row of a table: its cells and the role that styles it.
public struct TableRow: Sendable {
    public var cells: [String]
    public var role: Role

    public init(_ cells: [String], role: Role = .normal) {
        self.cells = cells
        self.role = role
    }
}

extension Buffer {
    /// Draws a table in `rect`: a header, then rows from `scroll`, `selected` highlighted.
    /// Returns the scroll that keeps `selected` visible.
    @discardableResult
    public mutating func table(_ rect: Rect, columns: [Column], rows: [TableRow], selected: Int?, scroll: Int,
                               theme: Theme) -> Int {
        table(rect, columns: columns, count: rows.count, row: { rows[$0] }, selected: selected, scroll: scroll, theme: theme)
    }

    /// The same table, asking `row` only for the rows it shows: the cost of a frame is the rows
    /// on screen, not the length of the list.
    @discardableResult
    public mutating func table(_ rect: Rect, columns: [Column], count: Int, row: (Int) -> TableRow, selected: Int?, scroll: Int,
                               theme: Theme) -> Int {
        guard rect.height > 0, rect.width > 0 else { return scroll }
        var x = rect.x
        for column in columns where x < rect.maxX {
            put(TextWidth.truncate(column.title, to: column.width), x: x, y: rect.y, style: theme.style(.header),
                maxWidth: min(column.width, rect.maxX - x))
            x += column.width + 1
        }
        let visible = rect.height - 1
        var top = max(0, min(scroll, max(0, count - visible)))
        if let selected {
            if selected < top { top = selected }
            if selected >= top + visible { top = selected - visible + 1 }
        }
        for index in top..<max(top, min(count, top + visible)) {
            let row = row(index)
            let y = rect.y + 1 + index - top
            let style = index == selected ? theme.style(.selected) : theme.style(row.role)
            if index == selected { fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: style) }
            var x = rect.x
            for (column, text) in zip(columns, row.cells) where x < rect.maxX {
                let shown = TextWidth.truncate(text, to: column.width)
                let pad = column.rightAligned ? column.width - TextWidth.of(shown) : 0
                put(shown, x: x + pad, y: y, style: style, maxWidth: min(column.width, rect.maxX - x))
                x += column.width + 1
            }
        }
        return top
    }
}
