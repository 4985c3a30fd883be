import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives the real binary in a detached tmux session, as a user at a terminal would.
public final class TmuxSession {
    public let socket = "releve-e2e-\(UUID().uuidString.prefix(8))"
    public let name = "e2e"

    public init() {}

    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
    }

    /// Runs tmux through the shell (`system`/`popen` wait for it reliably); only `capture`
    /// reads its output, and the server that `new-session` starts gets no pipe to keep open.
    @discardableResult
    public func tmux(_ arguments: [String], capture: Bool = false) -> String {
        let quoted = (["tmux", "-L", socket] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = quoted.joined(separator: " ")
        guard capture else {
            _ = system(command + " >/dev/null 2>&1 </dev/null")
            return ""
        }
        guard let pipe = popen(command + " 2>/dev/null", "r") else { return "" }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, pipe)
            if n <= 0 { break }
            output.append(contentsOf: chunk[0..<n])
        }
        pclose(pipe)
        return String(decoding: output, as: UTF8.self)
    }

    public func start(_ command: String, width: Int = 120, height: Int = 40) {
        tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", name, command])
    }

    public func screen() -> String { tmux(["capture-pane", "-p", "-t", name], capture: true) }

    public func keys(_ keys: String...) { tmux(["send-keys", "-t", name] + keys) }

    public func resize(_ width: Int, _ height: Int) { tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"]) }

    /// Polls the screen until it contains `text` (10 s at most).
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen().contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    public func close() { tmux(["kill-server"]) }
}
