/// One ASCII character for each character the interface draws, for terminals whose locale is
/// not UTF-8: every cell keeps its width, so the screen stays aligned (é → e, … → ., ½ → /).
public enum AsciiFallback {
    static let table: [Character: Character] = [
        "à": "a", "â": "a", "ä": "a", "á": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
        "í": "i", "ô": "o", "ö": "o", "ó": "o", "ù": "u", "û": "u", "ü": "u", "ú": "u", "ÿ": "y", "œ": "o", "æ": "a",
        "À": "A", "Â": "A", "Ç": "C", "É": "E", "È": "E", "Ê": "E", "Ë": "E", "Î": "I", "Ï": "I", "Ô": "O", "Ù": "U",
        "Û": "U", "Ü": "U", "Œ": "O", "Æ": "A", "…": ".", "·": ".", "½": "/", "✗": "x", "▏": "|", "€": "E", "–": "-",
        "—": "-", "→": ">", "←": "<", "↑": "^", "↓": "v", "«": "\"", "»": "\"", "’": "'", "─": "-", "│": "|",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "•": "*",
        "\u{A0}": " ", "\u{202F}": " ", "°": "o", "×": "x", "⚠": "!",
        "█": "#", "░": ".", "▉": "#", "▊": "#", "▋": "#", "▌": "#", "▍": "|", "▎": "|",
    ]

    /// The ASCII stand-in of `text`, character for character ("?" for what has none).
    public static func ascii(_ text: String) -> String {
        String(text.map { character -> Character in
            if character.isASCII { return character }
            return table[character] ?? "?"
        })
    }
}
