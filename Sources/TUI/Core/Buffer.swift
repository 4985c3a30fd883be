import Domain
/// A rectangle of the screen, in cells.
public struct Rect: Hashable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle less `amount` cells on every side.
    public func inset(_ amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// One screen cell: a grapheme (or nothing, for the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    /// Empty for the second column of a double-width character.
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
}

/// An in-memory screen: everything renders here; the terminal only receives the difference
/// with the previous frame (what keeps the interface fast over a weak SSH link).
public struct Buffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills `rect` (clipped to the buffer) with spaces of `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { self[x, y] = Cell(" ", style: style) }
        }
    }

    /// Writes `text` from (`x`, `y`), clipped to `maxWidth` columns and to the buffer; returns
    /// the columns used. Wide characters take two cells; one that would be cut is not drawn.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            // A control character from the data (ESC, NUL, a bidi override) shows as � and never reaches the terminal.
            if TextSafety.isControl(character) {
                if column + 1 > limit { break }
                if column >= 0 { self[column, y] = Cell("\u{FFFD}", style: style) }
                column += 1
                continue
            }
            let w = TextWidth.of(character)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 {
                self[column, y] = Cell(String(character), style: style)
                if w == 2, column + 1 < width { self[column + 1, y] = Cell("", style: style) }
            }
            column += w
        }
        return column - x
    }

    /// The text of each row, for tests and snapshots (trailing spaces kept).
    public var lines: [String] {
        (0..<height).map { y in (0..<width).map { self[$0, y].text }.joined() }
    }

    /// A run of consecutive changed cells on one row.
    public struct Change: Hashable, Sendable {
        public var x: Int, y: Int
        public var cells: [Cell]
    }

    /// What must be written to turn `previous` into this buffer (everything when sizes differ).
    public func changes(since previous: Buffer?) -> [Change] {
        var result: [Change] = []
        let full = previous.map { $0.width != width || $0.height != height } ?? true
        for y in 0..<height {
            var x = 0
            while x < width {
                guard full || previous?[x, y] != self[x, y] else { x += 1; continue }
                var run: [Cell] = []
                let start = x
                while x < width, full || previous?[x, y] != self[x, y] {
                    run.append(self[x, y])
                    x += 1
                }
                // Never start a run on the right half of a wide character.
                if start > 0, self[start, y].text.isEmpty {
                    run.insert(self[start - 1, y], at: 0)
                    result.append(Change(x: start - 1, y: y, cells: run))
                } else {
                    result.append(Change(x: start, y: y, cells: run))
                }
            }
        }
        return result
    }
}
