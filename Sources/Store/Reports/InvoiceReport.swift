import Domain

/// The JSON of `releve invoice run` and `invoice list/show` (cli.md), and the CSV export for the
/// accounting software.
public enum InvoiceReport {
    /// The dry run: drafts, not numbered.
    public static func json(year: Int, invoices: [InvoiceDraft]) -> String {
        var out = JSONStream()
        out.beginObject()
        out.field("year", year)
        out.key("invoices")
        out.beginArray()
        for invoice in invoices {
            writeInvoice(&out, number: nil, member: invoice.member, kind: invoice.kind.rawValue, request: invoice.request,
                         lines: invoice.lines, total: invoice.totalCents, issued: nil, due: nil)
        }
        out.endArray()
        out.endObject()
        return out.finish()
    }

    /// The dry run of a billing period (rules.md §6.6): `"month": "YYYY-MM"` or `"ended_by":
    /// DATE` at the top instead of `year`; each invoice says its year, its period and, for hours
    /// added to a period already billed, `"complement": true`.
    public static func json(scope: BillingScope, runs: [(year: Int, drafts: [InvoiceDraft])]) -> String {
        guard case .year(let year) = scope else {
            var out = JSONStream()
            out.beginObject()
            writeScope(&out, scope)
            out.key("invoices")
            out.beginArray()
            for run in runs {
                for invoice in run.drafts {
                    writeInvoice(&out, number: nil, member: invoice.member, kind: invoice.kind.rawValue, request: invoice.request,
                                 lines: invoice.lines, total: invoice.totalCents, issued: nil, due: nil, close: false)
                    out.field("year", run.year)
                    out.field("period", invoice.period)
                    out.field("complement", invoice.complement)
                    out.endObject()
                }
            }
            out.endArray()
            out.endObject()
            return out.finish()
        }
        return json(year: year, invoices: runs.flatMap(\.drafts))
    }

    static func writeScope(_ out: inout JSONStream, _ scope: BillingScope) {
        switch scope {
        case .year(let y): out.field("year", y)
        case .month: out.field("month", scope.period)
        case .endedBy(let d): out.field("ended_by", d.iso)
        }
    }

    /// Issued invoices of a run in `scope`, with the scope's key at the top.
    public static func json(scope: BillingScope, issued: [Invoice], today: CalendarDate, alreadyIssued: [String]) -> String {
        guard case .year(let year) = scope else {
            var out = JSONStream()
            out.beginObject()
            writeScope(&out, scope)
            out.key("invoices")
            out.beginArray()
            for invoice in issued { writeIssued(&out, invoice, today: today) }
            out.endArray()
            out.key("already_issued")
            out.beginArray()
            for number in alreadyIssued { out.string(number) }
            out.endArray()
            out.endObject()
            return out.finish()
        }
        return json(year: year, issued: issued, today: today, alreadyIssued: alreadyIssued)
    }

    /// Issued invoices (`--issue`, `list`): numbered and dated, with their status on `today`;
    /// `alreadyIssued` lists the year's standing invoices that a run did not issue again.
    public static func json(year: Int?, issued: [Invoice], today: CalendarDate, alreadyIssued: [String]? = nil) -> String {
        var out = JSONStream()
        out.beginObject()
        if let year { out.field("year", year) }
        out.key("invoices")
        out.beginArray()
        for invoice in issued { writeIssued(&out, invoice, today: today) }
        out.endArray()
        if let alreadyIssued {
            out.key("already_issued")
            out.beginArray()
            for number in alreadyIssued { out.string(number) }
            out.endArray()
        }
        out.endObject()
        return out.finish()
    }

    /// One issued invoice with its hours statement (`invoice show`).
    public static func json(_ invoice: Invoice, today: CalendarDate) -> String {
        var out = JSONStream()
        writeIssued(&out, invoice, today: today, withStatement: true)
        return out.finish()
    }

    static func writeIssued(_ out: inout JSONStream, _ invoice: Invoice, today: CalendarDate, withStatement: Bool = false) {
        writeInvoice(&out, number: invoice.number, member: invoice.member, kind: invoice.kind.rawValue, request: invoice.request,
                     lines: invoice.lines, total: invoice.totalCents, issued: invoice.issued, due: invoice.due, close: false)
        out.field("status", invoice.status(on: today).rawValue)
        if let period = invoice.period { out.field("period", period) }
        if invoice.complement { out.field("complement", true) }
        out.field("paid", invoice.paid?.iso)
        if !invoice.isCreditNote {
            out.field("amount_paid", MoneyText.format(invoice.paidCents))
            out.field("left_due", MoneyText.format(invoice.leftDueCents))
        }
        if invoice.isCreditNote {
            out.field("cancels", invoice.cancels)
            out.field("reason", invoice.reason)
        } else {
            out.field("cancelled_by", invoice.cancelledBy)
        }
        if withStatement && !invoice.isCreditNote {
            out.key("payments")
            out.beginArray()
            for payment in invoice.payments {
                out.beginObject()
                out.field("date", payment.date.iso)
                out.field("amount", MoneyText.format(payment.amountCents))
                out.field("reference", payment.reference)
                out.endObject()
            }
            out.endArray()
        }
        if withStatement {
            out.key("statement")
            out.beginArray()
            for entry in invoice.statement {
                out.beginObject()
                out.field("date", entry.date.iso)
                out.field("agent", entry.agent)
                out.field("minutes", entry.minutes)
                out.field("request", entry.request)
                out.endObject()
            }
            out.endArray()
        }
        out.endObject()
    }

    static func writeInvoice(_ out: inout JSONStream, number: String?, member: String, kind: String, request: String?,
                             lines: [InvoiceLine], total: Int, issued: CalendarDate?, due: CalendarDate?, close: Bool = true) {
        out.beginObject()
        out.field("number", number)
        out.field("member", member)
        out.field("kind", kind)
        if kind == "hours" || kind == "credit_note" { out.field("request", request) }
        out.key("lines")
        out.beginArray()
        for line in lines {
            out.beginObject()
            out.field("type", line.kind.rawValue)
            out.field("label", line.label)
            out.field("minutes", line.minutes)
            out.field("unit_price", MoneyText.format(line.unitPriceCents))
            out.field("amount", MoneyText.format(line.amountCents))
            if let agent = line.agent { out.field("agent", agent) }
            out.endObject()
        }
        out.endArray()
        out.field("total", MoneyText.format(total))
        out.field("issued", issued?.iso)
        out.field("due", due?.iso)
        if close { out.endObject() }
    }

    /// `invoice overdue --format json`: the invoices past due with something left due on `today`,
    /// oldest due first.
    public static func overdueJSON(_ overdue: [OverdueInvoice], today: CalendarDate) -> String {
        var out = JSONStream()
        out.beginObject()
        out.field("today", today.iso)
        out.key("invoices")
        out.beginArray()
        for item in overdue {
            let i = item.invoice
            out.beginObject()
            out.field("number", i.number)
            out.field("member", i.member)
            out.field("member_name", item.memberName)
            out.field("issued", i.issued.iso)
            out.field("due", i.due.iso)
            out.field("days_late", item.daysLate)
            out.field("total", MoneyText.format(i.totalCents))
            out.field("paid", MoneyText.format(i.paidCents))
            out.field("left_due", MoneyText.format(i.leftDueCents))
            out.endObject()
        }
        out.endArray()
        out.field("total_left_due", MoneyText.format(overdue.reduce(0) { $0 + $1.invoice.leftDueCents }))
        out.endObject()
        return out.finish()
    }

    /// The CSV for the accounting software: one row per invoice or credit note, `;`-separated,
    /// amounts with a decimal comma, dates `JJ/MM/AAAA`, UTF-8, fields quoted when needed.
    public static func csv(_ invoices: [Invoice], memberNames: [String: String], today: CalendarDate) -> String {
        let f = DisplayFormat(.fr)
        var out = "numero;type;exercice;date_emission;date_echeance;code_debiteur;debiteur;objet;mission;montant;statut;date_paiement;reference\r\n"
        for invoice in invoices {
            let fields = [
                invoice.number, invoice.isCreditNote ? "avoir" : "titre", String(invoice.year),
                f.numericDate(invoice.issued), f.numericDate(invoice.due), invoice.member,
                memberNames[invoice.member] ?? invoice.member, invoice.kind.label(.fr), invoice.request ?? "",
                MoneyText.format(invoice.totalCents).replacingDot(), invoice.status(on: today).label(.fr),
                invoice.paid.map(f.numericDate) ?? "", invoice.cancels ?? invoice.cancelledBy ?? "",
            ]
            out += fields.map(csvField).joined(separator: ";") + "\r\n"
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
