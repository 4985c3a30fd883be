import Domain

/// What the Rapports pane shows of one period: the activity report (`releve report`'s figures)
/// and what the screen needs to say them as people read them (names, months), built off the
/// key loop by `ReportScreen.make`. An observer's holds no absence kind.
public struct ReportScreen: Sendable {
    public let report: ActivityReport
    public let memberNames: [String: String]
    public let agentNames: [String: String]
    /// The kind of each absence day, by agent then day number: the coordinator's only (empty
    /// for an observer, who reads "absent(e)").
    public let absenceKinds: [String: [Int: AbsenceKind]]
    /// Minutes needed and served in each month of the period, for the chart.
    public let months: [MonthMinutes]
    /// The convention's notice (days), for the short-notice line.
    public let noticeDays: Int
    /// Whether it was made for a reader who sees private fields (the coordinator).
    public let seesPrivateFields: Bool

    public typealias MonthMinutes = Domain.MonthMinutes

    public var period: ReportPeriod { report.period }

    /// The screen of `report`, computed from the same `territory`; `policy` says whether the
    /// absence kinds are kept.
    public static func make(_ report: ActivityReport, territory: Territory, policy: ReadPolicy) -> ReportScreen {
        let period = report.period
        let calendar = territory.service.calendar
        let months = report.months(calendar: calendar)
        var kinds: [String: [Int: AbsenceKind]] = [:]
        if policy.seesPrivateFields {
            for agent in territory.agents {
                for absence in agent.absences where absence.to >= period.previous.from && absence.from <= period.to {
                    var day = max(absence.from, period.previous.from)
                    while day <= min(absence.to, period.to) {
                        kinds[agent.code, default: [:]][day.dayNumber] = absence.kind
                        day = day.adding(days: 1)
                    }
                }
            }
        }
        return ReportScreen(report: report, memberNames: territory.memberNames, agentNames: territory.agentNames, absenceKinds: kinds,
                            months: months, noticeDays: territory.service.convention.noticeDays,
                            seesPrivateFields: policy.seesPrivateFields)
    }
}

/// The two files `f` and `c` write.
public enum ReportFileKind: String, Sendable, Equatable {
    case pdf, csv
}

/// The Rapports pane: the activity report of a period (the last whole one by default),
/// each period computed once off the key loop and kept; a cursor over the figures.
public struct ReportsPaneState: Sendable {
    /// The period on screen; nil until the default one (the convention's) is known.
    public var period: ReportPeriod?
    /// Reports computed so far, by period (emptied when the data changes).
    public var cache: [ReportPeriod: ReportScreen] = [:]
    /// A report is being computed.
    public var loading = false
    /// The selected figure (index among the selectable lines) and the first line shown.
    public var cursor = 0
    public var scroll = 0
    /// The file is already there: replace it? o / n.
    public var overwrite: (kind: ReportFileKind, path: String)?
    /// Bumped whenever `cache` changes, so that the lines below know when to be made again.
    public var generation = 0
    /// The lines of the report on screen, made once per report, width, language and role (a
    /// national report lists 35,000 members: never per key or per frame).
    var lines: [ReportLine] = []
    var linesMadeFor: LinesKey?

    public struct LinesKey: Equatable, Sendable {
        var period: ReportPeriod
        var generation: Int
        var width: Int
        var language: Language
        var role: UserRole
    }

    public init() {}

    /// The report on screen, when computed.
    public var shown: ReportScreen? { period.flatMap { cache[$0] } }
}
