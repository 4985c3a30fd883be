import Domain
import GRDB
@testable import Store
import Testing

@Suite("Roles, audit trail, validation and closed months (issue 5)")
struct AccessTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        database.setActor("camille")
        try database.saveInBulk(InvoiceStoreTests.territory(), description: "test")
        return database
    }

    static func log(_ database: AppDatabase, _ date: String, minutes: Int = 60) throws -> TimeEntry {
        try database.logHours(TimeEntry(agent: "A1", member: "71200", date: day(date), minutes: minutes), location: { $0 })
    }

    // MARK: Roles

    @Test func beforeAnyUserEveryoneIsCoordinatorThenUnknownLoginsAreRefused() throws {
        let database = try Self.database()
        #expect(try database.access(for: "anyone") == .open)
        #expect(throws: AccessRefusal.firstUserMustBeCoordinator) { try database.setUser("olivier", role: .observer) }
        try database.setUser("camille", role: .coordinator)
        try database.setUser("olivier", role: .observer)
        #expect(try database.access(for: "camille") == .granted(.coordinator))
        #expect(try database.access(for: "olivier") == .granted(.observer))
        #expect(throws: AccessRefusal.unknownLogin("mallory")) { try database.access(for: "mallory") }
        #expect(throws: AccessRefusal.lastCoordinator("camille")) { try database.setUser("camille", role: .observer) }
        #expect(throws: AccessRefusal.lastCoordinator("camille")) { try database.removeUser("camille") }
        #expect(throws: AccessRefusal.invalidLogin("a b")) { try database.setUser("a b", role: .observer) }
    }

    @Test func anObserversSessionWritesNothing() throws {
        let database = try Self.database()
        database.setActor("olivier")
        database.setReadOnly(true)
        #expect(throws: AccessRefusal.readOnly("olivier")) { try Self.log(database, "2023-02-08") }
        #expect(try database.timeEntries(TimeEntryQuery(agent: "A1")).count == 4)
    }

    // MARK: Audit trail

    @Test func everyWriteIsChainedWithWhoAndBeforeAfter() throws {
        let database = try Self.database()
        let entry = try Self.log(database, "2023-02-08", minutes: 90)
        database.setActor("agent:A1")
        try database.write { db in try db.execute(sql: "UPDATE time_entry SET minutes = 75 WHERE id = ?", arguments: [entry.id]) }
        let trail = try database.auditEntries()
        #expect(trail.map(\.action) == ["import", "insert", "update"])
        #expect(trail.map(\.actor) == ["camille", "camille", "agent:A1"])
        #expect(trail.allSatisfy { $0.hash != nil })
        #expect(trail[2].changes.map(\.field) == ["minutes"])
        #expect(trail[2].changes.first?.before == "90")
        #expect(trail[2].changes.first?.after == "75")
        #expect(try database.integrityProblems(language: .fr).isEmpty)
    }

    @Test(arguments: ["UPDATE audit SET after = replace(after, '90', '9') WHERE action = 'insert'",
                      "DELETE FROM audit WHERE action = 'insert'",
                      "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
                      "UPDATE audit SET actor = 'someone else' WHERE action = 'import'"])
    func editingOrDeletingAnAuditRowByHandIsFound(sql: String) throws {
        let database = try Self.database()
        _ = try Self.log(database, "2023-02-08", minutes: 90)
        _ = try Self.log(database, "2023-02-09", minutes: 30)
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: sql) }
        let problems = try database.integrityProblems(language: .fr).map { $0.message(in: .fr) }
        #expect(problems.contains { $0.hasPrefix("journal d'audit") }, "\(problems)")
    }

    @Test func aChangeMadeBehindTheApplicationsBackStaysUnchainedAndIsReported() throws {
        let database = try Self.database()
        try database.writer.writeWithoutTransaction { db in try db.execute(sql: "UPDATE member SET population = 1 WHERE code = '71040'") }
        _ = try Self.log(database, "2023-02-08")
        let trail = try database.auditEntries()
        #expect(trail.first { $0.entity == "member" }?.hash == nil)
        #expect(trail.last?.hash != nil)
        let problems = try database.integrityProblems(language: .fr).map { $0.message(in: .fr) }
        #expect(problems == ["journal d'audit : 1 modification(s) faite(s) hors de Relève (lignes 2)"])
    }

    // MARK: Validation and closed months

    @Test func theCoordinatorValidatesAnAgentsWeek() throws {
        let database = try Self.database()
        let monday = try Self.log(database, "2023-02-13")
        let sunday = try Self.log(database, "2023-02-19")
        let next = try Self.log(database, "2023-02-20")
        #expect(try database.validateWeek(agent: "A1", weekOf: Self.day("2023-02-15")) == 2)
        let validated = Set(try database.timeEntries(TimeEntryQuery(agent: "A1")).filter(\.validated).compactMap(\.id))
        #expect(validated.isSuperset(of: [monday.id, sunday.id].compactMap { $0 }))
        #expect(!validated.contains(next.id ?? -1))
        #expect(try database.validateHours(ids: [next.id ?? -1, monday.id ?? -1]) == 1)
    }

    @Test func aValidationThatMatchesNothingIsRefusedAndValidatesNothing() throws {
        let database = try Self.database()
        let entry = try Self.log(database, "2023-02-13")
        #expect(throws: ValidationRefusal.unknownEntries([999_999])) { try database.validateHours(ids: [entry.id ?? -1, 999_999]) }
        #expect(try database.timeEntries(TimeEntryQuery(agent: "A1")).first { $0.id == entry.id }?.validated == false)
        #expect(throws: ValidationRefusal.nothingToValidate) { try database.validateWeek(agent: "A1", weekOf: Self.day("2023-03-15")) }
        #expect(ValidationRefusal.unknownEntries([999_999]).message(in: .fr).contains("aucune saisie n° 999999"))
    }

    @Test func aClosedMonthRefusesEveryChangeToItsHoursUntilReopened() throws {
        let database = try Self.database()
        let entry = try Self.log(database, "2023-02-13")
        try database.closeMonth("2023-02")
        #expect(throws: ValidationRefusal.alreadyClosed("2023-02")) { try database.closeMonth("2023-02") }
        #expect(throws: StoreError.monthClosed) { try Self.log(database, "2023-02-14") }
        #expect(throws: StoreError.monthClosed) { try database.validateHours(ids: [entry.id ?? -1]) }
        #expect(throws: StoreError.monthClosed) {
            try database.write { db in try db.execute(sql: "DELETE FROM time_entry WHERE id = ?", arguments: [entry.id]) }
        }
        #expect(throws: StoreError.monthClosed) {
            try database.write { db in try db.execute(sql: "UPDATE time_entry SET date = '2023-03-01' WHERE id = ?", arguments: [entry.id]) }
        }
        _ = try Self.log(database, "2023-03-01")
        #expect(throws: ValidationRefusal.emptyReason) { try database.reopenMonth("2023-02", reason: " ") }
        #expect(throws: ValidationRefusal.invalidMonth("2023-13")) { try database.closeMonth("2023-13") }
        try database.reopenMonth("2023-02", reason: "Heures oubliées du 14")
        _ = try Self.log(database, "2023-02-14")
        let reopening = try database.auditEntries(AuditQuery(entity: "month_lock"))
        #expect(reopening.map(\.action) == ["insert", "delete", "reopen"])
        #expect(reopening.last?.after?.contains("Heures oubliées du 14") == true)
        #expect(throws: ValidationRefusal.notClosed("2023-02")) { try database.reopenMonth("2023-02", reason: "encore") }
    }
}
