import Domain
import Foundation
import Testing
@testable import TUI

/// The demo service on a fixed day, arbitrated: what the interface shows in these tests.
let demoToday = CalendarDate(year: 2026, month: 11, day: 16) ?? CalendarDate(dayNumber: 0)
let demoSnapshot: Snapshot = {
    let territory = DemoTerritory.make(today: demoToday)
    return Snapshot(territory: territory, plan: Arbitration.plan(territory))
}()

func loadedState(width: Int = 120, height: Int = 40) -> AppState {
    var state = AppState(width: width, height: height, today: demoToday)
    _ = update(&state, .loaded(demoSnapshot))
    return state
}

func screen(_ state: AppState, theme: Theme = .builtIn) -> [String] {
    var buffer = Buffer(width: state.width, height: state.height)
    render(state, into: &buffer, theme: theme)
    return buffer.lines
}

func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
    keys.flatMap { update(&state, .key($0)) }
}

@Suite("Interface rendering (no terminal)")
struct RenderTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func everyPaneRendersAtTheUsualSizes(width: Int, height: Int) {
        for pane in Pane.allCases {
            var state = loadedState(width: width, height: height)
            _ = press(&state, .character(Character(String(pane.rawValue))))
            if pane == .invoices { _ = update(&state, .invoicesLoaded(demoInvoiceBook())) }
            let lines = screen(state)
            #expect(lines.count == height)
            #expect(lines.allSatisfy { TextWidth.of($0) == width }, "\(pane)")
            #expect(lines[0].contains("1 Planning"))
            // At 80 columns the seven panes' names take the bar; the panes' titles say the dates.
            if width >= 120 { #expect(lines[0].contains("lun. 16 nov. 2026")) } else { #expect(lines[0].contains("7 Rapports")) }
            #expect(lines[height - 1].contains("q quitter"))
            let body = lines.joined(separator: "\n")
            switch pane {
            case .planning:
                #expect(body.contains("Semaine 47 · du lun. 16 au ven. 20 novembre 2026"))
                #expect(body.contains("Élodie Ferra"))
                #expect(body.contains("mar. 17"))
            case .requests:
                #expect(body.contains("Demandes · "))
                #expect(body.contains("D-2026-001"))
                #expect(body.contains("maladie"))
            case .members:
                #expect(body.contains("Écuisses"))
                #expect(body.contains("AFP du Haut-Morvan"))
            case .agents:
                #expect(body.contains("Sandrine Perrot"))
                #expect(body.contains("35:00"))
            case .hours:
                #expect(body.contains("Heures · semaine 47"))
            case .invoices:
                #expect(body.contains("Factures 2026 · 1 émises"))
                #expect(body.contains("2026-0001"))
                #expect(body.contains("brouillon"))
            case .reports:
                #expect(body.contains("Calcul du rapport…"))
            }
        }
    }

    @Test func planningWeekShowsHalfDaysWithMarkersAt120() {
        let lines = screen(loadedState())
        #expect(lines[3].contains("matin"))
        #expect(lines[3].contains("a.-m."))
        // Urgent work carries a "!" marker, not only a colour.
        #expect(lines.contains { $0.contains("!Coll") })
        #expect(lines[2].contains("prévu/contrat"))
    }

    @Test func tooSmallTerminalSaysSoAndNeverCrashes() {
        for (w, h) in [(79, 24), (80, 23), (30, 8), (20, 5), (1, 1), (0, 0)] {
            var state = loadedState(width: w, height: h)
            _ = update(&state, .resize(width: w, height: h))
            let lines = screen(state)
            #expect(lines.count == h)
            if w >= 20 && h >= 3 { #expect(lines.joined().contains("Terminal trop petit")) }
        }
    }

    @Test func helpListsEveryKeyWithItsFrenchDescription() {
        var state = loadedState()
        _ = press(&state, .character("?"))
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("Aide · touches"))
        for binding in KeyMap.bindings { #expect(body.contains(binding.french), "\(binding.action)") }
    }

    @Test func monochromeThemeStillMarksMeaning() {
        var theme = Theme.builtIn
        theme.usesColor = false
        #expect(theme.style(.selected).attributes.contains(.reverse))
        #expect(theme.style(.urgent).foreground == .default)
        let lines = screen(loadedState(), theme: theme)
        #expect(lines.contains { $0.contains("!Coll") })
        // Without colour the cursor, a conflict and today still look different (issue 12).
        let styles = [Role.selected, .conflict, .today].map { theme.style($0) }
        #expect(Set(styles.map { "\($0.attributes)" }).count == 3, "\(styles)")
    }

    @Test func asciiBordersWithoutUnicode() {
        var state = loadedState(width: 80, height: 24)
        state.unicode = false
        let lines = screen(state)
        #expect(lines[1].hasPrefix("+ Semaine"))
        #expect(lines[23].contains("locale non UTF-8"))
    }

    @Test func englishOnRequest() {
        var state = loadedState()
        state.language = .en
        let lines = screen(state)
        #expect(lines[0].contains("2 Requests"))
        #expect(lines[0].contains("Mon 16 Nov 2026"))
    }

    @Test func bufferSendsOnlyWhatChanged() {
        var state = loadedState()
        var first = Buffer(width: 120, height: 40)
        render(state, into: &first, theme: .builtIn)
        _ = press(&state, .down)
        var second = Buffer(width: 120, height: 40)
        render(state, into: &second, theme: .builtIn)
        let changed = second.changes(since: first).reduce(0) { $0 + $1.cells.count }
        #expect(changed > 0)
        #expect(changed < 400)
        #expect(second.changes(since: second).isEmpty)
        #expect(second.changes(since: nil).reduce(0) { $0 + $1.cells.count } == 120 * 40)
    }
}

@Suite("Interface updates (key sequences)")
struct UpdateTests {
    @Test func digitsTabAndShiftTabSwitchPanes() {
        var state = loadedState()
        _ = press(&state, .character("3"))
        #expect(state.pane == .members)
        _ = press(&state, .tab, .tab)
        #expect(state.pane == .hours)
        _ = press(&state, .tab, .tab, .tab)
        #expect(state.pane == .planning)
        _ = press(&state, .backTab)
        #expect(state.pane == .reports)
        let effects = press(&state, .character("5"))
        #expect(effects == [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))])
    }

    @Test func quitStopsTheProgram() {
        var state = loadedState()
        #expect(press(&state, .character("q")) == [.quit])
        #expect(!state.running)
    }

    @Test func helpClosesOnAnyKeyWithoutActing() {
        var state = loadedState()
        _ = press(&state, .character("?"))
        #expect(state.showHelp)
        #expect(press(&state, .character("q")).isEmpty)
        #expect(!state.showHelp)
        #expect(state.running)
    }

    @Test func planningNavigation() {
        var state = loadedState()
        let monday = state.planning.weekStart
        #expect(monday == demoToday)
        _ = press(&state, .character("]"), .character("]"))
        #expect(state.planning.weekStart == monday.adding(days: 14))
        _ = press(&state, .character("["))
        #expect(state.planning.weekStart == monday.adding(days: 7))
        _ = press(&state, .character("t"))
        #expect(state.planning.weekStart == monday)
        _ = press(&state, .right, .right, .character("l"), .down, .character("j"))
        #expect(state.planning.column == 3)
        #expect(state.planning.row == 2)
        _ = press(&state, .down, .down, .down, .down, .down, .down)
        #expect(state.planning.row == demoSnapshot.agents.count - 1)
        _ = press(&state, .enter)
        #expect(state.planning.showDetail)
        #expect(screen(state).joined().contains("Sandrine Perrot · mar. 17 nov. 2026 · après-midi"))
        _ = press(&state, .escape)
        #expect(!state.planning.showDetail)
        _ = press(&state, .character("m"))
        #expect(state.planning.month)
        #expect(screen(state)[1].contains("Novembre 2026"))
        _ = press(&state, .character("v"))
        #expect(state.planning.rows == .members)
        #expect(screen(state)[2].contains("Commune"))
    }

    @Test func filterNarrowsTheListIgnoringAccents() {
        var state = loadedState()
        _ = press(&state, .character("3"), .character("/"))
        #expect(state.editingFilter)
        for c in "ecuis" { _ = press(&state, .character(c)) }
        _ = press(&state, .enter)
        #expect(!state.editingFilter)
        #expect(state.memberRows.map(\.name) == ["Écuisses"])
        #expect(screen(state).joined().contains("filtre : ecuis"))
        _ = press(&state, .character("/"), .escape)
        #expect(state.members.filter.isEmpty)
        #expect(state.memberRows.count == demoSnapshot.members.count)
    }

    @Test func listCursorStaysWithinTheRows() {
        var state = loadedState()
        _ = press(&state, .character("4"), .up, .up)
        #expect(state.agents.cursor == 0)
        _ = press(&state, .pageDown)
        #expect(state.agents.cursor == demoSnapshot.agents.count - 1)
        _ = press(&state, .enter)
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("Absences (motif"))
        #expect(body.contains("Tournée"))
    }

    @Test func hoursWeekMovesAndAsksForItsHours() {
        var state = loadedState()
        _ = press(&state, .character("5"))
        let effects = press(&state, .character("["))
        #expect(state.hoursWeek == demoToday.adding(days: -7))
        #expect(effects == [.loadHours(from: demoToday.adding(days: -7), to: demoToday.adding(days: -1))])
    }

    @Test func themeFilesParse() throws {
        let theme = try ThemeLoader.parse("""
            name = "essai"
            [roles.urgent]
            fg = "bright-red"
            attrs = ["bold"]
            mono = ["bold", "underline"]
            """, file: "essai.toml")
        #expect(theme.name == "essai")
        #expect(theme.color[.urgent] == Style(foreground: .brightRed, attributes: .bold))
        #expect(theme.mono[.urgent]?.attributes == [.bold, .underline])
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.parse("[roles.urgent]\nfg = \"fuchsia\"", file: "x.toml") }
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.parse("[roles.nothing]\nmono = []", file: "x.toml") }
        #expect(throws: ThemeLoader.Failure.self) { try ThemeLoader.load(named: "absent", from: ["/nonexistent"]) }
        #expect(try ThemeLoader.load(named: "default", from: ["/nonexistent"]).name == "default")
    }
}

@Suite("Theme files shipped in Themes/")
struct ShippedThemeTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes").path

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func everyShippedThemeLoadsAndCoversEveryRole(name: String) throws {
        let theme = try ThemeLoader.load(named: name, from: [Self.directory])
        #expect(theme.name == name)
        for role in Role.allCases {
            #expect(theme.mono[role] != nil, "\(name) \(role)")
        }
        var mono = theme
        mono.usesColor = false
        #expect(mono.style(.selected).attributes.contains(.reverse), "\(name)")
        // The cursor, a conflict and today stay three different looks without colour (issue 12).
        let styles = [Role.selected, .conflict, .today].map { mono.style($0) }
        #expect(Set(styles.map { "\($0.attributes)" }).count == 3, "\(name): \(styles)")
        #expect(!styles[1].attributes.contains(.reverse) && !styles[2].attributes.contains(.reverse), "only the cursor is reversed: \(name)")
    }
}

@Suite("Request form")
struct RequestFormTests {
    func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = press(&state, .character(c)) }
    }

    @Test func newRequestIsCheckedThenPreviewedThenSaved() throws {
        var state = loadedState()
        _ = press(&state, .character("2"), .character("n"))
        #expect(state.requestForm?.draft.id == nil)
        #expect(screen(state).joined().contains("Nouvelle demande"))
        // Nothing typed: every required field says what is wrong, in French.
        #expect(press(&state, .enter).isEmpty)
        #expect(state.requestForm?.problems[.member] == "texte non vide attendu")
        type(&state, "Ecuisses")
        #expect(state.requestForm?.problems.isEmpty == false)
        for _ in 0..<8 { _ = press(&state, .backspace) }
        type(&state, "Écuisses")
        _ = press(&state, .tab)
        type(&state, "maladie")
        _ = press(&state, .tab, .tab)
        type(&state, "30/02/2026")
        _ = press(&state, .tab)
        type(&state, "4/12/2026")
        _ = press(&state, .tab)
        type(&state, "17,5")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.requestForm?.problems[.start]?.contains("30/02/2026") == true)
        #expect(state.requestForm?.focus == .start)
        for _ in 0..<10 { _ = press(&state, .backspace) }
        type(&state, "23/11/2026")
        let effects = press(&state, .enter)
        guard case .previewRequest(let request) = effects.first else {
            Issue.record("no preview: \(effects) \(String(describing: state.requestForm?.problems))")
            return
        }
        #expect(request.member == "71184" || demoSnapshot.member(request.member)?.name == "Écuisses")
        #expect(request.minutesPerWeek == 1050)
        #expect(request.motive == .maladie)
        _ = update(&state, .impact(RequestImpact.of(request, in: demoSnapshot.territory, current: demoSnapshot.plan), request))
        let impact = RequestImpact.of(request, in: demoSnapshot.territory, current: demoSnapshot.plan)
        let decision = try #require(impact.decision)
        _ = update(&state, .estimated(CostEstimate.make(for: decision, territory: demoSnapshot.territory), year: 2026))
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("Si elle est enregistrée"))
        // The cost before confirming (rules.md §6.1).
        let estimate = try #require(CostEstimate.make(for: decision, territory: demoSnapshot.territory))
        #expect(body.contains("Coût prévisionnel : \(DisplayFormat(.fr).money(estimate.amountCents ?? -1))"), "\(body)")
        // Without a tariff for its year, the preview says how to make one.
        _ = update(&state, .estimated(nil, year: 2027))
        #expect(screen(state).joined(separator: " ").contains("Coût : aucun tarif 2027"))
        #expect(press(&state, .enter) == [.saveRequest(request, isNew: true)])
        #expect(update(&state, .saved("D-2026-031")) == [.reload])
        #expect(state.requestForm == nil)
        #expect(screen(state).joined().contains("Demande D-2026-031 enregistrée."))
    }

    @Test func escapeAsksBeforeDroppingChanges() {
        var state = loadedState()
        _ = press(&state, .character("2"), .character("e"))
        #expect(state.requestForm?.draft.id == "D-2026-001")
        #expect(state.requestForm?.draft[.hoursPerWeek] == "17:30")
        _ = press(&state, .escape)
        #expect(state.requestForm == nil)
        _ = press(&state, .character("e"), .character("1"), .escape)
        #expect(state.requestForm?.confirmingCancel == true)
        #expect(screen(state).joined().contains("Abandonner les modifications ?"))
        _ = press(&state, .character("n"))
        #expect(state.requestForm != nil)
        _ = press(&state, .escape, .character("o"))
        #expect(state.requestForm == nil)
    }

    @Test func typingQInAFormDoesNotQuit() {
        var state = loadedState()
        _ = press(&state, .character("2"), .character("n"), .character("q"))
        #expect(state.running)
        #expect(state.requestForm?.draft[.member] == "q")
    }
}

@Suite("Member, agent and absence forms")
struct RecordFormTests {
    func type(_ state: inout AppState, _ text: String) {
        for c in text { _ = press(&state, .character(c)) }
    }

    @Test func newMemberIsCheckedThenSavedThroughTheStore() {
        var state = loadedState()
        _ = press(&state, .character("3"), .character("n"))
        #expect(screen(state).joined().contains("Nouvelle commune membre"))
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[0] == "texte non vide attendu")
        type(&state, "71999")
        _ = press(&state, .tab)
        type(&state, "Uchon")
        _ = press(&state, .tab, .tab)
        type(&state, "90")
        let effects = press(&state, .enter)
        guard case .saveRecord(let change, _) = effects.first else {
            Issue.record("no save: \(String(describing: state.recordForm?.problems))")
            return
        }
        #expect(change.members.map(\.code) == ["71999"])
        #expect(change.members.first?.population == 90)
        #expect(update(&state, .done("Enregistré : Uchon.")) == [.reload])
        #expect(state.recordForm == nil)
    }

    @Test func absenceFormAddsToTheAgentsAbsences() {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("a"))
        guard case .absence(let agent) = state.recordForm?.kind else {
            Issue.record("no absence form")
            return
        }
        _ = press(&state, .tab)
        for _ in 0..<10 { _ = press(&state, .backspace) }
        type(&state, "31/02/2026")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[1]?.contains("31/02/2026") == true)
        for _ in 0..<10 { _ = press(&state, .backspace) }
        type(&state, "20/11/2026")
        _ = press(&state, .tab)
        for _ in 0..<6 { _ = press(&state, .backspace) }
        type(&state, "maladie")
        guard case .saveRecord(let change, _) = press(&state, .enter).first else {
            Issue.record("no save")
            return
        }
        let before = demoSnapshot.territory.agents.first { $0.code == agent }?.absences.count ?? 0
        #expect(change.agents.first?.absences.count == before + 1)
        #expect(change.agents.first?.absences.contains { $0.kind == .maladie && $0.to == CalendarDate(year: 2026, month: 11, day: 20) } == true)
    }

    @Test func rotaSlotIsChecked() {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("r"))
        type(&state, "71413")
        _ = press(&state, .tab)
        for _ in 0..<3 { _ = press(&state, .backspace) }
        type(&state, "tue")
        _ = press(&state, .tab, .tab)
        for _ in 0..<5 { _ = press(&state, .backspace) }
        type(&state, "08:00")
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[3] != nil)
        for _ in 0..<5 { _ = press(&state, .backspace) }
        type(&state, "12:00")
        // Élodie already works at Saint-Firmin on Tuesday mornings: two places at once is refused.
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[2] != nil)
        // The cursor went to the first field in error (from); the weekday is just above.
        _ = press(&state, .up)
        for _ in 0..<3 { _ = press(&state, .backspace) }
        type(&state, "wed")
        guard case .saveRecord(let change, _) = press(&state, .enter).first else {
            Issue.record("no save: \(String(describing: state.recordForm?.problems))")
            return
        }
        #expect(change.agents.first?.rota.contains { $0.member == "71413" && $0.day == .wed && $0.time.start == 540 } == true)
    }

    @Test func deletionAsksFirst() {
        var state = loadedState()
        _ = press(&state, .character("3"), .character("d"))
        let deletion = state.pendingDeletion
        #expect(deletion != nil)
        #expect(screen(state).joined().contains("Supprimer la commune"))
        #expect(press(&state, .character("n")).isEmpty)
        #expect(state.pendingDeletion == nil)
        _ = press(&state, .character("d"))
        #expect(press(&state, .character("o")) == [.delete(deletion ?? PendingDeletion(target: .member, code: "", name: ""))])
        _ = update(&state, .saveFailed("impossible de supprimer AFP01"))
        #expect(screen(state)[39].contains("✗ impossible de supprimer AFP01"))
    }
}

@Suite("Half-days in the planning grid (issue 12)")
struct GridHalfDayTests {
    /// The week view shows the half-days the schedule places (rules.md §5): a request of 5 h a
    /// day fills the morning and part of the afternoon, whatever the town hall's opening
    /// hours; the detail says each half-day's times, as `releve schedule --agent` does.
    @Test func theWeekViewShowsTheScheduledHalfDays() throws {
        let start = CalendarDate(year: 2024, month: 3, day: 11) ?? demoToday
        let opening = OpeningHours([.mon: OpeningHours.parseDay("09:00-12:00") ?? [], .tue: OpeningHours.parseDay("09:00-12:00,14:00-17:00") ?? []])
        let territory = Territory(
            service: ServiceSettings(name: "Test"),
            members: [Member(code: "M", name: "Mont", population: 100, singlePartTimeSecretary: true,
                             memberSince: start.adding(days: -100), openingHours: opening)],
            agents: [Agent(code: "A", name: "Anne", weeklyMinutes: 2100)],
            requests: [ReplacementRequest(id: "R", member: "M", motive: .retraite, received: start.adding(days: -30),
                                          start: start, end: start.adding(days: 4), minutesPerWeek: 1500)])
        let plan = Arbitration.plan(territory)
        var state = AppState(width: 120, height: 40, today: start)
        _ = update(&state, .loaded(Snapshot(territory: territory, plan: plan)))
        let window = try #require(state.grid)
        let week = HalfDayPlanner(territory: territory, plan: plan).week(agent: "A", monday: start)
        #expect(week.halfDays.reduce(0) { $0 + $1.minutes } + week.unplaced.reduce(0) { $0 + $1.minutes } == 1500)
        for h in week.halfDays where h.date == start {
            let (am, pm) = halfDays(agent: territory.agents[0], day: start, window: window, language: .fr)
            let cell = h.half == .am ? am : pm
            #expect(cell.text == " Mont")
            #expect(cell.rota.contains("\(ClockText.format(h.range.start))–\(ClockText.format(h.range.end)) · Mont (R)"), "\(cell.rota)")
        }
        let row = screen(state).first { $0.contains("Anne") } ?? ""
        #expect(!row.contains("×"), "work outside the opening hours is placed, not a conflict: \(row)")
        // Enter on Monday morning: the detail panel says where and when.
        _ = press(&state, .enter)
        #expect(screen(state).joined(separator: "\n").contains("08:30–12:00 · Mont (R)"))
    }
}

@Suite("Who loses what, by name (issue 12)")
struct LossLinesTests {
    /// The request form's preview names the communes and the rota covers that lose minutes,
    /// never their internal ids, wraps instead of cutting, and counts what does not fit.
    @Test func lossesAreNamedWrappedAndCounted() throws {
        let real = try #require(demoSnapshot.decisions.values.filter { !$0.isImplicit }.map(\.id).sorted().first)
        let rota = try #require(demoSnapshot.decisions.values.filter(\.isImplicit).map(\.id).sorted().first)
        let losses = [AgentSuggestion.Loss(request: real, minutes: 324, preempted: false),
                      AgentSuggestion.Loss(request: rota, minutes: 180, preempted: true)]
        let lines = lossLines(losses, snapshot: demoSnapshot, width: 60, rows: 5, .fr)
        let text = lines.joined(separator: " ")
        let member = try #require(demoSnapshot.memberNames[demoSnapshot.decisions[real]?.request.member ?? ""])
        #expect(text.contains("\(member) (\(real)) −5:24"))
        #expect(!text.contains("ROTA:"), "no internal id: \(text)")
        #expect(text.contains("la tournée d"))
        #expect(text.contains("(interrompue)"))
        #expect(lines.allSatisfy { TextWidth.of($0) <= 60 })
        // Twenty losses in two lines: the rest is counted.
        let many = (0..<20).map { _ in AgentSuggestion.Loss(request: real, minutes: 60, preempted: false) }
        let two = lossLines(many, snapshot: demoSnapshot, width: 60, rows: 2, .fr)
        #expect(two.count <= 2)
        #expect(two.joined(separator: " ").contains("autres"))
        #expect(lossLines([], snapshot: demoSnapshot, width: 60, rows: 2, .fr) == ["Aucune autre demande n'y perd."])
    }
}

@Suite("Tour de rôle on screen (rules.md §3.3.4)")
struct LastSummerTextTests {
    /// A commune whose summer request the plan served says this year, not "jamais", with the
    /// year on record said apart; before the summer, the record.
    @Test func aCommuneServedThisSummerSaysSo() throws {
        let decision = try #require(demoSnapshot.decisions.values.first {
            $0.request.priorityClass == .summer && !$0.periods.isEmpty && ($0.periods.first?.from.year ?? 0) == 2026
        })
        let member = try #require(demoSnapshot.member(decision.request.member))
        let text = lastSummerText(member, demoSnapshot, today: demoToday, .fr)
        #expect(text.hasPrefix("2026 (servie d'après le plan ; "), "\(text)")
        let before = try #require(CalendarDate(year: 2026, month: 1, day: 5))
        #expect(lastSummerText(member, demoSnapshot, today: before, .fr) == (member.lastSummerReplacement.map(String.init) ?? "jamais"))
    }
}

@Suite("Decisions said with names (issue 12)")
struct DecisionNamesTests {
    /// A request left short names who went first and why; a pre-empted one names the urgency
    /// that ended it; no internal id stands alone.
    @Test func shortAndPreemptedRequestsNameTheOthers() throws {
        let state = loadedState()
        let short = try #require(demoSnapshot.plan.decisions.first { !$0.isImplicit && !$0.wentFirst.isEmpty })
        let text = try #require(state.wentFirstText(short))
        let first = try #require(demoSnapshot.decisions[short.wentFirst[0]])
        let name = try #require(demoSnapshot.memberNames[first.request.member])
        #expect(text.hasPrefix("Passent avant, les jours où elle manque d'heures : "))
        #expect(text.contains(first.isImplicit ? "la tournée d" : "\(name) (\(first.id))"), "\(text)")
        if first.small { #expect(text.contains("petite commune")) }
        let preempted = try #require(demoSnapshot.plan.decisions.first { $0.status == .preempted })
        let reason = try #require(preempted.reasons.first { if case .preemptedBy = $0 { return true } else { return false } })
        guard case .preemptedBy(let by) = reason else { return }
        let byName = try #require(demoSnapshot.memberNames[demoSnapshot.decisions[by]?.request.member ?? ""])
        #expect(state.reasonText(reason) == "interrompue par l'urgence \(byName) (\(by))")
    }
}

@Suite("After a save (issue 12)")
struct CursorAfterSaveTests {
    @Test func theCursorGoesToTheRequestSaved() throws {
        var state = loadedState()
        _ = press(&state, .character("2"))
        #expect(state.requests.cursor == 0)
        _ = update(&state, .saved("D-2026-010"))
        _ = update(&state, .loaded(demoSnapshot))
        let index = try #require(state.requestRows.firstIndex { $0.id == "D-2026-010" })
        #expect(state.requests.cursor == index)
        #expect(screen(state).contains { $0.contains("D-2026-010") })
        #expect(state.savedRequest == nil)
    }

    /// The preview says the commune found and the agents who would go, by name.
    @Test func thePreviewNamesTheCommuneAndTheAgents() throws {
        var state = loadedState()
        _ = press(&state, .character("2"), .character("e"))
        let form = try #require(state.requestForm)
        let request = try #require(demoSnapshot.decisions[form.draft.id ?? ""]?.request)
        _ = update(&state, .impact(RequestImpact.of(request, in: demoSnapshot.territory, current: demoSnapshot.plan), request))
        let body = screen(state).joined(separator: "\n")
        let member = try #require(demoSnapshot.memberNames[request.member])
        #expect(body.contains("\(member) (\(request.member)) · "), "\(body)")
        #expect(body.contains("agents : "))
    }
}

@Suite("Reading panels: s and D (issue 12)")
struct PanelTests {
    @Test func suggestionsAndSchedulesOpenReadAndClose() throws {
        var state = loadedState()
        _ = press(&state, .character("2"))
        // On a request with all its hours, s says there is nothing to suggest.
        #expect(press(&state, .character("s")).isEmpty)
        #expect(state.notice?.contains("a toutes ses heures") == true)
        let partial = try #require(state.requestRows.firstIndex { $0.servedMinutes < $0.neededMinutes && !$0.isImplicit })
        state.requests.cursor = partial
        let id = state.requestRows[partial].id
        #expect(press(&state, .character("s")) == [.loadPanel(.suggestions(request: id))])
        #expect(screen(state).joined().contains("Lecture…"))
        let lines = (1...60).map { "ligne \($0)" }
        _ = update(&state, .panelLoaded(.suggestions(request: id), PanelContent(lines: lines, choices: ["A2", "A5"]), error: nil))
        var body = screen(state).joined(separator: "\n")
        #expect(body.contains("Qui pourrait servir"))
        #expect(body.contains("ligne 1") && body.contains("/ 60"))
        _ = press(&state, .pageDown)
        body = screen(state).joined(separator: "\n")
        #expect(!body.contains("ligne 1\n") && body.contains("ligne 40"))
        // A digit assigns the agent it numbers; 0 gives the request back to the rules.
        var assigning = state
        #expect(press(&assigning, .character("2")) == [.assign(request: id, agent: "A5")])
        #expect(assigning.panel == nil)
        var observer = state
        observer.role = .observer
        #expect(press(&observer, .character("1")).isEmpty)
        #expect(observer.notice?.contains("réservée au coordinateur") == true)
        var back = state
        #expect(press(&back, .character("0")) == [.assign(request: id, agent: nil)])
        _ = press(&state, .escape)
        #expect(state.panel == nil)
        // p: the request's half-day schedule; a late answer for another panel is dropped.
        #expect(press(&state, .character("D")) == [.loadPanel(.requestSchedule(request: id))])
        _ = update(&state, .panelLoaded(.suggestions(request: id), PanelContent(lines: ["périmé"]), error: nil))
        #expect(state.panel?.lines == nil)
        // From the grid (agents view): the chosen agent's week.
        _ = press(&state, .escape, .character("1"))
        let effects = press(&state, .character("D"))
        guard case .loadPanel(.agentSchedule(_, let from, let to))? = effects.first else {
            Issue.record("\(effects)")
            return
        }
        #expect(from == state.planning.weekStart && to == from.adding(days: 4))
        // i in Communes: the member's year (prepaid hours, requests, invoices).
        _ = press(&state, .escape, .character("3"))
        let member = try #require(state.memberRows.first)
        #expect(press(&state, .character("i")) == [.loadPanel(.memberYear(member: member.code, year: state.today.year))])
        #expect(screen(state).joined().contains("\(member.name) · année \(state.today.year)"))
    }
}

@Suite("Missions in the request form (issue 12)")
struct RequestMissionsFormTests {
    @Test func theJobDescriptionTypedGoesWithTheRequest() throws {
        var state = loadedState()
        _ = press(&state, .character("2"), .character("e"))
        state.requestForm?.focus = .missions
        for c in "Paie ; état civil" { _ = press(&state, .character(c)) }
        #expect(screen(state).joined().contains("Missions (fiche de poste)"))
        let effects = press(&state, .enter)
        guard case .previewRequest(let request)? = effects.first else {
            Issue.record("\(effects) \(String(describing: state.requestForm?.problems))")
            return
        }
        #expect(request.missions == "Paie ; état civil")
    }
}

/// The request form's preview states the scheme's basis (issue 13, part 5).
@Suite("Preview estimate under every scheme")
struct PreviewEstimateTextTests {
    @Test(arguments: [(ConventionPreset.cdg63, "250,00 € la journée de 6 h, 50,00 € l'heure au-delà"),
                      (.cdg51, "coût horaire de l'agent × 1,10, 25,00 € par agent et par mois (bulletin de paie)"),
                      (.oisans, "aucun montant avant la fin de l'année"),
                      (.cucm, "de l'heure")])
    func thePreviewSaysTheBasis(preset: ConventionPreset, words: String) throws {
        let territory = DemoTerritory.make(today: demoToday, preset: preset)
        let decision = try #require(Arbitration.plan(territory).decisions.first { !$0.isImplicit && $0.servedMinutes > 0 })
        let estimate = try #require(CostEstimate.make(for: decision, territory: territory))
        let text = estimateText(estimate, .fr)
        #expect(text.hasPrefix("Coût prévisionnel : "))
        #expect(text.contains(words), "\(text)")
        if let amount = estimate.amountCents { #expect(text.contains(DisplayFormat(.fr).money(amount))) }
    }
}
