import Foundation

/// Runs the slow calls (writes, whole-territory reads, invoices, history, the kiosk's PIN check)
/// off the key loop, one at a time and in order; their answers (messages of the program that
/// queued them) wait in `finished` until the loop applies them between two keys.
final class EffectWorker<Message: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "releve.effects")
    private let lock = NSLock()
    private var finished: [[Message]] = []
    private var running = 0

    /// Queues `job`; its messages come back through `take()`.
    func submit(_ job: @escaping @Sendable () -> [Message]) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            let messages = job()
            lock.withLock {
                finished.append(messages)
                running -= 1
            }
        }
    }

    /// The answers that arrived, in the order their jobs were queued.
    func take() -> [[Message]] {
        lock.withLock {
            let done = finished
            finished = []
            return done
        }
    }

    /// Jobs queued or running.
    var busy: Bool { lock.withLock { running > 0 } }

    /// Jobs queued, running, or done with answers not taken yet.
    var pending: Bool { lock.withLock { running > 0 || !finished.isEmpty } }

    /// Waits for every queued job (quitting never abandons a save).
    func wait() { queue.sync {} }
}
