import Domain

func openRecordForm(_ kind: RecordKind, _ state: inout AppState) {
    // Forms never open in read-only mode (the keys are refused before; this is the last guard).
    guard let snapshot = state.snapshot, state.role == .coordinator else { return }
    var form = RecordFormState(kind: kind, fields: RecordDrafts.fields(for: kind, territory: snapshot.territory,
                                                                      today: state.today, language: state.language))
    switch kind {
    case .member(let code?), .openingHours(let code, _), .membership(let code): form.reads = snapshot.read(member: code).map { [$0] } ?? []
    case .agent(let code?), .absence(let code), .rota(let code), .editAbsence(let code, _), .editRota(let code, _):
        form.reads = snapshot.read(agent: code).map { [$0] } ?? []
    case .tariff(let year): form.reads = snapshot.read(tariff: year).map { [$0] } ?? []
    case .member(nil), .agent(nil), .hours, .answer, .evaluation: break
    }
    state.recordForm = form
}

/// Typing in a member, agent, absence or rota form; Enter checks and saves.
func editRecordForm(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var form = state.recordForm, !form.fields.isEmpty else { return [] }
    let index = form.focus
    let result = formKey(key, focus: &form.focus, fieldCount: form.fields.count, text: &form.fields[index].value,
                         modified: &form.modified, confirmingCancel: &form.confirmingCancel)
    var effects: [Effect] = []
    switch result {
    case .close:
        state.recordForm = nil
        return []
    case .typed: form.error = nil
    case .enter:
        if let territory = state.snapshot?.territory, form.kind.isFollowUp {
            let parsed = RecordDrafts.parseFollowUp(form.kind, form.fields, territory: territory, language: state.language)
            form.problems = parsed.problems
            if let first = parsed.problems.keys.min() { form.focus = first }
            if let entry = parsed.entry { effects = [.recordFollowUp(entry)] }
        } else if let territory = state.snapshot?.territory, case .hours(let original, _, _) = form.kind {
            let parsed = RecordDrafts.parseHours(form.kind, form.fields, territory: territory, language: state.language)
            form.problems = parsed.problems
            if let first = parsed.problems.keys.min() { form.focus = first }
            if let entry = parsed.entry { effects = [.saveHours(entry, original: original)] }
        } else if let territory = state.snapshot?.territory, form.kind.isTargetedEdit {
            let parsed = RecordDrafts.parseEdit(form.kind, form.fields, territory: territory, language: state.language)
            form.problems = parsed.problems
            if let first = parsed.problems.keys.min() { form.focus = first }
            if let edit = parsed.edit, let read = form.reads.first { effects = [.editRecord(edit, read: read)] }
        } else if let territory = state.snapshot?.territory {
            let parsed = RecordDrafts.parse(form.kind, form.fields, territory: territory, language: state.language)
            form.problems = parsed.problems
            if let first = parsed.problems.keys.min() { form.focus = first }
            if let change = parsed.change {
                effects = [.saveRecord(change, reads: form.reads)]
            }
        }
    case .other: break
    }
    state.recordForm = form
    return effects
}
