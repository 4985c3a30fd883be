import Domain

/// The planning grid's position.
public struct PlanningState: Sendable, Equatable {
    public enum Rows: Sendable, Equatable { case agents, members }
    public var weekStart: CalendarDate
    public var row = 0
    public var scroll = 0
    /// 0–9: Monday morning … Friday afternoon (week view), or the day index (month view).
    public var column = 0
    public var month = false
    public var rows: Rows = .agents
    public var showDetail = false
}
