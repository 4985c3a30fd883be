/// Text that reaches a terminal (issue 10): control characters are refused when typed or
/// imported, and neutralised whenever something is printed, so that a name holding
/// `ESC [2J` never clears a screen nor retitles a window, and a NUL never cuts a name short.
public enum TextSafety {
    /// C0 controls (U+0000–U+001F), DEL and C1 controls (U+007F–U+009F), and the bidirectional
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what a reader sees.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    public static func isControl(_ character: Character) -> Bool { character.unicodeScalars.contains(where: isControl) }

    public static func containsControl(_ text: String) -> Bool { text.unicodeScalars.contains(where: isControl) }

    /// The text with every control character replaced by a visible stand-in (`�`), except the
    /// line breaks and tabs listed in `keeping`.
    public static func neutralised(_ text: String, keeping: Set<Unicode.Scalar> = []) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isControl(scalar) && !keeping.contains(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// The longest names (members, agents, services, people) and free texts (reasons, notes) accepted.
    public static let nameLimit = 200
    public static let freeTextLimit = 1000
    public static let loginLimit = 32

    /// What is wrong with a piece of text typed or imported, if anything.
    public enum Problem: Sendable, Hashable {
        case control(position: Int, code: UInt32)
        case tooLong(count: Int, limit: Int)

        /// "caractère de contrôle U+001B en position 4" / "240 caractères, 200 au plus".
        public func message(in l: Language) -> String {
            switch self {
            case .control(let position, let code):
                let hex = String(code, radix: 16, uppercase: true)
                let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return l.pick("caractère de contrôle \(name) en position \(position) : retirez-le (aucun caractère de contrôle n'est accepté)",
                              "control character \(name) at position \(position): remove it (no control character is accepted)")
            case .tooLong(let count, let limit):
                return l.pick("\(count) caractères, \(limit) au plus", "\(count) characters, \(limit) at most")
            }
        }
    }

    /// The first problem of `text` as a name or free text of at most `limit` characters.
    public static func problem(in text: String, limit: Int) -> Problem? {
        for (index, scalar) in text.unicodeScalars.enumerated() where isControl(scalar) {
            return .control(position: index + 1, code: scalar.value)
        }
        let count = text.count
        return count > limit ? .tooLong(count: count, limit: limit) : nil
    }
}

/// A short excerpt of what a user typed, for messages: never 100 KB of input echoed back, and
/// never a control character.
public enum TextExcerpt {
    public static func short(_ text: String, limit: Int = 40) -> String {
        let head = text.count <= limit ? text : String(text.prefix(limit)) + "…"
        return TextSafety.neutralised(head)
    }
}
