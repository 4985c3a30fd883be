import Foundation
import TestSupport
import GRDB
import Testing

/// Terminal injection (issue 10): control characters are refused on input, with the JSON path
/// or the option, and neutralised on every output, even for data written before this rule.
@Suite("No terminal injection (issue 10)", .serialized)
struct TerminalInjectionTests {
    static let hostile = "Écuisses\u{1B}[2J\u{1B}]0;PWN\u{7}"

    static func service() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        #expect(try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"]).status == 0)
        return cli
    }

    @Test func anImportedNameWithControlCharactersIsRefusedWithItsPath() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let json = try oisansJSON()
        guard let range = json.range(of: "\"name\": \"") else {
            Issue.record("no name in the example")
            return
        }
        for (inserted, code) in [("\\u001b[2J\\u001b]0;PWN\\u0007", "U+001B"), ("\\u0000", "U+0000")] {
            let bad = json.replacingCharacters(in: range, with: "\"name\": \"Mairie" + inserted)
            let result = try cli.run(["import", try cli.file("bad.json", bad), "--db", cli.db])
            #expect(result.status == 65, "\(result.stderr)")
            #expect(result.stderr.contains(".name") && result.stderr.contains("caractère de contrôle \(code)"), "\(result.stderr)")
            #expect(!result.stderr.contains("\u{1B}"))
        }
        #expect(try cli.run(["export", "--db", cli.db]).stdout.contains("\"members\": []"))
    }

    @Test func dataFromBeforeTheRuleIsPrintedNeutralised() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        // Written behind Relève's back, as an older version could have stored it.
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            // Outside Relève the audit triggers' function does not exist: an older version's writes are mimicked with one.
            db.add(function: DatabaseFunction("releve_audit_on", argumentCount: 0) { _ in 1 })
            try db.execute(sql: "UPDATE member SET name = ? WHERE code = '71413'", arguments: [Self.hostile])
            try db.execute(sql: "UPDATE agent SET name = ? WHERE code = 'A1'", arguments: ["Élodie\u{1B}[31m"])
        }
        try queue.close()
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        let commands: [[String]] = [
            ["hours", "list"], ["plan"], ["schedule", "D-2026-001"], ["invoice", "run", "--year", "2026"], ["invoice", "list"],
            ["invoice", "show", "2026-0001"], ["estimate", "D-2026-001"], ["suggest", "D-2026-001"], ["export"],
            ["hours", "list", "--format", "json"], ["plan", "--format", "json"], ["audit"], ["invoice", "export", "--format", "csv"],
        ]
        var sawStandIn = false
        for arguments in commands {
            let result = try cli.run(arguments + ["--db", cli.db])
            #expect(result.status == 0 || result.status == 65, "\(arguments): \(result.stderr)")
            for scalar in (result.stdout + result.stderr).unicodeScalars where scalar.value < 0x20 && !"\n\t\r".unicodeScalars.contains(scalar) {
                Issue.record("\(arguments) printed U+\(String(scalar.value, radix: 16))")
                break
            }
            sawStandIn = sawStandIn || result.stdout.contains("\u{FFFD}")
        }
        #expect(sawStandIn)
        // JSON keeps the text exactly, escaped.
        #expect(try cli.run(["export", "--db", cli.db]).stdout.contains("\\u001b[2J"))
    }

    @Test func freeTextAndLoginsAreCheckedOnTheCommandLine() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        let cancel = try cli.run(["invoice", "cancel", "2026-0001", "--reason", "Doublon\u{1B}[2J", "--date", "2026-12-02", "--db", cli.db])
        #expect(cancel.status == 65 && cancel.stderr.contains("--reason : caractère de contrôle U+001B en position 8"), "\(cancel.stderr)")
        #expect(!(try cli.run(["invoice", "list", "--db", cli.db]).stdout.contains("AV-")))
        let login = String(repeating: "a", count: 100_000)
        let user = try cli.run(["user", "add", login, "--role", "coordinator", "--db", cli.db])
        #expect(user.status == 65, "\(user.stderr.prefix(300))")
        #expect(user.stderr.contains("de 1 à 32 lettres"))
        #expect(user.stderr.utf8.count < 400)
        let date = try cli.run(["hours", "list", "--from", String(repeating: "9", count: 100_000), "--db", cli.db])
        #expect(date.status == 65 && date.stderr.utf8.count < 400, "\(date.stderr.prefix(300))")
    }
}
