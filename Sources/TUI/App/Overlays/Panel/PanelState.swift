import Domain

/// What a reading panel shows, read off the key loop: who could cover a request (`s`), or the
/// half-day schedule of a request or of an agent's week (`D`).
public enum PanelSubject: Sendable, Equatable {
    case suggestions(request: String)
    case requestSchedule(request: String)
    case agentSchedule(agent: String, from: CalendarDate, to: CalendarDate)
    /// A member's year: prepaid hours used and left, its requests, its invoices.
    case memberYear(member: String, year: Int)
    /// What a figure of the Rapports pane is made of (its line `index`), computed on the spot.
    case reportFigure(index: Int, period: ReportPeriod)
}

/// What a panel holds once read.
public struct PanelContent: Sendable, Equatable {
    public var lines: [String]
    /// Agent codes a digit picks (suggestions), else empty.
    public var choices: [String]

    public init(lines: [String], choices: [String] = []) {
        self.lines = lines
        self.choices = choices
    }
}

/// A scrollable panel of lines over the panes (Escape closes it).
public struct PanelState: Sendable, Equatable {
    public var subject: PanelSubject
    public var title: String
    /// Nil while it is being read.
    public var lines: [String]?
    public var error: String?
    public var scroll = 0
    /// Suggestions: the agents a digit assigns, in the order shown (1 is the first).
    public var choices: [String] = []

    public init(subject: PanelSubject, title: String) {
        self.subject = subject
        self.title = title
    }
}
