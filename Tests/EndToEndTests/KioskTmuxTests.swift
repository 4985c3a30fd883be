import Foundation
import TestSupport
import Testing

/// Runs the binary with `arguments`, `input` on its standard input; returns its exit status and output.
@discardableResult
private func releve(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String, error: String) {
    let result = try ReleveBinary.run(arguments, stdin: input)
    return (result.status, result.stdout, result.stderr)
}

@Suite("Kiosk end to end in tmux", .serialized, .enabled(if: TmuxSession.available, "tmux is not installed"))
struct KioskTmuxTests {
    func demoDatabase() throws -> String { try ReleveBinary.demoDatabase() }

    /// How many of A1's entries on 16 November 2026 at Saint-Firmin last 3:30, per `hours list --format json`.
    func loggedAtSaintFirmin(_ db: String) throws -> Int {
        let json = try releve(["hours", "list", "--db", db, "--agent", "A1", "--from", "2026-11-16", "--to", "2026-11-16",
                               "--format", "json"]).output
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let entries = object?["entries"] as? [[String: Any]] ?? []
        return entries.filter { ($0["member"] as? String) == "71413" && ($0["minutes"] as? Int) == 210 }.count
    }

    @Test func setPINRefusesAPINOnTheCommandLineAndReadsStandardInput() throws {
        let db = try demoDatabase()
        let onCommandLine = try releve(["agent", "set-pin", "A1", "2468", "--db", db])
        #expect(onCommandLine.status == 64)
        #expect(onCommandLine.error.contains("le PIN ne se donne jamais sur la ligne de commande"))
        #expect(!onCommandLine.error.contains("2468"))
        let short = try releve(["agent", "set-pin", "A1", "--db", db], input: "12\n")
        #expect(short.status == 65 && short.error.contains("le PIN doit compter de 4 à 12 chiffres"))
        let unknown = try releve(["agent", "set-pin", "Z9", "--db", db], input: "2468\n")
        #expect(unknown.status == 65 && unknown.error.contains("agent inconnu : Z9"))
        // The code as the kiosk reads it, case ignored; the reply names the agent.
        let set = try releve(["agent", "set-pin", "a1", "--db", db], input: "2468\n")
        #expect(set.status == 0 && set.output.contains("PIN d'Élodie Ferrand (A1) enregistré."), "\(set.output)")
        #expect(!set.output.contains("2468") && !set.error.contains("2468"))
        let unlock = try releve(["agent", "unlock", "A1", "--db", db])
        #expect(unlock.status == 0 && unlock.output.contains("Agent A1 débloqué."))
    }

    @Test func aSecretarySignsInLogsHoursAndTheyAppearInHoursList() throws {
        let db = try demoDatabase()
        #expect(try releve(["agent", "set-pin", "A1", "--db", db], input: "2468\n").status == 0)
        let before = try loggedAtSaintFirmin(db)
        let tmux = TmuxSession()
        defer { tmux.close() }
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color '\(ReleveBinary.path)' kiosk --db '\(db)' --today 2026-11-16; echo EXIT=$?; sleep 30",
                   width: 80, height: 24)
        #expect(tmux.waitFor("Code agent"), "\(tmux.screen())")
        tmux.keys("A1", "Enter")
        #expect(tmux.waitFor("Tapez votre PIN"), "\(tmux.screen())")
        tmux.keys("0000", "Enter")
        #expect(tmux.waitFor("PIN incorrect : encore 4 essais avant le blocage."), "\(tmux.screen())")
        #expect(!tmux.screen().contains("Élodie"))
        tmux.keys("2468", "Enter")
        #expect(tmux.waitFor("Ma semaine · du lun. 16 au ven. 20 novembre 2026"), "\(tmux.screen())")
        #expect(tmux.screen().contains("Élodie Ferrand · se déconnecter : Échap"))
        // Her week is read off the key loop: "Chargement…", then the week.
        #expect(tmux.waitFor("matin 09:00–12:00 · Saint-Firmin"), "\(tmux.screen())")
        tmux.keys("n")
        #expect(tmux.waitFor("Saisir des heures"), "\(tmux.screen())")
        tmux.keys("3,5", "Enter")
        #expect(tmux.waitFor("Enregistré (n°"), "\(tmux.screen())")
        #expect(try loggedAtSaintFirmin(db) == before + 1)
        let screen = tmux.screen()
        for word in ["Factures", "Jérôme", "maladie", "congés", "formation"] { #expect(!screen.contains(word), "\(word): \(screen)") }
        // Signing out returns to the sign-in screen; the kiosk keeps running.
        tmux.keys("Escape")
        #expect(tmux.waitFor("Session fermée. À bientôt !"), "\(tmux.screen())")
        #expect(tmux.screen().contains("Code agent") && !tmux.screen().contains("Élodie"))
        #expect(!tmux.screen().contains("EXIT="))
        // Only SIGTERM (or SIGHUP) ends it, and the terminal is given back.
        terminate(db)
        #expect(tmux.waitFor("EXIT=143"), "\(tmux.screen())")
    }

    @Test func anAbsenceShowsWithoutItsMotiveAndIdleSignsOut() throws {
        let db = try demoDatabase()
        #expect(try releve(["agent", "set-pin", "A3", "--db", db], input: "13579\n").status == 0)
        let tmux = TmuxSession()
        defer { tmux.close() }
        // Sandrine Perrot is on sick leave from Monday 9 February 2026 in the demo.
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(ReleveBinary.path)' kiosk --db '\(db)' --today 2026-02-10 --idle 5; echo EXIT=$?; sleep 30",
                   width: 100, height: 30)
        #expect(tmux.waitFor("Code agent"), "\(tmux.screen())")
        tmux.keys("A3", "Enter", "13579", "Enter")
        #expect(tmux.waitFor("Sandrine Perrot"), "\(tmux.screen())")
        #expect(tmux.waitFor("absence prévue"), "\(tmux.screen())")
        let screen = tmux.screen()
        for word in ["maladie", "Maladie", "Factures", "Élodie", "congés"] { #expect(!screen.contains(word), "\(word): \(screen)") }
        #expect(tmux.waitFor("Session fermée après 5 s sans activité.", seconds: 12), "\(tmux.screen())")
        #expect(tmux.screen().contains("Code agent") && !tmux.screen().contains("Sandrine"))
        terminate(db)
        #expect(tmux.waitFor("EXIT=143"))
    }

    @Test func ctrlZCtrlBackslashAndCtrlCDoNothingAtTheKiosk() throws {
        let db = try demoDatabase()
        #expect(try releve(["agent", "set-pin", "A1", "--db", db], input: "2468\n").status == 0)
        let tmux = TmuxSession()
        defer { tmux.close() }
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color '\(ReleveBinary.path)' kiosk --db '\(db)' --today 2026-11-16; echo EXIT=$?; sleep 30",
                   width: 80, height: 24)
        #expect(tmux.waitFor("Code agent"), "\(tmux.screen())")
        func tryToLeave() {
            for key in ["C-z", "C-\\", "C-c", "C-d"] {
                tmux.keys(key)
                Thread.sleep(forTimeInterval: 0.3)
                let screen = tmux.screen()
                #expect(!screen.contains("EXIT="), "\(key): \(screen)")
                #expect(!screen.contains("Stopped") && !screen.contains("Crash") && !screen.contains("debug") && !screen.contains("$ "),
                        "\(key): \(screen)")
            }
        }
        tryToLeave()
        #expect(tmux.screen().contains("Code agent"), "\(tmux.screen())")
        // Typed into the code field, none of them left a character: sign-in still works.
        tmux.keys("A1", "Enter", "2468", "Enter")
        #expect(tmux.waitFor("Ma semaine · du lun. 16 au ven. 20 novembre 2026"), "\(tmux.screen())")
        tryToLeave()
        #expect(tmux.screen().contains("Ma semaine"), "\(tmux.screen())")
        terminate(db)
        #expect(tmux.waitFor("EXIT=143"), "\(tmux.screen())")
    }

    /// Sends SIGTERM to the kiosk running on `db`, as an administrator would.
    func terminate(_ db: String) {
        _ = system("pkill -TERM -f 'kiosk --db \(db)'")
    }
}
