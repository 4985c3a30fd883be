import Domain
import Foundation

/// The data source, handed to the worker thread (the executable's is a GRDB pool, safe from
/// any thread; test sources run at once, without a worker).
private struct SendableKioskSource: @unchecked Sendable {
    let data: any KioskDataSource
}

/// The kiosk on the interface's runtime (`KeyLoop`, `Screen`, `EffectWorker`): draw, read a
/// key (100 ms at most), update, run the effects; a tick when no key came lets the idle
/// timeout sign the secretary out. With a worker, the PIN check, loads and writes run off the
/// loop, and keys typed meanwhile wait their turn (as they would in the terminal). It never
/// ends by itself: signing out returns to the sign-in screen, and only a signal (SIGTERM,
/// SIGHUP) stops it.
public final class KioskProgram {
    let backend: any TerminalBackend
    let data: any KioskDataSource
    let theme: Theme
    /// Seconds of a monotonic clock (tests pass their own).
    let clock: () -> Double
    public private(set) var state: KioskState
    private let screen: Screen
    private let worker: EffectWorker<KioskMsg>?
    /// Keys read while a job ran, handled once it answered.
    private var waitingKeys: [KeyEvent] = []
    private var lastToken: Int?
    private var lastCheck: Double = 0

    public init(backend: any TerminalBackend, data: any KioskDataSource, state: KioskState, theme: Theme,
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }, background: Bool = false) {
        self.backend = backend
        self.screen = Screen(backend)
        self.data = data
        self.theme = theme
        self.clock = clock
        self.state = state
        self.worker = background ? EffectWorker<KioskMsg>() : nil
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
        runKeyLoop(on: screen)
    }

    /// Draws the state and sends the terminal only what changed.
    public func draw() {
        screen.draw(width: state.width, height: state.height) { Kiosk.render(state, into: &$0, theme: theme) }
    }

    /// Every second while signed in: reloads when another session committed (the coordinator
    /// validating her hours, say).
    private func pollForChanges(_ now: Double) -> Bool {
        guard state.session != nil, now - lastCheck >= 1 else { return false }
        lastCheck = now
        guard let token = try? data.changeToken() else { return false }
        defer { lastToken = token }
        guard let lastToken, token != lastToken, state.session?.form == nil else { return false }
        perform([Kiosk.load(state)])
        return true
    }

    /// Runs effects: the only place the database is touched, on the worker when there is one.
    func perform(_ effects: [KioskEffect]) {
        let l = state.language
        for effect in effects {
            switch effect {
            case .checkCode(let code):
                run { [.codeChecked($0.checkCode(code))] }
            case .signIn(let code, let pin):
                run { [.signedIn($0.signIn(code: code, pin: pin))] }
            case .signOut:
                // At once, on the loop: nothing may be done in her name after this.
                data.signOut()
            case .load(let weekStart, let from, let to):
                lastToken = try? data.changeToken()
                run { data in
                    do {
                        return [.loaded(try data.load(weekStart: weekStart, from: from, to: to))]
                    } catch {
                        return [.failed(ErrorText.sentence(error, l))]
                    }
                }
            case .log(let draft):
                write { try $0.log(draft) }
            case .update(let original, let draft):
                write { try $0.update(original, draft) }
            case .delete(let original):
                write { try $0.delete(original) }
            }
        }
    }

    /// Runs `job` on the worker (or at once without one); its messages go through `update`.
    private func run(_ job: @escaping @Sendable (any KioskDataSource) -> [KioskMsg]) {
        guard let worker else {
            for message in job(data) { perform(Kiosk.update(&state, message)) }
            return
        }
        let source = SendableKioskSource(data: data)
        worker.submit { job(source.data) }
    }

    private func write(_ body: @escaping @Sendable (any KioskDataSource) throws -> String) {
        let l = state.language
        // Reload after a refusal as well: a change made meanwhile shows at once.
        let reload = state.session != nil ? Kiosk.load(state) : nil
        run { data in
            do {
                return [.saved(try body(data))]
            } catch {
                var messages: [KioskMsg] = [.failed(ErrorText.sentence(error, l))]
                if case .load(let weekStart, let from, let to)? = reload,
                   let loaded = try? data.load(weekStart: weekStart, from: from, to: to) {
                    messages.append(.loaded(loaded))
                }
                return messages
            }
        }
    }
}

extension KioskProgram: KeyLoopDriven {
    var isRunning: Bool { true }
    /// A job runs or its answer is not applied yet: a key typed now waits for it (a code being
    /// checked must not drop the PIN's digits typed right after).
    var isWorking: Bool { worker?.pending ?? false }

    func applyFinished() -> Bool {
        guard let worker else { return false }
        let done = worker.take()
        for messages in done {
            for message in messages { perform(Kiosk.update(&state, message)) }
        }
        // Keys typed during the job, now that it answered.
        var handled = false
        while !isWorking, !waitingKeys.isEmpty {
            handle(waitingKeys.removeFirst())
            handled = true
        }
        return !done.isEmpty || handled
    }

    func handle(_ event: KeyEvent) {
        switch event {
        case .resize:
            let size = backend.size
            send(.resize(width: size.width, height: size.height))
        case .key(let key):
            if isWorking {
                waitingKeys.append(event)
                return
            }
            send(.key(key, at: clock()))
        }
    }

    func idle() -> Bool {
        let now = clock()
        send(.tick(at: now))
        return isWorking ? false : pollForChanges(now)
    }

    func finish() { worker?.wait() }
}
