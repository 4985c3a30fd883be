import Domain

/// Keys in an agent's list of absences or rota slots: move, edit, delete after "o", add, close.
func editAgentItems(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var items = state.agentItems else { return [] }
    let selected = state.agentItem(at: items.cursor)
    if items.confirmingDeletion {
        items.confirmingDeletion = false
        state.agentItems = items
        // The agent as the list shows it: a change made meanwhile refuses the deletion.
        guard Confirmation.accepts(key), let selected, let read = state.snapshot?.read(agent: items.agent) else { return [] }
        switch selected {
        case .absence(let absence): return [.editRecord(.deleteAbsence(agent: items.agent, absence), read: read)]
        case .rota(let entry): return [.editRecord(.deleteRota(agent: items.agent, entry), read: read)]
        }
    }
    guard let action = KeyMap.action(for: key) else { return [] }
    if state.role == .observer && action.isEditing {
        state.notice = state.readOnlyNotice(action)
        return []
    }
    let count = state.agentItemCount
    switch action {
    case .quit:
        state.running = false
        return [.quit]
    case .help: state.showHelp = true
    case .back: state.agentItems = nil
    case .up: items.cursor -= 1
    case .down: items.cursor += 1
    case .pageUp: items.cursor -= 10
    case .pageDown: items.cursor += 10
    case .listAbsences: items = AgentItemsState(kind: .absences, agent: items.agent)
    case .listRota: items = AgentItemsState(kind: .rota, agent: items.agent)
    case .editItem, .open:
        switch selected {
        case .absence(let absence)?: openRecordForm(.editAbsence(agent: items.agent, original: absence), &state)
        case .rota(let entry)?: openRecordForm(.editRota(agent: items.agent, original: entry), &state)
        case nil: state.notice = state.language.pick("Rien à modifier : la liste est vide.", "Nothing to edit: the list is empty.")
        }
    case .deleteItem:
        if selected == nil {
            state.notice = state.language.pick("Rien à supprimer : la liste est vide.", "Nothing to delete: the list is empty.")
        } else {
            items.confirmingDeletion = true
        }
    case .newItem, .addAbsence, .addRota:
        openRecordForm(items.kind == .absences ? .absence(agent: items.agent) : .rota(agent: items.agent), &state)
    default: break
    }
    guard state.agentItems != nil else { return [] }
    items.cursor = max(0, min(items.cursor, count - 1))
    state.agentItems = items
    return []
}
