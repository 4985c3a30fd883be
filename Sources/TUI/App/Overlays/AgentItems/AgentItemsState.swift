import Domain

/// An agent's absences or rota slots as a list with a cursor, over the Agents pane (`A`, `R`):
/// `e` edits the selected one, `d` deletes it after confirmation, `n` adds one.
public struct AgentItemsState: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case absences, rota }
    public var kind: Kind
    public var agent: String
    public var cursor = 0
    /// True while the overlay asks "o/n" before deleting the selected item.
    public var confirmingDeletion = false

    public init(kind: Kind, agent: String) {
        self.kind = kind
        self.agent = agent
    }
}

/// One row of an agent's list of absences or rota slots.
enum AgentItem: Equatable {
    case absence(Absence)
    case rota(RotaEntry)
}

extension AppState {
    /// The agent whose absences or rota slots are listed.
    var agentItemsAgent: Agent? {
        guard let items = agentItems else { return nil }
        return snapshot?.agent(items.agent)
    }

    /// The rows of the open list of absences or rota slots, in date (or weekday) order.
    var agentItemList: [AgentItem] {
        guard let items = agentItems, let agent = agentItemsAgent else { return [] }
        switch items.kind {
        case .absences: return agent.absences.sorted().map(AgentItem.absence)
        case .rota: return agent.rota.sorted().map(AgentItem.rota)
        }
    }

    var agentItemCount: Int { agentItemList.count }

    func agentItem(at index: Int) -> AgentItem? { agentItemList[safe: index] }
}
