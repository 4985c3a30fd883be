/// Display width of text in a terminal, per grapheme: accented letters take one column,
/// East Asian wide characters and most emoji two, combining marks none.
public enum TextWidth {
    /// Columns taken by `text`.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// Columns taken by one grapheme (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return 0 }
        if first.properties.generalCategory == .nonspacingMark || first.properties.generalCategory == .enclosingMark {
            return 0
        }
        if isWide(first.value) || (first.properties.isEmojiPresentation) { return 2 }
        return 1
    }

    /// The ranges of wide (W) and fullwidth (F) characters of Unicode's East Asian Width.
    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `text` cut to at most `width` columns, ending with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// A form field's text as typed, in `width` columns: the field being typed in shows its end
    /// (where the caret is), `…` before what scrolled out; another field shows its start.
    public static func field(_ value: String, focused: Bool, width: Int) -> String {
        guard focused else { return truncate(value, to: width) }
        let text = value + "▏"
        guard width > 1, of(text) > width else { return text }
        var tail = ""
        var used = 1
        for character in text.reversed() {
            let w = of(character)
            if used + w > width { break }
            tail.insert(character, at: tail.startIndex)
            used += w
        }
        return "…" + tail
    }

    /// `text` in lines of at most `width` columns, cut at spaces (a word too long is cut with `…`).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 1 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if TextWidth.of(candidate) <= width {
                line = candidate
            } else {
                if !line.isEmpty { lines.append(line) }
                line = TextWidth.truncate(String(word), to: width)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
