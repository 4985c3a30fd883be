/// The directory of the network (rules.md §10, seed 003): the people around the service —
/// mayors and elected officials, the communes' own secretaries, the service's agents — and the
/// referents who give first-level answers in their domains.
public struct Person: Hashable, Sendable {
    public var id: String
    public var name: String
    public var role: PersonRole
    /// The member (commune) the person belongs to, if any.
    public var member: String?
    /// The agent code, for the service's agents.
    public var agent: String?
    public var phone: String?
    public var email: String?
    /// A secretary who volunteers for first-level answers (seed 002 art. 4, "tutorat").
    public var referent: Bool
    /// The referent's domains, in the order of `ReferentDomain.allCases`.
    public var domains: [ReferentDomain]

    public init(id: String, name: String, role: PersonRole, member: String? = nil, agent: String? = nil, phone: String? = nil,
                email: String? = nil, referent: Bool = false, domains: [ReferentDomain] = []) {
        self.id = id
        self.name = name
        self.role = role
        self.member = member
        self.agent = agent
        self.phone = phone
        self.email = email
        self.referent = referent
        self.domains = domains
    }
}

public enum PersonRole: String, Sendable, CaseIterable {
    case maire, elu, secretaire, agent

    public func label(in l: Language) -> String {
        switch self {
        case .maire: return l.pick("maire", "mayor")
        case .elu: return l.pick("élu(e)", "elected official")
        case .secretaire: return l.pick("secrétaire de mairie", "town-hall secretary")
        case .agent: return l.pick("agent du service", "service agent")
        }
    }
}

/// The domains a referent answers in (rules.md §10).
public enum ReferentDomain: String, Sendable, CaseIterable {
    case etatCivil = "etat_civil"
    case paie
    case budgetComptabilite = "budget_comptabilite"
    case urbanisme
    case elections
    case ressourcesHumaines = "ressources_humaines"
    case funeraire
    case marchesPublics = "marches_publics"

    public func label(in l: Language) -> String {
        switch self {
        case .etatCivil: return l.pick("état civil", "civil status")
        case .paie: return l.pick("paie", "payroll")
        case .budgetComptabilite: return l.pick("budget et comptabilité", "budget and accounts")
        case .urbanisme: return l.pick("urbanisme", "town planning")
        case .elections: return l.pick("élections", "elections")
        case .ressourcesHumaines: return l.pick("ressources humaines", "human resources")
        case .funeraire: return l.pick("funéraire", "funeral matters")
        case .marchesPublics: return l.pick("marchés publics", "public procurement")
        }
    }

    /// The domain a user typed: its code, or its French or English words, accents and case
    /// aside ("État civil", "etat civil", "urbanisme").
    public static func find(_ typed: String) -> ReferentDomain? {
        let folded = typed.trimmingSpaces().folding().replacing("_", with: " ")
        guard !folded.isEmpty else { return nil }
        return allCases.first { d in
            [d.rawValue.replacing("_", with: " "), d.label(in: .fr).folding(), d.label(in: .en).folding()].contains(folded)
        }
    }
}

/// What a phone number and an e-mail address must look like to be kept.
public enum ContactText {
    /// Digits, spaces, dots, dashes, parentheses and a leading "+"; at least six digits.
    public static func isPhone(_ text: String) -> Bool {
        let allowed = Set("0123456789 .-()")
        var rest = Substring(text)
        if rest.hasPrefix("+") { rest = rest.dropFirst() }
        return rest.allSatisfy(allowed.contains) && rest.filter(\.isNumber).count >= 6
    }

    /// One "@" with text on both sides, a dot in the domain, no space.
    public static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let domain = parts[1]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}

/// Finding someone in the directory: "qui peut m'aider en urbanisme ?".
public enum Directory {
    /// The people whose name, commune name, role or (for referents) domain contains `query`
    /// (folded), restricted to `member` and to the referents of `domain` when given; by name.
    public static func search(_ people: [Person], query: String = "", member: String? = nil, domain: ReferentDomain? = nil,
                              memberNames: [String: String]) -> [Person] {
        let needle = query.trimmingSpaces().folding()
        let asDomain = ReferentDomain.find(query)
        return people.filter { p in
            if let member, p.member != member { return false }
            if let domain, !(p.referent && p.domains.contains(domain)) { return false }
            guard !needle.isEmpty else { return true }
            if let asDomain, p.referent && p.domains.contains(asDomain) { return true }
            let words = [p.name, p.member.flatMap { memberNames[$0] } ?? "", p.role.label(in: .fr)]
                + (p.referent ? p.domains.map { $0.label(in: .fr) } : [])
            return words.contains { $0.folding().contains(needle) }
        }.sorted { ($0.name.folding(), $0.id) < ($1.name.folding(), $1.id) }
    }

    /// The mayor of `member` by name: a `maire` of the directory, else the membership's `mayor`.
    public static func mayor(of member: Member, people: [Person]) -> String? {
        people.first { $0.role == .maire && $0.member == member.code }?.name ?? member.membership.mayor
    }
}

extension ReadPolicy {
    /// Whether phone numbers and e-mails of the directory may be shown (rules.md §10: personal
    /// data; an observer reads names and roles only).
    public var seesContacts: Bool { may(.privateFields) }
}

extension Directory {
    /// The directory as a spreadsheet (`;`, UTF-8): name, role, commune, phone, e-mail, referent
    /// domains; phone and e-mail left empty for a reader who may not see them.
    public static func csv(_ people: [Person], memberNames: [String: String], policy: ReadPolicy, language l: Language) -> String {
        func cell(_ s: String) -> String {
            s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacing("\"", with: "\"\"") + "\"" : s
        }
        var lines = [[l.pick("nom", "name"), l.pick("rôle", "role"), l.pick("commune", "member"), l.pick("téléphone", "phone"),
                      l.pick("courriel", "email"), l.pick("référent(e) en", "referent for")].joined(separator: ";")]
        for p in people {
            let contacts = policy.seesContacts
            lines.append([p.name, p.role.label(in: l), p.member.map { memberNames[$0] ?? $0 } ?? "",
                          contacts ? p.phone ?? "" : "", contacts ? p.email ?? "" : "",
                          p.referent ? p.domains.map { $0.label(in: l) }.joined(separator: ", ") : ""].map(cell).joined(separator: ";"))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The directory as vCards 3.0 (RFC 2426), one per person, for a phone's contacts: name,
    /// role and commune as title and organisation, phone and e-mail when the reader may see them.
    public static func vcard(_ people: [Person], memberNames: [String: String], service: String, policy: ReadPolicy, language l: Language) -> String {
        func escape(_ s: String) -> String {
            s.replacing("\\", with: "\\\\").replacing(",", with: "\\,")
                .replacing(";", with: "\\;").replacing("\n", with: "\\n")
        }
        var out = ""
        for p in people {
            let words = p.name.split(separator: " ").map(String.init)
            let family = words.count > 1 ? words.last ?? "" : p.name
            let given = words.count > 1 ? words.dropLast().joined(separator: " ") : ""
            var title = p.role.label(in: l)
            if p.referent && !p.domains.isEmpty {
                title += l.pick(" · référent(e) : ", " · referent: ") + p.domains.map { $0.label(in: l) }.joined(separator: ", ")
            }
            var card = ["BEGIN:VCARD", "VERSION:3.0", "FN:\(escape(p.name))", "N:\(escape(family));\(escape(given));;;",
                        "ORG:\(escape(p.member.map { memberNames[$0] ?? $0 } ?? service))", "TITLE:\(escape(title))"]
            if policy.seesContacts {
                if let phone = p.phone { card.append("TEL;TYPE=WORK,VOICE:\(escape(phone))") }
                if let email = p.email { card.append("EMAIL;TYPE=INTERNET:\(escape(email))") }
            }
            card.append("END:VCARD")
            out += card.joined(separator: "\r\n") + "\r\n"
        }
        return out
    }
}

extension Directory {
    /// `member` as documents address it: its papers' mayor, else the directory's `maire` of it
    /// (rules.md §10: documents address the mayor by name when known).
    public static func addressed(_ member: Member, people: [Person]) -> Member {
        guard member.membership.mayor?.isEmpty ?? true, let name = mayor(of: member, people: people) else { return member }
        var addressed = member
        addressed.membership.mayor = name
        return addressed
    }
}

extension Territory {
    /// The member of `code` as documents address it (its mayor by name when known).
    public func addressedMember(_ code: String) -> Member? {
        members.first { $0.code == code }.map { Directory.addressed($0, people: people) }
    }
}
