import Domain

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
    func saveRequest(_ request: ReplacementRequest, isNew: Bool, original: ReplacementRequest?) throws -> String
    /// Saves members or agents (with their absences) typed in the interface, like an import.
    func save(_ change: Territory, originalMembers: [Member], originalAgents: [Agent]) throws
    /// Deletes a member or an agent that nothing refers to.
    func delete(_ deletion: PendingDeletion) throws
    /// Changes or deletes one absence or rota slot, or sets a member's opening hours, refusing
    /// (in French) when the record changed meanwhile.
    func apply(_ edit: RecordEdit) throws
    /// A year's issued invoices and the drafts not issued yet.
    func invoiceBook(year: Int, language: Language) throws -> InvoiceBook
    /// Issues the year's drafts (numbered, frozen); returns what to tell the coordinator.
    func issueInvoices(year: Int, on date: CalendarDate, language: Language) throws -> String
    /// Records a payment; returns what to tell the coordinator.
    func recordPayment(number: String, on date: CalendarDate, language: Language) throws -> String
    /// Cancels an invoice by a credit note; returns what to tell the coordinator.
    func cancelInvoice(number: String, reason: String, on date: CalendarDate, language: Language) throws -> String
    /// Writes an invoice's PDF; returns where.
    func writeInvoicePDF(number: String, replacing: Bool) throws -> String
    /// Validates entries; returns what to tell the coordinator.
    func validateHours(ids: [Int64], language: Language) throws -> String
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
}

/// The loop: draw the state, read a key, update, run the effects; reload when another
/// session changed the database (checked every second).
public final class Program {
    let backend: any TerminalBackend
    let data: any AppDataSource
    let theme: Theme
    public private(set) var state: AppState
    private var previous: Buffer?
    private var lastToken: Int?
    private var ticksSinceCheck = 0

    public init(backend: any TerminalBackend, data: any AppDataSource, state: AppState, theme: Theme) {
        self.backend = backend
        self.data = data
        self.state = state
        self.theme = theme
        self.state.unicode = backend.supportsUnicode
    }

    /// Draws the first frame: "Chargement…" at once, then the planning grid's window.
    public func start() {
        let size = backend.size
        _ = update(&state, .resize(width: size.width, height: size.height))
        draw()
        perform([.reload])
        draw()
    }

    /// Handles one key and draws the result (benchmarks and tests drive the loop with it).
    public func press(_ key: Key) {
        perform(update(&state, .key(key)))
        draw()
    }

    /// Runs until the user quits.
    public func run() {
        start()
        var dirty = false
        while state.running {
            // An idle screen costs nothing: draw only after something happened.
            if dirty { draw() }
            dirty = true
            if let event = backend.readKey(timeoutMilliseconds: 100) {
                switch event {
                case .resize:
                    let size = backend.size
                    previous = nil
                    perform(update(&state, .resize(width: size.width, height: size.height)))
                case .key(let key):
                    perform(update(&state, .key(key)))
                }
            } else {
                dirty = pollForChanges()
            }
        }
    }

    /// Draws the state and sends the terminal only what changed since the last frame.
    public func draw() {
        var buffer = Buffer(width: state.width, height: state.height)
        render(state, into: &buffer, theme: theme)
        let changes = buffer.changes(since: previous)
        if !changes.isEmpty { backend.draw(changes) }
        previous = buffer
    }

    /// Every second, asks whether another session committed; reloads if so. True when it did.
    private func pollForChanges() -> Bool {
        ticksSinceCheck += 1
        guard ticksSinceCheck >= 10 else { return false }
        ticksSinceCheck = 0
        guard let token = try? data.changeToken() else { return false }
        defer { lastToken = token }
        guard let lastToken, token != lastToken else { return false }
        perform([.reload] + (state.pane == .hours ? [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))] : [])
                + (state.pane == .invoices ? [.loadInvoices(year: state.invoicesPane.year)] : []))
        return true
    }

    /// Runs a write and says how it went in the status bar (a refusal in French, never a crash).
    private func report(_ body: () throws -> String) {
        do {
            perform(update(&state, .done(try body())))
        } catch let error as Localized {
            perform(update(&state, .saveFailed(error.message(in: state.language))))
        } catch {
            perform(update(&state, .saveFailed("\(error)")))
        }
    }

    /// Runs effects; database reads happen here, never in `update` or `render`.
    public func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit: state.running = false
            case .reload:
                // The whole territory only once a pane that needs it was opened.
                if state.snapshot != nil || ![.planning, .invoices].contains(state.pane) {
                    perform([.loadAll])
                } else {
                    lastToken = try? data.changeToken()
                    perform([.loadGrid(state.gridQuery)])
                }
            case .loadAll:
                do {
                    lastToken = try data.changeToken()
                    perform(update(&state, .loaded(try data.snapshot())))
                } catch {
                    perform(update(&state, .failed("\(error)")))
                }
            case .loadGrid(let query):
                do {
                    perform(update(&state, .gridLoaded(try data.planningWindow(query))))
                } catch {
                    perform(update(&state, .failed("\(error)")))
                }
            case .previewRequest(let request):
                guard let snapshot = state.snapshot else { continue }
                perform(update(&state, .impact(RequestImpact.of(request, in: snapshot.territory, current: snapshot.plan), request)))
            case .saveRequest(let request, let isNew, let original):
                do {
                    perform(update(&state, .saved(try data.saveRequest(request, isNew: isNew, original: original))))
                } catch let error as Localized {
                    perform(update(&state, .saveFailed(error.message(in: state.language))))
                } catch {
                    perform(update(&state, .saveFailed("\(error)")))
                }
            case .saveRecord(let change, let originalMembers, let originalAgents):
                do {
                    try data.save(change, originalMembers: originalMembers, originalAgents: originalAgents)
                    let name = change.members.first?.name ?? change.agents.first?.name
                        ?? change.tariffs.first.map { state.language.pick("tarif \($0.year)", "tariff \($0.year)") } ?? ""
                    perform(update(&state, .done(state.language.pick("Enregistré : \(name).", "Saved: \(name)."))))
                } catch let error as Localized {
                    perform(update(&state, .saveFailed(error.message(in: state.language))))
                } catch {
                    perform(update(&state, .saveFailed("\(error)")))
                }
            case .delete(let deletion):
                do {
                    try data.delete(deletion)
                    perform(update(&state, .done(state.language.pick("Supprimé : \(deletion.name).", "Deleted: \(deletion.name)."))))
                } catch let error as Localized {
                    perform(update(&state, .saveFailed(error.message(in: state.language))))
                } catch {
                    perform(update(&state, .saveFailed("\(error)")))
                }
            case .editRecord(let edit):
                report {
                    try data.apply(edit)
                    return editNotice(edit, state)
                }
            case .loadInvoices(let year):
                do {
                    perform(update(&state, .invoicesLoaded(try data.invoiceBook(year: year, language: state.language))))
                } catch {
                    perform(update(&state, .failed("\(error)")))
                }
            case .issueInvoices(let year, let date):
                report { try data.issueInvoices(year: year, on: date, language: state.language) }
            case .recordPayment(let number, let date):
                report { try data.recordPayment(number: number, on: date, language: state.language) }
            case .cancelInvoice(let number, let reason, let date):
                report { try data.cancelInvoice(number: number, reason: reason, on: date, language: state.language) }
            case .validateHours(let ids):
                report { try data.validateHours(ids: ids, language: state.language) }
            case .validateWeek(let agent, let day):
                report { try data.validateWeek(agent: agent, weekOf: day, language: state.language) }
            case .closeMonth(let month):
                report { try data.closeMonth(month, language: state.language) }
            case .reopenMonth(let month, let reason):
                report { try data.reopenMonth(month, reason: reason, language: state.language) }
            case .writeInvoicePDF(let number, let replacing):
                do {
                    let path = try data.writeInvoicePDF(number: number, replacing: replacing)
                    perform(update(&state, .done(state.language.pick("PDF de \(number) écrit : \(path)", "PDF of \(number) written: \(path)"))))
                } catch let exists as DocumentExists {
                    perform(update(&state, .documentExists(number: number, path: exists.path)))
                } catch let error as Localized {
                    perform(update(&state, .saveFailed(error.message(in: state.language))))
                } catch {
                    perform(update(&state, .saveFailed("\(error)")))
                }
            case .loadHistory(let target):
                do {
                    perform(update(&state, .historyLoaded(target, try data.history(target, language: state.language), error: nil)))
                } catch let error as Localized {
                    perform(update(&state, .historyLoaded(target, [], error: error.message(in: state.language))))
                } catch {
                    perform(update(&state, .historyLoaded(target, [], error: "\(error)")))
                }
            case .loadHours(let from, let to):
                do {
                    perform(update(&state, .hoursLoaded(try data.hours(from: from, to: to))))
                    perform(update(&state, .closedMonthsLoaded(try data.closedMonths())))
                } catch {
                    perform(update(&state, .failed("\(error)")))
                }
            }
        }
    }
}
