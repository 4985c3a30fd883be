import Domain
import Testing

@Suite("Issued invoices (rules.md §6.3)")
struct InvoiceTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    static func invoice(paid: CalendarDate? = nil, cancelledBy: String? = nil) -> Invoice {
        Invoice(number: "2023-0001", year: 2023, member: "71040", kind: .hours, request: "D-2023-001",
                lines: [InvoiceLine(kind: .hours, label: "Heures de remplacement", minutes: 90, unitPriceCents: 3000, amountCents: 4500)],
                issued: day("2024-01-15"), due: Invoice.dueDate(issued: day("2024-01-15"), paymentDays: 30),
                paid: paid, cancelledBy: cancelledBy)
    }

    @Test func dueThirtyDaysAfterIssue() {
        #expect(Invoice.dueDate(issued: Self.day("2024-01-15"), paymentDays: 30) == Self.day("2024-02-14"))
    }

    @Test func numbersArePaddedPerSeries() {
        #expect(Invoice.number(year: 2023, sequence: 1, creditNote: false) == "2023-0001")
        #expect(Invoice.number(year: 2023, sequence: 12345, creditNote: false) == "2023-12345")
        #expect(Invoice.number(year: 2024, sequence: 7, creditNote: true) == "AV-2024-0007")
    }

    @Test func statusFollowsPaymentDueDateAndCancellation() {
        #expect(Self.invoice().status(on: Self.day("2024-02-14")) == .issued)
        #expect(Self.invoice().status(on: Self.day("2024-02-15")) == .overdue)
        #expect(Self.invoice(paid: Self.day("2024-03-01")).status(on: Self.day("2024-04-01")) == .paid)
        #expect(Self.invoice(cancelledBy: "AV-2024-0001").status(on: Self.day("2024-04-01")) == .cancelled)
        #expect(Self.invoice().totalCents == 4500)
    }
}

@Suite("Audit fields in words")
struct AuditFieldTextTests {
    @Test(arguments: [("member_since", "2023-01-09", "membre depuis", "09/01/2023"), ("minutes", "450", "heures", "7:30"),
                      ("start_minute", "510", "de", "08:30"), ("annual_cost_cents", "105000", "coût annuel", "1 050,00 €"),
                      ("validated", "1", "validée", "oui"), ("weekday", "2", "jour", "mar."), ("kind", "(masqué)", "type", "(masqué)")])
    func fieldsReadAsUsersTypeThem(field: String, raw: String, label: String, value: String) {
        #expect(AuditFieldText.label(field, .fr) == label)
        #expect(AuditFieldText.value(field, raw, .fr) == value)
    }
}
