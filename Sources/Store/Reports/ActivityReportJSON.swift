import Domain

/// The JSON of `releve report --format json` (cli.md) and its CSV.
public enum ActivityReportOutput {
    /// The JSON of cli.md, keys in its order; `previous` holds the same keys for the previous period.
    public static func json(_ report: ActivityReport) -> String {
        var out = JSONStream()
        out.beginObject()
        writeFigures(&out, report.current)
        out.key("previous")
        out.beginObject()
        writeFigures(&out, report.previous)
        out.endObject()
        out.endObject()
        return out.finish()
    }

    static func writeFigures(_ out: inout JSONStream, _ f: ActivityFigures) {
        out.field("from", f.period.from.iso)
        out.field("to", f.period.to.iso)
        let r = f.requests
        out.key("requests")
        out.beginObject()
        out.field("received", r.received)
        out.key("by_class")
        out.beginObject()
        for c in PriorityClass.allCases { out.field(String(c.rawValue), r.byClass[c] ?? 0) }
        out.endObject()
        out.key("by_motive")
        out.beginObject()
        for m in Motive.allCases { if let n = r.byMotive[m], n > 0 { out.field(m.rawValue, n) } }
        out.endObject()
        out.field("from_small_communes", r.fromSmallCommunes)
        out.field("short_notice", r.shortNotice)
        out.field("active", r.active)
        out.key("by_status")
        out.beginObject()
        for s in statusOrder { out.field(s.rawValue, r.byStatus[s] ?? 0) }
        out.endObject()
        out.key("refusals")
        out.beginObject()
        for code in Refusal.allCases { if let n = r.refusals[code], n > 0 { out.field(code.rawValue, n) } }
        out.endObject()
        out.field("rota_cover", r.rotaCover)
        out.field("renewals", r.renewals)
        out.field("renewals_answered_in_time", r.renewalsAnsweredInTime)
        out.endObject()

        out.key("minutes")
        out.beginObject()
        out.field("needed", f.minutes.needed)
        out.field("served", f.minutes.served)
        out.field("logged", f.minutes.logged)
        out.field("validated", f.minutes.validated)
        out.endObject()
        out.field("coverage", f.coverage?.text)
        out.field("waiting_working_days_median", f.waitingWorkingDaysMedian)

        out.key("members")
        out.beginArray()
        for m in f.members {
            out.beginObject()
            out.field("member", m.member)
            out.field("requests", m.requests)
            out.field("needed_minutes", m.neededMinutes)
            out.field("served_minutes", m.servedMinutes)
            out.field("logged_minutes", m.loggedMinutes)
            out.field("invoiced", MoneyText.format(m.invoicedCents))
            out.field("paid", MoneyText.format(m.paidCents))
            out.endObject()
        }
        out.endArray()

        out.key("agents")
        out.beginArray()
        for a in f.agents {
            out.beginObject()
            out.field("agent", a.agent)
            out.field("available_minutes", a.availableMinutes)
            out.field("planned_minutes", a.plannedMinutes)
            out.field("logged_minutes", a.loggedMinutes)
            out.field("use", a.use?.text)
            out.field("absence_days", a.absenceDays)
            out.field("training_minutes", a.trainingMinutes)
            out.endObject()
        }
        out.endArray()

        out.key("evaluations")
        out.beginObject()
        out.field("due", f.evaluations.due)
        out.field("received", f.evaluations.received)
        out.key("averages")
        out.beginObject()
        for c in EvaluationCriterion.allCases { out.field(c.rawValue, f.evaluations.averages[c]?.text) }
        out.endObject()
        out.endObject()

        out.key("helpline")
        out.beginObject()
        out.field("calls", f.helpline.calls)
        out.key("by_domain")
        out.beginObject()
        for (domain, n) in f.helpline.byDomain.sorted(by: { $0.key < $1.key }) { out.field(domain, n) }
        out.endObject()
        out.field("median_answer_minutes", f.helpline.medianAnswerMinutes)
        out.endObject()

        out.key("billing")
        out.beginObject()
        out.field("invoiced", MoneyText.format(f.billing.invoicedCents))
        out.field("paid", MoneyText.format(f.billing.paidCents))
        out.field("overdue", MoneyText.format(f.billing.overdueCents))
        out.endObject()
    }

    /// The order of `by_status` in cli.md.
    public static let statusOrder: [DecisionStatus] = [.granted, .partial, .unserved, .refused, .preempted]

    /// Every figure as `(path, value)`: the path names it as the JSON does
    /// (`requests.by_class.1`, `members.71040.needed_minutes`), the value as the JSON writes it
    /// (nil for null).
    public static func rows(_ f: ActivityFigures) -> [(path: String, value: Value)] {
        var rows: [(String, Value)] = []
        let r = f.requests
        rows.append(("requests.received", .count(r.received)))
        for c in PriorityClass.allCases { rows.append(("requests.by_class.\(c.rawValue)", .count(r.byClass[c] ?? 0))) }
        for m in Motive.allCases { rows.append(("requests.by_motive.\(m.rawValue)", .count(r.byMotive[m] ?? 0))) }
        rows.append(("requests.from_small_communes", .count(r.fromSmallCommunes)))
        rows.append(("requests.short_notice", .count(r.shortNotice)))
        rows.append(("requests.active", .count(r.active)))
        for s in statusOrder { rows.append(("requests.by_status.\(s.rawValue)", .count(r.byStatus[s] ?? 0))) }
        for code in Refusal.allCases { rows.append(("requests.refusals.\(code.rawValue)", .count(r.refusals[code] ?? 0))) }
        rows.append(("requests.rota_cover", .count(r.rotaCover)))
        rows.append(("requests.renewals", .count(r.renewals)))
        rows.append(("requests.renewals_answered_in_time", .count(r.renewalsAnsweredInTime)))
        rows.append(("minutes.needed", .minutes(f.minutes.needed)))
        rows.append(("minutes.served", .minutes(f.minutes.served)))
        rows.append(("minutes.logged", .minutes(f.minutes.logged)))
        rows.append(("minutes.validated", .minutes(f.minutes.validated)))
        rows.append(("coverage", .ratio(f.coverage)))
        rows.append(("waiting_working_days_median", .optionalCount(f.waitingWorkingDaysMedian)))
        for m in f.members {
            let p = "members.\(m.member)."
            rows.append((p + "requests", .count(m.requests)))
            rows.append((p + "needed_minutes", .minutes(m.neededMinutes)))
            rows.append((p + "served_minutes", .minutes(m.servedMinutes)))
            rows.append((p + "logged_minutes", .minutes(m.loggedMinutes)))
            rows.append((p + "invoiced", .money(m.invoicedCents)))
            rows.append((p + "paid", .money(m.paidCents)))
        }
        for a in f.agents {
            let p = "agents.\(a.agent)."
            rows.append((p + "available_minutes", .minutes(a.availableMinutes)))
            rows.append((p + "planned_minutes", .minutes(a.plannedMinutes)))
            rows.append((p + "logged_minutes", .minutes(a.loggedMinutes)))
            rows.append((p + "use", .ratio(a.use)))
            rows.append((p + "absence_days", .count(a.absenceDays)))
            rows.append((p + "training_minutes", .minutes(a.trainingMinutes)))
        }
        rows.append(("evaluations.due", .count(f.evaluations.due)))
        rows.append(("evaluations.received", .count(f.evaluations.received)))
        for c in EvaluationCriterion.allCases { rows.append(("evaluations.averages.\(c.rawValue)", .ratio(f.evaluations.averages[c]))) }
        rows.append(("helpline.calls", .count(f.helpline.calls)))
        for (domain, n) in f.helpline.byDomain.sorted(by: { $0.key < $1.key }) { rows.append(("helpline.by_domain.\(domain)", .count(n))) }
        rows.append(("helpline.median_answer_minutes", .optionalCount(f.helpline.medianAnswerMinutes)))
        rows.append(("billing.invoiced", .money(f.billing.invoicedCents)))
        rows.append(("billing.paid", .money(f.billing.paidCents)))
        rows.append(("billing.overdue", .money(f.billing.overdueCents)))
        return rows
    }

    /// A figure's value, for the CSV and the table to write in their own way.
    public enum Value: Hashable, Sendable {
        case count(Int)
        case optionalCount(Int?)
        case minutes(Int)
        case money(Int)
        case ratio(Hundredths?)
    }

    /// The CSV: one row per figure, `indicateur;periode;periode_precedente`, the indicator named
    /// by its JSON path, `;`-separated, decimal comma, UTF-8, CRLF (as `invoice export`). The
    /// first two rows give the periods' first and last days (JJ/MM/AAAA); a figure the other
    /// period does not have (a member without activity in it) is left empty there.
    public static func csv(_ report: ActivityReport) -> String {
        let f = DisplayFormat(.fr)
        func text(_ v: Value?) -> String {
            switch v {
            case nil: return ""
            case .count(let n), .minutes(let n): return String(n)
            case .optionalCount(let n): return n.map(String.init) ?? ""
            case .money(let c): return MoneyText.format(c).replacingDot()
            case .ratio(let h): return h?.text.replacingDot() ?? ""
            }
        }
        var out = "indicateur;periode;periode_precedente\r\n"
        out += "from;\(f.numericDate(report.current.period.from));\(f.numericDate(report.previous.period.from))\r\n"
        out += "to;\(f.numericDate(report.current.period.to));\(f.numericDate(report.previous.period.to))\r\n"
        let current = rows(report.current)
        let previous = rows(report.previous)
        let previousByPath = Dictionary(previous.map { ($0.path, $0.value) }, uniquingKeysWith: { a, _ in a })
        let currentPaths = Set(current.map(\.path))
        // The current period's rows in order, then what only the previous period has.
        for row in current { out += [row.path, text(row.value), text(previousByPath[row.path])].map(InvoiceReport.csvField).joined(separator: ";") + "\r\n" }
        for row in previous where !currentPaths.contains(row.path) {
            out += [row.path, "", text(row.value)].map(InvoiceReport.csvField).joined(separator: ";") + "\r\n"
        }
        return out
    }
}
