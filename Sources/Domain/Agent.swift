/// A secretary employed by the EPCI and lent to members.
public struct Agent: Hashable, Sendable {
    public var code: String
    public var name: String
    public var weeklyMinutes: Int
    public var rttDaysPerYear: Int
    /// Real yearly cost (salary, charges, training, travel), nil when not billed pro rata.
    public var annualCostCents: Int?
    /// Salary and charges per hour, for the `agent_cost` scheme (rules.md §6.5); nil when unknown.
    public var hourlyCostCents: Int?
    public var rota: [RotaEntry]
    public var absences: [Absence]

    public init(code: String, name: String, weeklyMinutes: Int, rttDaysPerYear: Int = 0,
                annualCostCents: Int? = nil, hourlyCostCents: Int? = nil, rota: [RotaEntry] = [], absences: [Absence] = []) {
        self.code = code
        self.name = name
        self.weeklyMinutes = weeklyMinutes
        self.rttDaysPerYear = rttDaysPerYear
        self.annualCostCents = annualCostCents
        self.hourlyCostCents = hourlyCostCents
        self.rota = rota
        self.absences = absences
    }

    /// Weekly minutes / 5, rounded down (rules.md §1: 35 h → 420, 37 h 30 → 450, 31 h 20 → 376).
    public var dailyMinutes: Int { weeklyMinutes / 5 }

    /// The absence covering `date`, if any.
    public func absence(on date: CalendarDate) -> Absence? {
        absences.first { $0.covers(date) }
    }
}

/// A regular weekly assignment of an agent to a member ("tournée"), e.g. Tuesdays 08:30–12:00.
public struct RotaEntry: Hashable, Sendable, Comparable {
    public var member: String
    public var day: Weekday
    public var time: TimeRange

    public init(member: String, day: Weekday, time: TimeRange) {
        self.member = member
        self.day = day
        self.time = time
    }

    public static func < (a: RotaEntry, b: RotaEntry) -> Bool {
        (a.day.isoNumber, a.time.start, a.time.end, a.member) < (b.day.isoNumber, b.time.start, b.time.end, b.member)
    }
}

/// Why an agent is away. The kind is private (health data): only the coordinator sees it.
public enum AbsenceKind: String, Sendable, CaseIterable {
    case conges
    case formation
    case maladie
    case maternite
    case accident
    case autre

    /// Sickness, maternity and accident make the implicit rota requests urgent (rules.md §4).
    public var isUrgent: Bool { self == .maladie || self == .maternite || self == .accident }
}

/// A period when an agent does not work (both days included).
public struct Absence: Hashable, Sendable, Comparable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var kind: AbsenceKind

    public init(from: CalendarDate, to: CalendarDate, kind: AbsenceKind) {
        self.from = from
        self.to = to
        self.kind = kind
    }

    public func covers(_ date: CalendarDate) -> Bool { date >= from && date <= to }

    public static func < (a: Absence, b: Absence) -> Bool {
        (a.from, a.to, a.kind.rawValue) < (b.from, b.to, b.kind.rawValue)
    }
}
