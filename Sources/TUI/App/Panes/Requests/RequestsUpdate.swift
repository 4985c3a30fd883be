import Domain

/// Keys of the Demandes pane: a new request, or edit the selected one (rota requests change
/// through the agent's absences).
func handleRequestsKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    switch action {
    case .newItem where state.snapshot != nil:
        var draft = RequestDraft()
        let format = DisplayFormat(state.language)
        draft[.received] = format.numericDate(state.today)
        draft[.exceptional] = state.language.pick("non", "no")
        state.requestForm = RequestFormState(draft: draft)
    case .editItem:
        let rows = state.requestRows
        guard rows.indices.contains(state.requests.cursor) else { return [] }
        let decision = rows[state.requests.cursor]
        guard !decision.isImplicit else {
            state.notice = state.language.pick("Les demandes de tournée se modifient par les absences de l'agent.",
                                               "Rota requests change through the agent's absences.")
            return []
        }
        // The request as recorded (the plan's copy has no job description).
        let recorded = state.snapshot?.territory.requests.first { $0.id == decision.id } ?? decision.request
        var form = RequestFormState(draft: RequestDraft(recorded, language: state.language))
        form.read = state.snapshot?.read(request: decision.request)
        state.requestForm = form
    case .renew:
        let rows = state.requestRows
        guard rows.indices.contains(state.requests.cursor), let territory = state.snapshot?.territory else { return [] }
        let decision = rows[state.requests.cursor]
        let l = state.language
        guard !decision.isImplicit else {
            state.notice = l.pick("Une demande de tournée ne se renouvelle pas : elle suit les absences de l'agent.",
                                  "A rota request is not renewed: it follows the agent's absences.")
            return []
        }
        let recorded = territory.requests.first { $0.id == decision.id } ?? decision.request
        if let problem = FollowUp.renewalProblem(decision, renewedBy: territory.requests.first { $0.renews == decision.id }?.id) {
            state.notice = problem.message(in: l)
            return []
        }
        state.requestForm = RequestFormState(draft: .renewal(of: recorded, effectiveEnd: decision.effectiveEnd,
                                                             today: state.today, language: l))
    case .followUp:
        state.requestsFollowUp.toggle()
        state.requests.cursor = 0
        state.requests.scroll = 0
    case .answerRenewal:
        guard let d = state.requestRows[safe: state.requests.cursor], !d.isImplicit,
              state.snapshot?.territory.requests.contains(where: { $0.id == d.id }) == true else { return [] }
        openRecordForm(.answer(request: d.id), &state)
    case .recordEvaluation:
        let doing = state.language.pick("s'évaluer", "be evaluated")
        guard let d = servedMission(&state, doing: doing) else { return [] }
        openRecordForm(.evaluation(request: d.id), &state)
    case .writePDF:
        let doing = state.language.pick("avoir un formulaire d'évaluation", "have an evaluation form")
        guard let d = servedMission(&state, doing: doing) else { return [] }
        return [.writeEvaluationForm(request: d.id)]
    default: return nil
    }
    return []
}

/// The real request under the cursor when it was served; else a notice says why not (`doing`:
/// what it cannot do).
private func servedMission(_ state: inout AppState, doing: String) -> RequestDecision? {
    guard let d = state.requestRows[safe: state.requests.cursor] else { return nil }
    let l = state.language
    if d.isImplicit {
        state.notice = l.pick("Une reprise de tournée n'est pas une mission : elle ne peut pas \(doing).", "A rota cover is not a mission: it cannot \(doing).")
        return nil
    }
    guard d.servedMinutes > 0 else {
        state.notice = l.pick("\(requestName(d.id, state.snapshot, l)) n'a pas été servie : elle ne peut pas \(doing).",
                              "\(requestName(d.id, state.snapshot, l)) was never served: it cannot \(doing).")
        return nil
    }
    return d
}
