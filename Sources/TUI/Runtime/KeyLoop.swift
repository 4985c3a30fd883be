/// The terminal side both programs share: frames are diffed against the last one, so only
/// changed cells are sent (a weak SSH link gets a few bytes per key).
final class Screen {
    let backend: any TerminalBackend
    private var previous: Buffer?

    init(_ backend: any TerminalBackend) { self.backend = backend }

    /// Paints a frame of `width`×`height` and sends what changed since the last one.
    func draw(width: Int, height: Int, _ paint: (inout Buffer) -> Void) {
        var buffer = Buffer(width: width, height: height)
        paint(&buffer)
        let changes = buffer.changes(since: previous)
        if !changes.isEmpty { backend.draw(changes) }
        previous = buffer
    }

    /// The next event; after a resize the next frame is sent whole.
    func next(timeoutMilliseconds: Int) -> KeyEvent? {
        let event = backend.readKey(timeoutMilliseconds: timeoutMilliseconds)
        if case .resize? = event { previous = nil }
        return event
    }
}

/// A program the key loop drives: the coordinator's interface (`Program`) and the kiosk
/// (`KioskProgram`). One loop for both: draw after something happened, apply the worker's
/// answers between keys, wake often while a job runs, do idle work (polling for other
/// sessions' commits, the kiosk's idle sign-out) when no key came.
protocol KeyLoopDriven: AnyObject {
    var isRunning: Bool { get }
    /// Jobs queued or running on the worker.
    var isWorking: Bool { get }
    /// Applies the worker's answers; true when there were some.
    func applyFinished() -> Bool
    func handle(_ event: KeyEvent)
    /// Nothing came for a while; true when something changed on screen.
    func idle() -> Bool
    func draw()
    /// The loop ended: wait for what is in flight (a save is never abandoned).
    func finish()
}

extension KeyLoopDriven {
    func runKeyLoop(on screen: Screen) {
        var dirty = true
        while isRunning {
            // An idle screen costs nothing: draw only after something happened.
            if dirty { draw() }
            dirty = applyFinished()
            // While the worker runs, wake often to show its answer as soon as it is there.
            if let event = screen.next(timeoutMilliseconds: isWorking ? 15 : 100) {
                dirty = true
                handle(event)
            } else {
                dirty = idle() || dirty
            }
        }
        finish()
    }
}
