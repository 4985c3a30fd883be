import Domain

/// The Factures pane: the year's issued invoices and credit notes with their status, and the
/// drafts not issued yet; issue, cancel by a credit note, record a payment, write the PDF.
public struct InvoicesPaneState: Sendable, Equatable {
    /// What the coordinator is asked before an invoice operation.
    public enum Prompt: Sendable, Equatable {
        /// "Émettre N factures (total) ?": o / n.
        case issue(count: Int, totalCents: Int)
        /// The payment's date (prefilled with today) and amount (prefilled with what is left
        /// due), editable; `onAmount` says which field is typed into (Tab switches).
        case payment(number: String, date: String, amount: String, onAmount: Bool)
        /// The reason of the credit note, typed.
        case cancellation(number: String, reason: String)
        /// The invoice's PDF is already at `path`: replace it? o / n.
        case overwritePDF(number: String, path: String)
        /// The member's reminder letter is already at `path`: replace it? o / n.
        case overwriteReminder(member: String, path: String)
    }

    public var year: Int
    public var list = ListState()
    public var book: InvoiceBook? {
        didSet {
            // Summed once per load, not per frame (a national year has 35,000 invoices).
            issuedTotalCents = book?.issued.lazy.filter { $0.cancelledBy == nil && !$0.isCreditNote }.reduce(0) { $0 + $1.totalCents } ?? 0
            pendingTotalCents = book?.pendingTotalCents ?? 0
        }
    }
    /// The title's totals: issued (credit notes and cancelled invoices aside) and to issue.
    public private(set) var issuedTotalCents = 0
    public private(set) var pendingTotalCents = 0
    public var prompt: Prompt?
    public var promptError: String?
    /// Issued invoices read in full so far, with their lines and hours statement (the book has
    /// their totals only: a national year holds ~58,000 lines and ~460,000 statement rows), and
    /// the one being read.
    public var issuedRead: [String: Invoice] = [:]
    public var issuedAsked: String?
    /// The book no longer says what the data holds (a change made while another pane was on
    /// screen): it is computed again when the pane opens, not at each opening otherwise.
    public var outdated = false
    /// `T` was pressed before the territory was loaded: the tariff form opens once it is.
    public var tariffFormPending = false

    public init(year: Int) { self.year = year }
}

/// One row of the pane: an issued invoice or credit note, or a draft.
/// The issued invoices then the drafts of a book, read in place (a national year has 35,000).
struct InvoiceRows: RandomAccessCollection {
    let book: InvoiceBook?
    var startIndex: Int { 0 }
    var endIndex: Int { (book?.issued.count ?? 0) + (book?.pending.count ?? 0) }
    subscript(position: Int) -> InvoiceRow {
        guard let book else { preconditionFailure("no invoice book") }
        return position < book.issued.count ? .issued(book.issued[position]) : .draft(book.pending[position - book.issued.count])
    }
}

enum InvoiceRow {
    case issued(Invoice)
    case draft(InvoiceDraft)

    var member: String {
        switch self {
        case .issued(let i): i.member
        case .draft(let d): d.member
        }
    }
}

extension AppState {
    /// The rows of the Factures pane: issued first (by series and number), then the drafts.
    var invoiceRows: InvoiceRows { InvoiceRows(book: invoicesPane.book) }
}

/// The issued invoice shown in detail, read in full once when it is not read yet.
func syncIssuedInvoice(_ state: inout AppState) -> [Effect] {
    let pane = state.invoicesPane
    guard state.pane == .invoices, pane.list.showDetail, pane.book?.year == pane.year,
          case .issued(let invoice)? = state.invoiceRows[safe: pane.list.cursor], invoice.lines.isEmpty,
          pane.issuedRead[invoice.number] == nil, pane.issuedAsked != invoice.number else { return [] }
    state.invoicesPane.issuedAsked = invoice.number
    return [.loadIssuedInvoice(number: invoice.number)]
}
