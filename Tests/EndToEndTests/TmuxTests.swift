import Foundation
import TestSupport
import Testing

@Suite("End to end in tmux", .serialized, .enabled(if: TmuxSession.available, "tmux is not installed"))
struct TmuxTests {
    func demoDatabase() throws -> String { try ReleveBinary.demoDatabase() }

    @Test func aNewUserTriesEveryPaneResizesAndQuits() throws {
        let db = try demoDatabase()
        let tmux = TmuxSession()
        defer { tmux.close() }
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color '\(ReleveBinary.path)' --db '\(db)' --today 2026-11-16; echo EXIT=$?; sleep 30")
        #expect(tmux.waitFor("Semaine 47 · du lun. 16 au ven. 20 novembre 2026"), "\(tmux.screen())")
        #expect(tmux.screen().contains("lun. 16 nov. 2026"))
        for (key, title) in [("2", "Demandes · "), ("3", "Communes membres"), ("4", "Agents · 5"), ("5", "Heures · semaine 47"),
                             ("6", "Factures 2026 · 0 émises"), ("7", "Rapport du 01/01/2026 au 30/06/2026"), ("1", "Semaine 47")] {
            tmux.keys(key)
            #expect(tmux.waitFor(title), "pane \(key): \(tmux.screen())")
        }
        tmux.keys("?")
        #expect(tmux.waitFor("Aide · touches"))
        #expect(tmux.screen().contains("quitter"))
        tmux.keys("Escape")
        #expect(tmux.waitFor("prévu/contrat"))
        tmux.resize(80, 24)
        #expect(tmux.waitFor("7 Rapports"), "\(tmux.screen())")
        tmux.resize(30, 8)
        #expect(tmux.waitFor("Terminal trop petit"), "\(tmux.screen())")
        tmux.resize(120, 40)
        #expect(tmux.waitFor("prévu/contrat"))
        tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"), "\(tmux.screen())")
        #expect(!tmux.screen().contains("Semaine 47"))
    }

    @Test func anotherSessionsChangeAppearsWithinTwoSeconds() throws {
        let db = try demoDatabase()
        let tmux = TmuxSession()
        defer { tmux.close() }
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(ReleveBinary.path)' --db '\(db)' --today 2026-11-16; echo EXIT=$?; sleep 30")
        #expect(tmux.waitFor("Semaine 47"))
        tmux.keys("3")
        #expect(tmux.waitFor("Communes membres · 27"))
        // Another session adds a member through the command line.
        let file = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("more.json")
        try ReleveBinary.run(["export", "--db", db, "--output", file.path])
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"members\": [", with: """
            "members": [ { "code": "71999", "name": "Uchon", "kind": "commune", "population": 90,
              "single_part_time_secretary": true, "member_since": "2026-01-01", "member_until": null,
              "referent_agent": null, "substitute_agent": null, "last_summer_replacement": null, "opening_hours": {} },
            """)
        try Data(text.utf8).write(to: file)
        #expect(try ReleveBinary.run(["import", file.path, "--db", db]).status == 0)
        #expect(tmux.waitFor("Communes membres · 28", seconds: 3), "\(tmux.screen())")
        #expect(tmux.screen().contains("Uchon"))
        tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"))
    }

    @Test func theCoordinatorIssuesPaysAndPrintsFromTheFacturesPane() throws {
        let db = try demoDatabase()
        let documents = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("documents").path
        let tmux = TmuxSession()
        defer { tmux.close() }
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 RELEVE_DOCUMENTS='\(documents)' '\(ReleveBinary.path)' --db '\(db)' --today 2026-11-16; echo EXIT=$?; sleep 30")
        #expect(tmux.waitFor("Semaine 47"))
        tmux.keys("6")
        #expect(tmux.waitFor("Factures 2026 · 0 émises"), "\(tmux.screen())")
        tmux.keys("E")
        #expect(tmux.waitFor("o : émettre"), "\(tmux.screen())")
        tmux.keys("o")
        #expect(tmux.waitFor("facture(s) émise(s), 2026-0001"), "\(tmux.screen())")
        // What the pane issued is what the command line lists.
        let json = try ReleveBinary.run(["invoice", "list", "--db", db, "--format", "json", "--as-of", "2026-11-16"]).stdout
        #expect(json.contains("\"number\": \"2026-0001\""))
        tmux.keys("p")
        #expect(tmux.waitFor("Date du paiement : 16/11/2026"), "\(tmux.screen())")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Facture 2026-0001 payée le lun. 16 nov. 2026"), "\(tmux.screen())")
        tmux.keys("f")
        #expect(tmux.waitFor("PDF de 2026-0001 écrit"), "\(tmux.screen())")
        #expect(FileManager.default.fileExists(atPath: documents + "/2026-0001.pdf"))
        tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"))
    }

    func exportJSON(_ db: String) throws -> String { try ReleveBinary.run(["export", "--db", db]).stdout }

    @Test func theCoordinatorDeletesAnAbsenceAndChangesOpeningHours() throws {
        let db = try demoDatabase()
        let before = try exportJSON(db)
        let tmux = TmuxSession()
        defer { tmux.close() }
        tmux.start("env LANG=C.UTF-8 LC_ALL=C.UTF-8 '\(ReleveBinary.path)' --db '\(db)' --today 2026-11-16; echo EXIT=$?; sleep 30")
        #expect(tmux.waitFor("Semaine 47"))
        // Agents: the first agent's absences, the first one deleted after "o".
        tmux.keys("4")
        #expect(tmux.waitFor("Agents · 5"), "\(tmux.screen())")
        tmux.keys("A")
        #expect(tmux.waitFor("Absences d'Élodie Ferrand · 3"), "\(tmux.screen())")
        tmux.keys("d")
        #expect(tmux.waitFor("Supprimer l'absence du ven. 19 juin 2026"), "\(tmux.screen())")
        tmux.keys("o")
        #expect(tmux.waitFor("Absence supprimée (Élodie Ferrand)"), "\(tmux.screen())")
        #expect(tmux.waitFor("Absences d'Élodie Ferrand · 2"), "\(tmux.screen())")
        tmux.keys("Escape")
        // Communes: Blanzy (second row) opens on Saturday mornings, one day closes.
        tmux.keys("3")
        #expect(tmux.waitFor("Communes membres · 27"), "\(tmux.screen())")
        tmux.keys("j", "o")
        #expect(tmux.waitFor("Horaires d'ouverture de Blanzy (71040)"), "\(tmux.screen())")
        tmux.keys("Tab", "Tab", "Tab", "Tab")
        for _ in 0..<30 { tmux.keys("BSpace") }
        tmux.keys("Tab")
        tmux.keys("-l", "9h-11h30, 10:00-12:00")
        tmux.keys("Enter")
        #expect(tmux.waitFor("les plages 09:00-11:30 et 10:00-12:00 se chevauchent"), "\(tmux.screen())")
        for _ in 0..<12 { tmux.keys("BSpace") }
        tmux.keys("Enter")
        #expect(tmux.waitFor("Horaires d'ouverture de Blanzy enregistrés"), "\(tmux.screen())")
        tmux.keys("Enter")
        #expect(tmux.waitFor("sam. 09:00–11:30"), "\(tmux.screen())")
        // Blanzy renamed, then its history: the name change and the opening hours, newest first.
        tmux.keys("e", "Tab")
        tmux.keys("-l", " Centre")
        tmux.keys("Enter")
        #expect(tmux.waitFor("Enregistré : Blanzy Centre."), "\(tmux.screen())")
        tmux.keys("H")
        #expect(tmux.waitFor("Historique · Blanzy Centre (71040)"), "\(tmux.screen())")
        #expect(tmux.waitFor("nom : Blanzy → Blanzy Centre"), "\(tmux.screen())")
        let history = tmux.screen()
        #expect(history.contains("· modification"), "\(history)")
        #expect(history.contains("horaires sam. 09:00"), "\(history)")
        // Local time, French form: 22/11/2026 21:41.
        #expect(history.range(of: #"\d\d/\d\d/\d{4} \d\d:\d\d · "#, options: .regularExpression) != nil, "\(history)")
        #expect((history.range(of: "nom : Blanzy")?.lowerBound).map { history[..<$0].contains("horaires sam.") } == false, "\(history)")
        tmux.keys("H")
        let closed = Date().addingTimeInterval(10)
        while tmux.screen().contains("Historique ·") && Date() < closed { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!tmux.screen().contains("Historique ·"), "\(tmux.screen())")
        tmux.keys("q")
        #expect(tmux.waitFor("EXIT=0"))
        // The command line reads the same data.
        let json = try exportJSON(db)
        #expect(json.components(separatedBy: "\"from\": \"2026-06-19\"").count == before.components(separatedBy: "\"from\": \"2026-06-19\"").count - 1)
        #expect(json.contains("\"sat\": \"09:00-11:30\""))
    }
}
