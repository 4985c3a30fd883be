/// Lays text out down A4 pages: a cursor that moves from the top margin down, wrapped
/// paragraphs, label–value lines, tables that break across pages with their header repeated,
/// and a footer with "Page n / N" on every page once the document is complete.
struct PageFlow {
    static let left = 50.0
    static let right = PDFWriter.pageWidth - 50
    static let width = right - left
    static let top = 48.0
    /// The lowest point content may reach (distance from the top of the page).
    static let limit = PDFWriter.pageHeight - 62
    static let lineFactor = 1.32

    var pdf: PDFWriter
    /// Distance from the top of the page to the top of the next line.
    var y = top
    /// Left part of every page's footer.
    let footer: String

    init(title: String, footer: String) {
        pdf = PDFWriter(title: title)
        self.footer = footer
        pdf.newPage()
    }

    /// The document's bytes, footers added.
    mutating func finish() -> [UInt8] {
        let total = pdf.pageCount
        for index in 0..<total {
            pdf.select(page: index)
            let base = 30.0
            pdf.line(from: (Self.left, base + 11), to: (Self.right, base + 11), width: 0.4, gray: 0.6)
            pdf.text(footer, x: Self.left, y: base, size: 7.5, gray: 0.35)
            pdf.text("Page \(index + 1) / \(total)", x: Self.right, y: base, size: 7.5, align: .right, gray: 0.35)
        }
        return pdf.render()
    }

    // MARK: - Cursor

    static func lineHeight(_ size: Double) -> Double { size * lineFactor }

    /// PDF y of a baseline for a line whose top is `top` (distance from the top of the page).
    static func baseline(top: Double, size: Double) -> Double { PDFWriter.pageHeight - top - size * 0.95 }

    mutating func newPage() {
        pdf.newPage()
        y = Self.top
    }

    /// Moves to a new page unless `height` still fits on this one; true when it moved.
    @discardableResult
    mutating func ensure(_ height: Double) -> Bool {
        guard y + height > Self.limit, y > Self.top else { return false }
        newPage()
        return true
    }

    mutating func space(_ points: Double) { y += points }

    // MARK: - Text

    /// One line of text whose top is at the cursor, without moving it.
    mutating func put(_ text: String, x: Double, font: PDFFont = .regular, size: Double = 10,
                      align: PDFWriter.Alignment = .left, gray: Double = 0, top: Double? = nil) {
        pdf.text(text, x: x, y: Self.baseline(top: top ?? y, size: size), font: font, size: size, align: align, gray: gray)
    }

    /// A single line, then the cursor moves below it.
    mutating func line(_ text: String, x: Double = left, font: PDFFont = .regular, size: Double = 10,
                       align: PDFWriter.Alignment = .left, gray: Double = 0) {
        ensure(Self.lineHeight(size))
        put(text, x: x, font: font, size: size, align: align, gray: gray)
        y += Self.lineHeight(size)
    }

    /// A paragraph wrapped to `width`, breaking pages between lines.
    mutating func paragraph(_ text: String, x: Double = left, width: Double = width, font: PDFFont = .regular,
                            size: Double = 10, align: PDFWriter.Alignment = .left, after: Double = 4) {
        for piece in Self.wrap(text, width: width, font: font, size: size) {
            let anchor = align == .left ? x : (align == .right ? x + width : x + width / 2)
            line(piece, x: anchor, font: font, size: size, align: align)
        }
        y += after
    }

    /// `label` in bold, then `value` wrapped in the column that starts at `x + labelWidth`.
    mutating func field(_ label: String, _ value: String, x: Double = left, labelWidth: Double = 130,
                        width: Double = width, size: Double = 10) {
        let lines = Self.wrap(value, width: width - labelWidth, font: .regular, size: size)
        ensure(Self.lineHeight(size) * Double(min(lines.count, 3)))
        put(label, x: x, font: .bold, size: size)
        for (index, piece) in lines.enumerated() {
            if index > 0 { ensure(Self.lineHeight(size)) }
            put(piece, x: x + labelWidth, size: size)
            y += Self.lineHeight(size)
        }
        if lines.isEmpty { y += Self.lineHeight(size) }
    }

    /// A section title with a rule under it.
    mutating func heading(_ text: String, size: Double = 11.5) {
        ensure(Self.lineHeight(size) * 3.5)
        y += 6
        put(text, x: Self.left, font: .bold, size: size)
        y += Self.lineHeight(size)
        pdf.line(from: (Self.left, PDFWriter.pageHeight - y + 1), to: (Self.right, PDFWriter.pageHeight - y + 1), width: 0.6, gray: 0.3)
        y += 6
    }

    /// A horizontal rule across the text width at the cursor.
    mutating func rule(width: Double = 0.5, gray: Double = 0.5) {
        pdf.line(from: (Self.left, PDFWriter.pageHeight - y), to: (Self.right, PDFWriter.pageHeight - y), width: width, gray: gray)
    }

    /// Lines of `text` no wider than `width`: words wrapped greedily at spaces (non-breaking
    /// spaces hold), explicit line breaks kept, and a word too long for a line cut where it must.
    static func wrap(_ text: String, width: Double, font: PDFFont, size: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ") {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if font.width(candidate, size: size) <= width {
                    current = candidate
                    continue
                }
                if !current.isEmpty { lines.append(current) }
                current = ""
                for character in word {
                    let longer = current + String(character)
                    if font.width(longer, size: size) > width, !current.isEmpty {
                        lines.append(current)
                        current = String(character)
                    } else {
                        current = longer
                    }
                }
            }
            lines.append(current)
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    // MARK: - Tables

    struct Column {
        var title: String
        var width: Double
        var align: PDFWriter.Alignment = .left
    }

    static let cellPadding = 4.0

    /// A table across pages: a grey header (repeated at the top of each new page), one row per
    /// entry with cells wrapped to their column, light rules between rows, and optional bold
    /// closing rows (totals) kept with the last row.
    mutating func table(_ columns: [Column], rows: [[String]], totals: [[String]] = [], size: Double = 9) {
        let lineHeight = Self.lineHeight(size)
        let headerLines = columns.map { Self.wrap($0.title, width: $0.width - 2 * Self.cellPadding, font: .bold, size: size) }
        let headerHeight = Double(headerLines.map(\.count).max() ?? 1) * lineHeight + 6

        func drawHeader() {
            let bottom = PDFWriter.pageHeight - y - headerHeight
            pdf.fillRect(x: Self.left, y: bottom, width: columns.reduce(0) { $0 + $1.width }, height: headerHeight, gray: 0.86)
            var x = Self.left
            for (column, lines) in zip(columns, headerLines) {
                for (index, piece) in lines.enumerated() {
                    put(piece, x: Self.anchor(x, column), font: .bold, size: size, align: column.align,
                        top: y + 3 + Double(index) * lineHeight)
                }
                x += column.width
            }
            y += headerHeight
        }

        func cells(_ row: [String], font: PDFFont) -> [[String]] {
            zip(columns, row + Array(repeating: "", count: max(0, columns.count - row.count))).map { column, text in
                Self.wrap(text, width: column.width - 2 * Self.cellPadding, font: font, size: size)
            }
        }

        func draw(_ lines: [[String]], font: PDFFont, height: Double) {
            var x = Self.left
            for (column, cell) in zip(columns, lines) {
                for (index, piece) in cell.enumerated() {
                    put(piece, x: Self.anchor(x, column), font: font, size: size, align: column.align,
                        top: y + 3 + Double(index) * lineHeight)
                }
                x += column.width
            }
            y += height
        }

        let tableWidth = columns.reduce(0) { $0 + $1.width }
        let wrappedTotals = totals.map { cells($0, font: .bold) }
        let totalsHeight = wrappedTotals.reduce(0) { $0 + Double($1.map(\.count).max() ?? 1) * lineHeight + 6 }
        let firstHeight = rows.first.map { Double(cells($0, font: .regular).map(\.count).max() ?? 1) * lineHeight + 6 } ?? 0
        ensure(headerHeight + firstHeight + (rows.count <= 1 ? totalsHeight : 0))
        drawHeader()
        for (index, row) in rows.enumerated() {
            let lines = cells(row, font: .regular)
            let height = Double(lines.map(\.count).max() ?? 1) * lineHeight + 6
            let keep = index == rows.count - 1 ? totalsHeight : 0
            if y + height + keep > Self.limit {
                newPage()
                drawHeader()
            }
            draw(lines, font: .regular, height: height)
            pdf.line(from: (Self.left, PDFWriter.pageHeight - y), to: (Self.left + tableWidth, PDFWriter.pageHeight - y),
                     width: 0.3, gray: 0.75)
        }
        for (index, lines) in wrappedTotals.enumerated() {
            let height = Double(lines.map(\.count).max() ?? 1) * lineHeight + 6
            if y + height > Self.limit {
                newPage()
                drawHeader()
            }
            if index == 0 {
                pdf.line(from: (Self.left, PDFWriter.pageHeight - y), to: (Self.left + tableWidth, PDFWriter.pageHeight - y),
                         width: 0.9, gray: 0)
            }
            draw(lines, font: .bold, height: height)
        }
        y += 8
    }

    /// Where a cell's text is anchored for its alignment.
    static func anchor(_ x: Double, _ column: Column) -> Double {
        switch column.align {
        case .left: x + cellPadding
        case .right: x + column.width - cellPadding
        case .center: x + column.width / 2
        }
    }
}
