import Domain

/// The form to create or edit a request, on top of the Demandes pane.
public struct RequestFormState: Sendable, Equatable {
    public var draft: RequestDraft
    public var focus: RequestDraft.Field = .member
    public var problems: [RequestDraft.Field: String] = [:]
    /// Set once the draft is valid: what saving would change, shown before confirming.
    public var impact: RequestImpact?
    /// The cost of the previewed request, and the year it was asked for (said when no tariff).
    public var estimate: CostEstimate?
    public var estimateYear: Int?
    /// What the scheme lacks when there is no estimate (a tariff, its amounts, an hourly cost).
    public var estimateMissing: CostEstimateMissing?
    public var pending: ReplacementRequest?
    /// The request as it was when the form opened, with its version (edits): saving refuses to
    /// overwrite it if another session changed it meanwhile.
    public var read: ReadRecord?
    public var modified = false
    public var confirmingCancel = false
    public var error: String?

    public init(draft: RequestDraft) { self.draft = draft }

    /// The id a new request is shown with until it is saved.
    public static let newID = "(nouvelle)"
}
