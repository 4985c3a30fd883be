import Domain
import Foundation

/// Where the interface gets its data; the executable implements it over the database.
public protocol AppDataSource: AnyObject {
    /// The territory without its hours, and its (stored) arbitration: for the list panes and forms.
    func snapshot() throws -> Snapshot
    /// The planning grid's rows on screen and their plan on the days shown.
    func planningWindow(_ query: GridQuery) throws -> PlanningWindow
    /// Hours between two dates (both included).
    func hours(from: CalendarDate, to: CalendarDate) throws -> [TimeEntry]
    /// Changes whenever another session commits (SQLite's `PRAGMA data_version`).
    func changeToken() throws -> Int
    /// Saves a request typed in the interface; returns its id.
    /// Saves a request typed in the interface; returns its id. An edited one is claimed at the
    /// version the form read (`read`), and refused with `StaleEdit` if it changed meanwhile.
    func saveRequest(_ request: ReplacementRequest, isNew: Bool, read: ReadRecord?) throws -> String
    /// Saves members, agents (with their absences) or a tariff typed in the interface, like an
    /// import, after claiming each record the form was opened on (`reads`).
    func save(_ change: Territory, reads: [ReadRecord]) throws
    /// Deletes a member or an agent that nothing refers to.
    func delete(_ deletion: PendingDeletion) throws
    /// Changes or deletes one absence or rota slot, or sets a member's opening hours, after
    /// claiming the agent or member the form read (`read`).
    func apply(_ edit: RecordEdit, read: ReadRecord) throws
    /// A year's issued invoices, without their drafts (`pendingInvoices`).
    func issuedInvoices(year: Int) throws -> InvoiceBook
    /// The year's drafts not issued yet (its billing computed), or why there are none.
    func pendingInvoices(year: Int, language: Language) throws -> PendingInvoices
    /// The hours statement of one issued invoice (the book's invoices come without theirs).
    func issuedInvoice(number: String) throws -> Invoice?
    /// Issues the year's drafts (numbered, frozen); returns what to tell the coordinator.
    func issueInvoices(year: Int, on date: CalendarDate, language: Language) throws -> String
    /// Records a payment of `amountCents` (nil: what is left due); returns what to tell the coordinator.
    func recordPayment(number: String, on date: CalendarDate, amountCents: Int?, language: Language) throws -> String
    /// Cancels an invoice by a credit note; returns what to tell the coordinator.
    func cancelInvoice(number: String, reason: String, on date: CalendarDate, language: Language) throws -> String
    /// Writes an invoice's PDF; returns where.
    func writeInvoicePDF(number: String, replacing: Bool) throws -> String
    /// Writes the reminder letter (lettre de relance) of a member's overdue invoices; returns where.
    func writeReminderPDF(member: String, replacing: Bool) throws -> String
    /// Validates entries; returns what to tell the coordinator.
    func validateHours(ids: [Int64], language: Language) throws -> String
    /// The cost estimate of a request as the form would save it (rules.md §6.1), nil without a
    /// tariff for its year.
    func estimate(_ decision: RequestDecision) throws -> CostEstimate?
    /// The estimate under the service's scheme, or what the data lacks for it (said in the
    /// preview); nil for a refused request.
    func estimateResult(_ decision: RequestDecision) throws -> Result<CostEstimate, CostEstimateMissing>?
    /// Logs `entry` (`original` nil) or corrects `original` into `entry`, refused if `original`
    /// changed meanwhile; the sentence for the status bar.
    func saveHours(_ entry: TimeEntry, original: TimeEntry?, language: Language) throws -> String
    /// Deletes `original` unless it changed meanwhile.
    func deleteHours(_ original: TimeEntry, language: Language) throws -> String
    /// Validates an agent's week; returns what to tell the coordinator.
    func validateWeek(agent: String, weekOf day: CalendarDate, language: Language) throws -> String
    /// Closes a month (`2026-11`); returns what to tell the coordinator.
    func closeMonth(_ month: String, language: Language) throws -> String
    /// Reopens a closed month, the reason going to the audit trail.
    func reopenMonth(_ month: String, reason: String, language: Language) throws -> String
    /// The closed months.
    func closedMonths() throws -> [String]
    /// The audit trail of one record, newest first, its time in local form (issue 5).
    func history(_ target: HistoryTarget, language: Language) throws -> [HistoryEntry]
    /// The lines of a reading panel: suggestions for a request, or a half-day schedule.
    func panel(_ subject: PanelSubject, language: Language) throws -> PanelContent
    /// What saving `service` would do to the requests, one sentence each (nothing written).
    func conventionEffects(of service: ServiceSettings, language: Language) throws -> [String]
    /// Saves the service's settings (audited, the plan recomputed), refused if they are no
    /// longer `seen`; the sentence for the status bar.
    func saveConvention(_ service: ServiceSettings, seen: ServiceSettings, language: Language) throws -> String
    /// Puts a request in an agent's hands (nil: back to the rules); the sentence for the status bar.
    func assign(request: String, agent: String?, language: Language) throws -> String
    /// The stored plan's minutes between two days (both included).
    func plannedWork(from: CalendarDate, to: CalendarDate) throws -> [DayAllocation]
    /// The kinds of records changed since `mark` (audit trail entities), the time entries
    /// among them (at most 501 ids: more means "read the week again"), and the new mark.
    func changes(after mark: Int64) throws -> (mark: Int64, entities: Set<String>, entries: Set<Int64>)
    /// The entries of `ids` as they are now (a deleted one is absent).
    func hours(ids: Set<Int64>) throws -> [TimeEntry]
    /// The activity report of `period` (nil: the last whole period of the convention's
    /// `report_months` before `today`) as the Rapports pane shows it to a reader of `policy`.
    func activityReport(_ period: ReportPeriod?, today: CalendarDate, policy: ReadPolicy) throws -> ReportScreen
    /// Writes the activity report of `period` as PDF or CSV; returns where. An existing file is
    /// replaced only when `replacing` (else `DocumentExists`).
    func writeReport(_ kind: ReportFileKind, period: ReportPeriod, today: CalendarDate, replacing: Bool, language: Language) throws -> String
    /// Records an answer or an evaluation; the sentence for the status bar.
    func recordFollowUp(_ entry: FollowUpEntry, language: Language) throws -> String
    /// Writes the evaluation form of `request` (replacing an earlier copy: it is a blank form);
    /// returns where.
    func writeEvaluationForm(request: String, today: CalendarDate, language: Language) throws -> String
}

extension AppDataSource {
    /// A source whose snapshot holds the plan's days needs no separate read of them.
    public func plannedWork(from: CalendarDate, to: CalendarDate) throws -> [DayAllocation] { [] }

    /// Without an audit trail to ask, everything may have changed.
    public func changes(after mark: Int64) throws -> (mark: Int64, entities: Set<String>, entries: Set<Int64>) { (mark + 1, ["*"], []) }

    /// A source without a database estimates from the hours it was given (none).
    public func estimate(_ decision: RequestDecision) throws -> CostEstimate? { nil }

    /// From `estimate`: a missing estimate is a missing tariff.
    public func estimateResult(_ decision: RequestDecision) throws -> Result<CostEstimate, CostEstimateMissing>? {
        try estimate(decision).map { .success($0) } ?? .failure(.noTariff(year: decision.request.start.year))
    }

    /// Without a lookup by id, the entries are not found (the week is read whole instead).
    public func hours(ids: Set<Int64>) throws -> [TimeEntry] { [] }

    /// From the snapshot (its territory and plan), without invoices: a source without a database.
    public func activityReport(_ period: ReportPeriod?, today: CalendarDate, policy: ReadPolicy) throws -> ReportScreen {
        let snapshot = try snapshot()
        let territory = snapshot.territory
        let period = period ?? ReportPeriod.lastWhole(months: territory.service.convention.reportMonths, before: today)
        let report = ActivityReport(territory: territory, plan: snapshot.plan, period: period, today: today)
        return ReportScreen.make(report, territory: territory, policy: policy)
    }

    /// A source without a database records nothing.
    public func recordFollowUp(_ entry: FollowUpEntry, language: Language) throws -> String {
        throw WithoutDatabase()
    }

    /// A source without files writes none.
    public func writeEvaluationForm(request: String, today: CalendarDate, language: Language) throws -> String {
        throw WithoutDatabase()
    }

    /// A source without files writes none.
    public func writeReport(_ kind: ReportFileKind, period: ReportPeriod, today: CalendarDate, replacing: Bool, language: Language) throws -> String {
        throw ReportFileUnavailable(kind: kind)
    }
}

/// What needs the database cannot be done from a source without one.
public struct WithoutDatabase: Error, Localized, Sendable {
    public init() {}
    public func message(in l: Language) -> String {
        l.pick("rien n'est enregistré ni écrit ici : il faut la base de données du service", "nothing is saved or written here: the service's database is needed")
    }
}

/// The report's file cannot be written here (a source without files, or no PDF writer).
public struct ReportFileUnavailable: Error, Localized, Sendable {
    public let kind: ReportFileKind
    public init(kind: ReportFileKind) { self.kind = kind }
    public func message(in l: Language) -> String {
        kind == .pdf
            ? l.pick("le rapport en PDF ne peut pas être écrit ici : releve report --format pdf --output FICHIER l'écrit",
                     "the report as PDF cannot be written here: releve report --format pdf --output FILE writes it")
            : l.pick("le CSV du rapport ne peut pas être écrit ici", "the report's CSV cannot be written here")
    }
}

/// The data source, handed to the worker thread. The executable's source is a GRDB pool,
/// safe to use from any thread; test sources run synchronously.
private struct SendableSource: @unchecked Sendable {
    let data: any AppDataSource
}

/// The loop: draw the state, read a key, update, run the effects; reload what another session
/// changed (checked every second). Slow effects run on a worker thread: the screen says
/// "Enregistrement…" and keys keep working meanwhile.
public final class Program {
    let backend: any TerminalBackend
    let data: any AppDataSource
    let theme: Theme
    public private(set) var state: AppState
    private let screen: Screen
    private var lastToken: Int?
    /// The newest audit row the loaded data reflects.
    private var auditMark: Int64?
    private var ticksSinceCheck = 0
    /// Nil: effects run at once, on the caller's thread (tests, and benchmarks of one key).
    private let worker: EffectWorker<Msg>?
    /// Jobs that said something in the status bar ("Enregistrement…") and have not answered yet.
    private var busyJobs = 0
    /// A read of the whole territory is on the worker; `territoryAgain`: a change arrived
    /// meanwhile, so it is read once more when this one ends (never two reads queued).
    private var territoryLoading = false
    private var territoryAgain = false

    public init(backend: any TerminalBackend, data: any AppDataSource, state: AppState, theme: Theme,
                background: Bool = false) {
        self.backend = backend
        self.screen = Screen(backend)
        self.data = data
        self.state = state
        self.theme = theme
        self.worker = background ? EffectWorker<Msg>() : nil
        self.state.unicode = backend.supportsUnicode
    }

    /// Draws the first frame: "Chargement…" at once, then the planning grid's window.
    public func start() {
        let size = backend.size
        _ = update(&state, .resize(width: size.width, height: size.height))
        draw()
        perform([.reload])
        // With a worker, the territory is read at once in the background, so that the list
        // panes open without waiting (1.7 s at national scale); keys work meanwhile.
        if worker != nil && state.snapshot == nil && !state.pane.showsTerritory { perform([.loadAll]) }
        draw()
    }

    /// Handles one key and draws the result (benchmarks and tests drive the loop with it).
    public func press(_ key: Key) {
        applyFinished()
        perform(update(&state, .key(key)))
        draw()
    }

    /// Whether slow effects are still running.
    public var isWorking: Bool { worker?.busy ?? false }

    /// Waits for the slow effects, applies their answers and draws (tests, benchmarks).
    public func settle() {
        guard let worker else { return }
        while worker.busy || applyFinished() {
            worker.wait()
        }
        draw()
    }

    /// Applies the worker's answers as they come until `reached` holds of the state (drawn), or
    /// nothing is left to wait for (benchmarks: the first part of a two-part load).
    public func settle(until reached: (AppState) -> Bool) {
        guard let worker else { return }
        while !reached(state) {
            // Read before taking: a job that ends in between is taken now, or on the next turn.
            let idle = !worker.busy
            if applyFinished() {
                draw()
            } else if idle {
                break
            } else {
                usleep(500)
            }
        }
    }

    /// Runs until the user quits (the loop shared with the kiosk, `KeyLoop`).
    public func run() {
        start()
        runKeyLoop(on: screen)
    }

    /// Draws the state and sends the terminal only what changed since the last frame.
    public func draw() {
        screen.draw(width: state.width, height: state.height) { render(state, into: &$0, theme: theme) }
    }

    /// Applies the worker's answers; true when there were some.
    @discardableResult
    func applyFinished() -> Bool {
        guard let worker else { return false }
        let done = worker.take()
        for messages in done {
            for message in messages {
                // A busy job's last message: the status bar is cleared when none is left.
                if case .busy(nil) = message {
                    busyJobs = max(0, busyJobs - 1)
                    if busyJobs > 0 { continue }
                }
                perform(update(&state, message))
                if case .territoryRead = message {
                    territoryLoading = false
                    if territoryAgain {
                        territoryAgain = false
                        perform([.loadAll])
                    }
                }
            }
        }
        return !done.isEmpty
    }

    /// Runs `job` on the worker (or at once without one), then applies its messages.
    /// `busy` is what the status bar says meanwhile ("Enregistrement…").
    private func run(busy: String? = nil, _ job: @escaping @Sendable (any AppDataSource) -> [Msg]) {
        let source = SendableSource(data: data)
        guard let worker else {
            for message in job(data) { perform(update(&state, message)) }
            return
        }
        guard let busy else {
            worker.submit { job(source.data) }
            return
        }
        busyJobs += 1
        perform(update(&state, .busy(busy)))
        worker.submit { job(source.data) + [.busy(nil)] }
    }

    /// Asks now whether another session committed, and reloads what it touched (benchmarks).
    public func checkForChanges() {
        ticksSinceCheck = 10
        _ = pollForChanges()
    }

    /// Every second, asks whether another session committed; if so, reloads only what the
    /// change touched and what is on screen (hours logged at the kiosk reload the Heures pane's
    /// week, not the territory). True when it reloaded something.
    func pollForChanges() -> Bool {
        ticksSinceCheck += 1
        guard ticksSinceCheck >= 10 else { return false }
        ticksSinceCheck = 0
        guard let token = try? data.changeToken() else { return false }
        defer { lastToken = token }
        guard let lastToken, token != lastToken else { return false }
        guard let mark = auditMark, let changes = try? data.changes(after: mark) else {
            if state.pane != .invoices { perform(update(&state, .invoicesOutdated)) }
            perform([.reload] + paneReloads())
            return true
        }
        auditMark = changes.mark
        let scope = ChangeScope(changes.entities, entries: changes.entries)
        if state.pane != .invoices && scope.touchesInvoices { perform(update(&state, .invoicesOutdated)) }
        perform(scope.effects(state))
        return true
    }

    /// What the pane on screen reads besides the territory.
    private func paneReloads() -> [Effect] {
        (state.pane == .hours ? [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))] : [])
            + (state.pane == .invoices ? [.loadInvoices(year: state.invoicesPane.year)] : [])
    }

    /// Runs a write off the loop and says how it went in the status bar (a refusal in French,
    /// never a crash).
    private func write(_ body: @escaping @Sendable (any AppDataSource) throws -> String) {
        let language = state.language
        run(busy: language.pick("Enregistrement…", "Saving…")) { data in
            do {
                return [.done(try body(data))]
            } catch {
                return [.saveFailed(ErrorText.sentence(error, language))]
            }
        }
    }

    /// Runs a read off the loop; a failure reaches the status bar as a French sentence.
    private func read(_ body: @escaping @Sendable (any AppDataSource) throws -> [Msg]) {
        let language = state.language
        run { data in
            do {
                return try body(data)
            } catch {
                return [.failed(ErrorText.sentence(error, language))]
            }
        }
    }

    /// Runs effects; database reads happen here, never in `update` or `render`.
    public func perform(_ effects: [Effect]) {
        let language = state.language
        for effect in effects {
            switch effect {
            case .quit: state.running = false
            case .reload:
                // The whole territory only when a pane on screen shows it; otherwise it is
                // marked stale and read when such a pane opens (the grid reads its window).
                if territoryLoading {
                    // The read under way may predate the change: once more after it.
                    territoryAgain = true
                    if !state.pane.showsTerritory { perform([.loadGrid(state.gridQuery)]) }
                } else if state.pane.showsTerritory {
                    perform([.loadAll])
                } else {
                    if state.snapshot != nil { state.snapshotStale = true }
                    lastToken = try? data.changeToken()
                    if auditMark == nil { auditMark = (try? data.changes(after: -1))?.mark }
                    perform([.loadGrid(state.gridQuery)])
                }
            case .loadAll:
                // One read at a time: the one under way serves (`.reload` asks for another).
                if territoryLoading { continue }
                territoryLoading = worker != nil
                lastToken = try? data.changeToken()
                // The mark is read before the territory: a change in between is reloaded again, never missed.
                let mark = try? data.changes(after: -1).mark
                auditMark = mark ?? auditMark
                run { data in
                    do {
                        return [.loaded(try data.snapshot()), .territoryRead]
                    } catch {
                        return [.failed(ErrorText.sentence(error, language)), .territoryRead]
                    }
                }
            case .loadGrid(let query):
                do {
                    perform(update(&state, .gridLoaded(try data.planningWindow(query))))
                } catch {
                    perform(update(&state, .failed(ErrorText.sentence(error, language))))
                }
            case .previewRequest(let request):
                guard let snapshot = state.snapshot else { continue }
                run(busy: language.pick("Calcul de l'effet de la demande…", "Working out the request's effect…")) { data in
                    let impact = RequestImpact.of(request, in: snapshot.territory, current: snapshot.plan)
                    let result = impact.decision.flatMap { try? data.estimateResult($0) }
                    var missing: CostEstimateMissing?
                    if case .failure(let m)? = result { missing = m }
                    return [.impact(impact, request), .estimated(try? result?.get(), year: request.start.year, missing: missing)]
                }
            case .saveRequest(let request, let isNew, let read):
                run(busy: language.pick("Enregistrement…", "Saving…")) { data in
                    do {
                        return [.saved(try data.saveRequest(request, isNew: isNew, read: read))]
                    } catch {
                        return [.saveFailed(ErrorText.sentence(error, language))]
                    }
                }
            case .saveRecord(let change, let reads):
                let name = change.members.first?.name ?? change.agents.first?.name
                    ?? change.tariffs.first.map { language.pick("tarif \($0.year)", "tariff \($0.year)") } ?? ""
                write { data in
                    try data.save(change, reads: reads)
                    return language.pick("Enregistré : \(name).", "Saved: \(name).")
                }
            case .previewConvention(let settings):
                run(busy: language.pick("Calcul de l'effet de la convention…", "Working out the convention's effect…")) { data in
                    do {
                        return [.conventionPreviewed(try data.conventionEffects(of: settings, language: language), for: settings, error: nil)]
                    } catch {
                        return [.conventionPreviewed([], for: settings, error: ErrorText.sentence(error, language))]
                    }
                }
            case .saveConvention(let settings, let seen):
                write { data in try data.saveConvention(settings, seen: seen, language: language) }
            case .delete(let deletion):
                write { data in
                    try data.delete(deletion)
                    return language.pick("Supprimé : \(deletion.name).", "Deleted: \(deletion.name).")
                }
            case .editRecord(let edit, let read):
                let notice = editNotice(edit, state)
                write { data in
                    try data.apply(edit, read: read)
                    return notice
                }
            case .loadInvoices(let year):
                read { data in
                    [.invoicesLoaded(try data.issuedInvoices(year: year))]
                }
            case .loadPendingInvoices(let year):
                read { data in
                    [.pendingInvoicesLoaded(try data.pendingInvoices(year: year, language: language))]
                }
            case .loadIssuedInvoice(let number):
                read { data in
                    [.issuedInvoiceLoaded(number: number, try data.issuedInvoice(number: number))]
                }
            case .issueInvoices(let year, let date):
                write { try $0.issueInvoices(year: year, on: date, language: language) }
            case .recordPayment(let number, let date, let amount):
                write { try $0.recordPayment(number: number, on: date, amountCents: amount, language: language) }
            case .cancelInvoice(let number, let reason, let date):
                write { try $0.cancelInvoice(number: number, reason: reason, on: date, language: language) }
            case .validateHours(let ids):
                write { try $0.validateHours(ids: ids, language: language) }
            case .saveHours(let entry, let original):
                write { try $0.saveHours(entry, original: original, language: language) }
            case .deleteHours(let original):
                write { try $0.deleteHours(original, language: language) }
            case .validateWeek(let agent, let day):
                write { try $0.validateWeek(agent: agent, weekOf: day, language: language) }
            case .closeMonth(let month):
                write { try $0.closeMonth(month, language: language) }
            case .reopenMonth(let month, let reason):
                write { try $0.reopenMonth(month, reason: reason, language: language) }
            case .writeInvoicePDF(let number, let replacing):
                run(busy: language.pick("Écriture du PDF…", "Writing the PDF…")) { data in
                    do {
                        let path = try data.writeInvoicePDF(number: number, replacing: replacing)
                        return [.done(language.pick("PDF de \(number) écrit : \(path)", "PDF of \(number) written: \(path)"))]
                    } catch let exists as DocumentExists {
                        return [.documentExists(number: number, path: exists.path)]
                    } catch {
                        return [.saveFailed(ErrorText.sentence(error, language))]
                    }
                }
            case .writeReminderPDF(let member, let replacing):
                run(busy: language.pick("Écriture de la lettre de relance…", "Writing the reminder letter…")) { data in
                    do {
                        let path = try data.writeReminderPDF(member: member, replacing: replacing)
                        return [.done(language.pick("Lettre de relance écrite : \(path)", "Reminder letter written: \(path)"))]
                    } catch let exists as DocumentExists {
                        return [.reminderExists(member: member, path: exists.path)]
                    } catch {
                        return [.saveFailed(ErrorText.sentence(error, language))]
                    }
                }
            case .loadReport(let period):
                let today = state.today, policy = state.policy
                run(busy: language.pick("Calcul du rapport…", "Computing the report…")) { data in
                    do {
                        return [.reportLoaded(try data.activityReport(period, today: today, policy: policy))]
                    } catch {
                        return [.reportFailed(period: period, ErrorText.sentence(error, language))]
                    }
                }
            case .writeReport(let kind, let period, let replacing):
                let today = state.today
                run(busy: language.pick(kind == .pdf ? "Écriture du PDF…" : "Écriture du CSV…", kind == .pdf ? "Writing the PDF…" : "Writing the CSV…")) { data in
                    do {
                        let path = try data.writeReport(kind, period: period, today: today, replacing: replacing, language: language)
                        return [.reportWritten(language.pick("Rapport écrit (\(kind.rawValue.uppercased())) : \(path)", "Report written (\(kind.rawValue.uppercased())): \(path)"))]
                    } catch let exists as DocumentExists {
                        return [.reportFileExists(kind, path: exists.path)]
                    } catch {
                        return [.reportWritten("✗ " + ErrorText.sentence(error, language))]
                    }
                }
            case .recordFollowUp(let entry):
                write { try $0.recordFollowUp(entry, language: language) }
            case .writeEvaluationForm(let request):
                let today = state.today
                run(busy: language.pick("Écriture du formulaire…", "Writing the form…")) { data in
                    do {
                        let path = try data.writeEvaluationForm(request: request, today: today, language: language)
                        return [.done(language.pick("Formulaire d'évaluation écrit : \(path)", "Evaluation form written: \(path)"))]
                    } catch {
                        return [.saveFailed(ErrorText.sentence(error, language))]
                    }
                }
            case .loadPanel(let subject):
                run(busy: language.pick("Calcul…", "Working…")) { data in
                    do {
                        return [.panelLoaded(subject, try data.panel(subject, language: language), error: nil)]
                    } catch {
                        return [.panelLoaded(subject, PanelContent(lines: []), error: ErrorText.sentence(error, language))]
                    }
                }
            case .assign(let request, let agent):
                write { try $0.assign(request: request, agent: agent, language: language) }
            case .loadHistory(let target):
                run { data in
                    do {
                        return [.historyLoaded(target, try data.history(target, language: language), error: nil)]
                    } catch {
                        return [.historyLoaded(target, [], error: ErrorText.sentence(error, language))]
                    }
                }
            case .refreshEntries(let ids):
                read { data in
                    [.entriesRefreshed(ids: ids, entries: try data.hours(ids: ids))]
                }
            case .reloadLoggedHours(let from, let to):
                read { data in
                    [.hoursLoaded(try data.hours(from: from, to: to)), .closedMonthsLoaded(try data.closedMonths())]
                }
            case .loadHours(let from, let to):
                read { data in
                    [.weekPlanLoaded(try data.plannedWork(from: from, to: to)), .hoursLoaded(try data.hours(from: from, to: to)),
                     .closedMonthsLoaded(try data.closedMonths())]
                }
            }
        }
    }
}

/// What another session's commit touched, from the audit trail's entities, and what the open
/// interface must read again for it.
struct ChangeScope {
    let entities: Set<String>
    /// The time entries changed (ids), when few enough to be read one by one.
    let entries: Set<Int64>

    init(_ entities: Set<String>, entries: Set<Int64> = []) {
        self.entities = entities
        self.entries = entries
    }

    /// Hours and month locks: the Heures pane's week, and the drafts of the Factures pane.
    static let hours: Set<String> = ["time_entry", "month_lock"]
    /// Issued invoices: the Factures pane only.
    static let invoices: Set<String> = ["invoice"]
    /// Kiosk PINs and users: nothing on screen.
    static let unseen: Set<String> = ["agent_pin", "app_user"]

    /// Whether the Factures pane's book (issued invoices, drafts) may have changed.
    var touchesInvoices: Bool { !entities.isSubset(of: Self.unseen) }

    func effects(_ state: AppState) -> [Effect] {
        let rest = entities.subtracting(Self.hours).subtracting(Self.invoices).subtracting(Self.unseen)
        var effects: [Effect] = []
        if !rest.isEmpty { effects.append(.reload) }
        if state.pane == .hours && (!rest.isEmpty || !entities.isDisjoint(with: Self.hours)) {
            // Only hours changed, a few: those entries are read again. Only hours or locks: the
            // week's hours, not its planned minutes. Anything else: the whole week.
            let week = (from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))
            if entities == ["time_entry"] && !entries.isEmpty && entries.count <= 500 {
                effects.append(.refreshEntries(entries))
            } else {
                effects.append(rest.isEmpty ? .reloadLoggedHours(from: week.from, to: week.to) : .loadHours(from: week.from, to: week.to))
            }
        }
        if state.pane == .invoices && touchesInvoices {
            effects.append(.loadInvoices(year: state.invoicesPane.year))
        }
        return effects
    }
}

/// Any error as a sentence for the person at the screen, in their language: what a Relève
/// error says, or that nothing was saved.
public enum ErrorText {
    public static func sentence(_ error: any Error, _ l: Language) -> String {
        if let localized = error as? Localized { return localized.message(in: l) }
        return l.pick("l'opération n'a pas abouti et rien n'a été enregistré (erreur interne : \(type(of: error)))",
                      "the operation did not complete and nothing was saved (internal error: \(type(of: error)))")
    }
}

extension Program: KeyLoopDriven {
    var isRunning: Bool { state.running }

    func handle(_ event: KeyEvent) {
        switch event {
        case .resize:
            let size = backend.size
            perform(update(&state, .resize(width: size.width, height: size.height)))
        case .key(let key):
            perform(update(&state, .key(key)))
        }
    }

    /// No key came: another session's commit is looked for (not while a job runs).
    func idle() -> Bool { isWorking ? false : pollForChanges() }

    func finish() { worker?.wait() }
}
