import Domain

/// A form for a member, an agent or an absence, on top of its pane.
public struct RecordFormState: Sendable, Equatable {
    public var kind: RecordKind
    public var fields: [FormField]
    public var focus = 0
    public var problems: [Int: String] = [:]
    public var modified = false
    public var confirmingCancel = false
    public var error: String?
    /// The member, agent or tariff as it was when the form opened, with its version: saving
    /// refuses to overwrite it if another session changed it (or a child row) meanwhile.
    public var reads: [ReadRecord] = []

    public init(kind: RecordKind, fields: [FormField]) {
        self.kind = kind
        self.fields = fields
    }
}

/// A deletion waiting for the coordinator's "o".
public struct PendingDeletion: Sendable, Equatable {
    public enum Target: Sendable, Equatable { case member, agent }
    public var target: Target
    public var code: String
    public var name: String
}
