import Domain

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
            let subject = i.kind.label(l) + (i.request.map { " \($0)" } ?? "") + (i.complement ? l.pick(" (complément)", " (complement)") : "") + (i.cancels.map { l.pick(" de \($0)", " of \($0)") } ?? "")
            role = status == .overdue ? .unpaid : status == .cancelled ? .dim : .normal
            cells = [i.number, name(i.member), subject, f.numericDate(i.issued), i.isCreditNote ? "" : f.numericDate(i.due),
                     f.money(i.totalCents), status.label(l) + (status == .overdue ? " !" : "")]
        case .draft(let d):
            let kind = Invoice.Kind(rawValue: d.kind.rawValue) ?? .hours
            role = .dim
            cells = ["—", name(d.member), kind.label(l) + (d.request.map { " \($0)" } ?? "") + (d.complement ? l.pick(" (complément)", " (complement)") : ""), "", "",
                     f.money(d.totalCents), InvoiceStatus.draft.label(l)]
        }
        if !wide { cells = [cells[0], cells[1], cells[5], cells[6]] }
        return TableRow(cells, role: role)
    }
    let issuedTotal = pane.issuedTotalCents
    let period = book.pendingPeriod.map { l.pick(" pour \($0)", " for \($0)") } ?? ""
    let pending = book.pendingComputed
        ? l.pick("\(f.integer(book.pending.count)) à émettre\(period) (\(f.money(pane.pendingTotalCents)))", "\(f.integer(book.pending.count)) to issue\(period) (\(f.money(pane.pendingTotalCents)))")
        : l.pick("brouillons : calcul…", "drafts: computing…")
    let title = l.pick("Factures \(book.year) · \(f.integer(book.issued.count)) émises (\(f.money(issuedTotal))) · \(pending)",
                       "Invoices \(book.year) · \(f.integer(book.issued.count)) issued (\(f.money(issuedTotal))) · \(pending)")
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
    if rows.isEmpty && book.pendingComputed {
        let message = book.problem ?? l.pick("Aucune facture pour \(book.year) : aucune heure validée ni cotisation due. [ ] change d'année.",
                                             "No invoice for \(book.year): no validated hours nor fee due. [ ] changes the year.")
        buffer.put(message, x: area.x + 1, y: area.y + 3, style: theme.style(.dim), maxWidth: area.width - 2)
    }
    if let detailRect = detail, let row = rows[safe: pane.list.cursor] {
        detailBox(invoiceDetail(row, name: name, today: state.today, read: pane.issuedRead, language: l), title: {
            if case .issued(let i) = row { return i.number }
            return l.pick("Brouillon", "Draft")
        }(), detailRect, &buffer, theme, borders)
    }
}

private func invoiceDetail(_ row: InvoiceRow, name: (String) -> String, today: CalendarDate,
                           read: [String: Invoice], language l: Language) -> [(String, Role)] {
    let f = DisplayFormat(l)
    var lines: [(String, Role)] = []
    let invoiceLines: [InvoiceLine]
    let statement: [(CalendarDate, String, Int)]
    var invoiceRead = true
    switch row {
    case .issued(let i):
        lines.append(("\(name(i.member)) · \(i.kind.label(l))\(i.request.map { " \($0)" } ?? "")", .header))
        lines.append((l.pick("Émise le \(f.date(i.issued))", "Issued \(f.date(i.issued))")
            + (i.isCreditNote ? "" : l.pick(" · échéance \(f.date(i.due))", " · due \(f.date(i.due))")), .normal))
        let status = i.status(on: today)
        var state = status.label(l)
        if let paid = i.paid { state += l.pick(" le \(f.date(paid))", " on \(f.date(paid))") }
        else if i.isPartiallyPaid { state += l.pick(" · partiellement payée", " · partly paid") }
        if let by = i.cancelledBy { state += l.pick(" par l'avoir \(by)", " by credit note \(by)") }
        if let cancels = i.cancels { state = l.pick("annule \(cancels) : \(i.reason ?? "")", "cancels \(cancels): \(i.reason ?? "")") }
        lines.append((state, status == .overdue ? .unpaid : .normal))
        if i.isPartiallyPaid {
            lines.append((l.pick("Payé \(f.money(i.paidCents)) · reste dû \(f.money(i.leftDueCents))",
                                 "Paid \(f.money(i.paidCents)) · \(f.money(i.leftDueCents)) left due"), status == .overdue ? .unpaid : .normal))
        }
        // The book has its invoices' totals: lines and statement are read when shown.
        let full = i.lines.isEmpty ? read[i.number] : i
        invoiceRead = full != nil
        invoiceLines = full?.lines ?? []
        for payment in full?.payments ?? [] {
            lines.append((l.pick("  Paiement du \(f.numericDate(payment.date)) : \(f.money(payment.amountCents))",
                                 "  Payment of \(f.numericDate(payment.date)): \(f.money(payment.amountCents))")
                + (payment.reference.map { l.pick(" (réf. \($0))", " (ref. \($0))") } ?? ""), .dim))
        }
        statement = (full?.statement ?? []).map { ($0.date, $0.agentName, $0.minutes) }
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
    if invoiceRead {
        lines.append(("  Total \(f.money(invoiceLines.reduce(0) { $0 + $1.amountCents }))", .header))
    } else {
        if case .issued(let i) = row { lines.append(("  Total \(f.money(i.totalCents))", .header)) }
        lines.append((l.pick("Lignes et relevé d'heures : lecture…", "Lines and hours statement: reading…"), .dim))
    }
    if !statement.isEmpty {
        let total = statement.reduce(0) { $0 + $1.2 }
        lines.append((l.pick("Relevé d'heures : \(statement.count) saisies, \(DurationText.format(total))",
                             "Hours statement: \(statement.count) entries, \(DurationText.format(total))"), .header))
        for entry in statement { lines.append(("  \(f.date(entry.0))  \(entry.1)  \(DurationText.format(entry.2))", .dim)) }
    }
    return lines
}

func renderInvoicePrompt(_ prompt: InvoicesPaneState.Prompt, error: String?, _ state: AppState, _ area: Rect,
                           _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let f = DisplayFormat(l)
    let lines: [String]
    let title: String
    switch prompt {
    case .issue(let count, let total):
        title = l.pick("Émettre les factures", "Issue the invoices")
        let of = state.invoicesPane.book?.pendingPeriod.map { l.pick(DisplayFormat.de($0), "of \($0)") } ?? l.pick("de \(state.invoicesPane.year)", "of \(state.invoicesPane.year)")
        lines = [l.pick("Émettre \(count) facture\(count > 1 ? "s" : "") \(of) pour \(f.money(total)), datées du \(f.date(state.today)) ?",
                        "Issue \(count) invoice\(count > 1 ? "s" : "") \(of) for \(f.money(total)), dated \(f.date(state.today))?"),
                 l.pick("Elles seront numérotées sans trou et ne pourront plus changer (un avoir les annule).",
                        "They are numbered without gaps and never change afterwards (a credit note cancels one)."),
                 l.pick("o : émettre · toute autre touche : renoncer", "y: issue · any other key: cancel")]
    case .payment(let number, let date, let amount, let onAmount):
        title = l.pick("Paiement de \(number)", "Payment of \(number)")
        let left = state.invoicesPane.book?.issued.first { $0.number == number }.map { f.money($0.leftDueCents) }
        lines = [l.pick("Date du paiement : ", "Payment date: ") + date + (onAmount ? "" : "▏"),
                 l.pick("Montant (€) : ", "Amount (€): ") + amount + (onAmount ? "▏" : "")
                    + (left.map { l.pick("   (reste dû \($0))", "   (\($0) left due)") } ?? ""),
                 l.pick("Tab : date / montant · Entrée : enregistrer · Échap : renoncer", "Tab: date / amount · Enter: record · Esc: cancel")]
    case .cancellation(let number, let reason):
        title = l.pick("Annuler \(number) par un avoir", "Cancel \(number) by a credit note")
        lines = [l.pick("Motif : ", "Reason: ") + reason + "▏",
                 l.pick("Entrée : émettre l'avoir · Échap : renoncer", "Enter: issue the credit note · Esc: cancel")]
    case .overwritePDF(let number, let path):
        title = l.pick("Remplacer le PDF de \(number) ?", "Replace the PDF of \(number)?")
        lines = [l.pick("Le fichier existe déjà :", "The file already exists:"), path,
                 l.pick("o : le remplacer · toute autre touche : le garder", "y: replace it · any other key: keep it")]
    case .overwriteReminder(let member, let path):
        title = l.pick("Remplacer la lettre de relance (\(member)) ?", "Replace the reminder letter (\(member))?")
        lines = [l.pick("Le fichier existe déjà :", "The file already exists:"), path,
                 l.pick("o : le remplacer · toute autre touche : le garder", "y: replace it · any other key: keep it")]
    }
    drawPrompt(title: title, lines: lines, error: error, area, &buffer, theme, borders)
}
