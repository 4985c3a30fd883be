import Domain
import Testing
@testable import TUI

/// Demandes, `u`: what is to follow up (rules.md §8), and the forms `a` (the answer given to a
/// commune) and `v` (the mayor's evaluation), `f` the evaluation form.
@Suite struct FollowUpPaneTests {
    /// The demo with one renewal received the day before, unanswered: due in 72 h.
    func stateWithRenewal(today: CalendarDate = demoToday, role: UserRole = .coordinator) throws -> (AppState, String) {
        var territory = demoSnapshot.territory
        let plan = demoSnapshot.plan
        let served = try #require(plan.decisions.last { !$0.isImplicit && $0.servedMinutes > 0 && $0.status == .granted })
        let last = try #require(served.lastServedDay)
        territory.requests.append(ReplacementRequest(id: "D-2026-099", member: served.request.member, motive: served.request.motive,
                                                     received: demoToday.adding(days: -1), start: last.adding(days: 1),
                                                     end: last.adding(days: 10), minutesPerWeek: served.request.minutesPerWeek,
                                                     renews: served.id))
        territory.evaluations = [Evaluation(request: served.id, received: last.adding(days: 3),
                                            scores: EvaluationScores(quality: 4, adaptation: 3, relations: 4, punctuality: 2, overall: 4),
                                            again: true, comment: "Très bonne secrétaire")]
        var state = AppState(width: 120, height: 40, today: today, role: role)
        _ = update(&state, .loaded(Snapshot(territory: territory, plan: Arbitration.plan(territory))))
        return (state, "D-2026-099")
    }

    @Test func uListsOnlyWhatIsToFollowUpWithWhatIsDue() throws {
        var (state, renewal) = try stateWithRenewal()
        _ = press(&state, .character("2"))
        let all = state.requestRows.count
        #expect(screen(state)[1].contains("à suivre :"))
        _ = press(&state, .character("u"))
        let marks = state.lists.followUp.marks
        #expect(state.requestRows.count == marks.count && state.requestRows.count < all)
        #expect(state.requestRows.allSatisfy { marks[$0.id] != nil })
        // Every served mission ended before today without an evaluation is listed.
        let due = FollowUp.evaluationsDue(state.snapshot!.plan, evaluations: [], convention: .standard, today: demoToday)
        #expect(state.lists.followUp.evaluationCount == due.count && due.count > 0)
        let lines = screen(state)
        #expect(lines[1].contains("À suivre · \(marks.count)") && lines[1].contains("1 réponse"))
        #expect(lines.contains { $0.contains(renewal) && $0.contains("réponse due le 18/11") })
        #expect(lines.contains { $0.contains("évaluation due, \(due[0].age) j") })
        // u again: every request.
        _ = press(&state, .character("u"))
        #expect(state.requestRows.count == all)
    }

    @Test func aRecordsTheAnswerAndRefusesOneBeforeReceipt() throws {
        var (state, renewal) = try stateWithRenewal()
        _ = press(&state, .character("2"), .character("u"))
        state.requests.cursor = try #require(state.requestRows.firstIndex { $0.id == renewal })
        _ = press(&state, .character("a"))
        var form = try #require(state.recordForm)
        #expect(form.kind == .answer(request: renewal))
        #expect(screen(state).contains { $0.contains("Réponse à la commune") })
        form.fields[0].value = "01/11/2026"
        form.fields[1].value = ""
        state.recordForm = form
        #expect(press(&state, .enter).isEmpty)
        #expect(state.recordForm?.problems[0]?.contains("avant") == true || state.recordForm?.problems[0] != nil)
        #expect(state.recordForm?.problems[1] != nil)
        form.fields[0].value = "17/11/2026"
        form.fields[1].value = "Accord pour dix jours de plus"
        state.recordForm = form
        let effects = press(&state, .enter)
        #expect(effects == [.recordFollowUp(.answer(request: renewal, RequestAnswer(date: demoToday.adding(days: 1), text: "Accord pour dix jours de plus"), seen: nil))])
    }

    @Test func vRecordsTheMayorsScoresOneToFour() throws {
        var state = loadedState()
        _ = press(&state, .character("2"), .character("u"))
        let due = try #require(state.requestRows.firstIndex { state.lists.followUp.marks[$0.id]?.contains { if case .evaluation = $0 { true } else { false } } == true })
        state.requests.cursor = due
        let id = state.requestRows[due].id
        _ = press(&state, .character("v"))
        var form = try #require(state.recordForm)
        #expect(form.kind == .evaluation(request: id) && form.fields.count == 8)
        form.fields[1].value = "4"; form.fields[2].value = "5"; form.fields[3].value = "x"
        form.fields[4].value = "3"; form.fields[5].value = "4"; form.fields[6].value = "peut-être"
        state.recordForm = form
        #expect(press(&state, .enter).isEmpty)
        #expect(Set(state.recordForm?.problems.keys.map { $0 } ?? []) == [2, 3, 6])
        #expect(state.recordForm?.problems[2]?.contains("pas « 5 »") == true)
        form.fields[2].value = "3"; form.fields[3].value = "2"; form.fields[6].value = "oui"; form.fields[7].value = "Merci"
        state.recordForm = form
        let effects = press(&state, .enter)
        let scores = try #require(EvaluationScores([4, 3, 2, 3, 4]))
        #expect(effects == [.recordFollowUp(.evaluation(Evaluation(request: id, received: demoToday, scores: scores, again: true, comment: "Merci"), seen: nil))])
    }

    @Test func fWritesTheFormOfAServedMissionOnly() throws {
        var state = loadedState()
        _ = press(&state, .character("2"))
        let served = try #require(state.requestRows.firstIndex { !$0.isImplicit && $0.servedMinutes > 0 })
        state.requests.cursor = served
        #expect(press(&state, .character("f")) == [.writeEvaluationForm(request: state.requestRows[served].id)])
        if let unserved = state.requestRows.firstIndex(where: { !$0.isImplicit && $0.servedMinutes == 0 }) {
            state.requests.cursor = unserved
            #expect(press(&state, .character("f")).isEmpty && state.notice?.contains("n'a pas été servie") == true)
        }
    }

    @Test func anObserverSeesTheListButRecordsNothingAndNoScores() throws {
        var (state, renewal) = try stateWithRenewal(role: .observer)
        _ = press(&state, .character("2"), .character("u"))
        #expect(state.requestRows.contains { $0.id == renewal })
        state.requests.cursor = 0
        #expect(press(&state, .character("v")).isEmpty && state.recordForm == nil)
        #expect(press(&state, .character("a")).isEmpty && state.recordForm == nil)
        // The renewed mission's evaluation: its date, not its scores nor the mayor's comment.
        let evaluated = try #require(state.snapshot?.territory.evaluations.first?.request)
        _ = press(&state, .character("u"))
        state.requests.cursor = try #require(state.requestRows.firstIndex { $0.id == evaluated })
        _ = press(&state, .enter)
        let lines = screen(state)
        #expect(lines.contains { $0.contains("Évaluation reçue le") })
        #expect(!lines.contains { $0.contains("qualité du travail 4") || $0.contains("Très bonne") })
    }

    @Test func theCoordinatorSeesTheScoresTheCommentAndTheRenewalChain() throws {
        var (state, renewal) = try stateWithRenewal()
        let evaluated = try #require(state.snapshot?.territory.evaluations.first?.request)
        _ = press(&state, .character("2"))
        state.requests.cursor = try #require(state.requestRows.firstIndex { $0.id == evaluated })
        _ = press(&state, .enter)
        let lines = screen(state)
        #expect(lines.contains { $0.contains("qualité du travail 4") })
        #expect(lines.contains { $0.contains("« Très bonne") })
        #expect(lines.contains { $0.contains("Renouvelée par") && $0.contains(renewal) })
    }

    @Test func theConventionEndIsSaidOnOpeningAndInCommunes() throws {
        var territory = demoSnapshot.territory
        territory.service.conventionEnd = demoToday.adding(days: 40)
        var state = AppState(width: 80, height: 24, today: demoToday)
        _ = update(&state, .loaded(Snapshot(territory: territory, plan: demoSnapshot.plan)))
        #expect(state.notice == "⚠ Fin de la convention le \(DisplayFormat(.fr).numericDate(demoToday.adding(days: 40))) (dans 40 j) : détail dans Communes")
        _ = press(&state, .character("3"), .enter)
        #expect(screen(state).contains { $0.contains("⚠ La convention du service prend fin le") })
        // Four months before: nothing.
        territory.service.conventionEnd = demoToday.adding(days: 130)
        var early = AppState(width: 80, height: 24, today: demoToday)
        _ = update(&early, .loaded(Snapshot(territory: territory, plan: demoSnapshot.plan)))
        #expect(early.notice == nil)
    }
}
