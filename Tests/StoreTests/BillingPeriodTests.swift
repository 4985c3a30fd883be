import Domain
import Foundation
import GRDB
@testable import Store
import Testing

/// rules.md §6.6: billing by year, by month and by mission; late or edited hours billed once,
/// on a complement; prepaid hours consumed across the year in issue order.
@Suite("Billing periods (rules.md §6.6)")
struct BillingPeriodTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso)! }
    static let today = day("2026-11-16")

    static func demo(_ preset: ConventionPreset? = nil) throws -> AppDatabase {
        let database = try Fixtures.database()
        try database.saveInBulk(DemoTerritory.make(today: today, preset: preset), description: "test")
        return database
    }

    /// Minutes on the statements of every standing invoice, by time entry.
    static func billedByEntry(_ database: AppDatabase) throws -> [Int64: Int] {
        try database.read { db in
            var billed: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT s.entry, sum(s.minutes) FROM invoice_statement s JOIN invoice i ON i.number = s.invoice
                WHERE i.series = 'invoice' AND i.number NOT IN (SELECT cancels FROM invoice WHERE cancels IS NOT NULL)
                GROUP BY s.entry
                """) { billed[row[0]] = row[1] }
            return billed
        }
    }

    static func validated(_ database: AppDatabase, month: String) throws -> [Int64: Int] {
        try database.read { db in
            var minutes: [Int64: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, minutes FROM time_entry WHERE validated = 1 AND substr(date, 1, 7) = ?",
                                        arguments: [month]) { minutes[row[0]] = row[1] }
            return minutes
        }
    }

    @Test func aMonthIsBilledOnceAndLateOrEditedHoursGoOnAComplement() throws {
        let database = try Self.demo(.cdg63)
        let march = BillingScope.month(year: 2026, month: 3)
        let first = try database.issueInvoices(march, on: Self.day("2026-04-02"), today: Self.today)
        #expect(!first.issued.isEmpty)
        #expect(first.issued.allSatisfy { $0.period == "2026-03" && !$0.complement })
        #expect(try database.billingDrafts(march).flatMap(\.drafts).isEmpty, "nothing billed twice")
        #expect(try Self.billedByEntry(database) == Self.validated(database, month: "2026-03"))

        // An entry edited up by an hour, and a late entry, both validated.
        let (edited, member, request) = try database.read { db -> (Int64, String, String) in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT id, member, request FROM time_entry WHERE validated = 1 AND request IS NOT NULL AND date LIKE '2026-03-%' AND minutes <= 300 ORDER BY id LIMIT 1"))
            return (row[0], row[1], row[2])
        }
        try database.write { db in
            try db.execute(sql: "UPDATE time_entry SET minutes = minutes + 60 WHERE id = ?", arguments: [edited])
            try db.execute(sql: "INSERT INTO time_entry (agent, member, date, minutes, request, validated) VALUES ('A1', ?, '2026-03-31', 45, ?, 1)",
                           arguments: [member, request])
        }
        let late = try database.billingDrafts(march).flatMap(\.drafts)
        #expect(late.count == 1)
        let complement = try #require(late.first)
        #expect(complement.complement && complement.period == "2026-03" && complement.member == member)
        #expect(complement.statement.reduce(0) { $0 + $1.minutes } == 105)
        #expect(complement.lines.allSatisfy { $0.kind == .complement })
        #expect(complement.lines.first?.label.hasPrefix("Complément mars 2026 : ") == true)
        let second = try database.issueInvoices(march, on: Self.day("2026-04-20"), today: Self.today)
        #expect(second.issued.count == 1 && second.issued[0].complement)
        #expect(second.issued[0].number == Invoice.number(year: 2026, sequence: first.issued.count + 1, creditNote: false), "gapless")
        #expect(try database.billingDrafts(march).flatMap(\.drafts).isEmpty)
        #expect(try Self.billedByEntry(database) == Self.validated(database, month: "2026-03"), "nothing billed twice, nothing lost")
        #expect(try database.integrityProblems(language: .fr).isEmpty)
    }

    @Test func monthByMonthBillsEveryMinuteOnceAndPrepaidHoursCarryOver() throws {
        let database = try Self.demo()
        var prepaid = 0
        for m in 1...10 {
            let run = try database.issueInvoices(.month(year: 2026, month: m), on: Self.day("2026-11-02"), today: Self.today)
            prepaid += run.issued.flatMap(\.lines).filter { $0.kind == .prepaid }.reduce(0) { $0 + ($1.minutes ?? 0) }
            // Annual fees come with the first month, never again.
            #expect(run.issued.contains { $0.kind == .annualFee } == (m == 1))
        }
        var all: [Int64: Int] = [:]
        for m in 1...10 { all.merge(try Self.validated(database, month: "2026-\(m < 10 ? "0" : "")\(m)")) { a, _ in a } }
        #expect(try Self.billedByEntry(database) == all)
        // Prepaid hours absorbed across the months equal what one year run absorbs.
        let yearly = try Self.demo()
        let year = try yearly.billingDrafts(.year(2026)).flatMap(\.drafts)
            .flatMap(\.lines).filter { $0.kind == .prepaid }.reduce(0) { $0 + ($1.minutes ?? 0) }
        #expect(prepaid == year)
        #expect(try database.billingDrafts(.year(2026)).flatMap(\.drafts).allSatisfy { $0.statement.allSatisfy { $0.date.month > 10 } })
    }

    @Test func endedMissionsAreBilledOnceTheyEnd() throws {
        let database = try Self.demo()
        let runs = try database.billingDrafts(.endedBy(Self.day("2026-06-30")))
        let drafts = runs.flatMap(\.drafts)
        #expect(!drafts.isEmpty)
        #expect(drafts.allSatisfy { $0.request != nil && $0.kind == .hours && $0.period == "mission" })
        let ended = try database.storedDecisions().filter { !$0.isImplicit && $0.status != .refused && $0.effectiveEnd <= Self.day("2026-06-30") }.map(\.id)
        #expect(Set(drafts.compactMap(\.request)).isSubset(of: Set(ended)))
        let issued = try database.issueInvoices(.endedBy(Self.day("2026-06-30")), on: Self.day("2026-07-01"), today: Self.today)
        #expect(issued.issued.allSatisfy { !$0.complement })
        // Missions ending later are their own, not complements of the first ones.
        let later = try database.billingDrafts(.endedBy(Self.day("2026-09-30"))).flatMap(\.drafts)
        #expect(!later.isEmpty && later.allSatisfy { !$0.complement })
        #expect(!issued.issued.contains { $0.kind == .annualFee }, "fees go with --year")
        #expect(try database.billingDrafts(.endedBy(Self.day("2026-06-30"))).flatMap(\.drafts).isEmpty)
        // The year run then bills the fees and the other hours, not these missions again.
        let year = try database.billingDrafts(.year(2026)).flatMap(\.drafts)
        #expect(!year.contains { d in issued.issued.contains { $0.request == d.request && d.request != nil && !d.complement } && d.period == nil && d.statement.contains { $0.date <= Self.day("2026-06-30") } })
    }

    @Test func theFacturesPaneBillsTheConventionsPeriod() throws {
        let monthly = try Self.demo(.cdg63)
        #expect(try monthly.paneScope(year: 2026, today: Self.today) == .month(year: 2026, month: 10))
        #expect(try monthly.paneScope(year: 2025, today: Self.today) == .month(year: 2025, month: 12))
        let pending = try monthly.pendingInvoices(.month(year: 2026, month: 10), year: 2026, language: .fr)
        #expect(pending.period == "octobre 2026")
        #expect(!pending.drafts.isEmpty && pending.drafts.allSatisfy { $0.period == "2026-10" })
        let yearly = try Self.demo()
        #expect(try yearly.paneScope(year: 2026, today: Self.today) == .year(2026))
        #expect(try yearly.pendingInvoices(.year(2026), year: 2026, language: .fr).period == nil)
        var service = try yearly.serviceSettings()
        let seen = service
        try service.convention.set(.billingPeriod, .text("mission"))
        try yearly.saveService(service, seen: seen)
        #expect(try yearly.paneScope(year: 2026, today: Self.today) == .endedBy(Self.today))
    }

    @Test func prorataIsBilledByYearOnly() throws {
        let database = try Self.demo(.oisans)
        #expect(throws: BillingScopeRefusal.prorataByYearOnly) { try database.billingDrafts(.month(year: 2026, month: 3)) }
    }

    @Test func aDeletedEntrysNumberIsNeverGivenAgain() throws {
        let database = try Self.demo()
        let top = try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM time_entry WHERE validated = 0")! }
        try database.write { db in try db.execute(sql: "DELETE FROM time_entry WHERE id >= ? AND validated = 0", arguments: [top]) }
        try database.write { db in try TerritoryWriter(db: db).writeTimeEntry(TimeEntry(agent: "A1", member: "71040", date: Self.day("2026-11-16"), minutes: 60)) }
        let new = try database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM time_entry")! }
        #expect(new == top + 1)
    }
}
