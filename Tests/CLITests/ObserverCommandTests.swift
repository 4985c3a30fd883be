import Foundation
import TestSupport
import Testing

/// Every command run as an observer (issue 10, "Roles everywhere"): what reads works and never
/// prints an absence kind or a request motive; what writes or copies everything is refused
/// with exit 77 and changes nothing. The observer is reached with `--as`, which the account that
/// owns the data (here the test's own) may use, as its SSH forced commands do.
@Suite("Every command as an observer (issue 10)", .serialized)
struct ObserverCommandTests {
    /// Words that only the coordinator reads: the demo's request motives of the urgent and
    /// absence classes (its absences' kinds never reach the command line's outputs).
    static let privateWords = ["maladie", "maternité", "enfant malade", "congés exceptionnels", "retraite", "autre absence",
                               "congés d'été", "accident", "sickness", "maternity"]

    static func service() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        #expect(try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"]).status == 0)
        #expect(try cli.run(["user", "add", NSUserName(), "--role", "coordinator", "--db", cli.db]).status == 0)
        #expect(try cli.run(["user", "add", "elu", "--role", "observer", "--db", cli.db]).status == 0)
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        return cli
    }

    static func leaks(_ text: String) -> [String] {
        let lower = text.lowercased()
        return privateWords.filter { lower.contains($0) }
    }

    @Test func whatAnObserverReadsHoldsNoMotiveAndNoAbsenceKind() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        // The coordinator's plan names the motives: the check below is not vacuous.
        #expect(try cli.run(["plan", "--db", cli.db]).stdout.contains("maladie"))
        let pdf = cli.directory.appendingPathComponent("doc.pdf").path
        let reads: [[String]] = [
            ["plan"], ["plan", "--format", "json"], ["hours", "list"], ["hours", "list", "--format", "json"],
            ["schedule", "D-2026-001"], ["suggest", "D-2026-001"], ["estimate", "D-2026-001"],
            ["estimate", "D-2026-001", "--format", "json"], ["invoice", "run", "--year", "2026"],
            ["invoice", "run", "--year", "2026", "--format", "json"], ["invoice", "list"], ["invoice", "show", "2026-0001"],
            ["invoice", "export", "--format", "csv"], ["audit"], ["audit", "--format", "json"], ["user", "list"], ["check"],
        ]
        for arguments in reads {
            let result = try cli.run(arguments + ["--as", "elu", "--db", cli.db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(Self.leaks(result.stdout + result.stderr).isEmpty, "\(arguments) shows \(Self.leaks(result.stdout))")
        }
        // An observer's plan says the kind of need instead.
        #expect(try cli.run(["plan", "--as", "elu", "--db", cli.db]).stdout.contains("urgence"))
        // Documents an observer prints carry no motive either.
        for arguments in [["estimate", "D-2026-001", "--pdf", pdf], ["contract", "D-2026-001", "--output", pdf],
                          ["invoice", "pdf", "2026-0001", "--output", pdf]] {
            try? FileManager.default.removeItem(atPath: pdf)
            let result = try cli.run(arguments + ["--as", "elu", "--db", cli.db])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: pdf))) ?? Data()
            #expect(bytes.starts(with: Data("%PDF".utf8)), "\(arguments)")
            if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
                let text = try Self.pdfText(pdf)
                #expect(!text.isEmpty)
                #expect(Self.leaks(text).isEmpty, "\(arguments) prints \(Self.leaks(text))")
            }
        }
        // The coordinator's contract does name it (the mayor signs it).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            try? FileManager.default.removeItem(atPath: pdf)
            #expect(try cli.run(["contract", "D-2026-001", "--output", pdf, "--db", cli.db]).status == 0)
            #expect(try Self.pdfText(pdf).contains("maladie"))
        }
    }

    @Test func whatWritesOrCopiesEverythingIsRefusedToAnObserver() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        let before = try cli.run(["export", "--db", cli.db]).stdout
        let territory = try cli.file("t.json", try oisansJSON())
        let refused: [[String]] = [
            ["export"], ["export", "--output", cli.directory.appendingPathComponent("copy.json").path],
            ["backup", cli.directory.appendingPathComponent("copy.sqlite").path],
            ["import", territory],
            ["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-16", "--hours", "1:00"],
            ["hours", "validate", "--agent", "A1", "--week", "2026-11-16"], ["hours", "close", "2026-10"],
            ["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-02"],
            ["invoice", "cancel", "2026-0001", "--reason", "essai", "--date", "2026-12-02"],
            ["invoice", "paid", "2026-0001", "--date", "2026-12-02"],
            ["agent", "unlock", "A1"], ["user", "add", "x", "--role", "observer"], ["user", "remove", "elu"],
        ]
        for arguments in refused {
            let result = try cli.run(arguments + ["--as", "elu", "--db", cli.db])
            #expect(result.status == 77, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("lecture seule") || result.stderr.contains("réservé au coordinateur"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty || !result.stdout.contains("\"schema\""), "\(arguments) printed data")
        }
        let setPIN = try cli.run(["agent", "set-pin", "A1", "--as", "elu", "--db", cli.db], stdin: "2468\n")
        #expect(setPIN.status == 77, "\(setPIN.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("copy.json").path))
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("copy.sqlite").path))
        #expect(try cli.run(["export", "--db", cli.db]).stdout == before)
        let backup = try cli.run(["backup", cli.directory.appendingPathComponent("copy.sqlite").path, "--as", "elu", "--db", cli.db])
        #expect(backup.stderr.contains("la sauvegarde est réservé au coordinateur"), "\(backup.stderr)")
    }

    @Test func asIsRefusedToAnAccountThatDoesNotOwnTheDataAndForUnknownLogins() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        let unknown = try cli.run(["plan", "--as", "mallory", "--db", cli.db])
        #expect(unknown.status == 77)
        #expect(unknown.stderr.contains("utilisateur « mallory » inconnu"))
        // Tests run as root: hand the file to another account; root no longer owns it.
        guard geteuid() == 0 else { return }
        #expect(chown(cli.db, 65534, 65534) == 0)
        let foreign = try cli.run(["plan", "--as", "elu", "--db", cli.db])
        #expect(foreign.status == 77, "\(foreign.stderr)")
        #expect(foreign.stderr.contains("seul le compte propriétaire des données"), "\(foreign.stderr)")
        #expect(chown(cli.db, 0, 0) == 0)
    }

    static func pdfText(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [path, "-"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
