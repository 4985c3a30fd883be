/// The mayor's evaluation of a mission (seed 002 art. 3, annex 2 art. 5; rules.md §8): five
/// scores from 1 (insuffisant) to 4 (très satisfaisant), whether the commune would call on the
/// service again, and a comment. Comments and per-agent scores are for the coordinator only.
public struct Evaluation: Hashable, Sendable {
    /// The request (mission) evaluated.
    public var request: String
    /// The day the form came back.
    public var received: CalendarDate
    public var scores: EvaluationScores
    public var again: Bool
    public var comment: String?

    public init(request: String, received: CalendarDate, scores: EvaluationScores, again: Bool, comment: String? = nil) {
        self.request = request
        self.received = received
        self.scores = scores
        self.again = again
        self.comment = comment
    }
}

/// One criterion of the evaluation form, in the form's order.
public enum EvaluationCriterion: String, Sendable, CaseIterable {
    case quality
    case adaptation
    case relations
    case punctuality
    case overall

    /// The criterion as the form prints it.
    public func label(in language: Language) -> String {
        switch self {
        case .quality: return language.pick("qualité du travail", "quality of the work")
        case .adaptation: return language.pick("adaptation, autonomie", "adaptation, autonomy")
        case .relations: return language.pick("relations élus, public", "relations with officials, public")
        case .punctuality: return language.pick("respect des horaires et délais", "respect of hours and deadlines")
        case .overall: return language.pick("satisfaction générale", "overall satisfaction")
        }
    }
}

/// The five scores, each 1…4.
public struct EvaluationScores: Hashable, Sendable {
    public var quality: Int
    public var adaptation: Int
    public var relations: Int
    public var punctuality: Int
    public var overall: Int

    public static let range = 1...4

    public init(quality: Int, adaptation: Int, relations: Int, punctuality: Int, overall: Int) {
        self.quality = quality
        self.adaptation = adaptation
        self.relations = relations
        self.punctuality = punctuality
        self.overall = overall
    }

    /// Scores in the order of `EvaluationCriterion.allCases`.
    public init?(_ values: [Int]) {
        guard values.count == 5, values.allSatisfy(Self.range.contains) else { return nil }
        self.init(quality: values[0], adaptation: values[1], relations: values[2], punctuality: values[3], overall: values[4])
    }

    public subscript(criterion: EvaluationCriterion) -> Int {
        switch criterion {
        case .quality: return quality
        case .adaptation: return adaptation
        case .relations: return relations
        case .punctuality: return punctuality
        case .overall: return overall
        }
    }

    public var values: [Int] { EvaluationCriterion.allCases.map { self[$0] } }

    /// What a score means on the form.
    public static func label(_ score: Int, in language: Language) -> String {
        switch score {
        case 1: return language.pick("insuffisant", "insufficient")
        case 2: return language.pick("à améliorer", "to improve")
        case 3: return language.pick("satisfaisant", "satisfactory")
        default: return language.pick("très satisfaisant", "very satisfactory")
        }
    }
}

/// The answer the service gave the commune about a request, a renewal above all (annex 2 art. 4).
public struct RequestAnswer: Hashable, Sendable {
    public var date: CalendarDate
    public var text: String

    public init(date: CalendarDate, text: String) {
        self.date = date
        self.text = text
    }
}

/// Why a member left the service (annex 1 art. 10).
public enum LeavingGround: String, Sendable, CaseIterable {
    case faute
    case interetGeneral = "interet_general"

    public func label(in language: Language) -> String {
        switch self {
        case .faute: return language.pick("faute", "misconduct")
        case .interetGeneral: return language.pick("motif d'intérêt général", "general interest")
        }
    }
}

/// A member's membership papers (annex 1, art. 4, 9, 10): the council's deliberation, the signed
/// bulletin's answers, the moral non-recruitment commitment, leaving; and who to address.
public struct Membership: Hashable, Sendable {
    public var deliberationDate: CalendarDate?
    /// Hosts the agent for immersion (bulletin d'adhésion).
    public var hostsImmersion: Bool?
    /// Its secretary volunteers as a first-level referent.
    public var referentVolunteer: Bool?
    /// End of the moral commitment not to recruit the agent (3 years after joining).
    public var nonRecruitmentUntil: CalendarDate?
    public var leftOn: CalendarDate?
    public var leftGround: LeavingGround?
    /// The mayor's name, to address documents.
    public var mayor: String?
    public var address: String?
    public var phone: String?
    public var email: String?

    public init(deliberationDate: CalendarDate? = nil, hostsImmersion: Bool? = nil, referentVolunteer: Bool? = nil,
                nonRecruitmentUntil: CalendarDate? = nil, leftOn: CalendarDate? = nil, leftGround: LeavingGround? = nil,
                mayor: String? = nil, address: String? = nil, phone: String? = nil, email: String? = nil) {
        self.deliberationDate = deliberationDate
        self.hostsImmersion = hostsImmersion
        self.referentVolunteer = referentVolunteer
        self.nonRecruitmentUntil = nonRecruitmentUntil
        self.leftOn = leftOn
        self.leftGround = leftGround
        self.mayor = mayor
        self.address = address
        self.phone = phone
        self.email = email
    }

    public var isEmpty: Bool { self == Membership() }

    /// The commitment's end when not recorded: three years after joining, the day before.
    public static func defaultNonRecruitmentUntil(memberSince: CalendarDate) -> CalendarDate {
        memberSince.addingMonths(36).adding(days: -1)
    }
}

/// The commune's own secretarial staff in full-time equivalents, as the file writes it: a
/// decimal number with a dot and at most two decimals (`"0.50"`, `"1"`).
public enum StaffFTE {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 3,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard parts.count == 2 else { return true }
        return (1...2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
