/// A key press, as the interface understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case pageUp, pageDown, home, end
    case function(Int)

    /// How the key is written in the help and the status bar.
    public var label: String {
        switch self {
        case .character(" "): return "Espace"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Entrée"
        case .escape: return "Échap"
        case .tab: return "Tab"
        case .backTab: return "Maj+Tab"
        case .backspace: return "Retour"
        case .delete: return "Suppr"
        case .pageUp: return "PgPréc"
        case .pageDown: return "PgSuiv"
        case .home: return "Début"
        case .end: return "Fin"
        case .function(let n): return "F\(n)"
        }
    }
}

/// A terminal the program draws on: ncurses in real life, a recorder in tests.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    /// False when the locale cannot show UTF-8 (then borders are drawn in ASCII).
    var supportsUnicode: Bool { get }
    /// Whether colours can be shown.
    var supportsColor: Bool { get }
    /// Writes changed cells, then shows them all at once.
    func draw(_ changes: [Buffer.Change])
    /// The next key, or nil after `timeoutMilliseconds`; `.resize` is reported through `resized`.
    func readKey(timeoutMilliseconds: Int) -> KeyEvent?
    /// Bytes written to the terminal so far (for the benchmarks).
    var bytesWritten: Int { get }
}

/// What the terminal reported.
public enum KeyEvent: Hashable, Sendable {
    case key(Key)
    case resize
}
