import Domain

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
        guard book.pendingComputed else {
            state.notice = l.pick("Les brouillons de \(book.year) sont en cours de calcul : un instant.",
                                  "The drafts of \(book.year) are being computed: a moment.")
            return []
        }
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
        state.invoicesPane.prompt = .payment(number: invoice.number, date: DisplayFormat(l).numericDate(state.today),
                                             amount: String(MoneyText.format(invoice.leftDueCents).map { $0 == "." ? "," : $0 }),
                                             onAmount: false)
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
    case .writeReminder:
        guard let row = selected else {
            state.notice = l.pick("Choisissez une facture : la relance va à sa commune.", "Select an invoice: the reminder goes to its member.")
            return []
        }
        return [.writeReminderPDF(member: row.member, replacing: false)]
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
        guard Confirmation.accepts(key) else { return [] }
        return [.issueInvoices(year: state.invoicesPane.year, on: state.today)]
    case .overwritePDF(let number, _):
        state.invoicesPane.prompt = nil
        guard Confirmation.accepts(key) else {
            state.notice = l.pick("PDF de \(number) non écrit : le fichier existant est gardé.", "PDF of \(number) not written: the existing file is kept.")
            return []
        }
        return [.writeInvoicePDF(number: number, replacing: true)]
    case .overwriteReminder(let member, _):
        state.invoicesPane.prompt = nil
        guard Confirmation.accepts(key) else {
            state.notice = l.pick("Lettre de relance non écrite : le fichier existant est gardé.", "Reminder letter not written: the existing file is kept.")
            return []
        }
        return [.writeReminderPDF(member: member, replacing: true)]
    case .payment(let number, let date, let amount, let onAmount):
        switch key {
        case .escape: state.invoicesPane.prompt = nil
        case .tab, .backTab: state.invoicesPane.prompt = .payment(number: number, date: date, amount: amount, onAmount: !onAmount)
        case .enter:
            guard let day = CalendarDate.parseUserInput(date) else {
                state.invoicesPane.promptError = l.pick("date « \(date) » invalide : JJ/MM/AAAA", "invalid date \"\(date)\": DD/MM/YYYY")
                return []
            }
            let typed = amount.trimmingSpaces()
            let cents = typed.isEmpty ? nil : MoneyText.parseUserInput(typed)
            guard typed.isEmpty || cents != nil else {
                state.invoicesPane.promptError = l.pick("montant « \(amount) » invalide : par exemple 250,00", "invalid amount \"\(amount)\": for instance 250.00")
                return []
            }
            state.invoicesPane.prompt = nil
            return [.recordPayment(number: number, on: day, amountCents: cents)]
        default:
            state.invoicesPane.prompt = onAmount
                ? .payment(number: number, date: date, amount: text(amount), onAmount: true)
                : .payment(number: number, date: text(date), amount: amount, onAmount: false)
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

