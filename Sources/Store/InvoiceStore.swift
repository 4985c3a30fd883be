import Domain
import Foundation
import GRDB

/// Why an invoice operation was refused; nothing was written.
public enum InvoiceRefusal: Error, Localized, Equatable {
    case unknown(String)
    case noTariff(year: Int)
    case alreadyCancelled(number: String, by: String)
    case creditNoteCannotBeCancelled(String)
    case creditNoteCannotBePaid(String)
    case cancelledCannotBePaid(String)
    case alreadyPaid(number: String, on: CalendarDate)
    case paymentBeforeIssue(number: String, issued: CalendarDate)
    /// A payment of more than what is left due (total − paid so far).
    case paymentAboveLeftDue(number: String, amountCents: Int, leftDueCents: Int)
    /// A payment of zero or less.
    case paymentNotPositive(number: String, amountCents: Int)
    case unsafeReference(TextSafety.Problem)
    case unknownMember(String)
    /// The member has no invoice past due with something left due on `today`.
    case nothingOverdue(member: String, name: String, today: CalendarDate)
    case emptyReason
    case unsafeReason(TextSafety.Problem)
    case dateOutOfWindow(InvoiceDates.Use, date: CalendarDate, earliest: CalendarDate, latest: CalendarDate)
    case incompleteTariff(year: Int, scheme: BillingScheme)
    case missingHourlyCost(agents: [String])

    public func message(in l: Language) -> String {
        let f = DisplayFormat(l)
        switch self {
        case .unknown(let number):
            return l.pick("facture « \(number) » inconnue : voyez releve invoice list",
                          "unknown invoice \"\(number)\": see releve invoice list")
        case .noTariff(let year):
            return l.pick("aucun tarif pour \(year) : ajoutez-le au territoire (tariffs[] du fichier releve/1)",
                          "no tariff for \(year): add it to the territory (tariffs[] of the releve/1 file)")
        case .alreadyCancelled(let number, let by):
            return l.pick("la facture \(number) est déjà annulée par l'avoir \(by)",
                          "invoice \(number) is already cancelled by credit note \(by)")
        case .creditNoteCannotBeCancelled(let number):
            return l.pick("\(number) est un avoir : un avoir ne s'annule pas",
                          "\(number) is a credit note: a credit note cannot be cancelled")
        case .creditNoteCannotBePaid(let number):
            return l.pick("\(number) est un avoir : il ne se paie pas", "\(number) is a credit note: it is not paid")
        case .cancelledCannotBePaid(let number):
            return l.pick("la facture \(number) est annulée : son paiement ne peut pas être enregistré",
                          "invoice \(number) is cancelled: no payment can be recorded")
        case .alreadyPaid(let number, let on):
            return l.pick("le paiement de la facture \(number) est déjà enregistré (le \(f.date(on)))",
                          "the payment of invoice \(number) is already recorded (on \(f.date(on)))")
        case .paymentBeforeIssue(let number, let issued):
            return l.pick("date de paiement antérieure à l'émission de la facture \(number) (\(f.date(issued)))",
                          "payment date before invoice \(number) was issued (\(f.date(issued)))")
        case .paymentAboveLeftDue(let number, let amount, let left):
            return l.pick("paiement de \(f.money(amount)) supérieur au reste dû de \(f.money(left)) sur la facture \(number)",
                          "payment of \(f.money(amount)) above the \(f.money(left)) left due on invoice \(number)")
        case .paymentNotPositive(let number, let amount):
            return l.pick("paiement de \(f.money(amount)) refusé sur la facture \(number) : le montant doit être supérieur à 0,00 €",
                          "payment of \(f.money(amount)) refused on invoice \(number): the amount must be more than €0.00")
        case .unsafeReference(let problem):
            return l.pick("--reference : ", "--reference: ") + problem.message(in: l)
        case .unknownMember(let code):
            return l.pick("commune « \(code) » inconnue : voyez le volet Communes ou releve export",
                          "unknown member \"\(code)\": see the Members pane or releve export")
        case .nothingOverdue(let code, let name, let today):
            return l.pick("\(name) (\(code)) n'a aucune facture en retard au \(f.numericDate(today)) : pas de lettre de relance",
                          "\(name) (\(code)) has no overdue invoice on \(f.numericDate(today)): no reminder letter")
        case .dateOutOfWindow(let use, let date, let earliest, let latest):
            return InvoiceDates.message(use, date: date, earliest: earliest, latest: latest, l)
        case .incompleteTariff(let year, let scheme):
            return DataProblem.tariffIncomplete(year: year, scheme: scheme).message(in: l)
                + l.pick(" (tariffs[] du fichier releve/1, ou T dans Factures)", " (tariffs[] of the releve/1 file, or T in Invoices)")
        case .missingHourlyCost(let agents):
            return l.pick("coût horaire inconnu pour \(agents.joined(separator: ", ")) : renseignez hourly_cost de l'agent (facturation au coût de l'agent)",
                          "unknown hourly cost for \(agents.joined(separator: ", ")): set the agent's hourly_cost (agent-cost billing)")
        case .unsafeReason(let problem):
            return l.pick("--reason : ", "--reason: ") + problem.message(in: l)
        case .emptyReason:
            return l.pick("motif d'annulation vide : --reason \"…\" est obligatoire",
                          "empty cancellation reason: --reason \"…\" is required")
        }
    }
}

/// What `invoice run --issue` did.
public struct IssueOutcome: Sendable {
    /// The invoices numbered and stored by this run, in number order.
    public var issued: [Invoice]
    /// The numbers of invoices of that year issued earlier and still standing: not issued again.
    public var alreadyIssued: [String]
    /// Drafts with a total of 0.00 (all hours covered by prepaid days): not issued.
    public var zeroTotal: Int
}

extension AppDatabase {
    /// The year's billing computed from the current data, with nothing stored (the dry run).
    public func billingDrafts(year: Int) throws -> (drafts: [InvoiceDraft], territory: Territory) {
        try read { db in
            guard let run = try Self.scopedDrafts(db, .year(year)).first else {
                return ([], try TerritoryReader.billingTerritory(db, year: year))
            }
            return (run.drafts, run.territory)
        }
    }

    /// The year as the Factures pane shows it: its issued invoices and credit notes, and the
    /// drafts that `issueInvoices` would issue now.
    public func invoiceBook(year: Int, language: Language) throws -> InvoiceBook {
        var book = try issuedInvoices(year: year)
        book.add(try pendingInvoices(year: year, language: language))
        return book
    }

    /// The year's issued invoices and credit notes as summaries: their totals without their lines
    /// and hours statements (a national year holds ~58,000 lines and ~460,000 statement rows: the
    /// pane reads the invoice it shows with `issuedInvoice(number:)`), in one indexed scan, and
    /// without the drafts (`pendingInvoices`, which computes the year's billing).
    public func issuedInvoices(year: Int) throws -> InvoiceBook {
        try read { db in
            var date = ISODates()
            var names: [String: String] = [:]
            var issued: [Invoice] = []
            let cancelledBy = try Self.creditNotesByCancelledInvoice(db)
            let paidSums = try Self.paidSums(db, year: year)
            let heads = try Row.fetchCursor(db, sql: """
                SELECT number, member, member_name, kind, request, issued, due, paid, cancels, reason, total_cents, period, complement
                FROM invoice WHERE year = ? ORDER BY series DESC, sequence
                """, arguments: [year])
            while let row = try heads.next() {
                let member: String = row[1]
                if names[member] == nil { names[member] = row[2] }
                let paid: String? = row[7]
                var invoice = Invoice(
                    number: row[0], year: year, member: member, kind: Invoice.Kind(rawValue: row[3]) ?? .hours, request: row[4],
                    lines: [], issued: date(row[5]), due: date(row[6]), paid: paid.map { date($0) }, cancels: row[8],
                    cancelledBy: cancelledBy[row[0]], reason: row[9], totalCents: row[10], paidCents: paidSums[row[0]] ?? 0)
                invoice.period = row[11]
                invoice.complement = row[12]
                issued.append(invoice)
            }
            return InvoiceBook(year: year, issued: issued, pending: [], memberNames: names, pendingComputed: false)
        }
    }

    /// The period the Factures pane bills in `year`, as the convention says (rules.md §6.6):
    /// the year; or its last month ended by `today`; or the missions ended by `today`.
    public func paneScope(year: Int, today: CalendarDate) throws -> BillingScope {
        switch try serviceSettings().convention.billingPeriod {
        case .year: return .year(year)
        case .month: return .month(year: year, month: year < today.year ? 12 : max(1, today.month - 1))
        case .mission:
            let end = CalendarDate(year: year, month: 12, day: 31) ?? today
            return .endedBy(min(today, end))
        }
    }

    /// The drafts that `issueInvoices` would issue now: the year's billing computed from the
    /// current data, without what is issued and standing; or why there are none.
    public func pendingInvoices(year: Int, language: Language) throws -> PendingInvoices {
        try pendingInvoices(.year(year), year: year, language: language)
    }

    /// The same for the drafts of `scope` in `year`, with the period said in words.
    public func pendingInvoices(_ scope: BillingScope, year: Int, language: Language) throws -> PendingInvoices {
        let f = DisplayFormat(language)
        let period: String?
        switch scope {
        case .year: period = nil
        case .month: period = scope.period.map(f.month)
        case .endedBy(let d): period = language.pick("missions terminées au \(f.date(d))", "missions ended by \(f.date(d))")
        }
        return try read { db in
            let run: ScopedDrafts
            do {
                guard let first = try Self.scopedDrafts(db, scope).first(where: { $0.year == year }) else {
                    return PendingInvoices(year: year, drafts: [], memberNames: [:], period: period)
                }
                run = first
            } catch let refusal as any Error & Localized {
                let names = try TerritoryReader.members(db, withOpeningHours: false)
                return PendingInvoices(year: year, drafts: [], memberNames: Dictionary(names.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
                                       problem: refusal.message(in: language), period: period)
            }
            // What `issueInvoices` issues: a period's drafts at 0,00 € too (their hours covered by prepaid days).
            let drafts = run.drafts.filter { $0.totalCents != 0 || ($0.period != nil && !$0.statement.isEmpty) }
            return PendingInvoices(year: year, drafts: drafts, memberNames: run.territory.memberNames, period: period)
        }
    }

    /// One issued invoice or credit note as it was issued: its lines and hours statement; nil if
    /// there is none of that number.
    public func issuedInvoice(number: String) throws -> Invoice? {
        try read { db in try Self.fetchInvoice(db, number: number) }
    }

    /// One invoice's statement entries, in their order.
    static func statement(_ db: Database, number: String) throws -> [StatementEntry] {
        let query = try db.cachedStatement(sql: """
            SELECT date, agent, agent_name, minutes, request, entry FROM invoice_statement WHERE invoice = ? ORDER BY position
            """)
        return try Row.fetchAll(query, arguments: [number]).map { r in
            StatementEntry(date: TerritoryReader.date(r, "date"), agent: r["agent"], agentName: r["agent_name"],
                           minutes: r["minutes"], request: r["request"], entry: r["entry"])
        }
    }

    /// Issues the year's invoices in one transaction: every draft not issued yet (or whose
    /// earlier invoice was cancelled by a credit note) gets the next number of the year's series,
    /// without gaps; all are stored or none.
    public func issueInvoices(year: Int, on date: CalendarDate, today: CalendarDate) throws -> IssueOutcome {
        try issueInvoices(.year(year), on: date, today: today, afterEach: nil)
    }

    /// Issues the invoices of a run in `scope` (rules.md §6.6) in one transaction, numbered in
    /// the series of the year of their hours, without gaps; all are stored or none.
    public func issueInvoices(_ scope: BillingScope, on date: CalendarDate, today: CalendarDate) throws -> IssueOutcome {
        try issueInvoices(scope, on: date, today: today, afterEach: nil)
    }

    /// The same, calling `afterEach` with the count written so far inside the transaction (the
    /// tests make it fail midway and find nothing kept).
    func issueInvoices(year: Int, on date: CalendarDate, today: CalendarDate, afterEach: ((Int) throws -> Void)?) throws -> IssueOutcome {
        try issueInvoices(.year(year), on: date, today: today, afterEach: afterEach)
    }

    func issueInvoices(_ scope: BillingScope, on date: CalendarDate, today: CalendarDate,
                       afterEach: ((Int) throws -> Void)?) throws -> IssueOutcome {
        let firstYear: Int
        switch scope {
        case .year(let y), .month(let y, _): firstYear = y
        case .endedBy(let d): firstYear = d.year
        }
        try Self.requireWindow(.issue(year: firstYear), date: date, earliest: scope.period == "mission" ? date : InvoiceDates.start(ofYear: firstYear), today: today)
        return try write { db in
            var outcome = IssueOutcome(issued: [], alreadyIssued: [], zeroTotal: 0)
            // One audit row sums the run up (numbers, count, total) instead of one per invoice:
            // the invoices themselves are frozen by triggers.
            let key = try self.requireKey()
            for run in try Self.scopedDrafts(db, scope) {
            let year = run.year
            let territory = run.territory
            var sequence = try Self.lastSequence(db, series: "invoice", year: year)
            let due = Invoice.dueDate(issued: date, paymentDays: territory.service.effectivePaymentDays)
            let names = territory.memberNames
            let agentNames = territory.agentNames
            outcome.alreadyIssued += run.standing
            try AuditSwitch.suspended {
            for draft in run.drafts {
                // A month's or a mission's hours all covered by prepaid days are still issued (at
                // 0,00 €, with their statement): the next runs must know them billed and the
                // prepaid hours used. A year's are not, as before: the year is billed whole.
                guard draft.totalCents != 0 || (draft.period != nil && !draft.statement.isEmpty) else { outcome.zeroTotal += 1; continue }
                sequence += 1
                var invoice = Invoice(
                    number: Invoice.number(year: year, sequence: sequence, creditNote: false), year: year,
                    member: draft.member, kind: Invoice.Kind(rawValue: draft.kind.rawValue) ?? .hours, request: draft.request,
                    lines: draft.lines, statement: draft.statementEntries(agentNames: agentNames), issued: date, due: due)
                invoice.period = draft.period
                invoice.complement = draft.complement
                // SQLite copies a whole year's statement itself; a period, a complement or hours
                // billed in part before are written from the draft.
                let whole = draft.period == nil && !draft.complement
                    && !draft.statement.contains { $0.id.map(run.billedEntries.contains) ?? false }
                try Self.insert(invoice, sequence: sequence, memberName: names[draft.member] ?? draft.member, db: db,
                                key: key, statementFrom: whole ? StatementSource(draft, year: year) : nil)
                outcome.issued.append(invoice)
                try afterEach?(outcome.issued.count)
            }
            }
            }
            outcome.alreadyIssued.sort()
            if let first = outcome.issued.first?.number, let last = outcome.issued.last?.number {
                let year = outcome.issued[0].year
                let total = outcome.issued.reduce(0) { $0 + $1.totalCents }
                try db.execute(sql: """
                    INSERT INTO audit (at, entity, key, action, before, after)
                    VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'invoice', ?, 'issue', NULL,
                            json_object('year', ?, 'from', ?, 'to', ?, 'count', ?, 'total_cents', ?, 'issued', ?))
                    """, arguments: ["\(first)…\(last)", year, first, last, outcome.issued.count, total, date.iso])
            }
            return outcome
        }
    }

    /// Cancels an issued invoice by a credit note of the opposite amount, in its own series
    /// (`AV-YYYY-NNNN`, the year of `date`, the date it carries), which references it. The date
    /// is not before the invoice's issue nor over a month after `today`.
    public func cancelInvoice(_ number: String, reason: String, on date: CalendarDate, today: CalendarDate) throws -> Invoice {
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw InvoiceRefusal.emptyReason }
        if let problem = TextSafety.problem(in: reason, limit: TextSafety.freeTextLimit) { throw InvoiceRefusal.unsafeReason(problem) }
        return try write { db in
            guard let original = try Self.fetchInvoice(db, number: number) else { throw InvoiceRefusal.unknown(number) }
            guard !original.isCreditNote else { throw InvoiceRefusal.creditNoteCannotBeCancelled(number) }
            if let by = original.cancelledBy { throw InvoiceRefusal.alreadyCancelled(number: number, by: by) }
            try Self.requireWindow(.cancel(number: number), date: date, earliest: original.issued, today: today)
            let sequence = try Self.lastSequence(db, series: "credit_note", year: date.year) + 1
            let due = date
            let credit = Invoice(
                number: Invoice.number(year: date.year, sequence: sequence, creditNote: true), year: date.year,
                member: original.member, kind: .creditNote, request: original.request,
                lines: original.lines.map { line in
                    var line = line
                    line.label = "Annulation : " + line.label
                    line.amountCents = -line.amountCents
                    return line
                },
                statement: original.statement, issued: date, due: due, cancels: number, reason: reason)
            let name = try String.fetchOne(db, sql: "SELECT member_name FROM invoice WHERE number = ?", arguments: [number]) ?? original.member
            try Self.insert(credit, sequence: sequence, memberName: name, db: db, key: try self.requireKey())
            return credit
        }
    }

    /// Records one payment of an invoice, in one transaction: `amountCents` (nil: what is left
    /// due) paid on `date`, with the accountant's `reference` if given. The invoice is paid once its
    /// payments add up to its total (`paid` is then that day). Refused, with nothing written, on a
    /// credit note, a cancelled or paid invoice, before the issue or outside the window of dates,
    /// for zero or less, or beyond what is left due.
    @discardableResult
    public func recordPayment(_ number: String, on date: CalendarDate, amountCents: Int? = nil, reference: String? = nil,
                              today: CalendarDate) throws -> Invoice {
        let reference = reference?.trimmingSpaces()
        if let reference, let problem = TextSafety.problem(in: reference, limit: TextSafety.nameLimit) {
            throw InvoiceRefusal.unsafeReference(problem)
        }
        return try write { db in
            guard var invoice = try Self.fetchInvoice(db, number: number) else { throw InvoiceRefusal.unknown(number) }
            guard !invoice.isCreditNote else { throw InvoiceRefusal.creditNoteCannotBePaid(number) }
            guard invoice.cancelledBy == nil else { throw InvoiceRefusal.cancelledCannotBePaid(number) }
            if let paid = invoice.paid { throw InvoiceRefusal.alreadyPaid(number: number, on: paid) }
            let left = invoice.leftDueCents
            let amount = amountCents ?? left
            guard amount > 0 else { throw InvoiceRefusal.paymentNotPositive(number: number, amountCents: amount) }
            guard date >= invoice.issued else { throw InvoiceRefusal.paymentBeforeIssue(number: number, issued: invoice.issued) }
            try Self.requireWindow(.payment(number: number), date: date, earliest: invoice.issued, today: today)
            guard amount <= left else { throw InvoiceRefusal.paymentAboveLeftDue(number: number, amountCents: amount, leftDueCents: left) }
            try db.execute(sql: """
                INSERT INTO payment (invoice, date, amount_cents, reference, recorded_at)
                VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                """, arguments: [number, date.iso, amount, reference.flatMap { $0.isEmpty ? nil : $0 }])
            invoice.payments = try Self.payments(db, number: number)
            invoice.paidCents += amount
            if let completed = Payment.completion(invoice.payments, totalCents: invoice.totalCents) {
                try db.execute(sql: "UPDATE invoice SET paid = ? WHERE number = ?", arguments: [completed.iso, number])
                invoice.paid = completed
            }
            return invoice
        }
    }

    /// Invoices past due on `today` with something left due (not paid, not cancelled, not
    /// credit notes), oldest due date first; one member's only when `member` is given.
    public func overdueInvoices(today: CalendarDate, member: String? = nil) throws -> [OverdueInvoice] {
        try read { db in try Self.overdue(db, today: today, member: member) }
    }

    /// What a reminder letter (lettre de relance) needs: the member, its overdue invoices on
    /// `today`, and the service; refused when the member is unknown or has nothing overdue.
    public func reminder(member code: String, today: CalendarDate) throws -> (member: Member, overdue: [OverdueInvoice], service: ServiceSettings) {
        try read { db in
            let members = try TerritoryReader.members(db, withOpeningHours: false)
            let overdue = try Self.overdue(db, today: today, member: code)
            let name = try String.fetchOne(db, sql: "SELECT member_name FROM invoice WHERE member = ? ORDER BY issued DESC LIMIT 1", arguments: [code])
            guard let member = members.first(where: { $0.code == code })
                ?? name.map({ Member(code: code, name: $0, population: 0, singlePartTimeSecretary: false, memberSince: today) }) else {
                throw InvoiceRefusal.unknownMember(code)
            }
            guard !overdue.isEmpty else { throw InvoiceRefusal.nothingOverdue(member: code, name: member.name, today: today) }
            return (member, overdue, try TerritoryReader.service(db))
        }
    }

    static func overdue(_ db: Database, today: CalendarDate, member: String?) throws -> [OverdueInvoice] {
        var date = ISODates()
        var result: [OverdueInvoice] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT i.number, i.year, i.member, i.member_name, i.kind, i.request, i.issued, i.due, i.total_cents,
                   coalesce((SELECT sum(p.amount_cents) FROM payment p WHERE p.invoice = i.number), 0) AS paid_cents
            FROM invoice i
            WHERE i.series = 'invoice' AND i.paid IS NULL AND i.due < ?1 AND (?2 IS NULL OR i.member = ?2)
              AND NOT EXISTS (SELECT 1 FROM invoice c WHERE c.cancels = i.number)
            ORDER BY i.due, i.number
            """, arguments: [today.iso, member])
        while let row = try rows.next() {
            let invoice = Invoice(number: row[0], year: row[1], member: row[2], kind: Invoice.Kind(rawValue: row[4]) ?? .hours,
                                  request: row[5], lines: [], issued: date(row[6]), due: date(row[7]), totalCents: row[8], paidCents: row[9])
            guard invoice.leftDueCents > 0 else { continue }
            result.append(OverdueInvoice(invoice: invoice, memberName: row[3], daysLate: invoice.daysLate(on: today)))
        }
        return result
    }

    /// One invoice's payments, in date order.
    static func payments(_ db: Database, number: String) throws -> [Payment] {
        let query = try db.cachedStatement(sql: "SELECT date, amount_cents, reference FROM payment WHERE invoice = ? ORDER BY date, id")
        return try Row.fetchAll(query, arguments: [number]).map { r in
            Payment(invoice: number, date: TerritoryReader.date(r, "date"), amountCents: r["amount_cents"], reference: r["reference"])
        }
    }

    /// The sums paid on the year's invoices, by number, in one scan.
    static func paidSums(_ db: Database, year: Int) throws -> [String: Int] {
        var sums: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT p.invoice, sum(p.amount_cents) FROM payment p JOIN invoice i ON i.number = p.invoice
            WHERE i.year = ? GROUP BY p.invoice
            """, arguments: [year]) { sums[row[0]] = row[1] }
        return sums
    }

    /// Issued invoices and credit notes, by series, year and number; optionally one year only.
    public func invoices(year: Int? = nil) throws -> [Invoice] {
        try read { db in
            if let year { return try Self.fetchInvoices(db, year: year) }
            let numbers = try String.fetchAll(db, sql: "SELECT number FROM invoice ORDER BY series DESC, year, sequence")
            return try Self.fetchInvoices(db, numbers: numbers)
        }
    }

    /// One invoice or credit note with its lines and statement.
    public func invoice(_ number: String) throws -> Invoice {
        try read { db in
            guard let invoice = try Self.fetchInvoice(db, number: number) else { throw InvoiceRefusal.unknown(number) }
            return invoice
        }
    }

    /// The debtor's name as printed on the invoice when it was issued.
    public func invoiceMemberName(_ number: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT member_name FROM invoice WHERE number = ?", arguments: [number]) }
    }

    // MARK: - Rows

    static func requireWindow(_ use: InvoiceDates.Use, date: CalendarDate, earliest: CalendarDate, today: CalendarDate) throws {
        if let window = InvoiceDates.window(for: date, earliest: earliest, today: today) {
            throw InvoiceRefusal.dateOutOfWindow(use, date: date, earliest: window.earliest, latest: window.latest)
        }
    }

    /// The year's billing has what its scheme needs: a tariff (with a day rate, or a
    /// coefficient), and an hourly cost for every agent `agent_cost` bills.
    static func requireTariff(_ territory: Territory, year: Int) throws {
        let scheme = territory.service.billing
        guard scheme != .prorataCost else { return }
        guard let tariff = territory.tariffs.first(where: { $0.year == year }) else { throw InvoiceRefusal.noTariff(year: year) }
        if scheme == .dayRate, tariff.dayRate == nil { throw InvoiceRefusal.incompleteTariff(year: year, scheme: scheme) }
        if scheme == .agentCost {
            guard tariff.agentCost != nil else { throw InvoiceRefusal.incompleteTariff(year: year, scheme: scheme) }
            let missing = Billing.agentsWithoutHourlyCost(territory, year: year)
            if !missing.isEmpty { throw InvoiceRefusal.missingHourlyCost(agents: missing) }
        }
    }

    static func key(member: String, kind: String, request: String?) -> String {
        "\(member)\u{1F}\(kind)\u{1F}\(request ?? "")"
    }

    /// The numbers of the year's invoices that no credit note cancelled, by (member, kind, mission).
    static func standingInvoices(_ db: Database, year: Int) throws -> [String: String] {
        var standing: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT number, member, kind, request FROM invoice
            WHERE series = 'invoice' AND year = ? AND number NOT IN (SELECT cancels FROM invoice WHERE cancels IS NOT NULL)
            """, arguments: [year]) {
            standing[Self.key(member: row["member"], kind: row["kind"], request: row["request"])] = row["number"]
        }
        return standing
    }

    static func lastSequence(_ db: Database, series: String, year: Int) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(max(sequence), 0) FROM invoice WHERE series = ? AND year = ?",
                         arguments: [series, year]) ?? 0
    }

    static func insert(_ invoice: Invoice, sequence: Int, memberName: String, db: Database, key: InstallationKey,
                       statementFrom source: StatementSource? = nil) throws {
        try insertRows(invoice, sequence: sequence, memberName: memberName, db: db, statementFrom: source)
        try InvoiceSeal.seal(invoice.number, db: db, key: key)
    }

    static func insertRows(_ invoice: Invoice, sequence: Int, memberName: String, db: Database,
                           statementFrom source: StatementSource?) throws {
        let head = try db.cachedStatement(sql: """
            INSERT INTO invoice (number, series, year, sequence, member, member_name, kind, request, issued, due,
                                 total_cents, cancels, reason, paid, period, complement)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
            """)
        try head.execute(arguments: [invoice.number, invoice.isCreditNote ? "credit_note" : "invoice", invoice.year, sequence,
                                     invoice.member, memberName, invoice.kind.rawValue, invoice.request, invoice.issued.iso,
                                     invoice.due.iso, invoice.totalCents, invoice.cancels, invoice.reason, invoice.period,
                                     invoice.complement])
        let line = try db.cachedStatement(sql: """
            INSERT INTO invoice_line (invoice, position, type, label, minutes, unit_price_cents, amount_cents, agent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, l) in invoice.lines.enumerated() {
            try line.execute(arguments: [invoice.number, position, l.kind.rawValue, l.label, l.minutes, l.unitPriceCents, l.amountCents, l.agent])
        }
        if let source {
            try source.copy(into: invoice, db: db)
            return
        }
        let entry = try db.cachedStatement(sql: """
            INSERT INTO invoice_statement (invoice, position, date, agent, agent_name, minutes, request, entry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (position, e) in invoice.statement.enumerated() {
            try entry.execute(arguments: [invoice.number, position, e.date.iso, e.agent, e.agentName, e.minutes, e.request, e.entry])
        }
    }

    /// Where an issued invoice's hours statement comes from: the validated entries of a member in
    /// a year, for one mission (or those without a mission) or all of them. SQLite copies them
    /// itself (a national year holds 465,000 entries); the count and minutes are checked against
    /// the draft, and any difference rolls the whole issue back.
    struct StatementSource {
        enum Mission { case any, none, request(String) }
        var member: String
        var year: Int
        var mission: Mission

        /// Nil for a draft without a statement (the annual fee).
        init?(_ draft: InvoiceDraft, year: Int) {
            member = draft.member
            self.year = year
            switch draft.kind {
            case .hours: mission = draft.request.map(Mission.request) ?? .none
            case .prorataCost: mission = .any
            case .annualFee: return nil
            }
        }

        func copy(into invoice: Invoice, db: Database) throws {
            var filter = ""
            let (first, last) = Billing.yearBounds(year)
            var arguments: StatementArguments = [invoice.number, member, first.iso, last.iso]
            switch mission {
            case .any: filter = ""
            case .none: filter = "AND t.request IS NULL"
            case .request(let id): filter = "AND t.request = ?"; arguments += [id]
            }
            let copy = try db.cachedStatement(sql: """
                INSERT INTO invoice_statement (invoice, position, date, agent, agent_name, minutes, request, entry)
                SELECT ?1, row_number() OVER (ORDER BY t.date, t.agent, t.id) - 1, t.date, t.agent, a.name, t.minutes, t.request, t.id
                FROM time_entry t JOIN agent a ON a.code = t.agent
                WHERE t.member = ?2 AND t.validated = 1 AND t.date BETWEEN ?3 AND ?4 \(filter)
                """)
            try copy.execute(arguments: arguments)
            let expected = (invoice.statement.count, invoice.statement.reduce(0) { $0 + $1.minutes })
            let stored = try Row.fetchOne(db, sql: "SELECT count(*), coalesce(sum(minutes), 0) FROM invoice_statement WHERE invoice = ?",
                                          arguments: [invoice.number])
            guard let stored, stored[0] as Int == expected.0, stored[1] as Int == expected.1 else {
                throw StoreError.other("relevé d'heures de \(invoice.number) différent du calcul")
            }
        }
    }

    /// Credit notes by the invoice they cancel, in one pass (not one lookup per invoice).
    static func creditNotesByCancelledInvoice(_ db: Database) throws -> [String: String] {
        var cancelledBy: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT cancels, number FROM invoice WHERE cancels IS NOT NULL") { cancelledBy[row[0]] = row[1] }
        return cancelledBy
    }

    static func fetchInvoice(_ db: Database, number: String) throws -> Invoice? {
        try fetchInvoices(db, numbers: [number]).first
    }

    /// Every invoice and credit note of `year`, in the order of `fetchInvoices(numbers:)`
    /// (invoices, then credit notes, by number), read in three scans, not three queries per
    /// invoice: a national year has 47,000 invoices and 460,000 statement rows.
    static func fetchInvoices(_ db: Database, year: Int) throws -> [Invoice] {
        var date = ISODates()
        var lines: [String: [InvoiceLine]] = [:]
        let lineRows = try Row.fetchCursor(db, sql: """
            SELECT l.invoice, l.type, l.label, l.minutes, l.unit_price_cents, l.amount_cents, l.agent
            FROM invoice_line l JOIN invoice i ON i.number = l.invoice WHERE i.year = ? ORDER BY l.invoice, l.position
            """, arguments: [year])
        while let r = try lineRows.next() {
            lines[r[0], default: []].append(InvoiceLine(kind: InvoiceLine.Kind(rawValue: r[1]) ?? .hours, label: r[2], minutes: r[3],
                                                        unitPriceCents: r[4], amountCents: r[5], agent: r[6]))
        }
        var statements: [String: [StatementEntry]] = [:]
        let statementRows = try Row.fetchCursor(db, sql: """
            SELECT s.invoice, s.date, s.agent, s.agent_name, s.minutes, s.request, s.entry
            FROM invoice_statement s JOIN invoice i ON i.number = s.invoice WHERE i.year = ? ORDER BY s.invoice, s.position
            """, arguments: [year])
        while let r = try statementRows.next() {
            statements[r[0], default: []].append(StatementEntry(date: date(r[1]), agent: r[2], agentName: r[3], minutes: r[4],
                                                                request: r[5], entry: r[6]))
        }
        var payments: [String: [Payment]] = [:]
        let paymentRows = try Row.fetchCursor(db, sql: """
            SELECT p.invoice, p.date, p.amount_cents, p.reference
            FROM payment p JOIN invoice i ON i.number = p.invoice WHERE i.year = ? ORDER BY p.invoice, p.date, p.id
            """, arguments: [year])
        while let r = try paymentRows.next() {
            payments[r[0], default: []].append(Payment(invoice: r[0], date: date(r[1]), amountCents: r[2], reference: r[3]))
        }
        let cancelledBy = try creditNotesByCancelledInvoice(db)
        var result: [Invoice] = []
        let heads = try Row.fetchCursor(db, sql: """
            SELECT number, year, member, kind, request, issued, due, paid, cancels, reason, period, complement
            FROM invoice WHERE year = ? ORDER BY series DESC, sequence
            """, arguments: [year])
        while let row = try heads.next() {
            let number: String = row[0]
            let paid: String? = row[7]
            var invoice = Invoice(
                number: number, year: row[1], member: row[2], kind: Invoice.Kind(rawValue: row[3]) ?? .hours, request: row[4],
                lines: lines[number] ?? [], statement: statements[number] ?? [], issued: date(row[5]), due: date(row[6]),
                paid: paid.map { date($0) }, cancels: row[8], cancelledBy: cancelledBy[number], reason: row[9],
                payments: payments[number] ?? [], paidCents: (payments[number] ?? []).reduce(0) { $0 + $1.amountCents })
            invoice.period = row[10]
            invoice.complement = row[11]
            result.append(invoice)
        }
        return result
    }

    static func fetchInvoices(_ db: Database, numbers: [String]) throws -> [Invoice] {
        var result: [Invoice] = []
        result.reserveCapacity(numbers.count)
        let head = try db.cachedStatement(sql: """
            SELECT i.number, i.year, i.member, i.kind, i.request, i.issued, i.due, i.paid, i.cancels, i.reason, i.period, i.complement,
                   (SELECT c.number FROM invoice c WHERE c.cancels = i.number) AS cancelled_by
            FROM invoice i WHERE i.number = ?
            """)
        let lines = try db.cachedStatement(sql: """
            SELECT type, label, minutes, unit_price_cents, amount_cents, agent FROM invoice_line WHERE invoice = ? ORDER BY position
            """)
        for number in numbers {
            guard let row = try Row.fetchOne(head, arguments: [number]) else { continue }
            let invoiceLines = try Row.fetchAll(lines, arguments: [number]).map { r in
                InvoiceLine(kind: InvoiceLine.Kind(rawValue: r["type"]) ?? .hours, label: r["label"], minutes: r["minutes"],
                            unitPriceCents: r["unit_price_cents"], amountCents: r["amount_cents"], agent: r["agent"])
            }
            let entries = try statement(db, number: number)
            let paidBy = try payments(db, number: number)
            var invoice = Invoice(
                number: row["number"], year: row["year"], member: row["member"],
                kind: Invoice.Kind(rawValue: row["kind"]) ?? .hours, request: row["request"], lines: invoiceLines,
                statement: entries, issued: TerritoryReader.date(row, "issued"), due: TerritoryReader.date(row, "due"),
                paid: TerritoryReader.optionalDate(row, "paid"), cancels: row["cancels"], cancelledBy: row["cancelled_by"],
                reason: row["reason"], payments: paidBy, paidCents: paidBy.reduce(0) { $0 + $1.amountCents })
            invoice.period = row["period"]
            invoice.complement = row["complement"]
            result.append(invoice)
        }
        return result
    }
}

extension TerritoryReader {
    /// What billing a year needs, and only that: the service, tariffs, members (no opening
    /// hours), agents (no rota or absences), no requests, and the year's validated hours.
    static func billingTerritory(_ db: Database, year: Int) throws -> Territory {
        let agents = try Row.fetchAll(db, sql: "SELECT code, name, weekly_minutes, rtt_days_per_year, annual_cost_cents, hourly_cost_cents FROM agent ORDER BY code")
            .map { row in
                Agent(code: row["code"], name: row["name"], weeklyMinutes: row["weekly_minutes"],
                      rttDaysPerYear: row["rtt_days_per_year"], annualCostCents: row["annual_cost_cents"],
                      hourlyCostCents: row["hourly_cost_cents"])
            }
        var territory = Territory(service: try service(db), tariffs: try tariffs(db),
                                  members: try members(db, withOpeningHours: false), agents: agents)
        let (first, last) = Billing.yearBounds(year)
        territory.timeEntries = try TimeEntryQuery(from: first, to: last, validatedOnly: true).fetch(db)
        return territory
    }
}

