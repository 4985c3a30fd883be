import Domain

/// The JSON of `releve invoice run` (cli.md), for drafts not yet issued.
public enum InvoiceReport {
    public static func json(year: Int, invoices: [InvoiceDraft]) -> String {
        var out = JSONStream()
        out.beginObject()
        out.field("year", year)
        out.key("invoices")
        out.beginArray()
        for invoice in invoices {
            out.beginObject()
            out.field("number", nil as String?)
            out.field("member", invoice.member)
            out.field("kind", invoice.kind.rawValue)
            if invoice.kind == .hours { out.field("request", invoice.request) }
            out.key("lines")
            out.beginArray()
            for line in invoice.lines {
                out.beginObject()
                out.field("type", line.kind.rawValue)
                out.field("label", line.label)
                out.field("minutes", line.minutes)
                out.field("unit_price", MoneyText.format(line.unitPriceCents))
                out.field("amount", MoneyText.format(line.amountCents))
                out.endObject()
            }
            out.endArray()
            out.field("total", MoneyText.format(invoice.totalCents))
            out.field("issued", nil as String?)
            out.field("due", nil as String?)
            out.endObject()
        }
        out.endArray()
        out.endObject()
        return out.finish()
    }
}
