import Domain
import Foundation

/// The kiosk's loop: draw, read a key (100 ms at most), update, run the effects; a tick when
/// no key came lets the idle timeout sign the secretary out. It never ends by itself: signing
/// out returns to the sign-in screen, and only a signal (Ctrl-C, SIGTERM, SIGHUP) stops it.
public final class KioskProgram {
    let backend: any TerminalBackend
    let data: any KioskDataSource
    let theme: Theme
    /// Seconds of a monotonic clock (tests pass their own).
    let clock: () -> Double
    public private(set) var state: KioskState
    private var previous: Buffer?
    private var lastToken: Int?
    private var lastCheck: Double = 0

    public init(backend: any TerminalBackend, data: any KioskDataSource, state: KioskState, theme: Theme,
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.backend = backend
        self.data = data
        self.theme = theme
        self.clock = clock
        self.state = state
        self.state.unicode = backend.supportsUnicode
        self.state.lastActivity = clock()
    }

    /// Handles one message: draws first what `update` changed (so "Vérification…" shows while
    /// the PIN is hashed), then runs the effects and draws again.
    public func send(_ msg: KioskMsg) {
        let effects = Kiosk.update(&state, msg)
        draw()
        guard !effects.isEmpty else { return }
        perform(effects)
        draw()
    }

    /// Runs until a signal ends the process.
    public func run() {
        let size = backend.size
        send(.resize(width: size.width, height: size.height))
        while true {
            if let event = backend.readKey(timeoutMilliseconds: 100) {
                switch event {
                case .resize:
                    let size = backend.size
                    previous = nil
                    send(.resize(width: size.width, height: size.height))
                case .key(let key):
                    send(.key(key, at: clock()))
                }
            } else {
                let now = clock()
                send(.tick(at: now))
                pollForChanges(now)
            }
        }
    }

    /// Draws the state and sends the terminal only what changed.
    public func draw() {
        var buffer = Buffer(width: state.width, height: state.height)
        Kiosk.render(state, into: &buffer, theme: theme)
        let changes = buffer.changes(since: previous)
        if !changes.isEmpty { backend.draw(changes) }
        previous = buffer
    }

    /// Every second while signed in: reloads when another session committed (the coordinator
    /// validating her hours, say).
    private func pollForChanges(_ now: Double) {
        guard state.session != nil, now - lastCheck >= 1 else { return }
        lastCheck = now
        guard let token = try? data.changeToken() else { return }
        defer { lastToken = token }
        guard let lastToken, token != lastToken, state.session?.form == nil else { return }
        perform([Kiosk.load(state)])
        draw()
    }

    /// Runs effects: the only place the database is touched.
    func perform(_ effects: [KioskEffect]) {
        let l = state.language
        for effect in effects {
            var next: [KioskEffect] = []
            switch effect {
            case .signIn(let code, let pin):
                next = Kiosk.update(&state, .signedIn(data.signIn(code: code, pin: pin)))
            case .signOut:
                data.signOut()
            case .load(let weekStart, let from, let to):
                do {
                    lastToken = try? data.changeToken()
                    next = Kiosk.update(&state, .loaded(try data.load(weekStart: weekStart, from: from, to: to)))
                } catch {
                    next = Kiosk.update(&state, .failed(Self.text(of: error, l)))
                }
            case .log(let draft):
                next = write { try data.log(draft) }
            case .update(let original, let draft):
                next = write { try data.update(original, draft) }
            case .delete(let original):
                next = write { try data.delete(original) }
            }
            perform(next)
        }
    }

    private func write(_ body: () throws -> String) -> [KioskEffect] {
        do {
            return Kiosk.update(&state, .saved(try body()))
        } catch {
            // Reload as well: a change made meanwhile shows at once.
            let effects = Kiosk.update(&state, .failed(Self.text(of: error, state.language)))
            return effects + (state.session != nil ? [Kiosk.load(state)] : [])
        }
    }

    static func text(of error: any Error, _ l: Language) -> String {
        (error as? any Localized)?.message(in: l) ?? "\(error)"
    }
}
