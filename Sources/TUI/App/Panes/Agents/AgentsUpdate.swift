import Domain

/// Keys of the Agents pane: new, edit, add an absence or a rota slot, list them (A, R), delete.
func handleAgentsKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    let agent = state.agentRows[safe: state.agents.cursor]
    switch action {
    case .newItem: openRecordForm(.agent(existing: nil), &state)
    case .editItem: if let agent { openRecordForm(.agent(existing: agent.code), &state) }
    case .addAbsence: if let agent { openRecordForm(.absence(agent: agent.code), &state) }
    case .addRota: if let agent { openRecordForm(.rota(agent: agent.code), &state) }
    case .listAbsences, .listRota:
        if let agent { state.agentItems = AgentItemsState(kind: action == .listAbsences ? .absences : .rota, agent: agent.code) }
    case .deleteItem:
        if let agent { state.pendingDeletion = PendingDeletion(target: .agent, code: agent.code, name: agent.name) }
    default: return nil
    }
    return []
}
