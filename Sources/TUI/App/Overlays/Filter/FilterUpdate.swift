import Domain

func editFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
    func change(_ body: (inout ListState) -> Void) {
        switch state.pane {
        case .requests: body(&state.requests)
        case .members: body(&state.members)
        case .agents: body(&state.agents)
        default: break
        }
    }
    switch key {
    case .enter: state.editingFilter = false
    case .escape:
        state.editingFilter = false
        change { $0.filter = "" }
    case .backspace: change { if !$0.filter.isEmpty { $0.filter.removeLast() } }
    case .character(let c): change { $0.filter.append(c); $0.cursor = 0; $0.scroll = 0 }
    default: break
    }
    return []
}
