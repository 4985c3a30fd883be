import Foundation
import TestSupport
import Testing

@Suite("releve invoice (cli.md, rules.md §6.3)", .serialized)
struct InvoiceCommandTests {
    /// A database holding the demo territory, its clock pinned.
    static func demo() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        let created = try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"])
        #expect(created.status == 0, "\(created.stderr)")
        return cli
    }

    static func numbers(_ json: String) -> [String] {
        json.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: "\"number\": \"") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// A real `kill -9` in the middle of issuing a year (a generated territory, killed at half
    /// the time a whole run takes): the year is issued whole or not at all, `check` is clean,
    /// and issuing again numbers without gaps.
    @Test func issuingIsAllOrNothingWhenTheProcessIsKilledMidway() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let created = try cli.run(["gen", "--members", "1500", "--agents", "90", "--seed", "5", "--db", cli.db])
        #expect(created.status == 0, "\(created.stderr)")
        let arguments = ["invoice", "run", "--year", "2025", "--issue", "--date", "2026-01-15", "--format", "json"]
        // A copy (with its key and anchor) tells how long a whole run takes.
        let copy = cli.directory.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in ["test.sqlite", "test.sqlite-wal", "test.sqlite.anchor", "releve.key"]
            where FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent(name).path) {
            try FileManager.default.copyItem(at: cli.directory.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let started = Date()
        let whole = try cli.run(arguments + ["--db", copy.appendingPathComponent("test.sqlite").path])
        let duration = Date().timeIntervalSince(started)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = Self.numbers(whole.stdout).count
        #expect(expected > 100)
        // The real run, killed at half that time.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ReleveBinary.path)
        process.arguments = arguments + ["--db", cli.db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: duration / 2)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try cli.run(["check", "--db", cli.db]).status == 0)
        let kept = Self.numbers(try cli.run(["invoice", "list", "--year", "2025", "--format", "json", "--db", cli.db]).stdout)
        #expect(kept.isEmpty || kept.count == expected, "\(kept.count) of \(expected) invoices kept")
        if process.terminationReason == .uncaughtSignal { #expect(kept.isEmpty, "killed before its commit, yet \(kept.count) kept") }
        // Issued again: the whole year, numbered from 0001 without a gap.
        let again = try cli.run(arguments + ["--db", cli.db])
        #expect(again.status == 0, "\(again.stderr)")
        let numbers = (kept + Self.numbers(again.stdout)).sorted()
        #expect(numbers == (1...expected).map { String(format: "2025-%04d", $0) })
    }

    @Test func issuingTheDemoYearTwiceChangesNothing() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let issued = try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--format", "json", "--db", cli.db])
        #expect(issued.status == 0, "\(issued.stderr)")
        let numbers = Self.numbers(issued.stdout)
        #expect(numbers.count > 20)
        #expect(numbers == (1...numbers.count).map { String(format: "2026-%04d", $0) })
        #expect(issued.stdout.contains("\"due\": \"2026-12-31\""))
        // Running the year again issues nothing new and changes nothing.
        let before = try cli.run(["invoice", "list", "--format", "json", "--as-of", "2026-12-02", "--db", cli.db]).stdout
        let again = try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-02", "--format", "json", "--db", cli.db])
        #expect(Self.numbers(again.stdout).isEmpty)
        #expect(again.stdout.contains("\"already_issued\""))
        #expect(try cli.run(["invoice", "list", "--format", "json", "--as-of", "2026-12-02", "--db", cli.db]).stdout == before)
    }

    @Test func creditNotesPaymentsStatusesAndCSV() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        let paid = try cli.run(["invoice", "paid", "2026-0001", "--date", "2026-12-15", "--db", cli.db])
        #expect(paid.status == 0)
        #expect(paid.stdout.contains("payée le mar. 15 déc. 2026"))
        let twice = try cli.run(["invoice", "paid", "2026-0001", "--date", "2026-12-16", "--db", cli.db])
        #expect(twice.status == 65)
        #expect(twice.stderr.contains("déjà enregistré"))
        let cancel = try cli.run(["invoice", "cancel", "2026-0002", "--reason", "Erreur de tranche", "--date", "2027-01-05", "--db", cli.db])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("Avoir AV-2027-0001"))
        let unknown = try cli.run(["invoice", "show", "2026-9999", "--db", cli.db])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("facture « 2026-9999 » inconnue"))
        let list = try cli.run(["invoice", "list", "--as-of", "2027-01-10", "--db", cli.db])
        #expect(list.stdout.contains("payée"))
        #expect(list.stdout.contains("annulée (AV-2027-0001)"))
        #expect(list.stdout.contains("en retard"))
        let show = try cli.run(["invoice", "show", "AV-2027-0001", "--db", cli.db])
        #expect(show.stdout.contains("annule 2026-0002 : Erreur de tranche"))
        let csv = try cli.run(["invoice", "export", "--format", "csv", "--as-of", "2027-01-10", "--db", cli.db])
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("numero;type;exercice;date_emission;date_echeance") == true)
        #expect(rows.contains { $0.hasPrefix("2026-0001;titre;2026;01/12/2026;31/12/2026;") && $0.contains(";payée;15/12/2026;") })
        #expect(rows.contains { $0.hasPrefix("AV-2027-0001;avoir;2027;05/01/2027;") && $0.hasSuffix(";2026-0002") })
        #expect(!csv.stdout.hasPrefix("\u{FEFF}"))
        // --bom: the same bytes after a UTF-8 byte order mark, for spreadsheet software.
        let withBOM = try cli.run(["invoice", "export", "--format", "csv", "--bom", "--as-of", "2027-01-10", "--db", cli.db])
        #expect(Array(withBOM.stdout.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(withBOM.stdout.dropFirst() == csv.stdout[...])
    }

    /// `invoice pay` in part (`--amount`, decimal comma or point, `--reference`), `invoice overdue`
    /// and `invoice reminder` (issue 13).
    @Test func partialPaymentsOverdueListAndReminderLetter() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        let part = try cli.run(["invoice", "pay", "2026-0004", "--date", "2026-12-02", "--amount", "100,00", "--reference", "Mandat 118", "--db", cli.db])
        #expect(part.status == 0, "\(part.stderr)")
        #expect(part.stdout.contains("Paiement de 100,00 € enregistré le mer. 2 déc. 2026 sur la facture 2026-0004 : partiellement payée : 100,00 € sur "))
        let above = try cli.run(["invoice", "pay", "2026-0004", "--date", "2026-12-02", "--amount", "99999.00", "--db", cli.db])
        #expect(above.status == 65 && above.stderr.contains("paiement de 99 999,00 € supérieur au reste dû de ")
            && above.stderr.contains(" sur la facture 2026-0004"), "\(above.stderr)")
        let zero = try cli.run(["invoice", "pay", "2026-0004", "--date", "2026-12-02", "--amount", "0", "--db", cli.db])
        #expect(zero.status == 65 && zero.stderr.contains("paiement de 0,00 € refusé sur la facture 2026-0004"), "\(zero.stderr)")
        let typo = try cli.run(["invoice", "pay", "2026-0004", "--date", "2026-12-02", "--amount", "cent", "--db", cli.db])
        #expect(typo.status == 65 && typo.stderr.contains("--amount : montant « cent » invalide"), "\(typo.stderr)")
        let show = try cli.run(["invoice", "show", "2026-0004", "--format", "json", "--db", cli.db]).stdout
        #expect(show.contains("\"amount_paid\": \"100.00\""))
        #expect(show.contains("\"reference\": \"Mandat 118\""))
        // Paid in full by the rest: out of the overdue list.
        #expect(try cli.run(["invoice", "pay", "2026-0005", "--date", "2026-12-03", "--db", cli.db]).status == 0)
        let overdue = try cli.run(["invoice", "overdue", "--today", "2027-01-10", "--format", "json", "--db", cli.db])
        #expect(overdue.status == 0, "\(overdue.stderr)")
        let numbers = Self.numbers(overdue.stdout)
        #expect(numbers.first == "2026-0001" && numbers.contains("2026-0004") && !numbers.contains("2026-0005"))
        #expect(overdue.stdout.contains("\"days_late\": 10"))
        #expect(overdue.stdout.contains("\"paid\": \"100.00\""))
        let table = try cli.run(["invoice", "overdue", "--today", "2027-01-10", "--db", cli.db]).stdout
        #expect(table.hasPrefix("Factures en retard au 10/01/2027 : \(numbers.count)"))
        #expect(try cli.run(["invoice", "overdue", "--today", "2026-12-15", "--db", cli.db]).stdout == "Aucune facture en retard au 15/12/2026.\n")
        // The reminder of 2026-0004's member.
        let member = try #require(overdue.stdout.split(separator: "\n").drop { !$0.contains("\"2026-0004\"") }.dropFirst().first)
            .split(separator: "\"").dropLast().last.map(String.init)
        let letter = cli.directory.appendingPathComponent("relance.pdf").path
        let refused = try cli.run(["invoice", "reminder", try #require(member), "--output", letter, "--today", "2026-12-15", "--db", cli.db])
        #expect(refused.status == 65 && refused.stderr.contains("n'a aucune facture en retard au 15/12/2026"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: letter))
        let written = try cli.run(["invoice", "reminder", try #require(member), "--output", letter, "--today", "2027-01-10", "--db", cli.db])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("Lettre de relance") && written.stdout.contains("écrite dans"))
        #expect(FileManager.default.fileExists(atPath: letter))
    }

    @Test func datesOutsideTheirWindowAreRefusedInFrenchAndChangeNothing() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        for (date, why) in [("1970-01-01", "refusée (avant le 01/01/2026)"), ("9999-12-01", "refusée (plus d'un mois après aujourd'hui)")] {
            let issue = try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", date, "--db", cli.db])
            #expect(issue.status == 65, "\(issue.stderr)")
            #expect(issue.stderr.contains("date d'émission des factures 2026 ") && issue.stderr.contains(why), "\(issue.stderr)")
        }
        #expect(Self.numbers(try cli.run(["invoice", "list", "--format", "json", "--db", cli.db]).stdout).isEmpty)
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        let cancel = try cli.run(["invoice", "cancel", "2026-0001", "--reason", "Erreur", "--date", "2020-01-01", "--db", cli.db])
        #expect(cancel.status == 65 && cancel.stderr.contains("date de l'avoir annulant 2026-0001 01/01/2020 refusée"), "\(cancel.stderr)")
        let paid = try cli.run(["invoice", "paid", "2026-0001", "--date", "9999-12-31", "--db", cli.db])
        #expect(paid.status == 65 && paid.stderr.contains("date de paiement de 2026-0001 31/12/9999 refusée"), "\(paid.stderr)")
        let show = try cli.run(["invoice", "show", "2026-0001", "--db", cli.db]).stdout
        #expect(!show.contains("payée") && !show.contains("annulée"))
        let validate = try cli.run(["hours", "validate", "--id", "999999", "--db", cli.db])
        #expect(validate.status == 65 && validate.stderr.contains("aucune saisie n° 999999"), "\(validate.stderr)")
    }

    @Test func showPrintsTheHoursStatementWithItsTotal() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        // 2026-0002 is the first member's hours without a mission (the demo is seeded).
        let number = "2026-0002"
        let json = try cli.run(["invoice", "show", number, "--format", "json", "--db", cli.db]).stdout
        #expect(json.contains("\"kind\": \"hours\""))
        #expect(json.contains("\"statement\": ["))
        let show = try cli.run(["invoice", "show", number, "--db", cli.db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("Relevé d'heures"))
        #expect(show.stdout.contains("Titre de recettes \(number)"))
        #expect(show.stdout.contains("à payer avant le jeu. 31 déc. 2026"))
    }
}

