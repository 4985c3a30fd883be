import Domain
import GRDB
@testable import Store
import Testing

/// Payments as the public accountant reports them (issue 13): in several times, each audited,
/// refused with nothing written when they do not fit, and the overdue invoices they leave.
@Suite("Partial payments and overdue invoices")
struct PaymentStoreTests {
    static func day(_ iso: String) -> CalendarDate { InvoiceStoreTests.day(iso) }
    static let today = InvoiceStoreTests.today

    /// The three invoices of `InvoiceStoreTests`, issued on 15 January 2024 (due 14 February):
    /// 2023-0001 fee 210,00 € (71040), 2023-0002 mission 240,00 € (71040), 2023-0003 fee 840,00 € (71200).
    static func issued() throws -> AppDatabase {
        let database = try InvoiceStoreTests.database()
        _ = try database.issueInvoices(year: 2023, on: day("2024-01-15"), today: today)
        return database
    }

    static func count(_ database: AppDatabase, _ sql: String) throws -> Int {
        try database.read { try Int.fetchOne($0, sql: sql) } ?? -1
    }

    @Test func partialPaymentsAddUpToAPaidInvoice() throws {
        let database = try Self.issued()
        let first = try database.recordPayment("2023-0002", on: Self.day("2024-02-01"), amountCents: 10_000, reference: " Mandat 2024-118 ",
                                               today: Self.today)
        #expect(first.paid == nil)
        #expect(first.paidCents == 10_000 && first.leftDueCents == 14_000)
        #expect(first.isPartiallyPaid)
        #expect(first.status(on: Self.day("2024-02-10")) == .issued)
        #expect(first.status(on: Self.day("2024-02-15")) == .overdue)
        #expect(first.paymentText(.fr) == "partiellement payée : 100,00 € sur 240,00 €, reste dû 140,00 €")
        // Without an amount, what is left due; the invoice is paid on that day.
        let second = try database.recordPayment("2023-0002", on: Self.day("2024-02-20"), today: Self.today)
        #expect(second.paid == Self.day("2024-02-20"))
        #expect(second.paidCents == 24_000 && second.leftDueCents == 0)
        #expect(second.status(on: Self.day("2024-03-01")) == .paid)
        let stored = try database.invoice("2023-0002")
        #expect(stored.payments == [Payment(invoice: "2023-0002", date: Self.day("2024-02-01"), amountCents: 10_000, reference: "Mandat 2024-118"),
                                    Payment(invoice: "2023-0002", date: Self.day("2024-02-20"), amountCents: 14_000)])
        #expect(stored.paid == Self.day("2024-02-20"))
        // The book's summaries carry the sums paid, without the payments themselves.
        let book = try database.issuedInvoices(year: 2023)
        #expect(book.issued.map(\.paidCents) == [0, 24_000, 0])
        // Each payment is one audited row, named and chained; the invoice's payment date too.
        let audit = try database.auditEntries(AuditQuery(entity: "payment"))
        #expect(audit.count == 2)
        #expect(audit.allSatisfy { $0.action == "insert" && $0.key.hasPrefix("2023-0002/") && $0.hash != nil && $0.actor != nil })
        #expect(audit.first?.after?.contains("\"amount_cents\":10000") == true)
        #expect(audit.first?.after?.contains("\"reference\":\"Mandat 2024-118\"") == true)
        #expect(try database.auditEntries(AuditQuery(entity: "invoice", key: "2023-0002")).contains { $0.action == "update" })
        #expect(try database.integrityProblems(language: .fr).isEmpty)
    }

    @Test func refusedPaymentsChangeNothing() throws {
        let database = try Self.issued()
        _ = try database.recordPayment("2023-0002", on: Self.day("2024-02-01"), amountCents: 10_000, today: Self.today)
        _ = try database.cancelInvoice("2023-0003", reason: "Erreur de tranche", on: Self.day("2024-02-01"), today: Self.today)
        _ = try database.recordPayment("2023-0001", on: Self.day("2024-02-01"), today: Self.today)
        let payments = try Self.count(database, "SELECT count(*) FROM payment")
        let audit = try Self.count(database, "SELECT count(*) FROM audit")
        let refusals: [(InvoiceRefusal, () throws -> Invoice)] = [
            (.paymentAboveLeftDue(number: "2023-0002", amountCents: 30_000, leftDueCents: 14_000),
             { try database.recordPayment("2023-0002", on: Self.day("2024-02-10"), amountCents: 30_000, today: Self.today) }),
            (.paymentNotPositive(number: "2023-0002", amountCents: 0),
             { try database.recordPayment("2023-0002", on: Self.day("2024-02-10"), amountCents: 0, today: Self.today) }),
            (.paymentNotPositive(number: "2023-0002", amountCents: -500),
             { try database.recordPayment("2023-0002", on: Self.day("2024-02-10"), amountCents: -500, today: Self.today) }),
            (.paymentBeforeIssue(number: "2023-0002", issued: Self.day("2024-01-15")),
             { try database.recordPayment("2023-0002", on: Self.day("2024-01-14"), amountCents: 500, today: Self.today) }),
            (.creditNoteCannotBePaid("AV-2024-0001"),
             { try database.recordPayment("AV-2024-0001", on: Self.day("2024-02-10"), amountCents: 500, today: Self.today) }),
            (.cancelledCannotBePaid("2023-0003"),
             { try database.recordPayment("2023-0003", on: Self.day("2024-02-10"), amountCents: 500, today: Self.today) }),
            (.alreadyPaid(number: "2023-0001", on: Self.day("2024-02-01")),
             { try database.recordPayment("2023-0001", on: Self.day("2024-02-10"), amountCents: 500, today: Self.today) }),
        ]
        for (refusal, attempt) in refusals {
            #expect(throws: refusal) { _ = try attempt() }
        }
        #expect(try Self.count(database, "SELECT count(*) FROM payment") == payments)
        #expect(try Self.count(database, "SELECT count(*) FROM audit") == audit)
        #expect(try database.invoice("2023-0002").paidCents == 10_000)
        #expect(InvoiceRefusal.paymentAboveLeftDue(number: "2023-0004", amountCents: 30_000, leftDueCents: 25_000).message(in: .fr)
            == "paiement de 300,00 € supérieur au reste dû de 250,00 € sur la facture 2023-0004")
        #expect(InvoiceRefusal.paymentNotPositive(number: "2023-0002", amountCents: 0).message(in: .fr)
            == "paiement de 0,00 € refusé sur la facture 2023-0002 : le montant doit être supérieur à 0,00 €")
        // The schema refuses too, whoever writes: more than the total, a credit note, before issue.
        for sql in ["INSERT INTO payment (invoice, date, amount_cents, recorded_at) VALUES ('2023-0002', '2024-02-10', 14001, 'x')",
                    "INSERT INTO payment (invoice, date, amount_cents, recorded_at) VALUES ('AV-2024-0001', '2024-02-10', 100, 'x')",
                    "INSERT INTO payment (invoice, date, amount_cents, recorded_at) VALUES ('2023-0002', '2024-01-01', 100, 'x')",
                    "INSERT INTO payment (invoice, date, amount_cents, recorded_at) VALUES ('2023-0002', '2024-02-10', 0, 'x')"] {
            #expect(throws: StoreError.self, "\(sql)") { try database.write { try $0.execute(sql: sql) } }
        }
    }

    /// A database of the version before partial payments, with one invoice paid and one not:
    /// migrated, the paid one holds one payment of its whole total, on its payment date.
    @Test func anInvoicePaidBeforeTheMigrationBecomesOnePaymentOfItsTotal() throws {
        let queue = try DatabaseQueue(configuration: AppDatabase.configuration())
        try Schema.migrator.migrate(queue, upTo: "v12-request-missions")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO member (code, name, kind, population, single_part_time_secretary, member_since)
                VALUES ('71040', 'Saint-Bérain', 'commune', 420, 1, '2020-01-01');
                INSERT INTO invoice (number, series, year, sequence, member, member_name, kind, issued, due, total_cents, paid)
                VALUES ('2023-0001', 'invoice', 2023, 1, '71040', 'Saint-Bérain', 'annual_fee', '2024-01-15', '2024-02-14', 21000, '2024-02-20'),
                       ('2023-0002', 'invoice', 2023, 2, '71040', 'Saint-Bérain', 'annual_fee', '2024-01-15', '2024-02-14', 35000, NULL);
                INSERT INTO invoice_line (invoice, position, type, label, minutes, unit_price_cents, amount_cents)
                VALUES ('2023-0001', 0, 'fee', 'Cotisation annuelle 2023', NULL, 21000, 21000),
                       ('2023-0002', 0, 'fee', 'Cotisation annuelle 2023', NULL, 35000, 35000);
                """)
        }
        let database = try AppDatabase(queue)
        let paid = try database.invoice("2023-0001")
        #expect(paid.payments == [Payment(invoice: "2023-0001", date: Self.day("2024-02-20"), amountCents: 21_000)])
        #expect(paid.paid == Self.day("2024-02-20") && paid.paidCents == 21_000 && paid.leftDueCents == 0)
        #expect(paid.status(on: Self.day("2024-06-01")) == .paid)
        let unpaid = try database.invoice("2023-0002")
        #expect(unpaid.payments.isEmpty && unpaid.leftDueCents == 35_000)
        // The migrated database takes partial payments at once.
        let part = try database.recordPayment("2023-0002", on: Self.day("2024-03-01"), amountCents: 10_000, today: Self.today)
        #expect(part.leftDueCents == 25_000)
        #expect(throws: InvoiceRefusal.paymentAboveLeftDue(number: "2023-0002", amountCents: 30_000, leftDueCents: 25_000)) {
            try database.recordPayment("2023-0002", on: Self.day("2024-03-01"), amountCents: 30_000, today: Self.today)
        }
    }

    /// Overdue: past due and something left due, oldest due date first; paid, cancelled and
    /// credit notes left out; figures with the partial payments.
    @Test func theOverdueListSaysWhatIsLeftDueOldestFirst() throws {
        let database = try Self.issued()
        // 2023-0002 cancelled, and issued again on 3 February as 2023-0004 (due 4 March).
        _ = try database.cancelInvoice("2023-0002", reason: "Heures en double", on: Self.day("2024-02-01"), today: Self.today)
        let again = try database.issueInvoices(year: 2023, on: Self.day("2024-02-03"), today: Self.today).issued
        #expect(again.map(\.number) == ["2023-0004"])
        _ = try database.recordPayment("2023-0001", on: Self.day("2024-02-20"), amountCents: 5_000, today: Self.today)
        _ = try database.recordPayment("2023-0004", on: Self.day("2024-02-20"), amountCents: 4_000, today: Self.today)
        #expect(try database.overdueInvoices(today: Self.day("2024-02-14")).isEmpty, "nothing is late on its due date")
        let overdue = try database.overdueInvoices(today: Self.day("2024-03-10"))
        #expect(overdue.map(\.invoice.number) == ["2023-0001", "2023-0003", "2023-0004"])
        #expect(overdue.map(\.daysLate) == [25, 25, 6])
        #expect(overdue.map(\.invoice.totalCents) == [21_000, 84_000, 24_000])
        #expect(overdue.map(\.invoice.paidCents) == [5_000, 0, 4_000])
        #expect(overdue.map(\.invoice.leftDueCents) == [16_000, 84_000, 20_000])
        #expect(overdue.map(\.memberName) == ["Saint-Bérain", "Montchanin", "Saint-Bérain"])
        // Paid in full: no longer overdue. One member's only.
        _ = try database.recordPayment("2023-0003", on: Self.day("2024-03-05"), today: Self.today)
        #expect(try database.overdueInvoices(today: Self.day("2024-03-10")).map(\.invoice.number) == ["2023-0001", "2023-0004"])
        #expect(try database.overdueInvoices(today: Self.day("2024-03-10"), member: "71200").isEmpty)
        let json = InvoiceReport.overdueJSON(overdue, today: Self.day("2024-03-10"))
        #expect(json.contains("\"days_late\": 25"))
        #expect(json.contains("\"left_due\": \"160.00\""))
        #expect(json.contains("\"total_left_due\": \"1200.00\""))
        // The reminder: the member's overdue invoices; refused when nothing is overdue.
        let reminder = try database.reminder(member: "71040", today: Self.day("2024-03-10"))
        #expect(reminder.member.name == "Saint-Bérain")
        #expect(reminder.overdue.map(\.invoice.number) == ["2023-0001", "2023-0004"])
        #expect(throws: InvoiceRefusal.nothingOverdue(member: "71200", name: "Montchanin", today: Self.day("2024-03-10"))) {
            try database.reminder(member: "71200", today: Self.day("2024-03-10"))
        }
        #expect(throws: InvoiceRefusal.unknownMember("99999")) { try database.reminder(member: "99999", today: Self.day("2024-03-10")) }
        #expect(InvoiceRefusal.nothingOverdue(member: "71200", name: "Montchanin", today: Self.day("2024-03-10")).message(in: .fr)
            == "Montchanin (71200) n'a aucune facture en retard au 10/03/2024 : pas de lettre de relance")
    }
}
