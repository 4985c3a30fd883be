import Domain
@testable import Store
import Testing

/// Printed contracts carry a version: the same content prints as the same version; a changed
/// plan makes a new one that names the date of the one it replaces (issue 12).
@Suite struct ContractVersionTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    @Test func aChangedContractIsANewVersionThatNamesTheOneItReplaces() throws {
        let database = try AccessTests.database()
        let first = try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-02"))
        #expect(first == .init(number: 1, date: Self.day("2026-12-02"), replaces: nil))
        // Printed again days later, unchanged: still the first version, with its date.
        #expect(try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-05")) == first)
        // The plan changed: version 2, which replaces the one of 2 December.
        let second = try database.contractVersion(request: "D1", fingerprint: "b", on: Self.day("2026-12-07"))
        #expect(second == .init(number: 2, date: Self.day("2026-12-07"), replaces: Self.day("2026-12-02")))
        #expect(try database.contractVersion(request: "D1", fingerprint: "b", on: Self.day("2026-12-09")) == second)
        // Another request's versions are its own.
        #expect(try database.contractVersion(request: "D2", fingerprint: "b", on: Self.day("2026-12-09")).number == 1)
    }

    @Test func anObserverPrintsAChangedContractAsADraftAndRecordsNothing() throws {
        let database = try AccessTests.database()
        _ = try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-02"))
        database.setActor("olivier")
        database.setReadOnly(true)
        #expect(try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-07")).recorded)
        let draft = try database.contractVersion(request: "D1", fingerprint: "b", on: Self.day("2026-12-07"))
        #expect(draft == .init(number: 0, date: Self.day("2026-12-07"), replaces: Self.day("2026-12-02"), recorded: false))
        let count = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contract_version") }
        #expect(count == 1)
    }
}
