/// Why a request was decided as it was: the codes of rules.md §2–3, in the order they are
/// listed there, so that every decision reads the same way.
public enum ReasonCode: Hashable, Sendable, Comparable {
    case urgent
    case smallCommune
    case shortNotice
    case capped
    /// The hours a week were cut to the convention's weekly cap.
    case cappedWeekly
    case refused(Refusal)
    case sharedWith([String])
    case preemptedBy(String)
    case tourDeRole
    case noCapacity

    /// The code as printed by `releve plan` (`SHARED_WITH:D-1,D-2`).
    public var code: String {
        switch self {
        case .urgent: return "P1_URGENT"
        case .smallCommune: return "SMALL_COMMUNE"
        case .shortNotice: return "SHORT_NOTICE"
        case .capped: return "CAPPED_2_MONTHS"
        case .cappedWeekly: return "CAPPED_WEEKLY"
        case .refused(let refusal): return refusal.rawValue
        case .sharedWith(let ids): return "SHARED_WITH:" + ids.joined(separator: ",")
        case .preemptedBy(let id): return "PREEMPTED_BY:" + id
        case .tourDeRole: return "TOUR_DE_ROLE"
        case .noCapacity: return "NO_CAPACITY"
        }
    }

    var rank: Int {
        switch self {
        case .urgent: return 0
        case .smallCommune: return 1
        case .shortNotice: return 2
        case .capped: return 3
        case .cappedWeekly: return 4
        case .refused: return 5
        case .sharedWith: return 6
        case .preemptedBy: return 7
        case .tourDeRole: return 8
        case .noCapacity: return 9
        }
    }

    public static func < (a: ReasonCode, b: ReasonCode) -> Bool { a.rank < b.rank }
}

/// Why a request is refused before any arbitration (rules.md §2, checks 1–3).
public enum Refusal: String, Hashable, Sendable, CaseIterable {
    case notMember = "NOT_MEMBER"
    case invalidPeriod = "INVALID_PERIOD"
    case belowMinDuration = "BELOW_MIN_DURATION"
}

/// The outcome of a request (rules.md §3).
public enum DecisionStatus: String, Hashable, Sendable, CaseIterable {
    case refused
    case granted
    case partial
    case unserved
    case preempted
}

/// Consecutive served working days with the same agent and the same minutes per day.
public struct ServedPeriod: Hashable, Sendable {
    public var from: CalendarDate
    public var to: CalendarDate
    public var agent: String
    public var minutesPerDay: Int

    public init(from: CalendarDate, to: CalendarDate, agent: String, minutesPerDay: Int) {
        self.from = from
        self.to = to
        self.agent = agent
        self.minutesPerDay = minutesPerDay
    }
}

/// The decision on one request, with everything a coordinator needs to explain it.
public struct RequestDecision: Hashable, Sendable {
    public var request: ReplacementRequest
    /// True for the implicit requests born of a rota agent's absence (rules.md §4).
    public var isImplicit: Bool
    public var small: Bool
    public var status: DecisionStatus
    public var neededMinutes: Int
    public var servedMinutes: Int
    public var preemptedOn: CalendarDate?
    public var capped: Bool
    /// The last day of the span after the two-month cap.
    public var effectiveEnd: CalendarDate
    public var reasons: [ReasonCode]
    /// Ordered by start date, then agent code.
    public var periods: [ServedPeriod]
    /// When the request was left short: the requests served before it those days (at most
    /// five, the first in the order of rules.md §3.3 first), to name who went first.
    public var wentFirst: [String]

    public var id: String { request.id }
    public var priorityClass: PriorityClass { request.priorityClass }

    public init(request: ReplacementRequest, isImplicit: Bool, small: Bool, status: DecisionStatus, neededMinutes: Int,
                servedMinutes: Int, preemptedOn: CalendarDate?, capped: Bool, effectiveEnd: CalendarDate,
                reasons: [ReasonCode], periods: [ServedPeriod], wentFirst: [String] = []) {
        self.request = request
        self.isImplicit = isImplicit
        self.small = small
        self.status = status
        self.neededMinutes = neededMinutes
        self.servedMinutes = servedMinutes
        self.preemptedOn = preemptedOn
        self.capped = capped
        self.effectiveEnd = effectiveEnd
        self.reasons = reasons
        self.periods = periods
        self.wentFirst = wentFirst
    }
}

/// The result of an arbitration: one decision per request, in id order.
public struct Plan: Sendable {
    public var decisions: [RequestDecision]
    /// Minutes given each day, by agent, for schedules and the planning grid.
    public var allocations: [DayAllocation]

    public init(decisions: [RequestDecision], allocations: [DayAllocation]) {
        self.decisions = decisions
        self.allocations = allocations
    }

    public func decision(_ id: String) -> RequestDecision? { decisions.first { $0.id == id } }

    /// Each member's last summer replacement as the plan leaves it (rules.md §3.3.4): the year
    /// on record, or a later year in which one of its P4 requests was served (its served
    /// periods say which days), for the members that have one.
    public func lastSummerReplacements(members: [Member]) -> [String: Int] {
        var years: [String: Int] = [:]
        for m in members { if let year = m.lastSummerReplacement { years[m.code] = year } }
        for d in decisions where d.request.priorityClass == .summer {
            for p in d.periods { years[d.request.member] = max(years[d.request.member] ?? -1, p.to.year) }
        }
        return years
    }
}

/// Minutes an agent gives a request on one day.
public struct DayAllocation: Hashable, Sendable {
    public var date: CalendarDate
    public var agent: String
    public var request: String
    public var minutes: Int

    public init(date: CalendarDate, agent: String, request: String, minutes: Int) {
        self.date = date
        self.agent = agent
        self.request = request
        self.minutes = minutes
    }
}
