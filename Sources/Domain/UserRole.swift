/// What a Unix login may do (issue 5): the coordinator everything; an observer reads, without
/// absence motives (health data).
public enum UserRole: String, Sendable, CaseIterable {
    case coordinator, observer

    public func label(_ l: Language) -> String {
        switch (self, l) {
        case (.coordinator, .fr): "coordinateur"
        case (.observer, .fr): "observateur"
        case (.coordinator, .en): "coordinator"
        case (.observer, .en): "observer"
        }
    }

    /// Whether this role sees absence motives and may change anything.
    public var isCoordinator: Bool { self == .coordinator }
}
