import Domain
import Testing
@testable import TUI

/// `r` in Demandes: a renewal of the served request, prefilled (rules.md §8).
@Suite struct RenewalFormTests {
    @Test func rOpensARenewalPrefilledFromTheServedRequest() throws {
        var state = loadedState()
        _ = press(&state, .character("2"))
        let rows = state.requestRows
        let index = try #require(rows.firstIndex { !$0.isImplicit && $0.servedMinutes > 0 && $0.status != .refused })
        state.requests.cursor = index
        let decision = rows[index]
        _ = press(&state, .character("r"))
        let form = try #require(state.requestForm)
        #expect(form.draft.id == nil && form.draft.renews == decision.id)
        let f = DisplayFormat(.fr)
        #expect(form.draft[.start] == f.numericDate(decision.effectiveEnd.adding(days: 1)))
        #expect(form.draft[.received] == f.numericDate(demoToday))
        #expect(form.draft[.member] == decision.request.member)
        #expect(screen(state).contains { $0.contains("Renouvellement de la demande \(decision.id)") })
        // Parsed, the draft is a request that renews the served one.
        let parsed = form.draft.parse(members: demoSnapshot.territory.members, newID: "X")
        #expect(parsed.request?.renews == decision.id)
    }

    @Test func aRotaRequestOrARefusedOneIsNotRenewed() throws {
        var state = loadedState()
        _ = press(&state, .character("2"))
        let rows = state.requestRows
        if let rota = rows.firstIndex(where: \.isImplicit) {
            state.requests.cursor = rota
            _ = press(&state, .character("r"))
            #expect(state.requestForm == nil && state.notice?.contains("tournée") == true)
        }
        if let refused = rows.firstIndex(where: { $0.status == .refused && !$0.isImplicit }) {
            state.requests.cursor = refused
            _ = press(&state, .character("r"))
            #expect(state.requestForm == nil && state.notice?.contains("a été refusée") == true)
        }
    }

    @Test func editingKeepsWhatTheFormDoesNotShow() {
        let day = demoToday
        let request = ReplacementRequest(id: "D-1", member: "71040", motive: .maladie, received: day, start: day, end: day.adding(days: 10),
                                         minutesPerWeek: 600, renews: "D-0", staffFTE: "0.50",
                                         answer: RequestAnswer(date: day, text: "Accord"))
        let parsed = RequestDraft(request, language: .fr).parse(members: demoSnapshot.territory.members, newID: "X")
        #expect(parsed.request?.renews == "D-0" && parsed.request?.staffFTE == "0.50" && parsed.request?.answer?.text == "Accord")
    }
}
