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

/// `M` in Communes: the membership papers (annex 1), checked like the other forms.
@Suite struct MembershipFormTests {
    @Test func theMembershipFormSavesThePapers() throws {
        var state = loadedState()
        _ = press(&state, .character("3"), .character("M"))
        var form = try #require(state.recordForm)
        let member = state.memberRows[state.members.cursor]
        #expect(form.fields.count == 10)
        // The commitment is prefilled three years after joining, the day before.
        #expect(form.fields[3].value == DisplayFormat(.fr).numericDate(Membership.defaultNonRecruitmentUntil(memberSince: member.memberSince)))
        form.fields[0].value = "12/05/2022"
        form.fields[1].value = "oui"
        form.fields[4].value = "31/12/2026"
        form.fields[6].value = "Guy Martin"
        let refused = RecordDrafts.parse(form.kind, form.fields, territory: demoSnapshot.territory, language: .fr)
        #expect(refused.change == nil && refused.problems[5]?.contains("motif attendu") == true)
        form.fields[5].value = "interet_general"
        form.fields[2].value = "peut-être"
        #expect(RecordDrafts.parse(form.kind, form.fields, territory: demoSnapshot.territory, language: .fr).problems[2] != nil)
        form.fields[2].value = ""
        let parsed = RecordDrafts.parse(form.kind, form.fields, territory: demoSnapshot.territory, language: .fr)
        let papers = try #require(parsed.change?.members.first?.membership)
        #expect(papers.mayor == "Guy Martin" && papers.hostsImmersion == true && papers.referentVolunteer == nil)
        #expect(papers.leftGround == .interetGeneral && papers.leftOn == CalendarDate(year: 2026, month: 12, day: 31))
        #expect(parsed.change?.members.first?.name == member.name)
    }
}
