/// An issued titre de recettes or credit note (rules.md §6.3): numbered, dated, and never changed
/// afterwards except for recording its payments or its cancellation by a credit note.
public struct Invoice: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case annualFee = "annual_fee", hours, prorataCost = "prorata_cost", creditNote = "credit_note"
    }

    /// `2023-0001` for invoices, `AV-2023-0001` for credit notes (their own series).
    public var number: String
    /// The billed year (invoices) or the year of the series (credit notes).
    public var year: Int
    public var member: String
    public var kind: Kind
    /// The mission of an hours invoice; nil otherwise.
    public var request: String?
    /// The invoice's lines; empty in a book's summary (`InvoiceBook.issued`), which has the
    /// total only: the lines are read with the invoice when it is shown.
    public var lines: [InvoiceLine]
    /// The amount to pay: the sum of the lines, as stored when the invoice was issued.
    public var totalCents: Int
    /// The hours statement (relevé d'heures) as it was when the invoice was issued.
    public var statement: [StatementEntry]
    public var issued: CalendarDate
    public var due: CalendarDate
    /// The date of the payment that completed it (the sum of its payments reached the total);
    /// nil while something is left due.
    public var paid: CalendarDate?
    /// The sum of the payments recorded (the comptable may pay in several times).
    public var paidCents: Int
    /// The payments recorded, in date order; empty in a book's summary, which has `paidCents` only.
    public var payments: [Payment]
    /// For a credit note: the invoice it cancels.
    public var cancels: String?
    /// For a cancelled invoice: the credit note that cancels it.
    public var cancelledBy: String?
    /// For a credit note: why the invoice was cancelled.
    public var reason: String?
    /// The billing period (rules.md §6.6): nil for a year, `2026-03` for a month, `mission`.
    public var period: String?
    /// Hours added to a period already billed (`complement` lines).
    public var complement: Bool = false

    public init(number: String, year: Int, member: String, kind: Kind, request: String? = nil,
                lines: [InvoiceLine], statement: [StatementEntry] = [], issued: CalendarDate, due: CalendarDate,
                paid: CalendarDate? = nil, cancels: String? = nil, cancelledBy: String? = nil, reason: String? = nil,
                totalCents: Int? = nil, payments: [Payment] = [], paidCents: Int? = nil) {
        self.number = number
        self.year = year
        self.member = member
        self.kind = kind
        self.request = request
        self.lines = lines
        self.totalCents = totalCents ?? lines.reduce(0) { $0 + $1.amountCents }
        self.statement = statement
        self.issued = issued
        self.due = due
        self.paid = paid
        self.payments = payments
        // Without payments given, a date of payment means the whole total was paid.
        self.paidCents = paidCents ?? (payments.isEmpty ? (paid == nil ? 0 : self.totalCents) : payments.reduce(0) { $0 + $1.amountCents })
        self.cancels = cancels
        self.cancelledBy = cancelledBy
        self.reason = reason
    }

    public var isCreditNote: Bool { kind == .creditNote }

    /// What is still to pay: total − paid; 0 for a credit note, a cancelled or a paid invoice.
    public var leftDueCents: Int {
        guard !isCreditNote, cancelledBy == nil, paid == nil else { return 0 }
        return max(0, totalCents - paidCents)
    }

    /// Paid in part: something paid, something still due.
    public var isPartiallyPaid: Bool { paidCents > 0 && leftDueCents > 0 }

    /// Past its due date on `today` with something left due.
    public func isOverdue(on today: CalendarDate) -> Bool { leftDueCents > 0 && today > due }

    /// The days between the due date and `today` (0 when not past due).
    public func daysLate(on today: CalendarDate) -> Int { max(0, today.dayNumber - due.dayNumber) }

    /// Where the invoice stands on `today`.
    public func status(on today: CalendarDate) -> InvoiceStatus {
        if isCreditNote { return .issued }
        if cancelledBy != nil { return .cancelled }
        if paid != nil { return .paid }
        return today > due ? .overdue : .issued
    }

    /// The due date of an invoice issued on `issued` (30 days unless the service says otherwise).
    public static func dueDate(issued: CalendarDate, paymentDays: Int) -> CalendarDate {
        issued.adding(days: paymentDays)
    }

    /// `2023-0001` / `AV-2023-0001`.
    public static func number(year: Int, sequence: Int, creditNote: Bool) -> String {
        (creditNote ? "AV-" : "") + "\(year)-\(pad(sequence, 4))"
    }
}

/// One payment of an invoice as the public accountant (comptable) reports it: the day, the
/// amount (in cents, more than zero) and the accountant's reference (mandate or bordereau
/// number), when given.
public struct Payment: Hashable, Sendable {
    public var invoice: String
    public var date: CalendarDate
    public var amountCents: Int
    public var reference: String?

    public init(invoice: String, date: CalendarDate, amountCents: Int, reference: String? = nil) {
        self.invoice = invoice
        self.date = date
        self.amountCents = amountCents
        self.reference = reference
    }

    /// The date the payments of an invoice of `totalCents` completed it: the last payment's date
    /// once their sum reaches the total, else nil.
    public static func completion(_ payments: [Payment], totalCents: Int) -> CalendarDate? {
        guard totalCents > 0, payments.reduce(0, { $0 + $1.amountCents }) >= totalCents else { return nil }
        return payments.map(\.date).max()
    }
}

extension Invoice {
    /// Its payment state in words: "payée le …", or "partiellement payée : 100,00 € sur 350,00 €,
    /// reste dû 250,00 €"; nil when nothing is paid (or for a credit note).
    public func paymentText(_ l: Language) -> String? {
        let f = DisplayFormat(l)
        guard !isCreditNote else { return nil }
        if let paid { return l.pick("payée le \(f.date(paid))", "paid on \(f.date(paid))") }
        guard paidCents > 0 else { return nil }
        return l.pick("partiellement payée : \(f.money(paidCents)) sur \(f.money(totalCents)), reste dû \(f.money(max(0, totalCents - paidCents)))",
                      "partly paid: \(f.money(paidCents)) of \(f.money(totalCents)), \(f.money(max(0, totalCents - paidCents))) left due")
    }
}

/// One row of an invoice's hours statement, frozen at issue with the agent's name of the day.
public struct StatementEntry: Hashable, Sendable {
    public var date: CalendarDate
    public var agent: String
    public var agentName: String
    public var minutes: Int
    public var request: String?
    /// The time entry billed (its id), so that hours added to it later are billed once, by a
    /// complement; nil on invoices issued before billing periods.
    public var entry: Int64?

    public init(date: CalendarDate, agent: String, agentName: String, minutes: Int, request: String?, entry: Int64? = nil) {
        self.date = date
        self.agent = agent
        self.agentName = agentName
        self.minutes = minutes
        self.request = request
        self.entry = entry
    }
}

/// What the Factures pane and `invoice list` show (a draft is an invoice of the dry run).
public enum InvoiceStatus: String, Sendable, CaseIterable {
    case draft, issued, paid, overdue, cancelled

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.draft, .fr): "brouillon"
        case (.issued, .fr): "émise"
        case (.paid, .fr): "payée"
        case (.overdue, .fr): "en retard"
        case (.cancelled, .fr): "annulée"
        case (.draft, .en): "draft"
        case (.issued, .en): "issued"
        case (.paid, .en): "paid"
        case (.overdue, .en): "overdue"
        case (.cancelled, .en): "cancelled"
        }
    }
}

extension Invoice.Kind {
    /// The nature of the debt, as a titre de recettes states it.
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.annualFee, .fr): "Cotisation annuelle"
        case (.hours, .fr): "Heures de remplacement"
        case (.prorataCost, .fr): "Participation au coût réel du service"
        case (.creditNote, .fr): "Avoir (annulation)"
        case (.annualFee, .en): "Annual fee"
        case (.hours, .en): "Replacement hours"
        case (.prorataCost, .en): "Share of the service's real cost"
        case (.creditNote, .en): "Credit note (cancellation)"
        }
    }
}

extension InvoiceDraft {
    /// The statement rows of this draft, with agents' names.
    public func statementEntries(agentNames: [String: String]) -> [StatementEntry] {
        statement.map { StatementEntry(date: $0.date, agent: $0.agent, agentName: agentNames[$0.agent] ?? $0.agent,
                                       minutes: $0.minutes, request: $0.request, entry: $0.id) }
    }
}

/// A year's invoices as the Factures pane shows them: those issued, and the drafts a run would
/// issue now (not issued yet, total not zero).
public struct InvoiceBook: Sendable, Equatable {
    public var year: Int
    public var issued: [Invoice]
    public var pending: [InvoiceDraft]
    public var memberNames: [String: String]
    /// Why there are no drafts (no tariff for the year), if so.
    public var problem: String?
    /// Whether `pending` is computed yet: the issued invoices are read first (a national year's
    /// billing takes a second or two), the drafts follow.
    public var pendingComputed: Bool
    /// The period the drafts bill, when not the year (see `PendingInvoices.period`).
    public var pendingPeriod: String?

    public init(year: Int, issued: [Invoice], pending: [InvoiceDraft], memberNames: [String: String], problem: String? = nil,
                pendingComputed: Bool = true) {
        self.year = year
        self.issued = issued
        self.pending = pending
        self.memberNames = memberNames
        self.problem = problem
        self.pendingComputed = pendingComputed
    }

    /// The drafts computed for this book's year; names of issued invoices stay as they were issued.
    public mutating func add(_ drafts: PendingInvoices) {
        pending = drafts.drafts
        problem = drafts.problem
        pendingPeriod = drafts.period
        memberNames.merge(drafts.memberNames) { issued, _ in issued }
        pendingComputed = true
    }

    public var pendingTotalCents: Int { pending.reduce(0) { $0 + $1.totalCents } }
}

/// The drafts of a year not issued yet, computed apart from the issued invoices.
public struct PendingInvoices: Sendable, Equatable {
    public var year: Int
    public var drafts: [InvoiceDraft]
    public var memberNames: [String: String]
    /// Why there are no drafts (no tariff for the year), if so.
    public var problem: String?
    /// The period the drafts bill when the convention does not bill by year ("mars 2026",
    /// "missions terminées au lun. 16 nov. 2026"); nil for the year.
    public var period: String?

    public init(year: Int, drafts: [InvoiceDraft], memberNames: [String: String], problem: String? = nil, period: String? = nil) {
        self.year = year
        self.drafts = drafts
        self.memberNames = memberNames
        self.problem = problem
        self.period = period
    }
}

/// An invoice past its due date with something left due, as the overdue list and the reminder
/// letter (lettre de relance) show it.
public struct OverdueInvoice: Hashable, Sendable {
    /// The invoice (without its lines), with its payments' sum.
    public var invoice: Invoice
    /// The debtor's name as printed on the invoice when it was issued.
    public var memberName: String
    public var daysLate: Int

    public init(invoice: Invoice, memberName: String, daysLate: Int) {
        self.invoice = invoice
        self.memberName = memberName
        self.daysLate = daysLate
    }

    /// Oldest due date first, then by number.
    public static func sorted(_ list: [OverdueInvoice]) -> [OverdueInvoice] {
        list.sorted { ($0.invoice.due, $0.invoice.number) < ($1.invoice.due, $1.invoice.number) }
    }
}
