/// What a role may read and do: the one place every command, document and screen asks
/// (issue 10). The coordinator reads everything; an observer (an elected official, finance)
/// reads the planning, the lists and the invoices, changes nothing, and never reads why an agent
/// or a commune's secretary is away (absence kinds and request motives are health data).
public struct ReadPolicy: Sendable, Equatable {
    public let role: UserRole

    public init(_ role: UserRole) { self.role = role }

    public static let coordinator = ReadPolicy(.coordinator)
    public static let observer = ReadPolicy(.observer)

    /// What may be done beyond reading the planning, lists and invoices.
    public enum Capability: Sendable, CaseIterable {
        /// Any change to the data.
        case write
        /// Absence kinds, request motives, and reasons that reveal them.
        case privateFields
        /// A whole copy of the data (`releve export`, `releve backup`): it holds every private
        /// field, the PIN hashes and the audit trail, so masking cannot make it safe.
        case wholeCopy
    }

    public func may(_ capability: Capability) -> Bool { role == .coordinator }

    /// Whether absence kinds and request motives may be shown.
    public var seesPrivateFields: Bool { may(.privateFields) }

    /// Whether the mayors' comments and each agent's scores may be shown (rules.md §8: personal
    /// data; an observer reads the averages of a period only).
    public var seesEvaluationDetails: Bool { may(.privateFields) }

    /// An agent's absence as this role may read it: its kind, or a neutral "absent(e)".
    public func absenceText(_ kind: AbsenceKind, _ l: Language) -> String {
        guard seesPrivateFields else { return l.pick("absent(e)", "away") }
        switch kind {
        case .conges: return l.pick("congés", "leave")
        case .formation: return l.pick("formation", "training")
        case .maladie: return l.pick("maladie", "sick")
        case .maternite: return l.pick("maternité", "maternity")
        case .accident: return l.pick("accident", "accident")
        case .autre: return l.pick("absent", "away")
        }
    }

    /// A request's motive as this role may read it: an observer reads only the kind of need
    /// (urgence, absence, mission, été), never the secretary's sickness or leave.
    public func motiveText(_ motive: Motive, _ l: Language) -> String {
        guard !seesPrivateFields else { return motive.label(in: l) }
        switch motive.priorityClass {
        case .urgent: return l.pick("urgence", "urgent")
        case .absence: return l.pick("absence", "absence")
        case .mission: return motive.label(in: l)
        case .summer: return l.pick("été", "summer")
        }
    }

    /// A decision's reason as this role may read it (the summer rota names the leave).
    public func reasonText(_ reason: ReasonCode, _ l: Language, convention: Convention = .standard,
                           name: (String) -> String = { $0 }) -> String {
        if !seesPrivateFields, case .tourDeRole = reason { return l.pick("tour de rôle de l'été", "summer rota") }
        return reason.label(in: l, name: name, convention: convention)
    }

    /// Why `other` went first, as this role may read it: "petite commune, urgence (accident)".
    public func precedenceText(_ other: RequestDecision, _ l: Language) -> String {
        let kind: String
        switch other.priorityClass {
        case .urgent: kind = l.pick("urgence", "urgent") + (seesPrivateFields ? " (\(other.request.motive.label(in: l)))" : "")
        case .absence: kind = l.pick("absence", "absence") + (seesPrivateFields ? " (\(other.request.motive.label(in: l)))" : "")
        case .mission: kind = other.request.motive.label(in: l)
        case .summer: kind = l.pick("tour de rôle de l'été", "summer rota")
        }
        return (other.small ? l.pick("petite commune, ", "small commune, ") : "") + kind
    }

    /// Fields of the audit trail this role may not read, by `entity.field`.
    public func hides(entity: String, field: String) -> Bool {
        !seesPrivateFields && AuditFieldText.isPrivate(entity: entity, field: field)
    }

    /// What a refused whole copy says.
    public static func wholeCopyRefusal(_ what: String, _ l: Language) -> String {
        l.pick("\(what) est réservé au coordinateur : une copie complète contient les motifs d'absence (données de santé) et les empreintes des PIN",
               "\(what) is for the coordinator only: a whole copy holds absence motives (health data) and PIN hashes")
    }
}
