import Domain

/// Typing in the request form: fields, validation, then the impact, then saving.
func editRequestForm(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var form = state.requestForm else { return [] }
    let fields = RequestDraft.Field.allCases
    var focus = form.focus.rawValue
    var text = form.draft[form.focus]
    let result = formKey(key, focus: &focus, fieldCount: fields.count, text: &text, modified: &form.modified,
                         confirmingCancel: &form.confirmingCancel)
    form.draft[form.focus] = text
    form.focus = RequestDraft.Field(rawValue: focus) ?? .member
    var effects: [Effect] = []
    switch result {
    case .close:
        state.requestForm = nil
        return []
    case .typed:
        form.impact = nil
        form.estimateYear = nil
        form.estimate = nil
        form.estimateMissing = nil
        form.error = nil
    case .enter:
        if let pending = form.pending, form.impact != nil {
            effects = [.saveRequest(pending, isNew: form.draft.id == nil, read: form.read)]
        } else {
            let folded = state.snapshot?.foldedMemberName ?? [:]
            let parsed = form.draft.parse(members: state.snapshot?.territory.members ?? [], newID: RequestFormState.newID,
                                          language: state.language, foldedName: { folded[$0.code] ?? $0.name.folding() })
            form.problems = parsed.problems
            if let first = fields.first(where: { parsed.problems[$0] != nil }) { form.focus = first }
            if let request = parsed.request { effects = [.previewRequest(request)] }
        }
    case .other: break
    }
    state.requestForm = form
    return effects
}
