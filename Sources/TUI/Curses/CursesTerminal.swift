import CNcursesW
import Domain
import Foundation

/// The ncursesw terminal: the only file that talks to ncurses. Cells are written with
/// `setcchar` + `mvwadd_wch`, only where they changed, then shown with one `doupdate`.
public final class CursesTerminal: TerminalBackend {
    public let supportsUnicode: Bool
    public let supportsColor: Bool
    private var pairs: [Int: Int16] = [:]
    private var screen: OpaquePointer?
    private var output: UnsafeMutablePointer<FILE>?

    /// Takes over the terminal; `color` false forces monochrome (`--no-color`, `NO_COLOR`).
    /// `output` and `input` are the terminal by default; benchmarks pass a pseudo-terminal.
    /// `lockedDown` is the kiosk's: nobody leaves it by a key (see `lockDown()`).
    public init(color: Bool, output: UnsafeMutablePointer<FILE>? = nil, input: UnsafeMutablePointer<FILE>? = nil,
                terminalType: String? = nil, lockedDown: Bool = false) {
        _ = releve_set_locale()
        supportsUnicode = releve_is_utf8() != 0
        let stream = output ?? releve_stdout()
        let keys = input ?? releve_stdin()
        self.output = stream
        screen = terminalType.map { newterm($0, stream, keys) } ?? newterm(nil, stream, keys)
        if let screen { set_term(screen) }
        // The kiosk reads raw: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys (and are ignored), not as signals.
        if lockedDown { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(releve_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var colors = false
        if color, has_colors() {
            start_color()
            use_default_colors()
            colors = true
        }
        supportsColor = colors
        CursesTerminal.installSignalHandlers(lockedDown: lockedDown)
    }

    /// Restores the terminal.
    public func close() {
        endwin()
        if let output { fflush(output) }
    }

    public var size: (width: Int, height: Int) {
        (Int(releve_getmaxx(releve_stdscr())), Int(releve_getmaxy(releve_stdscr())))
    }

    /// Bytes sent to the terminal by the frames drawn so far, counted around each `doupdate()`
    /// (where ncurses writes), on a tty as on a file or a pseudo-terminal.
    public private(set) var bytesWritten = 0

    public func draw(_ changes: [Buffer.Change]) {
        let window = releve_stdscr()
        for change in changes {
            var x = change.x
            for cell in change.cells {
                defer { x += 1 }
                if cell.text.isEmpty { continue }
                var character = cchar_t()
                // Without UTF-8, every character becomes one ASCII character of the same width.
                let text = supportsUnicode ? cell.text : AsciiFallback.ascii(cell.text)
                var wide = Array(text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }) + [0]
                let (attributes, pair) = attributesAndPair(cell.style)
                setcchar(&character, &wide, attributes, pair, nil)
                mvwadd_wch(window, Int32(change.y), Int32(x), &character)
            }
        }
        wnoutrefresh(window)
        let before = releve_process_bytes_written()
        doupdate()
        if let output { fflush(output) }
        let after = releve_process_bytes_written()
        if before >= 0, after >= before { bytesWritten += Int(after - before) }
    }

    public func readKey(timeoutMilliseconds: Int) -> KeyEvent? {
        if CursesTerminal.takeInterrupt() { return .key(.interrupt) }
        wtimeout(releve_stdscr(), Int32(timeoutMilliseconds))
        var value: wint_t = 0
        let status = releve_read_key(&value)
        if status == ERR { return CursesTerminal.takeInterrupt() ? .key(.interrupt) : nil }
        if status == releve_key_code_yes() {
            let code = Int32(value)
            if code == releve_key_resize() { return .resize }
            switch code {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BTAB: return .key(.backTab)
            default:
                let f = code - releve_key_f0()
                return (1...12).contains(f) ? .key(.function(Int(f))) : nil
            }
        }
        switch value {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        default:
            // Other control characters (Ctrl-C, Ctrl-Z, Ctrl-\ in raw mode, pasted escape
            // sequences' parts) are no text: they never reach a field.
            guard let scalar = Unicode.Scalar(UInt32(value)), !TextSafety.isControl(scalar) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func attributesAndPair(_ style: Style) -> (attr_t, Int16) {
        var attributes = releve_a_normal()
        if style.attributes.contains(.bold) { attributes |= releve_a_bold() }
        if style.attributes.contains(.underline) { attributes |= releve_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= releve_a_reverse() }
        if style.attributes.contains(.dim) { attributes |= releve_a_dim() }
        guard supportsColor, style.foreground != .default || style.background != .default else { return (attributes, 0) }
        let key = (style.foreground.rawValue + 1) * 32 + style.background.rawValue + 1
        if let pair = pairs[key] { return (attributes, pair) }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < releve_color_pairs(), Int32(max(style.foreground.rawValue, style.background.rawValue)) < releve_colors() else {
            return (attributes, 0)
        }
        init_pair(next, Int16(style.foreground.rawValue), Int16(style.background.rawValue))
        pairs[key] = next
        return (attributes, next)
    }

    /// A dropped SSH session (SIGHUP) or a kill (SIGTERM) leaves the terminal usable. Locked
    /// down (the kiosk), job control and quit signals are ignored, so that nobody suspends it back
    /// to a shell, and the crash handlers go back to the system's: the Swift crash reporter, whose
    /// prompt offers a debugger on the process, never runs at the shared terminal.
    /// Set by SIGINT in the interface; read (and cleared) by `readKey`.
    nonisolated(unsafe) private static var interrupted: sig_atomic_t = 0

    private static func takeInterrupt() -> Bool {
        guard interrupted != 0 else { return false }
        interrupted = 0
        return true
    }

    private static func installSignalHandlers(lockedDown: Bool) {
        for sig in [SIGTERM, SIGHUP] {
            signal(sig) { number in
                endwin()
                _exit(128 + number)
            }
        }
        // Ctrl-C becomes a key: the interface quits, or first asks when a form has unsaved changes.
        if !lockedDown { signal(SIGINT) { _ in CursesTerminal.interrupted = 1 } }
        guard lockedDown else { return }
        for sig in [SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU] { signal(sig, SIG_IGN) }
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT] { signal(sig, SIG_DFL) }
    }
}

/// `CursesTerminal` drawing on a pseudo-terminal of a given size, for benchmarks: what the
/// master side reads is exactly what a terminal would receive.
public final class PseudoTerminal {
    public let terminal: CursesTerminal
    private let master: Int32

    public init?(width: Int, height: Int) {
        var master: Int32 = -1, slave: Int32 = -1
        guard releve_open_pty(&master, &slave, Int32(height), Int32(width)) == 0,
              let output = releve_fdopen(slave, "w"), let input = releve_fdopen(dup(slave), "r") else { return nil }
        self.master = master
        terminal = CursesTerminal(color: true, output: output, input: input, terminalType: "xterm-256color")
    }

    /// Bytes the terminal received since the last call.
    public func received() -> Int { Int(releve_drain(master)) }

    public func close() {
        terminal.close()
        _ = releve_drain(master)
    }
}
