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
    default: return nil
    }
    return []
}
