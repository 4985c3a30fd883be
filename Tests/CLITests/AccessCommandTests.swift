import Foundation
import TestSupport
import Testing

@Suite("Roles, audit, validation and concurrency from the command line (issue 5)", .serialized)
struct AccessCommandTests {
    static func demo() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        #expect(try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"]).status == 0)
        return cli
    }

    @Test func eightProcessesLogging200EntriesEachAllSucceed() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let before = try cli.run(["hours", "list", "--format", "json", "--db", cli.db]).stdout.components(separatedBy: "\"id\":").count
        // 8 shells at once, each running `releve hours log` 200 times in a row.
        let script = """
            for p in 1 2 3 4 5 6 7 8; do
              ( agent=A$(( (p - 1) % 5 + 1 ))
                for i in $(seq 0 199); do
                  day=$(date -u -d "2026-01-01 + $i days" +%Y-%m-%d)
                  "$RELEVE" hours log --db "$DB" --agent $agent --member 71040 --date $day --hours 0:10 >/dev/null 2>>"$ERR" || echo "FAIL $p $i" >>"$ERR"
                done ) &
            done
            wait
            """
        let errors = cli.directory.appendingPathComponent("errors.txt").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script]
        shell.environment = ["RELEVE": ReleveBinary.path, "DB": cli.db, "ERR": errors, "PATH": "/usr/bin:/bin"]
        try shell.run()
        shell.waitUntilExit()
        let failures = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(!failures.contains("FAIL"), "\(failures.prefix(2000))")
        let after = try cli.run(["hours", "list", "--format", "json", "--db", cli.db]).stdout.components(separatedBy: "\"id\":").count
        #expect(after - before == 1600)
        let check = try cli.run(["check", "--db", cli.db])
        #expect(check.status == 0, "\(check.stdout)")
        let audit = try cli.run(["audit", "--format", "json", "--entity", "time_entry", "--db", cli.db])
        #expect(audit.stdout.components(separatedBy: "\"action\": \"insert\"").count - 1 == 1600)
    }

    @Test func sixProcessesOpeningANewDatabaseAtOnceAllSucceed() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        // The first creation and migration, the installation key and its record are taken in turns.
        let script = "for p in 1 2 3 4 5 6; do \"$RELEVE\" check --db \"$DB\" >/dev/null 2>>\"$ERR\" || echo FAIL >>\"$ERR\" & done; wait"
        let errors = cli.directory.appendingPathComponent("errors.txt").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", script]
        shell.environment = ["RELEVE": ReleveBinary.path, "DB": cli.db, "ERR": errors, "PATH": "/usr/bin:/bin"]
        try shell.run()
        shell.waitUntilExit()
        let failures = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        #expect(!failures.contains("FAIL") && !failures.contains("already exists"), "\(failures)")
        #expect(try cli.run(["check", "--db", cli.db]).status == 0)
    }

    @Test func onceUsersAreDeclaredAnUnknownLoginIsRefusedAndAnObserverReadsOnly() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let me = NSUserName()
        #expect(try cli.run(["user", "add", "alice", "--role", "coordinator", "--db", cli.db]).status == 0)
        let refused = try cli.run(["plan", "--db", cli.db])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("utilisateur « \(me) » inconnu"))
        // Another service: the current login declared coordinator, then alice, then the login demoted to observer.
        let copy = try ReleveBinary()
        defer { copy.cleanUp() }
        #expect(try copy.run(["demo", "--db", copy.db, "--today", "2026-11-22"]).status == 0)
        #expect(try copy.run(["user", "add", me, "--role", "coordinator", "--db", copy.db]).status == 0)
        #expect(try copy.run(["user", "add", "alice", "--role", "coordinator", "--db", copy.db]).status == 0)
        let demoted = try copy.run(["user", "add", me, "--role", "observer", "--db", copy.db])
        #expect(demoted.status == 0, "\(demoted.stderr)")
        #expect(try copy.run(["plan", "--format", "json", "--db", copy.db]).status == 0)
        let write = try copy.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-20", "--hours", "1:00", "--db", copy.db])
        #expect(write.status == 77)
        #expect(write.stderr.contains("lecture seule"))
        let audit = try copy.run(["audit", "--format", "json", "--entity", "absence", "--db", copy.db])
        #expect(!audit.stdout.contains("maladie"))
    }

    /// A second day's worth at a commune already logged that day is recorded but said; hours of
    /// a mission before it starts are refused, saying its dates (issue 12).
    @Test func hoursBeyondThePlanAreSaidAndOutsideTheMissionRefused() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let first = try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-27", "--hours", "7:00", "--db", cli.db])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-27", "--hours", "7:00", "--db", cli.db])
        #expect(second.status == 0)
        #expect(second.stderr.contains("releve : attention : ") && second.stderr.contains("14:00 saisies à") || second.stderr.contains("rien n'était prévu à"),
                "\(second.stderr)")
        let early = try cli.run(["hours", "log", "--agent", "A4", "--member", "71191", "--date", "2026-12-04", "--hours", "1:00",
                                 "--request", "D-2026-030", "--db", cli.db])
        #expect(early.status == 65)
        #expect(early.stderr.contains("hors de la mission D-2026-030 (du lun. 7 déc. 2026 au ven. 18 déc. 2026)"), "\(early.stderr)")
    }

    /// The coordinator corrects and deletes hours from the command line too (issue 12).
    @Test func hoursAreCorrectedAndDeletedFromTheCommandLine() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let logged = try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-20", "--hours", "1:00", "--db", cli.db])
        let id = try #require(logged.stdout.firstMatch(of: /n° (\d+)/).map { String($0.1) })
        #expect(try cli.run(["hours", "validate", "--id", id, "--db", cli.db]).status == 0)
        let edited = try cli.run(["hours", "edit", id, "--hours", "1,5", "--db", cli.db])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("Saisie n° \(id) corrigée : 1:30 le ven. 20 nov. 2026 (à valider de nouveau)"))
        let bad = try cli.run(["hours", "edit", id, "--hours", "25:00", "--db", cli.db])
        #expect(bad.status == 65)
        let listed = try cli.run(["hours", "list", "--agent", "A1", "--from", "2026-11-20", "--to", "2026-11-20", "--format", "json", "--db", cli.db])
        #expect(listed.stdout.contains("\"1:30\""))
        #expect(try cli.run(["hours", "delete", id, "--db", cli.db]).status == 0)
        let again = try cli.run(["hours", "delete", id, "--db", cli.db])
        #expect(again.status == 65 && again.stderr.contains("n'existe plus"))
    }

    @Test func validationCloseAndReopenFromTheCommandLine() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let logged = try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-20", "--hours", "1:00", "--db", cli.db])
        #expect(logged.status == 0)
        let week = try cli.run(["hours", "validate", "--agent", "A1", "--week", "2026-11-20", "--db", cli.db])
        #expect(week.status == 0)
        #expect(week.stdout.contains("saisie(s) validée(s)"))
        #expect(try cli.run(["hours", "close", "2026-11", "--db", cli.db]).status == 0)
        let late = try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-19", "--hours", "1:00", "--db", cli.db])
        #expect(late.status == 65)
        #expect(late.stderr.contains("mois clos"))
        let noReason = try cli.run(["hours", "reopen", "2026-11", "--reason", "", "--db", cli.db])
        #expect(noReason.status == 65)
        #expect(try cli.run(["hours", "reopen", "2026-11", "--reason", "Oubli du 19", "--db", cli.db]).status == 0)
        #expect(try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-11-19", "--hours", "1:00", "--db", cli.db]).status == 0)
        let audit = try cli.run(["audit", "--entity", "month_lock", "--db", cli.db])
        #expect(audit.stdout.contains("reason: ∅ → Oubli du 19") || audit.stdout.contains("Oubli du 19"))
    }
}
