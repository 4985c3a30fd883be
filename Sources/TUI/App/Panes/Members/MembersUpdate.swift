import Domain

/// Keys of the Communes pane: new, edit, opening hours, delete (after "o").
func handleMembersKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    switch action {
    case .newItem: openRecordForm(.member(existing: nil), &state)
    case .editItem:
        if let member = state.memberRows[safe: state.members.cursor] { openRecordForm(.member(existing: member.code), &state) }
    case .editOpeningHours:
        if let member = state.memberRows[safe: state.members.cursor] {
            openRecordForm(.openingHours(member: member.code, original: member.openingHours), &state)
        }
    case .editMembership:
        if let member = state.memberRows[safe: state.members.cursor] { openRecordForm(.membership(member: member.code), &state) }
    case .deleteItem:
        if let member = state.memberRows[safe: state.members.cursor] {
            state.pendingDeletion = PendingDeletion(target: .member, code: member.code, name: member.name)
        }
    default: return nil
    }
    return []
}
