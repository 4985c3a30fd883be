import Domain

/// The Factures pane: the year's issued invoices and credit notes with their status, and the
/// drafts not issued yet; issue, cancel by a credit note, record a payment, write the PDF.
public struct InvoicesPaneState: Sendable, Equatable {
    /// What the coordinator is asked before an invoice operation.
    public enum Prompt: Sendable, Equatable {
        /// "Émettre N factures (total) ?": o / n.
        case issue(count: Int, totalCents: Int)
        /// The payment date, prefilled with today, editable.
        case payment(number: String, date: String)
        /// The reason of the credit note, typed.
        case cancellation(number: String, reason: String)
        /// The invoice's PDF is already at `path`: replace it? o / n.
        case overwritePDF(number: String, path: String)
    }

    public var year: Int
    public var list = ListState()
    public var book: InvoiceBook?
    public var prompt: Prompt?
    public var promptError: String?
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

/// Keys of the Factures pane, after the global ones; nil when the key is not the pane's.
func handleInvoiceKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    let l = state.language
    let rows = state.invoiceRows
    let selected = rows[safe: state.invoicesPane.list.cursor]
    switch action {
    case .previousPeriod, .nextPeriod:
        state.invoicesPane.year += action == .nextPeriod ? 1 : -1
        state.invoicesPane.list = ListState()
        state.invoicesPane.book = nil
        return [.loadInvoices(year: state.invoicesPane.year)]
    case .today:
        state.invoicesPane.year = state.today.year
        state.invoicesPane.list = ListState()
        return [.loadInvoices(year: state.invoicesPane.year)]
    case .issueInvoices:
        guard let book = state.invoicesPane.book else { return [] }
        guard !book.pending.isEmpty else {
            state.notice = book.problem ?? l.pick("Rien à émettre pour \(book.year) : toutes les factures de l'année sont émises.",
                                                  "Nothing to issue for \(book.year): every invoice of the year is issued.")
            return []
        }
        state.invoicesPane.prompt = .issue(count: book.pending.count, totalCents: book.pendingTotalCents)
    case .recordPayment:
        guard case .issued(let invoice)? = selected else {
            state.notice = l.pick("Choisissez une facture émise.", "Select an issued invoice.")
            return []
        }
        guard !invoice.isCreditNote, invoice.cancelledBy == nil, invoice.paid == nil else {
            state.notice = l.pick("Cette facture n'attend pas de paiement (\(invoice.status(on: state.today).label(l))).",
                                  "This invoice awaits no payment (\(invoice.status(on: state.today).label(l))).")
            return []
        }
        state.invoicesPane.prompt = .payment(number: invoice.number, date: DisplayFormat(l).numericDate(state.today))
    case .cancelInvoice:
        guard case .issued(let invoice)? = selected, !invoice.isCreditNote, invoice.cancelledBy == nil else {
            state.notice = l.pick("Choisissez une facture émise et non annulée.", "Select an issued invoice not cancelled.")
            return []
        }
        state.invoicesPane.prompt = .cancellation(number: invoice.number, reason: "")
    case .editTariff:
        guard state.snapshot != nil else {
            state.invoicesPane.tariffFormPending = true
            return [.loadAll]
        }
        openRecordForm(.tariff(year: state.invoicesPane.year), &state)
    case .writePDF:
        guard case .issued(let invoice)? = selected else {
            state.notice = l.pick("Un brouillon n'a pas de PDF : émettez d'abord (E).", "A draft has no PDF: issue it first (E).")
            return []
        }
        return [.writeInvoicePDF(number: invoice.number, replacing: false)]
    case .up, .down, .pageUp, .pageDown, .open:
        moveList(action, &state.invoicesPane.list, count: rows.count, page: state.height - 6)
    case .back:
        state.invoicesPane.list.showDetail = false
    default:
        return nil
    }
    return []
}

/// Typing in the pane's prompt: o/n for issuing, a date for a payment, a reason for a credit note.
func editInvoicePrompt(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard let prompt = state.invoicesPane.prompt else { return [] }
    let l = state.language
    state.invoicesPane.promptError = nil
    func text(_ value: String) -> String {
        switch key {
        case .backspace: return String(value.dropLast())
        case .character(let c): return value + String(c)
        default: return value
        }
    }
    switch prompt {
    case .issue:
        state.invoicesPane.prompt = nil
        guard key == .character("o") || key == .character("y") else { return [] }
        return [.issueInvoices(year: state.invoicesPane.year, on: state.today)]
    case .overwritePDF(let number, _):
        state.invoicesPane.prompt = nil
        guard key == .character("o") || key == .character("y") else {
            state.notice = l.pick("PDF de \(number) non écrit : le fichier existant est gardé.", "PDF of \(number) not written: the existing file is kept.")
            return []
        }
        return [.writeInvoicePDF(number: number, replacing: true)]
    case .payment(let number, let date):
        switch key {
        case .escape: state.invoicesPane.prompt = nil
        case .enter:
            guard let day = CalendarDate.parseUserInput(date) else {
                state.invoicesPane.promptError = l.pick("date « \(date) » invalide : JJ/MM/AAAA", "invalid date \"\(date)\": DD/MM/YYYY")
                return []
            }
            state.invoicesPane.prompt = nil
            return [.recordPayment(number: number, on: day)]
        default: state.invoicesPane.prompt = .payment(number: number, date: text(date))
        }
    case .cancellation(let number, let reason):
        switch key {
        case .escape: state.invoicesPane.prompt = nil
        case .enter:
            guard !reason.trimmingSpaces().isEmpty else {
                state.invoicesPane.promptError = l.pick("le motif est obligatoire", "a reason is required")
                return []
            }
            state.invoicesPane.prompt = nil
            return [.cancelInvoice(number: number, reason: reason, on: state.today)]
        default: state.invoicesPane.prompt = .cancellation(number: number, reason: text(reason))
        }
    }
    return []
}

func renderInvoices(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let f = DisplayFormat(l)
    let pane = state.invoicesPane
    guard let book = pane.book, book.year == pane.year else {
        buffer.frame(area, title: l.pick("Factures \(pane.year)", "Invoices \(pane.year)"), borders: borders,
                     style: theme.style(.border), titleStyle: theme.style(.header))
        buffer.put(l.pick("Calcul des factures de \(pane.year)…", "Computing the invoices of \(pane.year)…"),
                   x: area.x + 2, y: area.y + 2, style: theme.style(.dim), maxWidth: area.width - 4)
        return
    }
    let rows = state.invoiceRows
    let name = { (code: String) in book.memberNames[code] ?? code }
    // Beside an open detail the list is narrow: number, member, amount and status only.
    let listWidth = pane.list.showDetail && area.width >= 110 ? area.width - area.width * 2 / 5 : area.width
    let wide = listWidth - 2 >= 95
    let tableRow = { (index: Int) -> TableRow in
        let row = rows[index]
        var cells: [String]
        let role: Role
        switch row {
        case .issued(let i):
            let status = i.status(on: state.today)
            let subject = i.kind.label(l) + (i.request.map { " \($0)" } ?? "") + (i.cancels.map { l.pick(" de \($0)", " of \($0)") } ?? "")
            role = status == .overdue ? .unpaid : status == .cancelled ? .dim : .normal
            cells = [i.number, name(i.member), subject, f.numericDate(i.issued), i.isCreditNote ? "" : f.numericDate(i.due),
                     f.money(i.totalCents), status.label(l) + (status == .overdue ? " !" : "")]
        case .draft(let d):
            let kind = Invoice.Kind(rawValue: d.kind.rawValue) ?? .hours
            role = .dim
            cells = ["—", name(d.member), kind.label(l) + (d.request.map { " \($0)" } ?? ""), "", "",
                     f.money(d.totalCents), InvoiceStatus.draft.label(l)]
        }
        if !wide { cells = [cells[0], cells[1], cells[5], cells[6]] }
        return TableRow(cells, role: role)
    }
    let issuedTotal = book.issued.lazy.filter { $0.cancelledBy == nil && !$0.isCreditNote }.reduce(0) { $0 + $1.totalCents }
    let title = l.pick("Factures \(book.year) · \(book.issued.count) émises (\(f.money(issuedTotal))) · \(book.pending.count) à émettre (\(f.money(book.pendingTotalCents)))",
                       "Invoices \(book.year) · \(book.issued.count) issued (\(f.money(issuedTotal))) · \(book.pending.count) to issue (\(f.money(book.pendingTotalCents)))")
    let detail = drawList(state, area, pane.list, title: title, count: rows.count, row: tableRow, columns: { width in
        guard wide else {
            return [Column(l.pick("Numéro", "Number"), 12), Column(l.pick("Commune", "Member"), max(8, width - 12 - 13 - 12 - 3)),
                    Column(l.pick("Montant", "Amount"), 13, right: true), Column(l.pick("État", "Status"), 12)]
        }
        let free = max(20, width - (12 + 10 + 10 + 13 + 12 + 6))
        return [Column(l.pick("Numéro", "Number"), 12), Column(l.pick("Commune", "Member"), free * 2 / 5),
                Column(l.pick("Objet", "Subject"), free - free * 2 / 5), Column(l.pick("Émise", "Issued"), 10),
                Column(l.pick("Échéance", "Due"), 10), Column(l.pick("Montant", "Amount"), 13, right: true),
                Column(l.pick("État", "Status"), 12)]
    }, &buffer, theme, borders)
    if rows.isEmpty {
        let message = book.problem ?? l.pick("Aucune facture pour \(book.year) : aucune heure validée ni cotisation due. [ ] change d'année.",
                                             "No invoice for \(book.year): no validated hours nor fee due. [ ] changes the year.")
        buffer.put(message, x: area.x + 1, y: area.y + 3, style: theme.style(.dim), maxWidth: area.width - 2)
    }
    if let detailRect = detail, let row = rows[safe: pane.list.cursor] {
        detailBox(invoiceDetail(row, name: name, today: state.today, language: l), title: {
            if case .issued(let i) = row { return i.number }
            return l.pick("Brouillon", "Draft")
        }(), detailRect, &buffer, theme, borders)
    }
    if let prompt = pane.prompt { invoicePrompt(prompt, error: pane.promptError, state, area, &buffer, theme, borders) }
}

private func invoiceDetail(_ row: InvoiceRow, name: (String) -> String, today: CalendarDate, language l: Language) -> [(String, Role)] {
    let f = DisplayFormat(l)
    var lines: [(String, Role)] = []
    let invoiceLines: [InvoiceLine]
    let statement: [(CalendarDate, String, Int)]
    switch row {
    case .issued(let i):
        lines.append(("\(name(i.member)) · \(i.kind.label(l))\(i.request.map { " \($0)" } ?? "")", .header))
        lines.append((l.pick("Émise le \(f.date(i.issued))", "Issued \(f.date(i.issued))")
            + (i.isCreditNote ? "" : l.pick(" · échéance \(f.date(i.due))", " · due \(f.date(i.due))")), .normal))
        let status = i.status(on: today)
        var state = status.label(l)
        if let paid = i.paid { state += l.pick(" le \(f.date(paid))", " on \(f.date(paid))") }
        if let by = i.cancelledBy { state += l.pick(" par l'avoir \(by)", " by credit note \(by)") }
        if let cancels = i.cancels { state = l.pick("annule \(cancels) : \(i.reason ?? "")", "cancels \(cancels): \(i.reason ?? "")") }
        lines.append((state, status == .overdue ? .unpaid : .normal))
        invoiceLines = i.lines
        statement = i.statement.map { ($0.date, $0.agentName, $0.minutes) }
    case .draft(let d):
        lines.append(("\(name(d.member)) · " + (Invoice.Kind(rawValue: d.kind.rawValue)?.label(l) ?? "") + (d.request.map { " \($0)" } ?? ""), .header))
        lines.append((l.pick("Brouillon : pas encore émis (E pour émettre l'année)", "Draft: not issued yet (E issues the year)"), .dim))
        invoiceLines = d.lines
        statement = d.statement.map { ($0.date, $0.agent, $0.minutes) }
    }
    for line in invoiceLines {
        let hours = line.minutes.map { "\(DurationText.format($0)) × " } ?? ""
        lines.append(("  " + line.label, .normal))
        lines.append(("      \(hours)\(f.money(line.unitPriceCents)) = \(f.money(line.amountCents))", .normal))
    }
    lines.append((l.pick("  Total \(f.money(invoiceLines.reduce(0) { $0 + $1.amountCents }))", "  Total \(f.money(invoiceLines.reduce(0) { $0 + $1.amountCents }))"), .header))
    if !statement.isEmpty {
        let total = statement.reduce(0) { $0 + $1.2 }
        lines.append((l.pick("Relevé d'heures : \(statement.count) saisies, \(DurationText.format(total))",
                             "Hours statement: \(statement.count) entries, \(DurationText.format(total))"), .header))
        for entry in statement { lines.append(("  \(f.date(entry.0))  \(entry.1)  \(DurationText.format(entry.2))", .dim)) }
    }
    return lines
}

private func invoicePrompt(_ prompt: InvoicesPaneState.Prompt, error: String?, _ state: AppState, _ area: Rect,
                           _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let f = DisplayFormat(l)
    let lines: [String]
    let title: String
    switch prompt {
    case .issue(let count, let total):
        title = l.pick("Émettre les factures", "Issue the invoices")
        lines = [l.pick("Émettre \(count) facture\(count > 1 ? "s" : "") de \(state.invoicesPane.year) pour \(f.money(total)), datées du \(f.date(state.today)) ?",
                        "Issue \(count) invoice\(count > 1 ? "s" : "") of \(state.invoicesPane.year) for \(f.money(total)), dated \(f.date(state.today))?"),
                 l.pick("Elles seront numérotées sans trou et ne pourront plus changer (un avoir les annule).",
                        "They are numbered without gaps and never change afterwards (a credit note cancels one)."),
                 l.pick("o : émettre · toute autre touche : renoncer", "y: issue · any other key: cancel")]
    case .payment(let number, let date):
        title = l.pick("Paiement de \(number)", "Payment of \(number)")
        lines = [l.pick("Date du paiement : ", "Payment date: ") + date + "▏",
                 l.pick("Entrée : enregistrer · Échap : renoncer", "Enter: record · Esc: cancel")]
    case .cancellation(let number, let reason):
        title = l.pick("Annuler \(number) par un avoir", "Cancel \(number) by a credit note")
        lines = [l.pick("Motif : ", "Reason: ") + reason + "▏",
                 l.pick("Entrée : émettre l'avoir · Échap : renoncer", "Enter: issue the credit note · Esc: cancel")]
    case .overwritePDF(let number, let path):
        title = l.pick("Remplacer le PDF de \(number) ?", "Replace the PDF of \(number)?")
        lines = [l.pick("Le fichier existe déjà :", "The file already exists:"), path,
                 l.pick("o : le remplacer · toute autre touche : le garder", "y: replace it · any other key: keep it")]
    }
    drawPrompt(title: title, lines: lines, error: error, area, &buffer, theme, borders)
}

/// A small question box centred in `area`: its lines (the last one, the keys, dimmed) and the
/// error of the last answer, if any. The Factures and Heures panes ask with it.
func drawPrompt(title: String, lines: [String], error: String?, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme,
                _ borders: BorderSet) {
    let width = min(area.width - 2, max(50, (lines.map(TextWidth.of).max() ?? 0) + 4))
    let height = lines.count + (error == nil ? 2 : 3)
    let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, (area.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    for (i, line) in lines.enumerated() {
        buffer.put(TextWidth.truncate(line, to: width - 4), x: rect.x + 2, y: rect.y + 1 + i, style: theme.style(i == lines.count - 1 ? .dim : .normal))
    }
    if let error { buffer.put(TextWidth.truncate("✗ " + error, to: width - 4), x: rect.x + 2, y: rect.y + 1 + lines.count, style: theme.style(.error)) }
}
