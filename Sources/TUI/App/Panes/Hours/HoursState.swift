import Domain

/// Validation and closed months in the Heures pane (issue 5): a cursor over the week's rows
/// (agent × member); `V` validates the row's hours of the week, or, in the detail (Enter), the
/// entry under the cursor; `S` the agent's whole week; `C` closes the month of the week shown and
/// `O` reopens it with a reason (written to the audit trail).
public struct HoursPaneState: Sendable, Equatable {
    public enum Prompt: Sendable, Equatable {
        case close(month: String)
        case reopen(month: String, reason: String)
        /// "Supprimer la saisie n° 12 ?" (o/n).
        case deleteEntry(TimeEntry)
    }

    public var list = ListState()
    /// The entry cursor inside the detail of a row.
    public var entry = 0
    public var closedMonths: [String] = []
    /// The week's hours are being read: the pane says so rather than "no hours".
    public var loading = false
    public var prompt: Prompt?
    public var promptError: String?

    public init() {}
}

/// One row of the week's table: an agent at a member, with its entries.
struct HoursRow {
    var agent: String
    var member: String
    var agentName: String
    var memberName: String
    var entries: [TimeEntry]
}

extension AppState {
    /// `2026-11` for the week shown (its Monday's month).
    var hoursMonth: String { String(hoursWeek.iso.prefix(7)) }
}
