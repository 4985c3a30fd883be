import Domain

/// A key press, as the interface understands it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case enter, escape, tab, backTab, backspace, delete
    case pageUp, pageDown, home, end
    case function(Int)
    /// Ctrl-C in the interface (a signal turned into a key): quits, asking first when a form
    /// holds unsaved changes.
    case interrupt

    /// How the key is written in the help and the status bar.
    public func label(_ l: Language = .fr) -> String {
        switch self {
        case .character(" "): return l.pick("Espace", "Space")
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return l.pick("Entrée", "Enter")
        case .escape: return l.pick("Échap", "Esc")
        case .tab: return "Tab"
        case .backTab: return l.pick("Maj+Tab", "Shift+Tab")
        case .backspace: return l.pick("Retour", "Backspace")
        case .delete: return l.pick("Suppr", "Del")
        case .pageUp: return l.pick("PgPréc", "PgUp")
        case .pageDown: return l.pick("PgSuiv", "PgDn")
        case .home: return l.pick("Début", "Home")
        case .end: return l.pick("Fin", "End")
        case .function(let n): return "F\(n)"
        case .interrupt: return "Ctrl-C"
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
