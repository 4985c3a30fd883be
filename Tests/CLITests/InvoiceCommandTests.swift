import Foundation
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

    @Test func issuingIsAllOrNothingWhenTheProcessIsKilledMidway() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let dryRun = try cli.run(["invoice", "run", "--year", "2026", "--format", "json", "--db", cli.db])
        #expect(dryRun.status == 0)
        // Killed (SIGKILL) after writing 10 invoices inside the transaction: none is kept.
        let killed = try cli.runWithEnvironment(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db],
                                                environment: ["RELEVE_TEST_KILL_AFTER_INVOICES": "10"])
        #expect(killed.status != 0)
        #expect(try cli.run(["check", "--db", cli.db]).status == 0)
        let none = try cli.run(["invoice", "list", "--format", "json", "--db", cli.db])
        #expect(Self.numbers(none.stdout).isEmpty, "\(none.stdout)")
        // Issued again: numbers start at 0001 and have no gap.
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

extension ReleveBinary {
    /// Runs `releve ARGS` with extra environment variables.
    func runWithEnvironment(_ arguments: [String], environment extra: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["RELEVE_DB"] = nil
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
