import Domain
import Foundation
import GRDB
@testable import Store
import Testing

/// The adversary of issue 10 with the database file in hand: each tampering is refused or found
/// by `releve check`, with a French phrase saying what and since when.
@Suite("Tampering with the audit trail, invoices and PINs (issue 10)", .serialized)
struct AuditTamperTests {
    static let today = CalendarDate(year: 2026, month: 12, day: 5) ?? CalendarDate(dayNumber: 0)

    /// A demo service in its own folder, with a year of invoices issued and a few edits.
    static func service() throws -> (AppDatabase, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("releve-tamper-\(UUID().uuidString)").path
        let path = folder + "/releve.sqlite"
        let database = try AppDatabase.open(path: path)
        try database.saveInBulk(DemoTerritory.make(today: CalendarDate(year: 2026, month: 11, day: 22) ?? today), description: "demo")
        _ = try database.issueInvoices(year: 2026, on: CalendarDate(year: 2026, month: 12, day: 1) ?? today, today: today)
        for day in 16...18 {
            _ = try database.logHours(TimeEntry(agent: "A1", member: "71040", date: CalendarDate(year: 2026, month: 11, day: day) ?? today,
                                                minutes: 60), location: { $0 })
        }
        return (database, path)
    }

    static func problems(_ path: String) throws -> [String] {
        try AppDatabase.open(path: path).integrityProblems(language: .fr).map { $0.message(in: .fr) }
    }

    /// A plain SQLite connection, as the sqlite3 shell would open the file.
    static func outside(_ path: String, _ sql: String, fakeAuditFunction: Bool = false) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            if fakeAuditFunction { db.add(function: DatabaseFunction("releve_audit_on", argumentCount: 0) { _ in 1 }) }
            try db.execute(sql: sql)
        }
        try queue.close()
    }

    @Test func aCleanServiceChecksSound() throws {
        let (_, path) = try Self.service()
        let problems = try Self.problems(path)
        #expect(problems == [], "\(problems)")
    }

    @Test func switchingRowLevelAuditingOffInsideTheDatabaseChangesNothingAndOutsideEditsFail() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, "UPDATE audit_mode SET row_level = 0")
        for sql in ["UPDATE time_entry SET minutes = 600 WHERE id = (SELECT max(id) FROM time_entry)",
                    "UPDATE time_entry SET validated = 1", "UPDATE app_user SET role = 'coordinator'",
                    "UPDATE member SET name = 'X' WHERE code = '71040'"] {
            #expect(throws: DatabaseError.self) { try Self.outside(path, sql) }
        }
        #expect(try Self.problems(path) == [])
    }

    @Test func anEditedAuditRowIsNamedWithSinceWhenTheChainIsSound() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, "UPDATE audit SET after = replace(after, '60', '600') WHERE id = (SELECT max(id) - 1 FROM audit)")
        let problems = try Self.problems(path)
        #expect(problems.contains { $0.contains("a été modifiée, ou une ligne avant elle supprimée ; chaîne intègre jusqu'à la ligne") }, "\(problems)")
    }

    @Test func aTruncatedTailWithItsHeadResetIsFoundByTheOutsideAnchor() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, """
            DELETE FROM audit WHERE id > (SELECT max(id) - 2 FROM audit);
            UPDATE audit_head SET last_id = (SELECT max(id) FROM audit), last_hash = (SELECT hash FROM audit WHERE id = (SELECT max(id) FROM audit));
            """)
        let problems = try Self.problems(path)
        #expect(problems.contains { $0.contains("la tête connue hors de la base") && $0.contains("n'y est plus") }, "\(problems)")
    }

    @Test func aWipedTrailIsFound() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, "DELETE FROM audit; DELETE FROM audit_head")
        let problems = try Self.problems(path)
        #expect(problems.contains { $0.contains("la base n'a plus aucune ligne") }, "\(problems)")
    }

    @Test func anInvoiceLineEditedAfterDroppingItsFreezeIsNamed() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, """
            DROP TRIGGER invoice_line_frozen;
            UPDATE invoice_line SET amount_cents = amount_cents - 10000 WHERE invoice = '2026-0002' AND position = 0;
            """)
        let problems = try Self.problems(path)
        #expect(problems.contains("facture 2026-0002 : modifiée depuis son émission (en-tête, lignes, montants ou relevé d'heures)"), "\(problems)")
        #expect(problems.contains { $0.contains("déclencheur(s) invoice_line_frozen supprimé(s)") }, "\(problems)")
    }

    @Test func aDroppedAuditTriggerIsNamed() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, "DROP TRIGGER audit_time_entry_update; UPDATE time_entry SET minutes = 600 WHERE id = (SELECT max(id) FROM time_entry)")
        let problems = try Self.problems(path)
        #expect(problems.contains { $0.contains("déclencheur(s) audit_time_entry_update supprimé(s)") }, "\(problems)")
    }

    @Test func changesMadeWithAStandInAuditFunctionStayUnchainedAndAreReported() throws {
        let (_, path) = try Self.service()
        try Self.outside(path, "UPDATE time_entry SET minutes = 600 WHERE id = (SELECT max(id) FROM time_entry)", fakeAuditFunction: true)
        let problems = try Self.problems(path)
        #expect(problems.contains { $0.contains("modification(s) faite(s) hors de Relève") }, "\(problems)")
    }

    @Test func anOlderCopyPutBackIsFound() throws {
        let (database, path) = try Self.service()
        let copy = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("copie.sqlite").path
        try database.backup(to: copy)
        let copyProblems = try Self.problems(copy)
        #expect(copyProblems == [], "\(copyProblems)")
        _ = try database.logHours(TimeEntry(agent: "A1", member: "71040", date: CalendarDate(year: 2026, month: 11, day: 19) ?? Self.today,
                                            minutes: 60), location: { $0 })
        // The older copy replaces the live file; the anchor beside it knows better.
        try FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        try FileManager.default.copyItem(atPath: copy, toPath: path)
        let problems = try Self.problems(path)
        #expect(problems.contains { $0.contains("copie plus ancienne remise en place") }, "\(problems)")
    }

    @Test func aForgedAnchorIsFound() throws {
        let (_, path) = try Self.service()
        try "releve-anchor 1\n1\nk1:00\n2026-01-01T00:00:00Z\nffff\n".write(toFile: path + ".anchor", atomically: true, encoding: .utf8)
        #expect(try Self.problems(path).contains { $0.contains("n'est pas signée par la clé d'installation") })
    }

    @Test func aCopiedDatabaseWithoutItsKeyGivesNoPINSearchAndWritesNothing() throws {
        let (database, path) = try Self.service()
        try database.setPIN("2468", agent: "A1", now: Date(), iterations: 1000)
        let stored = try database.read { db in try Row.fetchOne(db, sql: "SELECT salt, hash, keyed FROM agent_pin WHERE agent = 'A1'") }
        let salt: Data = stored?["salt"] ?? Data(), hash: Data = stored?["hash"] ?? Data()
        #expect(stored?["keyed"] == 1)
        // Whoever copies the database alone cannot test PINs against the hash.
        #expect(try AgentPIN.hash("2468", salt: Array(salt), iterations: 1000) != Array(hash))
        // The copy, elsewhere, without releve.key.
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("releve-copy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try database.backup(to: elsewhere + "/releve.sqlite")
        let copy = try AppDatabase.open(path: elsewhere + "/releve.sqlite")
        #expect(copy.keyProblem == .missing(elsewhere + "/releve.key"))
        #expect(throws: InstallationKeyProblem.missing(elsewhere + "/releve.key")) { try copy.checkPIN("2468", agent: "A1", now: Date()) }
        #expect(throws: InstallationKeyProblem.self) { try copy.closeMonth("2026-01") }
        #expect(try copy.integrityProblems(language: .fr).contains { $0.message(in: .fr).hasPrefix("clé d'installation absente") })
        _ = path
    }

    @Test func aPINSetBeforeTheKeyIsHashedAgainWithItOnceTyped() throws {
        let (database, _) = try Self.service()
        let salt = AgentPIN.newSalt()
        let old = try AgentPIN.hash("97531", salt: salt, iterations: 1000)
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO agent_pin (agent, salt, hash, iterations, failures, changed_at, keyed) VALUES ('A2', ?, ?, 1000, 0, '2026-01-01T00:00:00Z', 0)",
                           arguments: [Data(salt), Data(old)])
        }
        let check = try database.checkPIN("97531", agent: "A2", now: Date())
        guard case .accepted = check else {
            Issue.record("\(check)")
            return
        }
        let keyed: Int? = try database.read { db in try Int.fetchOne(db, sql: "SELECT keyed FROM agent_pin WHERE agent = 'A2'") }
        #expect(keyed == 1)
        #expect(try database.checkPIN("97531", agent: "A2", now: Date()) == check)
    }

    @Test func twoSessionsWritingInTurnKeepChainAndAnchorSound() throws {
        let (first, path) = try Self.service()
        let second = try AppDatabase.open(path: path)
        for day in 1...10 {
            let database = day % 2 == 0 ? first : second
            _ = try database.logHours(TimeEntry(agent: "A2", member: "71040", date: CalendarDate(year: 2026, month: 10, day: day) ?? Self.today,
                                                minutes: 30), location: { $0 })
        }
        #expect(try Self.problems(path) == [])
    }
}
