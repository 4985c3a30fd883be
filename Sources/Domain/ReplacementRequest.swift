/// The priority class of a motive (rules.md §2): P1 urgent … P4 summer.
public enum PriorityClass: Int, Sendable, Comparable, CaseIterable {
    case urgent = 1
    case absence = 2
    case mission = 3
    case summer = 4

    public static func < (a: PriorityClass, b: PriorityClass) -> Bool { a.rawValue < b.rawValue }
}

/// Why a member asks for a replacement; each motive belongs to one class.
public enum Motive: String, Sendable, CaseIterable {
    case maladie
    case maternite
    case accident
    case retraite
    case congesExceptionnels = "conges_exceptionnels"
    case enfantMalade = "enfant_malade"
    case autreAbsence = "autre_absence"
    case missionParticuliere = "mission_particuliere"
    case surcroit
    case congesEte = "conges_ete"

    public var priorityClass: PriorityClass {
        switch self {
        case .maladie, .maternite, .accident: return .urgent
        case .retraite, .congesExceptionnels, .enfantMalade, .autreAbsence: return .absence
        case .missionParticuliere, .surcroit: return .mission
        case .congesEte: return .summer
        }
    }

    /// What users read: `maladie`, `congés d'été`…
    public func label(in language: Language) -> String {
        switch self {
        case .maladie: return language.pick("maladie", "sickness")
        case .maternite: return language.pick("maternité", "maternity")
        case .accident: return language.pick("accident", "accident")
        case .retraite: return language.pick("retraite", "retirement")
        case .congesExceptionnels: return language.pick("congés exceptionnels", "special leave")
        case .enfantMalade: return language.pick("enfant malade", "sick child")
        case .autreAbsence: return language.pick("autre absence", "other absence")
        case .missionParticuliere: return language.pick("mission particulière", "special mission")
        case .surcroit: return language.pick("surcroît d'activité", "extra workload")
        case .congesEte: return language.pick("congés d'été", "summer leave")
        }
    }
}

/// A member's request for a replacement agent (demande de remplacement).
public struct ReplacementRequest: Hashable, Sendable {
    public var id: String
    public var member: String
    public var motive: Motive
    public var received: CalendarDate
    public var start: CalendarDate
    public var end: CalendarDate
    public var minutesPerWeek: Int
    /// Exempt from the one-week minimum and the two-month cap.
    public var exceptional: Bool
    /// The job description the member gave (`requests[].missions`), printed in the contract.
    public var missions: String?
    /// The request this one renews or extends (annex 2 art. 4; rules.md §8).
    public var renews: String?
    /// The commune's own secretarial staff in full-time equivalents, as given (`"0.50"`).
    public var staffFTE: String?
    /// The answer the service gave the commune (date, text).
    public var answer: RequestAnswer?

    public init(id: String, member: String, motive: Motive, received: CalendarDate,
                start: CalendarDate, end: CalendarDate, minutesPerWeek: Int, exceptional: Bool = false, missions: String? = nil,
                renews: String? = nil, staffFTE: String? = nil, answer: RequestAnswer? = nil) {
        self.missions = missions
        self.renews = renews
        self.staffFTE = staffFTE
        self.answer = answer
        self.id = id
        self.member = member
        self.motive = motive
        self.received = received
        self.start = start
        self.end = end
        self.minutesPerWeek = minutesPerWeek
        self.exceptional = exceptional
    }

    public var priorityClass: PriorityClass { motive.priorityClass }

    /// Minutes needed on each working day of the span: hours per week / 5, rounded down.
    public var dailyNeed: Int { minutesPerWeek / 5 }
}

/// Hours an agent worked for a member on one day (heures saisies).
public struct TimeEntry: Hashable, Sendable {
    /// Nil until stored.
    public var id: Int64?
    public var agent: String
    public var member: String
    public var date: CalendarDate
    public var minutes: Int
    /// The mission (request) worked on, nil for rota work.
    public var request: String?
    public var validated: Bool

    public init(id: Int64? = nil, agent: String, member: String, date: CalendarDate, minutes: Int,
                request: String? = nil, validated: Bool = false) {
        self.id = id
        self.agent = agent
        self.member = member
        self.date = date
        self.minutes = minutes
        self.request = request
        self.validated = validated
    }

    /// No one works more than a day in a day.
    public static let maximumMinutes = 24 * 60
}
