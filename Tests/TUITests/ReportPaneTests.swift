import Domain
import Testing
@testable import TUI

/// The demo's report as the data source computes it (the snapshot's territory and plan).
func demoReport(_ period: ReportPeriod? = nil, policy: ReadPolicy = ReadPolicy(.coordinator)) -> ReportScreen {
    let territory = demoSnapshot.territory
    let period = period ?? ReportPeriod.lastWhole(months: territory.service.convention.reportMonths, before: demoToday)
    return ReportScreen.make(ActivityReport(territory: territory, plan: demoSnapshot.plan, period: period, today: demoToday),
                             territory: territory, policy: policy)
}

/// The Rapports pane opened with 7 and its report computed.
func reportsState(width: Int = 120, height: Int = 40, role: UserRole = .coordinator) -> AppState {
    var state = AppState(width: width, height: height, today: demoToday, role: role)
    _ = update(&state, .loaded(demoSnapshot))
    _ = press(&state, .character("7"))
    _ = update(&state, .reportLoaded(demoReport(policy: ReadPolicy(role))))
    return state
}

@Suite("Pane 7 Rapports")
struct ReportPaneTests {
    @Test func sevenOpensItAndTheReportIsComputedOffTheLoop() {
        var state = loadedState()
        #expect(press(&state, .character("7")) == [.loadReport(nil)])
        #expect(state.pane == .reports)
        #expect(screen(state).joined().contains("Calcul du rapport…"))
        _ = update(&state, .reportLoaded(demoReport()))
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("Rapport du 01/01/2026 au 30/06/2026 (précédente : 01/07/2025 – 31/12/2025)"))
        #expect(body.contains("Demandes reçues"))
        #expect(screen(state)[0].contains("7 Rapports"))
        // Tab from Factures reaches it too, and the computed report is kept.
        _ = press(&state, .character("6"))
        #expect(press(&state, .tab).isEmpty)
        #expect(state.pane == .reports)
    }

    @Test func bracketsChangeThePeriodAndComputeItOnce() {
        var state = reportsState()
        #expect(press(&state, .character("[")) == [.loadReport(ReportPeriod(from: CalendarDate(year: 2025, month: 7, day: 1)!, to: CalendarDate(year: 2025, month: 12, day: 31)!))])
        #expect(screen(state).joined().contains("Calcul du rapport du mar. 1er juil. 2025 au mer. 31 déc. 2025"))
        _ = update(&state, .reportLoaded(demoReport(state.reportsPane.period)))
        #expect(screen(state).joined().contains("Rapport du 01/07/2025 au 31/12/2025 (précédente : 01/01/2025 – 30/06/2025)"))
        // Back to the first half-year: kept, not computed again.
        #expect(press(&state, .character("]")).isEmpty)
        #expect(screen(state).joined().contains("Rapport du 01/01/2026 au 30/06/2026"))
        // The half-year under way (it has started), then nothing after it.
        #expect(press(&state, .character("]")).count == 1)
        _ = update(&state, .reportLoaded(demoReport(state.reportsPane.period)))
        #expect(screen(state).joined().contains("Rapport du 01/07/2026 au 31/12/2026"))
        #expect(press(&state, .character("]")).isEmpty)
        #expect(state.notice?.contains("n'a pas commencé") == true)
    }

    @Test func enterListsTheRequestsOfAFigureByName() throws {
        var state = reportsState()
        // The first figure: the requests received.
        _ = press(&state, .enter)
        let panel = try #require(state.panel)
        let lines = try #require(panel.lines)
        let first = try #require(demoReport().report.current.sources(of: .received).first)
        guard case .request(let request, _) = first else { Issue.record("not a request"); return }
        let name = try #require(demoSnapshot.memberNames[request.member])
        #expect(lines.contains { $0.contains(request.id) && $0.contains(name) })
        #expect(screen(state).joined().contains(request.id))
        _ = press(&state, .escape)
        #expect(state.panel == nil)
        // A commune's row: its hours by day and agent, by name.
        for _ in 0..<200 { _ = press(&state, .down) }
        while let row = state.reportRows.filter(\.selectable)[safe: state.reportsPane.cursor], !row.details.contains(where: { if case .member = $0.figures.first { return true }; return false }) {
            _ = press(&state, .up)
        }
        _ = press(&state, .enter)
        #expect(state.panel?.lines?.contains { $0.contains("Heures servies") } == true)
    }

    @Test func anObserverSeesAbsenceDaysWithoutTheirKinds() throws {
        for role in [UserRole.observer, .coordinator] {
            var state = reportsState(role: role)
            // Each agent's row: its days away.
            var seen = ""
            for _ in 0..<200 {
                _ = press(&state, .down)
                seen += screen(state).joined(separator: "\n")
                if let row = state.reportRows.filter(\.selectable)[safe: state.reportsPane.cursor],
                   row.details.contains(where: { if case .agent = $0.figures.first { return true }; return false }) {
                    _ = press(&state, .enter)
                    seen += (state.panel?.lines ?? []).joined(separator: "\n")
                    _ = press(&state, .escape)
                }
            }
            let words = ["congé", "maladie", "formation", "maternité", "accident"]
            if role == .observer {
                for word in words { #expect(!seen.localizedLowercase.contains(word), "\(word)") }
                #expect(seen.contains("absent(e)"))
                #expect(state.reportsPane.shown?.absenceKinds.isEmpty == true)
            } else {
                #expect(words.contains { seen.localizedLowercase.contains($0) })
            }
        }
    }

    @Test func fAndCAskTheRuntimeToWriteTheFiles() {
        var state = reportsState(role: .observer)
        let period = state.reportsPane.period!
        #expect(press(&state, .character("f")) == [.writeReport(.pdf, period, replacing: false)])
        #expect(press(&state, .character("c")) == [.writeReport(.csv, period, replacing: false)])
        _ = update(&state, .reportFileExists(.csv, path: "/tmp/rapport.csv"))
        #expect(screen(state).joined().contains("/tmp/rapport.csv"))
        #expect(press(&state, .character("o")) == [.writeReport(.csv, period, replacing: true)])
        _ = update(&state, .reportWritten("Rapport écrit (CSV) : /tmp/rapport.csv"))
        #expect(screen(state)[39].contains("/tmp/rapport.csv"))
        // Elsewhere c is still the convention.
        var members = loadedState()
        _ = press(&members, .character("3"), .character("c"))
        #expect(members.conventionForm != nil)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func everyLineFitsAndScrollsToTheEnd(width: Int, height: Int) {
        var state = reportsState(width: width, height: height)
        for _ in 0..<300 { _ = press(&state, .pageDown) }
        let lines = screen(state)
        #expect(lines.allSatisfy { TextWidth.of($0) == width })
        #expect(lines.joined().contains("Impayé échu"))
        for _ in 0..<300 { _ = press(&state, .pageUp) }
        #expect(state.reportsPane.scroll == 0)
    }
}
