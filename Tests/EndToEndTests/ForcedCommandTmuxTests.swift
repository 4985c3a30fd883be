import Foundation
import TestSupport
import Testing

/// `releve user add LOGIN --key FILE` writes an `authorized_keys` line whose forced command
/// gives that key the interface with LOGIN's role and nothing else (issue 10). Run here as sshd
/// runs it: the account's shell with `-c COMMAND`, the client's request in
/// `SSH_ORIGINAL_COMMAND`, which must never run.
@Suite("SSH forced commands (issue 10)", .serialized, .enabled(if: TmuxSession.available, "tmux is not installed"))
struct ForcedCommandTmuxTests {
    static let aliceKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f alice@portable\n"
    static let eluKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/ elu@mairie\n"

    struct Service {
        let directory: URL
        var db: String { directory.appendingPathComponent("releve.sqlite").path }
        var keys: String { directory.appendingPathComponent("ssh/authorized_keys").path }

        func file(_ name: String, _ text: String) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        @discardableResult
        func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            let result = try ReleveBinary.run(arguments + ["--db", db])
            return (result.status, result.stdout, result.stderr)
        }
    }

    func service() throws -> Service {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("releve-ssh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let service = Service(directory: directory)
        #expect(try service.run(["demo", "--today", "2026-11-16"]).status == 0)
        #expect(try service.run(["user", "add", NSUserName(), "--role", "coordinator"]).status == 0)
        return service
    }

    /// The forced command of `login`'s line, as sshd reads it from `command="…"`.
    func forcedCommand(_ keys: String, login: String) -> String? {
        let text = (try? String(contentsOfFile: keys, encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").first(where: { $0.hasSuffix(" releve:\(login)") }),
              line.hasPrefix("command=\""), let end = line.range(of: "\",restrict ") else { return nil }
        return String(line[line.index(line.startIndex, offsetBy: 9)..<end.lowerBound])
    }

    @Test func aKeyGetsTheInterfaceWithItsRoleAndNothingElse() throws {
        let service = try service()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        let add = try service.run(["user", "add", "elu", "--role", "observer", "--key", try service.file("elu.pub", Self.eluKey),
                                   "--authorized-keys", service.keys])
        #expect(add.status == 0, "\(add.err)")
        #expect(add.out.contains("ajoutée à \(service.keys)"))
        let text = try String(contentsOfFile: service.keys, encoding: .utf8)
        #expect(text.hasPrefix("command=\"\(releveBinaryResolved()) --db '\(service.db)' --as elu\",restrict ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICAh"))
        #expect(text.hasSuffix(" releve:elu\n"))
        var info = stat()
        #expect(stat(service.keys, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(stat(service.directory.appendingPathComponent("ssh").path, &info) == 0 && info.st_mode & 0o777 == 0o700)
        guard let command = forcedCommand(service.keys, login: "elu") else {
            Issue.record("no forced command in \(text)")
            return
        }
        let pwned = service.directory.appendingPathComponent("pwned").path
        let tmux = TmuxSession()
        defer { tmux.close() }
        let quoted = "'" + command.replacingOccurrences(of: "'", with: "'\\''") + "'"
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color SSH_ORIGINAL_COMMAND='touch \(pwned); sh' /bin/sh -c \(quoted); echo EXIT=$?; sleep 30")
        #expect(tmux.waitFor("Semaine"), "\(tmux.screen())")
        // The observer's interface: moving and reading work, editing is refused.
        tmux.keys("2")
        #expect(tmux.waitFor("Demandes · "), "\(tmux.screen())")
        tmux.keys("n")
        #expect(tmux.waitFor("lecture seule"), "\(tmux.screen())")
        tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"), "\(tmux.screen())")
        #expect(!FileManager.default.fileExists(atPath: pwned))
        // The audit trail names elu, not the account, for what a coordinator's key does.
        #expect(try service.run(["user", "add", "alice", "--role", "coordinator", "--key", try service.file("alice.pub", Self.aliceKey),
                                 "--authorized-keys", service.keys]).status == 0)
        let alice = try #require(forcedCommand(service.keys, login: "alice"))
        #expect(alice.hasSuffix("--as alice"))
    }

    @Test func keysAreCheckedReplacedAndRemoved() throws {
        let service = try service()
        defer { try? FileManager.default.removeItem(at: service.directory) }
        // Someone's own line, not Relève's, is kept as it is.
        try FileManager.default.createDirectory(atPath: service.directory.appendingPathComponent("ssh").path, withIntermediateDirectories: true)
        let own = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f admin@serveur\n"
        try Data(own.utf8).write(to: URL(fileURLWithPath: service.keys))
        let privateKey = try service.file("id", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n-----END OPENSSH PRIVATE KEY-----\n")
        let refused = try service.run(["user", "add", "elu", "--role", "observer", "--key", privateKey, "--authorized-keys", service.keys])
        #expect(refused.status == 65 && refused.err.contains("clé PRIVÉE"), "\(refused.err)")
        // A bad key changes nothing: no user, no line.
        #expect(!(try service.run(["user", "list"]).out.contains("elu")))
        #expect(try String(contentsOfFile: service.keys, encoding: .utf8) == own)
        let elu = try service.file("elu.pub", Self.eluKey)
        #expect(try service.run(["user", "add", "elu", "--role", "observer", "--key", elu, "--authorized-keys", service.keys]).status == 0)
        // Adding again replaces elu's line; the same key for someone else is refused.
        #expect(try service.run(["user", "add", "elu", "--role", "observer", "--key", elu, "--authorized-keys", service.keys]).status == 0)
        let taken = try service.run(["user", "add", "bob", "--role", "observer", "--key", elu, "--authorized-keys", service.keys])
        #expect(taken.status == 65 && taken.err.contains("déjà celle de « elu »"), "\(taken.err)")
        var lines = try String(contentsOfFile: service.keys, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[0] + "\n" == own && lines[1].hasSuffix("releve:elu"))
        let removed = try service.run(["user", "remove", "elu", "--authorized-keys", service.keys])
        #expect(removed.status == 0 && removed.out.contains("Sa clé SSH est retirée"), "\(removed.err)")
        lines = try String(contentsOfFile: service.keys, encoding: .utf8).split(separator: "\n")
        #expect(lines.map { $0 + "\n" } == [Substring(own)])
    }
}

/// The binary's real path, as `/proc/self/exe` gives it to the program.
func releveBinaryResolved() -> String {
    URL(fileURLWithPath: ReleveBinary.path).resolvingSymlinksInPath().path
}
