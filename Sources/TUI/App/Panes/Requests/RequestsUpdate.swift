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
    default: return nil
    }
    return []
}
