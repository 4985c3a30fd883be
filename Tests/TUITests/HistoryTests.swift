import Domain
import Foundation
import Testing
@testable import TUI

/// A few audit rows of the demo's first agent: a name change at the desk, an absence added
/// then changed, a rota slot deleted, and an hours change at the kiosk.
func agentHistory(_ code: String) -> [HistoryEntry] {
    [
        HistoryEntry(id: 9, when: "22/11/2026 21:41", actor: "camille", entity: "absence", key: "12", action: "update",
                     changes: [.init(field: "kind", before: "conges", after: "maladie"),
                               .init(field: "to_date", before: "2026-12-24", after: "2026-12-31")]),
        HistoryEntry(id: 7, when: "21/11/2026 09:05", actor: nil, entity: "rota_entry", key: "3", action: "delete",
                     changes: [.init(field: "agent", before: code, after: nil), .init(field: "member", before: "71040", after: nil)]),
        HistoryEntry(id: 5, when: "20/11/2026 18:00", actor: "agent:\(code)", entity: "absence", key: "12", action: "insert",
                     changes: [.init(field: "agent", before: nil, after: code), .init(field: "kind", before: nil, after: "conges"),
                               .init(field: "from_date", before: nil, after: "2026-12-21")]),
        HistoryEntry(id: 2, when: "19/11/2026 08:30", actor: "camille", entity: "agent", key: code, action: "update",
                     changes: [.init(field: "name", before: "Elodie Ferand", after: "Élodie Ferrand")]),
    ]
}

private func fits(_ lines: [String], _ width: Int, _ height: Int) -> Bool {
    lines.count == height && lines.allSatisfy { TextWidth.of($0) == width }
}

@Suite("Record history (H)")
struct HistoryTests {
    @Test func hAsksForTheSelectedRecordsHistoryInEachPane() {
        var state = loadedState()
        _ = press(&state, .character("2"))
        let request = state.requestRows.first { !$0.isImplicit }
        state.requests.cursor = state.requestRows.firstIndex { !$0.isImplicit } ?? 0
        #expect(press(&state, .character("H")) == [.loadHistory(.request(request?.id ?? ""))])
        #expect(state.history?.target == .request(request?.id ?? ""))
        #expect(press(&state, .escape) == [])
        #expect(state.history == nil)

        _ = press(&state, .character("3"), .down)
        let member = state.memberRows[1]
        #expect(press(&state, .character("H")) == [.loadHistory(.member(member.code))])
        // H closes too.
        #expect(press(&state, .character("H")) == [])
        #expect(state.history == nil)

        _ = press(&state, .character("4"))
        let agent = state.agentRows[0]
        #expect(press(&state, .character("H")) == [.loadHistory(.agent(agent.code))])
        _ = press(&state, .escape)

        #expect(press(&state, .character("6")) == [.loadInvoices(year: 2026)])
        _ = update(&state, .invoicesLoaded(demoInvoiceBook()))
        #expect(press(&state, .character("H")) == [.loadHistory(.invoice("2026-0001"))])
        _ = press(&state, .escape)
        // A draft has no number, hence no history.
        _ = press(&state, .down)
        #expect(press(&state, .character("H")) == [])
        #expect(state.history == nil)
        #expect(state.notice?.contains("brouillon") == true)
    }

    @Test func hInThePlanningSaysWhereItWorks() {
        var state = loadedState()
        #expect(press(&state, .character("H")) == [])
        #expect(state.history == nil)
        #expect(state.notice?.contains("Demandes, Communes, Agents et Factures") == true)
    }

    @Test func anObserverMayReadTheHistory() {
        var state = AppState(width: 120, height: 40, today: demoToday, role: .observer)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("4"))
        #expect(press(&state, .character("H")) == [.loadHistory(.agent(state.agentRows[0].code))])
    }

    @Test func aLateAnswerForAnotherRecordIsDropped() {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("H"))
        _ = update(&state, .historyLoaded(.agent("ZZ"), agentHistory("ZZ"), error: nil))
        #expect(state.history?.entries == nil)
    }

    func openHistory(width: Int, height: Int, role: UserRole = .coordinator) -> AppState {
        var state = AppState(width: width, height: height, today: demoToday, role: role)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("4"))
        let code = state.agentRows[0].code
        _ = press(&state, .character("H"))
        _ = update(&state, .historyLoaded(.agent(code), agentHistory(code), error: nil))
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theOverlayListsTheChangesNewestFirst(width: Int, height: Int) {
        let state = openHistory(width: width, height: height)
        let lines = screen(state)
        #expect(fits(lines, width, height))
        let body = lines.joined(separator: "\n")
        #expect(body.contains("Historique · Élodie Ferrand"))
        #expect(body.contains("4 changement(s)"))
        #expect(body.contains("22/11/2026 21:41 · camille · modification · absence n° 12"))
        #expect(body.contains("type : congés → maladie"))
        #expect(body.contains("au : 24/12/2026 → 31/12/2026"))
        #expect(body.contains("21/11/2026 09:05 · hors Relève · suppression · tournée n° 3"))
        // At the kiosk, the agent's name rather than "agent:CODE".
        #expect(body.contains("20/11/2026 18:00 · Élodie Ferrand · ajout · absence n° 12"))
        #expect(body.contains("Échap fermer"))
        let newest = lines.firstIndex { $0.contains("22/11/2026 21:41") } ?? -1
        let oldest = lines.firstIndex { $0.contains("19/11/2026 08:30") }
        #expect(newest > 0)
        if height >= 40 {
            #expect((oldest ?? -1) > newest)
            #expect(body.contains("nom : Elodie Ferand → Élodie Ferrand"))
        }
    }

    @Test func arrowsScrollALongHistoryAndStopAtItsEnd() {
        var state = loadedState(width: 80, height: 24)
        _ = press(&state, .character("4"))
        let code = state.agentRows[0].code
        _ = press(&state, .character("H"))
        // Three times the same four changes: longer than the screen.
        let recent = agentHistory(code).map { entry in
            var entry = entry
            entry.id += 100
            entry.when = entry.when.replacingOccurrences(of: "/11/", with: "/12/")
            return entry
        }
        let middle = agentHistory(code).map { entry in
            var entry = entry
            entry.id += 50
            return entry
        }
        _ = update(&state, .historyLoaded(.agent(code), recent + middle + agentHistory(code), error: nil))
        #expect(screen(state).joined().contains("22/12/2026 21:41"))
        #expect(!screen(state).joined().contains("19/11/2026 08:30"))
        for _ in 0..<30 { _ = press(&state, .down) }
        let layout = state.historyLayout(state.history ?? HistoryState(target: .agent("")))
        #expect(state.history?.scroll == layout.maxScroll)
        #expect(layout.maxScroll > 0)
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("nom : Elodie Ferand → Élodie Ferrand"))
        #expect(body.contains("/\(layout.lines.count)"))
        _ = press(&state, .pageUp, .pageUp, .pageUp)
        #expect(state.history?.scroll == 0)
    }

    @Test func longValuesAreWrappedInsideTheOverlay() {
        var state = loadedState(width: 80, height: 24)
        _ = press(&state, .character("3"))
        let code = state.memberRows[0].code
        _ = press(&state, .character("H"))
        let long = String(repeating: "Communauté de communes du Grand Autun ", count: 3)
        _ = update(&state, .historyLoaded(.member(code), [
            HistoryEntry(id: 1, when: "01/11/2026 10:00", actor: "camille", entity: "member", key: code, action: "update",
                         changes: [.init(field: "name", before: "Autun", after: long)]),
            HistoryEntry(id: 2, when: "01/11/2026 10:00", actor: "camille", entity: "opening_range", key: code + "/6/540", action: "insert",
                         changes: [.init(field: "end_minute", before: nil, after: "690")]),
        ], error: nil))
        let lines = screen(state)
        #expect(fits(lines, 80, 24))
        let body = lines.joined(separator: "\n")
        #expect(body.contains("nom : Autun → Communauté de communes"))
        #expect(body.contains("horaires sam. 09:00"))
        #expect(body.contains("à : 11:30"))
    }

    @Test func anEmptyHistorySaysSoInFrench() {
        var state = loadedState(width: 80, height: 24)
        _ = press(&state, .character("3"), .character("H"))
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("Chargement…"))
        _ = update(&state, .historyLoaded(.member(state.memberRows[0].code), [], error: nil))
        #expect(screen(state).joined(separator: "\n").contains("Aucune modification enregistrée (un import en bloc n'est pas détaillé)."))
    }

    @Test func anObserverNeverReadsAnAbsenceKindOrARequestMotive() {
        for (width, height) in [(80, 24), (120, 40)] {
            var state = openHistory(width: width, height: height, role: .observer)
            var body = screen(state).joined(separator: "\n")
            #expect(body.contains("type : (masqué) → (masqué)"))
            #expect(body.contains("type : (masqué)"))
            #expect(!body.contains("conges") && !body.contains("maladie"))
            for _ in 0..<30 { _ = press(&state, .down) }
            body = screen(state).joined(separator: "\n")
            #expect(!body.contains("conges") && !body.contains("maladie"))
            // Not even the state holds them.
            #expect(!(state.history?.entries ?? []).flatMap(\.changes).contains { ($0.after ?? "") == "conges" || ($0.before ?? "") == "conges" })
        }
        var state = AppState(width: 120, height: 40, today: demoToday, role: .observer)
        _ = update(&state, .loaded(demoSnapshot))
        _ = press(&state, .character("2"))
        state.requests.cursor = state.requestRows.firstIndex { !$0.isImplicit } ?? 0
        let id = state.requestRows[state.requests.cursor].id
        _ = press(&state, .character("H"))
        _ = update(&state, .historyLoaded(.request(id), [
            HistoryEntry(id: 3, when: "02/11/2026 11:00", actor: "camille", entity: "request", key: id, action: "update",
                         changes: [.init(field: "motive", before: "maladie", after: "conges"),
                                   .init(field: "minutes_per_week", before: "600", after: "720")]),
        ], error: nil))
        let body = screen(state).joined(separator: "\n")
        #expect(body.contains("motif : (masqué) → (masqué)"))
        #expect(body.contains("heures par semaine : 10:00 → 12:00"))
        #expect(!body.contains("maladie") && !body.contains("conges") && !body.contains("congés"))
        // The coordinator reads them.
        var coordinator = openHistory(width: 120, height: 40)
        #expect(screen(coordinator).joined().contains("type : congés → maladie"))
        _ = press(&coordinator, .escape)
        #expect(coordinator.history == nil)
    }

    @Test func aFailedReadIsSaidInTheOverlay() {
        var state = loadedState()
        _ = press(&state, .character("4"), .character("H"))
        _ = update(&state, .historyLoaded(.agent(state.agentRows[0].code), [], error: "base verrouillée"))
        #expect(screen(state).joined().contains("Impossible de lire l'historique : base verrouillée"))
    }
}
