import ArgumentParser
import Domain
import Foundation
import Store
import TUI

/// Options of the full-screen interface.
struct InterfaceOptions: ParsableArguments {
    @Option(help: "Thème de couleurs (Themes/NOM.toml) : default, light, high-contrast, monochrome.")
    var theme: String?

    @Flag(name: .customLong("no-color"), help: "Sans couleurs (aussi avec la variable NO_COLOR).")
    var noColor = false

    @Option(help: "Date du jour (AAAA-MM-JJ), pour figer l'horloge.")
    var today: String?
}

/// The interface's data, read from the database.
final class DatabaseDataSource: AppDataSource {
    let database: AppDatabase
    /// The interface's today (`--today` or the clock), which bounds invoice dates.
    let today: CalendarDate

    /// Half-day weeks placed for the grid, kept for the next windows.
    private let weeks = PlacedWeeks()

    init(_ database: AppDatabase, today: CalendarDate) {
        self.database = database
        self.today = today
    }

    /// The whole territory and its stored decisions (the same as `releve plan`, not recomputed),
    /// without the plan's ~280,000 days: the grid and the Heures pane read the days they show.
    /// The versions are read first: a change committed between the reads makes a form's save
    /// refused (its version is older than what it shows), never a change silently overwritten.
    func snapshot() throws -> Snapshot {
        let versions = try database.recordVersions()
        // The decisions and the territory are read at once, on two of the pool's readers (each
        // takes about 0.2 s at national scale).
        let database = self.database
        let decisions = DecisionsRead()
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            decisions.result = Result { try database.storedDecisions() }
        }
        let territory = Result { try database.loadPlanningTerritory(openingHours: true) }
        group.wait()
        return Snapshot(territory: try territory.get(), plan: Plan(decisions: try decisions.result.get(), allocations: []),
                        order: try database.displayOrder(), versions: versions)
    }

    /// Filled by one thread, read once it is done (`DispatchGroup.wait`).
    private final class DecisionsRead: @unchecked Sendable {
        var result: Result<[RequestDecision], any Error> = .success([])
    }

    func plannedWork(from: CalendarDate, to: CalendarDate) throws -> [DayAllocation] { try database.storedWork(from: from, to: to) }

    /// Only the grid's rows on screen, from the stored plan.
    func planningWindow(_ query: GridQuery) throws -> PlanningWindow {
        let stored = try database.storedPlanWindow(byMember: query.rows == .members, top: query.top, count: query.count,
                                                   from: query.from, to: query.to)
        var window = PlanningWindow(query: query, service: stored.service, rowCount: stored.rowCount, agents: stored.agents,
                                    rowMembers: stored.rowMembers, members: stored.members, decisions: stored.decisions,
                                    allocations: stored.allocations)
        if query.rows == .agents { try placeHalfDays(&window, agents: stored.agents, service: stored.service) }
        return window
    }

    /// The half-days of the agents on screen, placed from their history as `releve schedule`
    /// does; weeks placed for an earlier window are kept while the stored plan is the same.
    private func placeHalfDays(_ window: inout PlanningWindow, agents: [Agent], service: ServiceSettings) throws {
        window.weeks = try weeks.weeks(of: agents, service: service, from: window.query.from, to: window.query.to, in: database)
    }

    func hours(from: CalendarDate, to: CalendarDate) throws -> [TimeEntry] {
        try database.timeEntries(TimeEntryQuery(from: from, to: to))
    }

    func changeToken() throws -> Int { try database.changeToken() }

    func changes(after mark: Int64) throws -> (mark: Int64, entities: Set<String>, entries: Set<Int64>) { try database.changes(after: mark) }

    func hours(ids: Set<Int64>) throws -> [TimeEntry] { try database.timeEntries(ids: ids) }

    func saveRequest(_ request: ReplacementRequest, isNew: Bool, read: ReadRecord?) throws -> String {
        try database.saveRequest(request, isNew: isNew, read: read)
    }

    func save(_ change: Territory, reads: [ReadRecord]) throws { try database.save(change, reads: reads) }

    func delete(_ deletion: PendingDeletion) throws {
        switch deletion.target {
        case .member: try database.deleteMember(deletion.code)
        case .agent: try database.deleteAgent(deletion.code)
        }
    }

    func apply(_ edit: RecordEdit, read: ReadRecord) throws { try database.apply(edit, read: read) }

    func issuedInvoices(year: Int) throws -> InvoiceBook {
        try database.issuedInvoices(year: year)
    }
    func pendingInvoices(year: Int, language: Language) throws -> PendingInvoices {
        // The period the convention bills (rules.md §6.6): the year, its last ended month, or the
        // missions ended by today.
        try database.pendingInvoices(try database.paneScope(year: year, today: today), year: year, language: language)
    }

    func issuedInvoice(number: String) throws -> Invoice? { try database.issuedInvoice(number: number) }

    func issueInvoices(year: Int, on date: CalendarDate, language l: Language) throws -> String {
        let outcome = try database.issueInvoices(try database.paneScope(year: year, today: today), on: date, today: today)
        let total = DisplayFormat(l).money(outcome.issued.reduce(0) { $0 + $1.totalCents })
        guard let first = outcome.issued.first?.number, let last = outcome.issued.last?.number else {
            return l.pick("Aucune facture à émettre pour \(year).", "No invoice to issue for \(year).")
        }
        return l.pick("\(outcome.issued.count) facture(s) émise(s), \(first) à \(last), \(total).",
                      "\(outcome.issued.count) invoice(s) issued, \(first) to \(last), \(total).")
    }

    func recordPayment(number: String, on date: CalendarDate, amountCents: Int?, language l: Language) throws -> String {
        let f = DisplayFormat(l)
        let invoice = try database.recordPayment(number, on: date, amountCents: amountCents, today: today)
        guard invoice.paid == nil else {
            return l.pick("Facture \(number) payée le \(f.date(date)) (\(f.money(invoice.totalCents))).",
                          "Invoice \(number) paid on \(f.date(date)) (\(f.money(invoice.totalCents))).")
        }
        return l.pick("Paiement enregistré sur \(number) : \(invoice.paymentText(l) ?? "").",
                      "Payment recorded on \(number): \(invoice.paymentText(l) ?? "").")
    }

    func cancelInvoice(number: String, reason: String, on date: CalendarDate, language l: Language) throws -> String {
        let credit = try database.cancelInvoice(number, reason: reason, on: date, today: today)
        return l.pick("Avoir \(credit.number) émis : annule \(number).", "Credit note \(credit.number) issued: cancels \(number).")
    }

    func estimate(_ decision: RequestDecision) throws -> CostEstimate? { try database.costEstimate(for: decision) }

    func estimateResult(_ decision: RequestDecision) throws -> Result<CostEstimate, CostEstimateMissing>? {
        try database.costEstimateResult(for: decision)
    }

    func panel(_ subject: PanelSubject, language l: Language) throws -> PanelContent {
        if case .suggestions(let id) = subject {
            let territory = try database.loadPlanningTerritory()
            let plan = Arbitration.plan(territory)
            guard let decision = plan.decision(id) else { return PanelContent(lines: [l.pick("Demande \(id) introuvable.", "Request \(id) not found.")]) }
            let suggestions = Suggestions.make(for: id, territory: territory, plan: plan)
            var lines = SuggestionText.lines(decision, suggestions, territory: territory, plan: plan, language: l)
            // Numbered for the digits that assign them.
            var n = 0
            for i in lines.indices where lines[i].hasPrefix("• ") {
                n += 1
                lines[i] = "\(n). " + lines[i].dropFirst(2)
            }
            let current = territory.assignments.first { $0.request == id }.map { territory.agentNames[$0.agent] ?? $0.agent }
            lines.append("")
            if !suggestions.isEmpty {
                lines.append(l.pick("1–\(suggestions.count) : lui affecter cet agent à la main (le plan est recalculé, les autres y perdent ce qui est dit).",
                                    "1–\(suggestions.count): assign that agent by hand (the plan is recomputed, the others lose what is said)."))
            }
            if let current {
                lines.append(l.pick("Affectée à la main à \(current) : 0 la rend aux règles.", "Assigned by hand to \(current): 0 gives it back to the rules."))
            }
            return PanelContent(lines: lines, choices: suggestions.map(\.agent))
        }
        return PanelContent(lines: try panelLines(subject, language: l))
    }

    func conventionEffects(of service: ServiceSettings, language l: Language) throws -> [String] {
        try database.conventionEffects(of: service).map { $0.text(l, convention: service.convention) }
    }

    func saveConvention(_ service: ServiceSettings, seen: ServiceSettings, language l: Language) throws -> String {
        let effects = try database.saveService(service, seen: seen, language: l)
        return l.pick("Convention enregistrée ; le plan est recalculé (\(effects.count) demande\(effects.count > 1 ? "s" : "") changée\(effects.count > 1 ? "s" : "")).",
                      "Convention saved; the plan is recomputed (\(effects.count) request\(effects.count > 1 ? "s" : "") changed).")
    }

    func assign(request: String, agent: String?, language l: Language) throws -> String {
        let decision = try database.assign(request: request, agent: agent)
        let f = DisplayFormat(l)
        let served = decision.map { l.pick(" : \(f.duration($0.servedMinutes)) sur \(f.duration($0.neededMinutes)), \($0.status.label(in: l))",
                                          ": \(f.duration($0.servedMinutes)) of \(f.duration($0.neededMinutes)), \($0.status.label(in: l))") } ?? ""
        guard let agent else { return l.pick("\(request) rendue aux règles\(served).", "\(request) back to the rules\(served).") }
        let name = try database.names().agents[agent] ?? agent
        return l.pick("\(request) affectée à \(name)\(served).", "\(request) assigned to \(name)\(served).")
    }

    private func panelLines(_ subject: PanelSubject, language l: Language) throws -> [String] {
        if case .memberYear(let member, let year) = subject { return try memberYear(member, year: year, l) }
        let territory = try database.loadPlanningTerritory(openingHours: true)
        let plan = Arbitration.plan(territory)
        switch subject {
        case .suggestions: return []
        case .requestSchedule(let id):
            guard let decision = plan.decision(id),
                  let schedule = HalfDayPlanner(territory: territory, plan: plan).schedule(request: id, from: decision.request.start, to: decision.effectiveEnd)
            else { return [l.pick("Demande \(id) introuvable.", "Request \(id) not found.")] }
            return HalfDayOutput.table(schedule, territory: territory, language: l).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        case .memberYear, .reportFigure: return []
        case .agentSchedule(let agent, let from, let to):
            let schedule = HalfDayPlanner(territory: territory, plan: plan).schedule(agent: agent, from: from, to: to)
            return HalfDayOutput.table(schedule, territory: territory, language: l).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// A member's year for the coordinator: its prepaid hours (used in date order by its
    /// validated hours, rules.md §6.1), its requests with what they got, its invoices.
    private func memberYear(_ code: String, year: Int, _ l: Language) throws -> [String] {
        let f = DisplayFormat(l)
        let territory = try database.warningContext(agent: "", members: [code])
        guard let member = territory.members.first else { return [l.pick("Commune \(code) introuvable.", "Member \(code) not found.")] }
        let tariff = try database.tariffs().first { $0.year == year }
        let validated = try database.timeEntries(TimeEntryQuery(member: code, from: CalendarDate(year: year, month: 1, day: 1),
                                                                to: CalendarDate(year: year, month: 12, day: 31), validatedOnly: true))
        let used = validated.reduce(0) { $0 + $1.minutes }
        var lines: [String] = []
        if let tariff {
            let prepaid = tariff.feeExempt ? 0 : (tariff.band(for: member.population)?.prepaidDays ?? 0) * tariff.minutesPerDay
            lines.append(l.pick("Heures prépayées \(year) : \(f.duration(prepaid)) · heures validées : \(f.duration(used)) · prépayées restantes : \(f.duration(max(0, prepaid - used)))",
                                "Prepaid hours \(year): \(f.duration(prepaid)) · validated hours: \(f.duration(used)) · prepaid left: \(f.duration(max(0, prepaid - used)))"))
        } else {
            lines.append(l.pick("Aucun tarif \(year) : pas d'heures prépayées connues (Factures, T). Heures validées : \(f.duration(used)).",
                                "No \(year) tariff: no prepaid hours known (Invoices, T). Validated hours: \(f.duration(used))."))
        }
        lines.append("")
        let decisions = try database.storedDecisions().filter { $0.request.member == code && !$0.isImplicit
            && ($0.request.start.year == year || $0.effectiveEnd.year == year) }
        lines.append(l.pick("Demandes \(year) : \(decisions.count)", "Requests \(year): \(decisions.count)"))
        for d in decisions {
            lines.append("  \(d.id) · \(database.readPolicy.motiveText(d.request.motive, l)) · \(f.date(d.request.start)) – \(f.date(d.effectiveEnd)) · "
                + l.pick("servi \(f.duration(d.servedMinutes)) sur \(f.duration(d.neededMinutes)) · \(d.status.label(in: l))",
                         "served \(f.duration(d.servedMinutes)) of \(f.duration(d.neededMinutes)) · \(d.status.label(in: l))"))
        }
        lines.append("")
        let invoices = try database.invoices(year: year).filter { $0.member == code }
        lines.append(l.pick("Factures émises \(year) : \(invoices.count)", "Invoices issued \(year): \(invoices.count)"))
        for invoice in invoices {
            let state = invoice.cancelledBy.map { l.pick("annulée (\($0))", "cancelled (\($0))") }
                ?? invoice.paid.map { l.pick("payée le \(f.date($0))", "paid on \(f.date($0))") }
                ?? (invoice.isPartiallyPaid ? invoice.paymentText(l) : nil).map { $0 + l.pick(", à payer avant le \(f.date(invoice.due))", ", due by \(f.date(invoice.due))") }
                ?? l.pick("à payer avant le \(f.date(invoice.due))", "due by \(f.date(invoice.due))")
            lines.append("  \(invoice.number) · \(f.date(invoice.issued)) · \(f.money(invoice.totalCents)) · \(state)")
        }
        return lines
    }

    func saveHours(_ entry: TimeEntry, original: TimeEntry?, language l: Language) throws -> String {
        let f = DisplayFormat(l)
        // Fields named as the form names them.
        let location: @Sendable (String) -> String = { field in
            switch field {
            case "member": return l.pick("Commune", "Member")
            case "hours": return l.pick("Heures", "Hours")
            case "request": return "Mission"
            case "date": return "Date"
            default: return "Agent"
            }
        }
        guard let original, let id = original.id else {
            let stored = try database.logHours(entry, location: location)
            return l.pick("Saisie n° \(stored.id ?? 0) enregistrée : \(f.duration(stored.minutes)) le \(f.date(stored.date)).",
                          "Entry no. \(stored.id ?? 0) saved: \(f.duration(stored.minutes)) on \(f.date(stored.date)).") + (try warnings(stored, l))
        }
        let read = try currentRead(of: original, id: id)
        let stored = try database.correctHours(entry, read: read, location: location)
        var changes: [String] = []
        if original.minutes != stored.minutes { changes.append("\(f.duration(original.minutes)) → \(f.duration(stored.minutes))") }
        if original.date != stored.date { changes.append("\(f.date(original.date)) → \(f.date(stored.date))") }
        if original.member != stored.member || original.agent != stored.agent || original.request != stored.request {
            let names = try database.names()
            let said = { (e: TimeEntry) in "\(names.agents[e.agent] ?? e.agent) à \(names.members[e.member] ?? e.member)" + (e.request.map { " (\($0))" } ?? "") }
            changes.append("\(said(original)) → \(said(stored))")
        }
        return l.pick("Saisie n° \(id) corrigée\(changes.isEmpty ? "" : " : " + changes.joined(separator: ", "))\(original.validated ? " (à valider de nouveau)" : "").",
                      "Entry no. \(id) corrected\(changes.isEmpty ? "" : ": " + changes.joined(separator: ", "))\(original.validated ? " (to validate again)" : "").")
            + (try warnings(stored, l))
    }

    /// The warnings of `releve hours log` (holiday, absence, future day, beyond the plan), said after the notice.
    private func warnings(_ stored: TimeEntry, _ l: Language) throws -> String {
        let found = HoursWarnings.check(stored, territory: try database.warningContext(agent: stored.agent, members: [stored.member]),
                                        today: today, language: l,
                                        day: try database.dayAtMember(agent: stored.agent, member: stored.member, date: stored.date))
        return found.isEmpty ? "" : l.pick(" Attention : ", " Warning: ") + found.joined(separator: " ; ") + "."
    }

    func deleteHours(_ original: TimeEntry, language l: Language) throws -> String {
        guard let id = original.id else { return "" }
        try database.deleteHours(try currentRead(of: original, id: id))
        return l.pick("Saisie n° \(id) supprimée.", "Entry no. \(id) deleted.")
    }

    /// The entry as stored with its version, refused when it no longer is what the pane showed
    /// (another session changed or deleted it): the refusal says what it is now.
    private func currentRead(of shown: TimeEntry, id: Int64) throws -> ReadRecord {
        let names = try database.names()
        let said = ReadRecord.timeEntry(shown, version: 0, memberName: names.members[shown.member] ?? shown.member)
        guard let current = try database.versionedTimeEntry(id: id) else { throw StaleEdit(original: said, current: nil) }
        let now = ReadRecord.timeEntry(current.entry, version: current.version, memberName: names.members[current.entry.member] ?? current.entry.member)
        guard current.entry == shown else { throw StaleEdit(original: said, current: now) }
        return now
    }

    func validateHours(ids: [Int64], language l: Language) throws -> String {
        let count = try database.validateHours(ids: ids)
        return l.pick("\(count) saisie(s) validée(s).", "\(count) entr\(count == 1 ? "y" : "ies") validated.")
    }

    func validateWeek(agent: String, weekOf day: CalendarDate, language l: Language) throws -> String {
        let count = try database.validateWeek(agent: agent, weekOf: day)
        return l.pick("Semaine validée : \(count) saisie(s).", "Week validated: \(count) entr\(count == 1 ? "y" : "ies").")
    }

    func closeMonth(_ month: String, language l: Language) throws -> String {
        try database.closeMonth(month)
        return l.pick("Mois \(DisplayFormat(l).ofMonth(month)) clos.", "\(DisplayFormat(l).month(month)) closed.")
    }

    func reopenMonth(_ month: String, reason: String, language l: Language) throws -> String {
        try database.reopenMonth(month, reason: reason)
        return l.pick("Mois \(DisplayFormat(l).ofMonth(month)) rouvert (inscrit au journal d'audit).", "\(DisplayFormat(l).month(month)) reopened (written to the audit trail).")
    }

    func closedMonths() throws -> [String] { try database.closedMonths() }

    /// Into `$RELEVE_DOCUMENTS`, else `~/releve-documents`.
    /// An existing file is replaced only when `replacing` (the pane asked first).
    func writeInvoicePDF(number: String, replacing: Bool) throws -> String {
        let path = try Self.documentPath(number + ".pdf")
        do {
            try OutputFile.check(path, force: replacing, protecting: database.protectedFiles)
        } catch OutputRefusal.exists {
            throw DocumentExists(path: path)
        }
        try OutputFile.write(try DocumentText.invoicePDF(number, database: database).1, to: path, force: replacing,
                             protecting: database.protectedFiles)
        return path
    }

    /// The reminder letter of `member` on today, as `relance-CODE-DATE.pdf` beside the invoices'
    /// PDFs; refused (in French) when the member has nothing overdue.
    func writeReminderPDF(member: String, replacing: Bool) throws -> String {
        let path = try Self.documentPath("relance-\(Self.safeName(member))-\(today.iso).pdf")
        // Refused before the file is looked at: a member with nothing overdue gets no letter.
        let (_, bytes) = try DocumentText.reminderPDF(member: member, today: today, database: database)
        do {
            try OutputFile.check(path, force: replacing, protecting: database.protectedFiles)
        } catch OutputRefusal.exists {
            throw DocumentExists(path: path)
        }
        try OutputFile.write(bytes, to: path, force: replacing, protecting: database.protectedFiles)
        return path
    }

    /// The report of `releve report` on this data: the stored plan, the territory, the invoices.
    private func report(_ period: ReportPeriod?, today: CalendarDate) throws -> (ActivityReport, Territory) {
        let territory = try database.loadTerritory()
        let period = period ?? ReportPeriod.lastWhole(months: territory.service.convention.reportMonths, before: today)
        return (ActivityReport(territory: territory, plan: try database.storedPlan(), invoices: try database.invoices(), period: period, today: today),
                territory)
    }

    func activityReport(_ period: ReportPeriod?, today: CalendarDate, policy: ReadPolicy) throws -> ReportScreen {
        let (report, territory) = try report(period, today: today)
        return ReportScreen.make(report, territory: territory, policy: policy)
    }

    /// `rapport-2026-01-01_2026-06-30.pdf` (or `.csv`) beside the invoices' PDFs; the PDF through
    /// `ReportPDF.writer`, said unavailable while there is none.
    func writeReport(_ kind: ReportFileKind, period: ReportPeriod, today: CalendarDate, replacing: Bool, language l: Language) throws -> String {
        if kind == .pdf && ReportPDF.writer == nil { throw ReportFileUnavailable(kind: .pdf) }
        let path = try Self.documentPath("rapport-\(period.from.iso)_\(period.to.iso).\(kind.rawValue)")
        do {
            try OutputFile.check(path, force: replacing, protecting: database.protectedFiles)
        } catch OutputRefusal.exists {
            throw DocumentExists(path: path)
        }
        let (report, territory) = try report(period, today: today)
        let bytes: [UInt8]
        switch kind {
        case .csv: bytes = Array(ActivityReportOutput.csv(report).utf8)
        case .pdf: bytes = ReportPDF.writer?(report, territory, l) ?? []
        }
        try OutputFile.write(bytes, to: path, force: replacing, protecting: database.protectedFiles)
        return path
    }

    func recordFollowUp(_ entry: FollowUpEntry, language l: Language) throws -> String {
        let f = DisplayFormat(l)
        switch entry {
        case .answer(let request, let answer, let seen):
            try database.answer(request, date: answer.date, text: answer.text, seen: .some(seen))
            return l.pick("Réponse à la demande \(request) enregistrée (le \(f.date(answer.date))).",
                          "Answer to request \(request) recorded (\(f.date(answer.date))).")
        case .evaluation(let evaluation, let seen):
            try database.recordEvaluation(evaluation, seen: .some(seen))
            return l.pick("Évaluation de la demande \(evaluation.request) enregistrée (reçue le \(f.date(evaluation.received))).",
                          "Evaluation of request \(evaluation.request) recorded (received \(f.date(evaluation.received))).")
        }
    }

    /// `evaluation-D-2026-029.pdf` beside the invoices' PDFs: the form prefilled with the
    /// mission, the same as `releve evaluation form`. A blank form, so an earlier copy is replaced.
    func writeEvaluationForm(request: String, today: CalendarDate, language l: Language) throws -> String {
        let path = try Self.documentPath("evaluation-\(Self.safeName(request)).pdf")
        try OutputFile.check(path, force: true, protecting: database.protectedFiles)
        let bytes = try DocumentText.evaluationFormPDF(request: request, today: today, database: database)
        try OutputFile.write(bytes, to: path, force: true, protecting: database.protectedFiles)
        return path
    }

    /// A code as part of a file name: letters, digits, `-` and `_` kept, anything else `_`.
    static func safeName(_ code: String) -> String {
        String(code.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }

    /// `name` in `$RELEVE_DOCUMENTS`, else `~/releve-documents` (created, private).
    static func documentPath(_ name: String) throws -> String {
        let env = ProcessInfo.processInfo.environment
        let folder = env["RELEVE_DOCUMENTS"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/releve-documents")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder + "/" + name
    }

    /// The most changes a history shows (the newest).
    static let historyLimit = 500

    /// The record's audit rows, and those of its parts: a member's opening ranges (keyed
    /// `CODE/weekday/minute`), an agent's absences and rota slots (their JSON names the agent).
    func history(_ target: HistoryTarget, language: Language) throws -> [HistoryEntry] {
        let limit = Self.historyLimit
        let queries: [AuditQuery]
        switch target {
        case .request(let id): queries = [AuditQuery(entity: "request", key: id, limit: limit)]
        case .invoice(let number):
            queries = [AuditQuery(entity: "invoice", key: number, limit: limit),
                       AuditQuery(entity: "payment", keyPrefix: number + "/", limit: limit)]
        case .member(let code):
            queries = [AuditQuery(entity: "member", key: code, limit: limit),
                       AuditQuery(entity: "opening_range", keyPrefix: code + "/", limit: limit)]
        case .agent(let code):
            queries = [AuditQuery(entity: "agent", key: code, limit: limit),
                       AuditQuery(entity: "absence", agent: code, limit: limit),
                       AuditQuery(entity: "rota_entry", agent: code, limit: limit)]
        }
        let entries = try queries.flatMap { try database.auditEntries($0) }.sorted { $0.id < $1.id }
            .collapsingRewrites().reversed().prefix(limit)
        let clock = LocalClock()
        return entries.map { entry in
            HistoryEntry(id: entry.id, when: clock.text(entry.at), actor: entry.actor, entity: entry.entity, key: entry.key,
                         action: entry.action,
                         changes: entry.changes.map { HistoryEntry.Change(field: $0.field, before: $0.before, after: $0.after) })
        }
    }
}

/// The audit trail's UTC times as a French reader expects them: `22/11/2026 21:41`, in
/// Europe/Paris time (UTC, said so, when the system has no time zone data).
struct LocalClock {
    private let parser = ISO8601DateFormatter()
    private let plainParser = ISO8601DateFormatter()
    private let formatter = DateFormatter()
    private let suffix: String

    init(zone: String = "Europe/Paris") {
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        plainParser.formatOptions = [.withInternetDateTime]
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "dd/MM/yyyy HH:mm"
        if let local = TimeZone(identifier: zone) {
            formatter.timeZone = local
            suffix = ""
        } else {
            formatter.timeZone = TimeZone(identifier: "UTC")
            suffix = " UTC"
        }
    }

    /// `2026-11-22T20:41:04.123Z` → `22/11/2026 21:41`; the text itself when it does not parse.
    func text(_ utc: String) -> String {
        guard let date = parser.date(from: utc) ?? plainParser.date(from: utc) else { return utc }
        return formatter.string(from: date) + suffix
    }
}

/// Opens the full-screen interface on `database`.
enum Interface {
    /// Folders searched for themes, first match wins.
    static func themeDirectories() -> [String] {
        var directories: [String] = []
        if let custom = ProcessInfo.processInfo.environment["RELEVE_THEMES"] { directories.append(custom) }
        directories.append(FileManager.default.currentDirectoryPath + "/Themes")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        directories.append(executable.appendingPathComponent("Themes").path)
        directories.append(executable.appendingPathComponent("../../Themes").standardized.path)
        directories.append(executable.appendingPathComponent("../share/releve/Themes").standardized.path)
        return directories
    }

    /// `theme = "…"` in `$XDG_CONFIG_HOME/releve/config.toml` (`~/.config/releve/config.toml`).
    static func configuredTheme() -> String? {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((env["HOME"] ?? ".") + "/.config")
        return ThemeLoader.configuredThemeName(configFile: base + "/releve/config.toml")
    }

    static func run(database: AppDatabase, options: InterfaceOptions, language: Language) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(.usage, language.pick(
                "l'interface plein écran a besoin d'un terminal ; sans terminal, utilisez les sous-commandes (releve --help)",
                "the full-screen interface needs a terminal; without one, use the subcommands (releve --help)"))
        }
        var theme: Theme
        do {
            theme = try ThemeLoader.load(named: options.theme ?? configuredTheme() ?? "default", from: themeDirectories())
        } catch ThemeLoader.Failure.notFound(let name) {
            throw CommandFailure(.usage, language.pick("thème « \(name) » introuvable (cherché dans Themes/)",
                                                       "theme \"\(name)\" not found (looked in Themes/)"))
        } catch ThemeLoader.Failure.invalid(let file, let detail) {
            throw CommandFailure(.invalidData, language.pick("thème \(file) invalide : \(detail)", "invalid theme \(file): \(detail)"))
        }
        let noColor = options.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let today = try OptionValue.optionalDate(options.today, option: "--today") ?? Clock.today()
        let terminal = CursesTerminal(color: !noColor)
        defer { terminal.close() }
        theme.usesColor = terminal.supportsColor
        // An observer's session is read-only in the database too (`openDatabase` set it).
        let state = AppState(width: terminal.size.width, height: terminal.size.height, today: today, language: language,
                             role: database.isReadOnly ? .observer : .coordinator)
        Program(backend: terminal, data: DatabaseDataSource(database, today: today), state: state, theme: theme,
                background: true).run()
    }
}
