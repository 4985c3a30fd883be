import Domain
import Foundation
import Testing
@testable import TUI

/// A terminal that keeps the last frame, as text, for the runtime tests.
final class ScreenTerminal: TerminalBackend {
    var size: (width: Int, height: Int) = (120, 40)
    var supportsUnicode = true
    var supportsColor = false
    var bytesWritten = 0
    private var cells: [[String]] = Array(repeating: Array(repeating: " ", count: 120), count: 40)

    func draw(_ changes: [Buffer.Change]) {
        for change in changes {
            for (offset, cell) in change.cells.enumerated() where change.x + offset < 120 && change.y < 40 {
                cells[change.y][change.x + offset] = cell.text
            }
        }
    }

    func readKey(timeoutMilliseconds: Int) -> KeyEvent? { nil }

    var text: String { cells.map { $0.joined() }.joined(separator: "\n") }
}

/// The demo service in memory, each call counted; `saveRequest` can be held until released,
/// as a slow write is, to see what the interface does meanwhile.
final class FakeSource: AppDataSource, @unchecked Sendable {
    let lock = NSLock()
    private var counts: [String: Int] = [:]
    var token = 1
    var changed: Set<String> = []
    let gate = DispatchSemaphore(value: 0)
    var holdSaves = false
    var territory = DemoTerritory.make(today: demoToday)

    func count(_ name: String) -> Int { lock.withLock { counts[name] ?? 0 } }
    private func called(_ name: String) { lock.withLock { counts[name, default: 0] += 1 } }

    func snapshot() throws -> Snapshot {
        called("snapshot")
        return Snapshot(territory: territory, plan: Arbitration.plan(territory))
    }
    func planningWindow(_ query: GridQuery) throws -> PlanningWindow {
        called("window")
        return PlanningWindow.make(from: demoSnapshot, query: query)
    }
    func hours(from: CalendarDate, to: CalendarDate) throws -> [TimeEntry] {
        called("hours")
        return territory.timeEntries.filter { $0.date >= from && $0.date <= to }
    }
    func plannedWork(from: CalendarDate, to: CalendarDate) throws -> [DayAllocation] {
        called("plannedWork")
        return []
    }
    func changeToken() throws -> Int { lock.withLock { token } }
    var changedEntries: Set<Int64> = []
    func changes(after mark: Int64) throws -> (mark: Int64, entities: Set<String>, entries: Set<Int64>) {
        lock.withLock { (mark + 1, changed, changedEntries) }
    }
    func hours(ids: Set<Int64>) throws -> [TimeEntry] {
        called("hoursByID")
        return territory.timeEntries.filter { $0.id.map(ids.contains) ?? false }
    }
    func saveRequest(_ request: ReplacementRequest, isNew: Bool, read: ReadRecord?) throws -> String {
        called("save")
        if holdSaves { gate.wait() }
        return "D-2026-999"
    }
    func save(_ change: Territory, reads: [ReadRecord]) throws { called("save") }
    func delete(_ deletion: PendingDeletion) throws { called("delete") }
    func apply(_ edit: RecordEdit, read: ReadRecord) throws { called("apply") }
    func issuedInvoices(year: Int) throws -> InvoiceBook {
        called("invoices")
        let book = demoInvoiceBook()
        return InvoiceBook(year: book.year, issued: book.issued, pending: [], memberNames: book.memberNames, pendingComputed: false)
    }
    func pendingInvoices(year: Int, language: Language) throws -> PendingInvoices {
        called("drafts")
        let book = demoInvoiceBook()
        return PendingInvoices(year: book.year, drafts: book.pending, memberNames: book.memberNames, problem: book.problem)
    }
    func issuedInvoice(number: String) throws -> Invoice? {
        called("invoice")
        return demoIssuedInvoice()
    }
    func issueInvoices(year: Int, on date: CalendarDate, language: Language) throws -> String { "" }
    func recordPayment(number: String, on date: CalendarDate, amountCents: Int?, language: Language) throws -> String { "" }
    func cancelInvoice(number: String, reason: String, on date: CalendarDate, language: Language) throws -> String { "" }
    func writeInvoicePDF(number: String, replacing: Bool) throws -> String { "" }
    func writeReminderPDF(member: String, replacing: Bool) throws -> String { "" }
    func validateHours(ids: [Int64], language: Language) throws -> String { "" }
    func saveHours(_ entry: TimeEntry, original: TimeEntry?, language: Language) throws -> String { "" }
    func deleteHours(_ original: TimeEntry, language: Language) throws -> String { "" }
    func validateWeek(agent: String, weekOf day: CalendarDate, language: Language) throws -> String { "" }
    func closeMonth(_ month: String, language: Language) throws -> String { "" }
    func reopenMonth(_ month: String, reason: String, language: Language) throws -> String { "" }
    func closedMonths() throws -> [String] { [] }
    func history(_ target: HistoryTarget, language: Language) throws -> [HistoryEntry] { [] }
    func panel(_ subject: PanelSubject, language: Language) throws -> PanelContent { PanelContent(lines: []) }
    func assign(request: String, agent: String?, language: Language) throws -> String { "" }
    func conventionEffects(of service: ServiceSettings, language: Language) throws -> [String] { [] }
    func saveConvention(_ service: ServiceSettings, seen: ServiceSettings, language: Language) throws -> String { "" }
}

/// An error that is not one of Relève's.
struct Unexpected: Error {}

@Suite("Runtime: effects off the key loop, reloads, errors in words")
struct RuntimeTests {
    func program(_ source: FakeSource, _ terminal: ScreenTerminal = ScreenTerminal(), background: Bool = true) -> Program {
        Program(backend: terminal, data: source, state: AppState(width: 120, height: 40, today: demoToday), theme: .builtIn,
                background: background)
    }

    @Test func aSlowSaveNeitherFreezesTheScreenNorLetsASecondEditIn() throws {
        let source = FakeSource()
        source.holdSaves = true
        let terminal = ScreenTerminal()
        let program = program(source, terminal)
        program.start()
        program.press(.character("3"))
        program.settle()
        let request = try #require(source.territory.requests.first)
        program.perform([.saveRequest(request, isNew: false)])
        #expect(program.isWorking)
        program.draw()
        #expect(terminal.text.contains("Enregistrement…"))
        // Moving and reading go on…
        let before = program.state.members.cursor
        program.press(.down)
        #expect(program.state.members.cursor == before + 1)
        // …but a new edit waits for the save, said in words.
        program.press(.character("e"))
        #expect(program.state.recordForm == nil)
        #expect(program.state.notice?.contains("pas encore enregistrée") == true)
        source.gate.signal()
        program.settle()
        #expect(!program.isWorking)
        #expect(program.state.busy == nil)
        #expect(program.state.notice == "Demande D-2026-999 enregistrée.")
        // The save reloaded the territory (once at the first open of Communes, once after the save).
        #expect(source.count("snapshot") == 2)
    }

    @Test func quittingWaitsForTheSaveInFlight() throws {
        let source = FakeSource()
        source.holdSaves = true
        let program = program(source)
        program.start()
        let request = try #require(source.territory.requests.first)
        program.perform([.saveRequest(request, isNew: false)])
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { source.gate.signal() }
        program.press(.character("q"))
        #expect(!program.state.running)
        program.settle()
        #expect(source.count("save") == 1)
    }

    @Test func hoursLoggedElsewhereReloadOnlyTheWeekShown() {
        let source = FakeSource()
        let program = program(source, background: false)
        program.start()
        program.press(.character("5"))
        let snapshots = source.count("snapshot"), hours = source.count("hours"), planned = source.count("plannedWork")
        source.lock.withLock {
            source.token += 1
            source.changed = ["time_entry"]
        }
        program.checkForChanges()
        #expect(source.count("snapshot") == snapshots)
        #expect(source.count("hours") == hours + 1)
        // Hours do not change the plan: the week's planned minutes are not read again.
        #expect(planned == 1 && source.count("plannedWork") == planned)
        // A kiosk PIN attempt changes nothing on screen: nothing is read.
        source.lock.withLock {
            source.token += 1
            source.changed = ["agent_pin"]
        }
        program.checkForChanges()
        #expect(source.count("snapshot") == snapshots && source.count("hours") == hours + 1)
        // A member changed: the territory is read again.
        source.lock.withLock {
            source.token += 1
            source.changed = ["member"]
        }
        program.checkForChanges()
        #expect(source.count("snapshot") == snapshots + 1)
    }

    @Test func aFewEntriesChangedElsewhereAreReadByIdNotTheWholeWeek() throws {
        let source = FakeSource()
        // Stored entries have ids.
        source.territory.timeEntries = source.territory.timeEntries.enumerated().map { index, entry in
            var stored = entry
            stored.id = Int64(index + 1)
            return stored
        }
        let program = program(source, background: false)
        program.start()
        program.press(.character("5"))
        let week = program.state.hoursWeek
        // Another session (the kiosk) changed one entry of the week shown: 5:00 instead of its hours.
        let shown = try #require(program.state.hours.first { $0.date >= week && $0.date <= week.adding(days: 6) })
        let id = try #require(shown.id)
        var changed = shown
        changed.minutes = 300
        source.lock.withLock {
            source.territory.timeEntries = source.territory.timeEntries.map { $0.id == shown.id ? changed : $0 }
            source.token += 1
            source.changed = ["time_entry"]
            source.changedEntries = [id]
        }
        let hours = source.count("hours")
        program.checkForChanges()
        #expect(source.count("hours") == hours)
        #expect(source.count("hoursByID") == 1)
        #expect(program.state.hours.first { $0.id == shown.id }?.minutes == 300)
        #expect(program.state.hours.filter { $0.id == shown.id }.count == 1)
        // Deleted elsewhere: it leaves the week.
        source.lock.withLock {
            source.territory.timeEntries.removeAll { $0.id == shown.id }
            source.token += 1
        }
        program.checkForChanges()
        #expect(!program.state.hours.contains { $0.id == shown.id })
    }

    /// Factures is computed once; back on it, the book is read again only when another
    /// session's commit touched what invoices are made of (a PIN attempt does not).
    @Test func theInvoiceBookIsReadAgainOnlyAfterAChange() {
        let source = FakeSource()
        let program = program(source)
        program.start()
        func openInvoices() {
            program.press(.character("6"))
            program.settle()
        }
        /// Leaves Factures for the grid while another session commits a change to `entities`.
        func commitElsewhere(_ entities: Set<String>) {
            program.press(.character("1"))
            source.lock.withLock {
                source.token += 1
                source.changed = entities
            }
            program.checkForChanges()
            program.settle()
        }
        openInvoices()
        #expect(source.count("invoices") == 1)
        program.press(.character("1"))
        program.settle()
        openInvoices()
        #expect(source.count("invoices") == 1)
        commitElsewhere(["agent_pin"])
        openInvoices()
        #expect(source.count("invoices") == 1)
        #expect(source.count("drafts") == 1)
        commitElsewhere(["time_entry"])
        openInvoices()
        #expect(source.count("invoices") == 2)
        #expect(source.count("drafts") == 2)
        #expect(program.state.invoicesPane.book == demoInvoiceBook())
    }

    @Test func theTerritoryIsReadInTheBackgroundOnceAndAgainOnlyWhenAPaneShowsIt() {
        let source = FakeSource()
        let program = program(source)
        program.start()
        // The grid is on screen at once; the territory comes behind it, off the loop.
        #expect(program.state.grid != nil)
        program.press(.character("2"))
        program.settle()
        #expect(source.count("snapshot") == 1)
        #expect(program.state.snapshot != nil)
        // Back on the grid, another session changes a member: only the grid is read…
        program.press(.character("1"))
        program.settle()
        source.lock.withLock {
            source.token += 1
            source.changed = ["member"]
        }
        program.checkForChanges()
        program.settle()
        #expect(source.count("snapshot") == 1)
        #expect(program.state.snapshotStale)
        // …and the territory once Communes opens (its old rows are shown meanwhile).
        program.press(.character("3"))
        #expect(program.state.snapshot != nil)
        program.settle()
        #expect(source.count("snapshot") == 2)
        #expect(!program.state.snapshotStale)
        program.press(.character("4"))
        program.settle()
        #expect(source.count("snapshot") == 2)
    }

    @Test func anErrorIsASentenceNeverADump() {
        #expect(ErrorText.sentence(Unexpected(), .fr) == "l'opération n'a pas abouti et rien n'a été enregistré (erreur interne : Unexpected)")
        struct Said: Error, Localized { func message(in l: Language) -> String { l.pick("la commune a changé", "the member changed") } }
        #expect(ErrorText.sentence(Said(), .en) == "the member changed")
    }

    @Test func onlyTheRowsOnScreenAreBuilt() {
        var state = loadedState()
        _ = press(&state, .character("3"))
        var built = 0
        var buffer = Buffer(width: 120, height: 40)
        buffer.table(Rect(x: 0, y: 0, width: 100, height: 10), columns: [Column("Nom", 20)], count: 100_000,
                     row: { index in
                         built += 1
                         return TableRow(["ligne \(index)"])
                     }, selected: 50_000, scroll: 0, theme: .builtIn)
        #expect(built == 9)
        #expect(buffer.lines[9].hasPrefix("ligne 50000"))
    }

    @Test func aFilterIsComputedOncePerKeystrokeNotPerFrame() {
        var state = loadedState()
        _ = press(&state, .character("3"), .character("/"), .character("s"), .character("a"))
        let matches = state.lists.memberMatches
        #expect(matches != nil)
        #expect(state.memberRows.allSatisfy { ($0.code + " " + $0.name).folding().contains("sa") })
        #expect(state.memberRows.count == demoSnapshot.members.filter { ($0.code + " " + $0.name).folding().contains("sa") }.count)
        _ = press(&state, .down)
        #expect(state.lists.memberMatches == matches)
    }

    /// The interface's snapshot holds decisions, not the plan's days: the grid reads its window
    /// and the Heures pane its week from the database, and say the same as a snapshot with days.
    @Test func aSnapshotWithoutDaysReadsTheWindowAndTheWeek() {
        let light = Snapshot(territory: demoSnapshot.territory, plan: Plan(decisions: demoSnapshot.plan.decisions, allocations: []))
        var state = AppState(width: 120, height: 40, today: demoToday)
        let effects = update(&state, .loaded(light))
        #expect(effects.contains { if case .loadGrid = $0 { return true } else { return false } })
        #expect(state.grid == nil)
        var full = loadedState()
        _ = press(&full, .character("5"))
        _ = press(&state, .character("5"))
        let monday = state.hoursWeek
        _ = update(&state, .weekPlanLoaded(demoSnapshot.plan.allocations.filter { $0.date >= monday && $0.date <= monday.adding(days: 6) }))
        #expect(state.plannedVersusLogged == full.plannedVersusLogged)
        #expect(state.plannedVersusLogged.contains { $0.planned > 0 })
    }
}

@Suite("The key table is the single source")
struct KeyTableTests {
    @Test func theReadmeListsTheKeysOfTheTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(readme.range(of: "\n<!-- keys:end -->"))
        let listed = String(readme[begin.upperBound..<end.lowerBound])
        #expect(listed == KeyMap.markdown(.en), "README.md is stale: paste the output of `releve keys --markdown --lang en` between the markers")
    }

    @Test func whatAnObserverIsRefusedComesFromTheTable() {
        for binding in KeyMap.bindings {
            var state = loadedState()
            state.role = .observer
            // A key that means this in one pane only is pressed there.
            let pane = binding.onlyThere ? binding.hintIn.first.map { Character(String($0.rawValue)) } ?? "3" : "3"
            _ = press(&state, .character(pane))
            _ = press(&state, binding.keys[0])
            if binding.edits {
                #expect(state.notice?.hasPrefix("lecture seule") == true, "\(binding.action)")
                #expect(state.recordForm == nil && state.pendingDeletion == nil)
            }
        }
    }

    @Test func ctrlCAsksBeforeLosingAFormAndQuitsOtherwise() {
        var state = loadedState()
        #expect(press(&state, .interrupt) == [.quit])
        state = loadedState()
        _ = press(&state, .character("3"), .character("e"), .character("x"))
        #expect(state.recordForm?.modified == true)
        #expect(press(&state, .interrupt).isEmpty)
        #expect(state.running && state.confirmingQuit)
        #expect(screen(state).joined().contains("Quitter Relève"))
        // Any key but o goes back to the form, unchanged.
        _ = press(&state, .character("n"))
        #expect(!state.confirmingQuit && state.recordForm?.modified == true)
        _ = press(&state, .interrupt)
        #expect(press(&state, .character("o")) == [.quit])
        #expect(!state.running)
    }

    @Test func theKioskAndTheInterfaceAcceptTheSameConfirmations() {
        for key in ["o", "O", "y", "Y"] { #expect(Confirmation.accepts(.character(Character(key)))) }
        for key in ["n", "N", "q", " "] { #expect(!Confirmation.accepts(.character(Character(key)))) }
        #expect(!Confirmation.accepts(.enter))
    }
}

@Suite("Snapshot from the stored display order")
struct SnapshotOrderTests {
    @Test func theStoredOrderGivesTheSameLists() {
        let territory = demoSnapshot.territory
        func order<T>(_ items: [T], _ code: (T) -> String, _ name: (T) -> String) -> [(code: String, folded: String)] {
            items.map { (code: code($0), key: name($0).folding(), folded: (code($0) + " " + name($0)).folding()) }
                .sorted { ($0.key, $0.code) < ($1.key, $1.code) }.map { (code: $0.code, folded: $0.folded) }
        }
        let stored = Snapshot(territory: territory, plan: demoSnapshot.plan,
                              order: (order(territory.members, \.code, \.name), order(territory.agents, \.code, \.name)))
        #expect(stored.members.map(\.code) == demoSnapshot.members.map(\.code))
        #expect(stored.agents.map(\.code) == demoSnapshot.agents.map(\.code))
        #expect(stored.foldedMemberNames == demoSnapshot.foldedMemberNames)
        #expect(stored.memberSearch == demoSnapshot.memberSearch)
        // An order that does not match the territory (a member added meanwhile) is not used.
        let short = Snapshot(territory: territory, plan: demoSnapshot.plan, order: (Array(order(territory.members, \.code, \.name).dropFirst()), []))
        #expect(short.members.map(\.code) == demoSnapshot.members.map(\.code))
    }
}

@Suite("The filter's byte search")
struct FilterSearchTests {
    @Test func itAnswersLikeContains() {
        let texts = ["71040\u{1}saint-berain-sous-sanvignes", "a", "", "aab", "ångstrom", "x\u{1}ecuisses", "sss"]
        let needles = ["", "s", "sai", "71", "sanvignes", "nvignesx", "ab", "aab", "aaab", "ång", "ngs", "\u{1}e", "ss", "b"]
        for text in texts {
            for needle in needles {
                #expect(text.holdsBytes(of: needle) == (needle.isEmpty || text.contains(needle)), "\(text) / \(needle)")
            }
        }
    }
}

@Suite("The Heures pane while its week is read")
struct HoursLoadingTests {
    @Test func itSaysLoadingNotNoHours() {
        var state = loadedState()
        state.hours = []
        let effects = press(&state, .character("5"))
        #expect(effects.contains { if case .loadHours = $0 { return true } else { return false } })
        var text = screen(state).joined(separator: "\n")
        #expect(text.contains("Chargement des heures de la semaine…"))
        #expect(text.contains("· chargement…"))
        #expect(!text.contains("Aucune heure saisie"))
        _ = update(&state, .hoursLoaded([]))
        text = screen(state).joined(separator: "\n")
        #expect(text.contains("Aucune heure saisie cette semaine."))
        #expect(text.contains("total 0:00, validées 0:00"))
    }
}
