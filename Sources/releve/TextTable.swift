import TUI

/// A plain-text table for command output, aligned by display width (accents count as one).
enum TextTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        // Each cell's width measured once (national tables have 42,000 rows).
        let measured = rows.map { $0.map(TextWidth.of) }
        var widths = header.map(TextWidth.of)
        for row in measured {
            for (i, width) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], width) }
        }
        func line(_ cells: [String], _ cellWidths: [Int]) -> String {
            var text = ""
            for (i, cell) in cells.enumerated() {
                if i > 0 { text += "  " }
                let gap = max(0, widths[i] - cellWidths[i])
                if rightAligned.contains(i) {
                    text += String(repeating: " ", count: gap) + cell
                } else {
                    text += cell
                    // Trailing spaces are trimmed: the last column is never padded.
                    if i < cells.count - 1 { text += String(repeating: " ", count: gap) }
                }
            }
            return text.trimmingTrailingSpaces()
        }
        var out = line(header, header.map(TextWidth.of)) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (row, cellWidths) in zip(rows, measured) { out += line(row, cellWidths) + "\n" }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        // By bytes: a space is one byte in UTF-8, and a wide last column pads every other line
        // with hundreds of them (42,000 lines in a national `releve plan`).
        let bytes = utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        return String(self[..<end])
    }
}
