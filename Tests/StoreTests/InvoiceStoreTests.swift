import Domain
import GRDB
@testable import Store
import Testing

@Suite("Issued invoices in the store (rules.md §6.3)")
struct InvoiceStoreTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }
    /// The day the tests run on, for the window of invoice dates.
    static let today = day("2024-03-01")

    /// Two members paying a fee, one with a mission worked by A1, the other with rota hours.
    static func territory() -> Territory {
        Territory(
            service: ServiceSettings(name: "Service commun", billing: .feeAndHourly),
            tariffs: [Tariff.framework(year: 2023)],
            members: [Member(code: "71040", name: "Saint-Bérain", population: 420, singlePartTimeSecretary: true, memberSince: day("2020-01-01")),
                      Member(code: "71200", name: "Montchanin", population: 5000, singlePartTimeSecretary: false, memberSince: day("2020-01-01"))],
            agents: [Agent(code: "A1", name: "Camille", weeklyMinutes: 2100)],
            requests: [ReplacementRequest(id: "D-2023-001", member: "71040", motive: .maladie, received: day("2023-01-02"),
                                          start: day("2023-01-09"), end: day("2023-01-27"), minutesPerWeek: 1050)],
            timeEntries: [
                TimeEntry(agent: "A1", member: "71040", date: day("2023-01-09"), minutes: 600, request: "D-2023-001", validated: true),
                TimeEntry(agent: "A1", member: "71040", date: day("2023-01-10"), minutes: 300, request: "D-2023-001", validated: true),
                TimeEntry(agent: "A1", member: "71200", date: day("2023-02-06"), minutes: 84, validated: true),
                TimeEntry(agent: "A1", member: "71200", date: day("2023-02-07"), minutes: 120, validated: false),
            ])
    }

    static func database() throws -> AppDatabase {
        let database = try AppDatabase.inMemory()
        try database.save(territory())
        return database
    }

    @Test func issuingNumbersEveryInvoiceOfTheYearWithoutGaps() throws {
        let database = try Self.database()
        let outcome = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        // 71040: fee + mission (600+300 − 420 prepaid = 480 min); 71200: fee + rota hours (84 min, all prepaid → 0.00, not issued).
        #expect(outcome.issued.map(\.number) == ["2023-0001", "2023-0002", "2023-0003"])
        #expect(outcome.issued.map(\.kind) == [.annualFee, .hours, .annualFee])
        #expect(outcome.issued.map(\.totalCents) == [21_000, 24_000, 84_000])
        #expect(outcome.zeroTotal == 1)
        #expect(outcome.issued.allSatisfy { $0.due == Self.day("2024-02-14") })
        let mission = try database.invoice("2023-0002")
        #expect(mission.statement.map(\.minutes) == [600, 300])
        #expect(mission.statement.first?.agentName == "Camille")
        #expect(mission.lines.map(\.kind) == [.prepaid, .hours])
        #expect(mission == outcome.issued[1])
    }

    /// A failure after two invoices are written, inside the transaction, keeps none of them;
    /// issuing again numbers from 0001 without a gap.
    @Test func aFailureMidwayKeepsNoInvoice() throws {
        struct Injected: Error {}
        let database = try Self.database()
        #expect(throws: Injected.self) {
            try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today) { written in
                if written == 2 { throw Injected() }
            }
        }
        #expect(try database.invoiceBook(year: 2023, language: .fr).issued.isEmpty)
        #expect(try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM invoice_line") } == 0)
        let outcome = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        #expect(outcome.issued.map(\.number) == ["2023-0001", "2023-0002", "2023-0003"])
    }

    /// The Factures pane's book has the invoices' heads and totals, without lines or hours
    /// statements; each invoice is read in full by number, the same as was issued.
    @Test func theBookLeavesLinesAndStatementsToBeReadOneByOne() throws {
        let database = try Self.database()
        let issued = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today).issued
        #expect(issued.contains { !$0.statement.isEmpty })
        let book = try database.invoiceBook(year: 2023, language: .fr)
        #expect(book.issued.map(\.number) == issued.map(\.number))
        #expect(book.issued.allSatisfy { $0.statement.isEmpty && $0.lines.isEmpty })
        for invoice in issued {
            var summary = invoice
            summary.lines = []
            summary.statement = []
            #expect(book.issued.first { $0.number == invoice.number } == summary, "the same head and total")
            #expect(try database.issuedInvoice(number: invoice.number) == invoice)
        }
        #expect(try database.issuedInvoice(number: "2023-9999") == nil)
    }

    @Test func rerunningAYearNeverChangesWhatWasIssued() throws {
        let database = try Self.database()
        let first = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        // Hours edited and added after issue: issued invoices keep their numbers and amounts.
        try database.write { db in
            try db.execute(sql: "UPDATE time_entry SET minutes = 60 WHERE date = '2023-01-09'")
            try db.execute(sql: "UPDATE time_entry SET validated = 1 WHERE date = '2023-02-07'")
        }
        let second = try database.issueInvoices(year: 2023, on: Self.day("2024-02-01"), today: Self.today)
        #expect(second.alreadyIssued == ["2023-0001", "2023-0002", "2023-0003"])
        // 71200 now has 204 validated minutes, still within its 28 prepaid hours: nothing new to issue.
        #expect(second.issued.isEmpty)
        #expect(try database.invoices(year: 2023) == first.issued)
    }

    @Test func issuedRowsCannotBeChangedEvenBySQL() throws {
        let database = try Self.database()
        _ = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        for sql in ["UPDATE invoice SET total_cents = 1 WHERE number = '2023-0001'",
                    "DELETE FROM invoice WHERE number = '2023-0003'",
                    "UPDATE invoice_line SET amount_cents = 0",
                    "DELETE FROM invoice_line",
                    "UPDATE invoice_statement SET minutes = 1",
                    "DELETE FROM invoice_statement"] {
            #expect(throws: StoreError.self, "\(sql)") {
                try database.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try database.invoice("2023-0001").totalCents == 21_000)
    }

    @Test func aCreditNoteCancelsAnInvoiceInItsOwnSeries() throws {
        let database = try Self.database()
        _ = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        let credit = try database.cancelInvoice("2023-0002", reason: "Heures saisies en double", on: Self.day("2024-02-01"), today: Self.today)
        #expect(credit.number == "AV-2024-0001")
        #expect(credit.totalCents == -24_000)
        #expect(credit.cancels == "2023-0002")
        #expect(try database.invoice("2023-0002").cancelledBy == "AV-2024-0001")
        #expect(try database.invoice("2023-0002").status(on: Self.day("2024-06-01")) == .cancelled)
        #expect(throws: InvoiceRefusal.alreadyCancelled(number: "2023-0002", by: "AV-2024-0001")) {
            try database.cancelInvoice("2023-0002", reason: "encore", on: Self.day("2024-02-02"), today: Self.today)
        }
        #expect(throws: InvoiceRefusal.creditNoteCannotBeCancelled("AV-2024-0001")) {
            try database.cancelInvoice("AV-2024-0001", reason: "non", on: Self.day("2024-02-02"), today: Self.today)
        }
        #expect(throws: InvoiceRefusal.emptyReason) {
            try database.cancelInvoice("2023-0001", reason: "  ", on: Self.day("2024-02-02"), today: Self.today)
        }
        // The cancelled mission is issued again, under the next number, by a new run.
        let again = try database.issueInvoices(year: 2023, on: Self.day("2024-02-03"), today: Self.today)
        #expect(again.issued.map(\.number) == ["2023-0004"])
        #expect(again.issued.first?.request == "D-2023-001")
    }

    @Test func invoiceDatesStayBetweenWhatTheyFollowAndAMonthAfterToday() throws {
        let database = try Self.database()
        let window = { (from: String, to: String) in (Self.day(from), Self.day(to)) }
        // 2024-03-01 + 31 days = 2024-04-01.
        for (date, earliest) in [("1970-01-01", "2023-01-01"), ("2022-12-31", "2023-01-01"), ("9999-12-01", "2023-01-01"), ("2024-04-02", "2023-01-01")] {
            let (e, l) = window(earliest, "2024-04-01")
            #expect(throws: InvoiceRefusal.dateOutOfWindow(.issue(year: 2023), date: Self.day(date), earliest: e, latest: l)) {
                try database.issueInvoices(year: 2023, on: Self.day(date), today: Self.today)
            }
        }
        #expect(try database.invoices().isEmpty)
        _ = try database.issueInvoices(year: 2023, on: Self.day("2024-04-01"), today: Self.today)
        // A credit note dated before its invoice (which used to be numbered AV-2020 and stored in 2024) is refused.
        #expect(throws: InvoiceRefusal.dateOutOfWindow(.cancel(number: "2023-0001"), date: Self.day("2020-01-01"),
                                                       earliest: Self.day("2024-04-01"), latest: Self.day("2024-04-01"))) {
            try database.cancelInvoice("2023-0001", reason: "Erreur", on: Self.day("2020-01-01"), today: Self.today)
        }
        #expect(throws: InvoiceRefusal.dateOutOfWindow(.payment(number: "2023-0001"), date: Self.day("9999-12-31"),
                                                       earliest: Self.day("2024-04-01"), latest: Self.day("2024-04-01"))) {
            try database.recordPayment("2023-0001", on: Self.day("9999-12-31"), today: Self.today)
        }
        #expect(try database.invoice("2023-0001").paid == nil)
        #expect(try database.invoice("2023-0001").cancelledBy == nil)
        // The credit note carries the date it is numbered by.
        let credit = try database.cancelInvoice("2023-0001", reason: "Erreur", on: Self.day("2024-04-01"), today: Self.today)
        #expect(credit.number == "AV-2024-0001" && credit.issued == Self.day("2024-04-01"))
        let message = InvoiceRefusal.dateOutOfWindow(.issue(year: 2023), date: Self.day("1970-01-01"),
                                                     earliest: Self.day("2023-01-01"), latest: Self.day("2024-04-01")).message(in: .fr)
        #expect(message == "date d'émission des factures 2023 01/01/1970 refusée (avant le 01/01/2023) : elle doit être du 01/01/2023 au 01/04/2024")
    }

    @Test func aPaymentIsRecordedOnceAndNeverBeforeIssue() throws {
        let database = try Self.database()
        _ = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        #expect(try database.invoice("2023-0001").status(on: Self.day("2024-02-15")) == .overdue)
        #expect(throws: InvoiceRefusal.paymentBeforeIssue(number: "2023-0001", issued: Self.day("2024-01-15"))) {
            try database.recordPayment("2023-0001", on: Self.day("2024-01-14"), today: Self.today)
        }
        let paid = try database.recordPayment("2023-0001", on: Self.day("2024-02-20"), today: Self.today)
        #expect(paid.status(on: Self.day("2024-03-01")) == .paid)
        #expect(throws: InvoiceRefusal.alreadyPaid(number: "2023-0001", on: Self.day("2024-02-20"))) {
            try database.recordPayment("2023-0001", on: Self.day("2024-02-21"), today: Self.today)
        }
        _ = try database.cancelInvoice("2023-0003", reason: "Erreur de tranche", on: Self.day("2024-02-01"), today: Self.today)
        #expect(throws: InvoiceRefusal.cancelledCannotBePaid("2023-0003")) {
            try database.recordPayment("2023-0003", on: Self.day("2024-02-21"), today: Self.today)
        }
        #expect(throws: InvoiceRefusal.unknown("2023-0099")) { try database.recordPayment("2023-0099", on: Self.day("2024-02-21"), today: Self.today) }
    }

    @Test func prorataInvoicesCarryEveryValidatedEntryOfTheMember() throws {
        var territory = Self.territory()
        territory.service.billing = .prorataCost
        territory.agents[0].annualCostCents = 4_100_000
        let database = try AppDatabase.inMemory()
        try database.save(territory)
        let drafts = try database.billingDrafts(year: 2023).drafts
        let outcome = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        #expect(outcome.issued.map(\.kind) == [.prorataCost, .prorataCost])
        #expect(outcome.issued.map(\.totalCents).reduce(0, +) == 4_100_000)
        // The stored statements are the drafts' entries, in the same order.
        for (draft, issued) in zip(drafts, try database.invoices(year: 2023)) {
            #expect(issued.statement.map(\.minutes) == draft.statement.map(\.minutes))
            #expect(issued.statement.map(\.date) == draft.statement.map(\.date))
        }
        #expect(try database.invoice("2023-0002").statement.map(\.minutes) == [84])
    }

    @Test func aYearWithoutTariffIsRefused() throws {
        let database = try Self.database()
        #expect(throws: InvoiceRefusal.noTariff(year: 2024)) { try database.issueInvoices(year: 2024, on: Self.day("2025-01-15"), today: Self.day("2025-01-15")) }
        #expect(try database.invoices().isEmpty)
    }

    @Test func membersWithInvoicesCannotBeDeleted() throws {
        let database = try Self.database()
        _ = try database.issueInvoices(year: 2023, on: Self.day("2024-01-15"), today: Self.today)
        #expect(throws: DeletionRefused.self) { try database.deleteMember("71200") }
        #expect(try database.invoices().count == 3)
    }
}
