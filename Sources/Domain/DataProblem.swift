/// What is wrong with a value a user or a file gave. Said in French or English; the caller
/// names where (a JSON path such as `members[3].population`, or a command-line option).
public enum DataProblem: Hashable, Sendable, Localized {
    case malformedJSON(detail: String)
    case wrongFormat(found: String)
    case unknownKey
    case missingKey
    case expectedType(String)
    case invalidDate(String)
    case invalidUserDate(String)
    case invalidDuration(String)
    case invalidClock(String)
    case invalidMoney(String)
    case invalidOpeningHours(String)
    case unknownValue(String, allowed: [String])
    case emptyText
    /// A control character, or a text over its length limit.
    case unsafeText(TextSafety.Problem)
    case outOfRange(found: Int, min: Int?, max: Int?)
    case durationOutOfRange(found: Int, min: Int, max: Int)
    case duplicate(String)
    case unknownAgent(String)
    case unknownMember(String)
    case unknownRequest(String)
    case endBeforeStart(start: CalendarDate, end: CalendarDate)
    case clockRangeReversed(String)
    case overlapsRota(Weekday)
    case overlapsAbsence(CalendarDate)
    case bandsOutOfOrder
    case openBandNotLast
    /// Hours for `member` on a request of `owner`; the names as people know them, when known.
    case requestOfOtherMember(request: String, member: String, owner: String = "", memberName: String? = nil, ownerName: String? = nil)
    case notMemberOn(member: String, date: CalendarDate)
    case dayOverfull(agent: String, date: CalendarDate, minutes: Int)
    /// A setting of the convention with a value it cannot take (rules.md §7).
    case invalidSetting(Convention.Key, given: String)
    /// A cost coefficient not written with two decimals ("1.40").
    case invalidCoefficient(String)
    /// A tariff without the amounts its year's billing scheme needs.
    case tariffIncomplete(year: Int, scheme: BillingScheme)
    /// A decimal number written otherwise than `0.50` (the commune's staff in FTE).
    case invalidDecimal(String)
    /// A request named as renewing itself.
    case renewsItself(String)
    /// A renewal of another member's request.
    case renewsOtherMember(request: String, owner: String, memberName: String?)
    /// A renewal of a refused request, or of one never served.
    case renewsRefused(String)
    case renewsUnserved(String)
    case alreadyRenewed(String, by: String)
    /// An evaluation of a mission never served, or received before it began.
    case evaluationOfUnserved(String)
    case evaluationBeforeMission(received: CalendarDate, firstServed: CalendarDate)
    /// An answer dated before the request was received.
    case answerBeforeReceived(answer: CalendarDate, received: CalendarDate)
    /// A phone number with letters, or too short.
    case invalidPhone(String)
    /// An e-mail address without "@" or without a domain.
    case invalidEmail(String)
    /// Domains given to someone who is not a referent.
    case domainsWithoutReferent
    /// A person id the directory does not hold.
    case unknownPerson(String)
    /// Hours logged for a mission on a day outside its span.
    case outsideMission(request: String, date: CalendarDate, start: CalendarDate, end: CalendarDate)

    public func message(in l: Language) -> String {
        // French readers get their dates in words ("ven. 11 déc. 2026"), never in ISO.
        let fr = DisplayFormat(.fr)
        switch self {
        case .malformedJSON(let detail):
            return l.pick("JSON mal formé ou tronqué (\(detail))", "malformed or truncated JSON (\(detail))")
        case .wrongFormat(let found):
            return l.pick("format « \(TextExcerpt.short(found)) » inconnu : \"releve/1\" attendu",
                          "unknown format \"\(TextExcerpt.short(found))\": expected \"releve/1\"")
        case .unknownKey:
            return l.pick("clé inconnue (faute de frappe ?)", "unknown key (a typo?)")
        case .missingKey:
            return l.pick("clé obligatoire absente", "required key missing")
        case .expectedType(let what):
            return l.pick("\(Self.frenchType(what)) attendu", "expected \(what)")
        case .invalidDate(let text):
            return l.pick("date « \(TextExcerpt.short(text)) » invalide ou inexistante : AAAA-MM-JJ attendu (ex. 2023-01-09)",
                          "invalid or impossible date \"\(TextExcerpt.short(text))\": expected YYYY-MM-DD (e.g. 2023-01-09)")
        case .invalidUserDate(let text):
            return l.pick("date « \(TextExcerpt.short(text)) » invalide ou inexistante : JJ/MM/AAAA ou AAAA-MM-JJ attendu (ex. 09/01/2023)",
                          "invalid or impossible date \"\(TextExcerpt.short(text))\": expected DD/MM/YYYY or YYYY-MM-DD (e.g. 09/01/2023)")
        case .invalidDuration(let text):
            return l.pick("durée « \(TextExcerpt.short(text)) » invalide : H:MM attendu (ex. 7:30)",
                          "invalid duration \"\(TextExcerpt.short(text))\": expected H:MM (e.g. 7:30)")
        case .invalidClock(let text):
            return l.pick("heure « \(TextExcerpt.short(text)) » invalide : HH:MM attendu entre 00:00 et 24:00",
                          "invalid time \"\(TextExcerpt.short(text))\": expected HH:MM between 00:00 and 24:00")
        case .invalidMoney(let text):
            return l.pick("montant « \(TextExcerpt.short(text)) » invalide : nombre positif avec un point et deux décimales attendu (ex. \"30.00\")",
                          "invalid amount \"\(TextExcerpt.short(text))\": expected a positive number with a dot and two decimals (e.g. \"30.00\")")
        case .invalidOpeningHours(let text):
            return l.pick("horaires « \(TextExcerpt.short(text)) » invalides : plages croissantes HH:MM-HH:MM séparées par des virgules attendues",
                          "invalid opening hours \"\(TextExcerpt.short(text))\": expected increasing HH:MM-HH:MM ranges separated by commas")
        case .unknownValue(let value, let allowed):
            return l.pick("valeur « \(TextExcerpt.short(value)) » inconnue : une de \(allowed.joined(separator: ", ")) attendue",
                          "unknown value \"\(TextExcerpt.short(value))\": expected one of \(allowed.joined(separator: ", "))")
        case .emptyText:
            return l.pick("texte non vide attendu", "expected a non-empty text")
        case .unsafeText(let problem):
            return problem.message(in: l)
        case .outOfRange(let found, let min, let max):
            return l.pick("\(found) hors limites : \(Self.bounds(min, max, .fr)) attendu",
                          "\(found) out of range: expected \(Self.bounds(min, max, .en))")
        case .durationOutOfRange(let found, let min, let max):
            return l.pick("durée \(DurationText.format(found)) hors limites : entre \(DurationText.format(min)) et \(DurationText.format(max)) attendue",
                          "duration \(DurationText.format(found)) out of range: expected between \(DurationText.format(min)) and \(DurationText.format(max))")
        case .duplicate(let code):
            return l.pick("« \(code) » apparaît deux fois : chaque code doit être unique",
                          "\"\(code)\" appears twice: each code must be unique")
        case .unknownAgent(let code):
            return l.pick("agent « \(code) » inconnu", "unknown agent \"\(code)\"")
        case .unknownMember(let code):
            return l.pick("commune membre « \(code) » inconnue", "unknown member \"\(code)\"")
        case .unknownRequest(let id):
            return l.pick("demande « \(id) » inconnue", "unknown request \"\(id)\"")
        case .endBeforeStart(let start, let end):
            return l.pick("fin \(fr.date(end)) avant le début \(fr.date(start))", "end \(end.iso) before start \(start.iso)")
        case .clockRangeReversed(let text):
            return l.pick("plage « \(TextExcerpt.short(text)) » vide ou inversée : le début doit précéder la fin",
                          "empty or reversed range \"\(TextExcerpt.short(text))\": start must come before end")
        case .overlapsRota(let day):
            return l.pick("chevauche une autre plage de la tournée le même jour (\(day.rawValue))",
                          "overlaps another rota range on the same day (\(day.rawValue))")
        case .overlapsAbsence(let date):
            return l.pick("chevauche une autre absence de l'agent (le \(fr.date(date)))",
                          "overlaps another absence of the agent (on \(date.iso))")
        case .bandsOutOfOrder:
            return l.pick("strates non croissantes ou qui se chevauchent",
                          "bands not increasing or overlapping")
        case .openBandNotLast:
            return l.pick("seule la dernière strate peut être sans maximum (null)",
                          "only the last band may have no maximum (null)")
        case .requestOfOtherMember(let request, let member, let owner, let memberName, let ownerName):
            let here = memberName.map { "\($0) (\(member))" } ?? member
            guard !owner.isEmpty else {
                return l.pick("la demande « \(request) » concerne une autre commune que \(here)",
                              "request \"\(request)\" belongs to another member than \(here)")
            }
            let there = ownerName.map { "\($0) (\(owner))" } ?? owner
            return l.pick("la demande \(request) est celle de \(there), pas de \(here) : choisissez une mission de \(memberName ?? member), ou aucune",
                          "request \(request) is \(there)'s, not \(here)'s: choose a mission of \(memberName ?? member), or none")
        case .notMemberOn(let member, let date):
            return l.pick("« \(member) » n'était pas membre du service le \(fr.date(date))",
                          "\"\(member)\" was not a member of the service on \(date.iso)")
        case .invalidSetting(let key, let given):
            return l.pick("« \(given) » ne convient pas : attendu \(key.expected(in: l))",
                          "\"\(given)\" does not fit: expected \(key.expected(in: l))")
        case .invalidCoefficient(let text):
            return l.pick("coefficient « \(TextExcerpt.short(text)) » invalide : un nombre à deux décimales attendu (ex. 1.40)",
                          "invalid coefficient \"\(TextExcerpt.short(text))\": expected a number with two decimals (e.g. 1.40)")
        case .tariffIncomplete(let year, let scheme):
            return scheme == .dayRate
                ? l.pick("le tarif \(year) n'a pas de prix de journée : day_rate, day_hours et extra_hourly_rate sont nécessaires en facturation à la journée",
                         "the \(year) tariff has no day rate: day_rate, day_hours and extra_hourly_rate are needed for day-rate billing")
                : l.pick("le tarif \(year) n'a pas de coefficient : cost_coefficient et monthly_agent_fee sont nécessaires en facturation au coût de l'agent",
                         "the \(year) tariff has no coefficient: cost_coefficient and monthly_agent_fee are needed for agent-cost billing")
        case .invalidDecimal(let text):
            return l.pick("nombre « \(TextExcerpt.short(text)) » invalide : un nombre décimal attendu (ex. 0.50)",
                          "invalid number \"\(TextExcerpt.short(text))\": expected a decimal number (e.g. 0.50)")
        case .renewsItself(let id):
            return l.pick("la demande \(id) ne peut pas se renouveler elle-même", "request \(id) cannot renew itself")
        case .renewsOtherMember(let request, let owner, let name):
            let there = name.map { "\($0) (\(owner))" } ?? owner
            return l.pick("la demande \(request) est celle de \(there) : une commune ne renouvelle que ses propres demandes",
                          "request \(request) is \(there)'s: a member renews only its own requests")
        case .renewsRefused(let id):
            return l.pick("la demande \(id) a été refusée : il n'y a rien à renouveler (faites une nouvelle demande)",
                          "request \(id) was refused: there is nothing to renew (make a new request)")
        case .renewsUnserved(let id):
            return l.pick("la demande \(id) n'a été servie aucun jour : il n'y a rien à renouveler (faites une nouvelle demande)",
                          "request \(id) was never served: there is nothing to renew (make a new request)")
        case .alreadyRenewed(let id, let by):
            return l.pick("la demande \(id) est déjà renouvelée par \(by) : renouvelez \(by) pour prolonger encore",
                          "request \(id) is already renewed by \(by): renew \(by) to extend again")
        case .evaluationOfUnserved(let id):
            return l.pick("la demande \(id) n'a été servie aucun jour : il n'y a pas de mission à évaluer",
                          "request \(id) was never served: there is no mission to evaluate")
        case .evaluationBeforeMission(let received, let first):
            return l.pick("évaluation reçue le \(fr.date(received)), avant le début de la mission (\(fr.date(first)))",
                          "evaluation received on \(received.iso), before the mission began (\(first.iso))")
        case .invalidPhone(let text):
            return l.pick("numéro de téléphone « \(TextExcerpt.short(text)) » invalide : des chiffres (au moins six), espaces, points, tirets, un « + » au début",
                          "phone number \"\(TextExcerpt.short(text))\" is not valid: digits (at least six), spaces, dots, dashes, a leading \"+\"")
        case .invalidEmail(let text):
            return l.pick("adresse électronique « \(TextExcerpt.short(text)) » invalide : nom@domaine.fr attendu",
                          "e-mail address \"\(TextExcerpt.short(text))\" is not valid: name@domain.org expected")
        case .unknownPerson(let id):
            return l.pick("personne « \(TextExcerpt.short(id)) » absente de l'annuaire", "person \"\(TextExcerpt.short(id))\" is not in the directory")
        case .domainsWithoutReferent:
            return l.pick("des domaines ne vont qu'à une personne référente (referent: true)", "domains go only with a referent (referent: true)")
        case .answerBeforeReceived(let answer, let received):
            return l.pick("réponse du \(fr.date(answer)) antérieure à la réception de la demande (\(fr.date(received)))",
                          "answer of \(answer.iso) before the request was received (\(received.iso))")
        case .outsideMission(let request, let date, let start, let end):
            return l.pick("le \(fr.date(date)) est hors de la mission \(request) (du \(fr.date(start)) au \(fr.date(end)))",
                          "\(DisplayFormat(.en).date(date)) is outside mission \(request) (\(DisplayFormat(.en).date(start)) to \(DisplayFormat(.en).date(end)))")
        case .dayOverfull(let agent, let date, let minutes):
            return l.pick("l'agent « \(agent) » aurait \(DurationText.format(minutes)) le \(fr.date(date)) : plus de 24:00 dans une journée",
                          "agent \"\(agent)\" would have \(DurationText.format(minutes)) on \(date.iso): more than 24:00 in a day")
        }
    }

    static func frenchType(_ english: String) -> String {
        switch english {
        case "an object": return "objet JSON"
        case "a list": return "liste"
        case "a text": return "texte"
        case "an integer": return "nombre entier"
        case "true or false": return "true ou false"
        case "a text or null": return "texte ou null"
        case "an integer or null": return "nombre entier ou null"
        default: return english
        }
    }

    static func bounds(_ min: Int?, _ max: Int?, _ l: Language) -> String {
        switch (min, max) {
        case let (lo?, hi?): return l.pick("entre \(lo) et \(hi)", "between \(lo) and \(hi)")
        case let (lo?, nil): return l.pick("au moins \(lo)", "at least \(lo)")
        case let (nil, hi?): return l.pick("au plus \(hi)", "at most \(hi)")
        case (nil, nil): return ""
        }
    }
}

/// A problem and where it is: a JSON path (`members[3].population`) or an option (`--hours`).
public struct DataError: Error, Hashable, Sendable, Localized {
    public var location: String
    public var problem: DataProblem

    public init(_ location: String, _ problem: DataProblem) {
        self.location = location
        self.problem = problem
    }

    public func message(in language: Language) -> String {
        location.isEmpty ? problem.message(in: language)
            : "\(location)\(language.pick(" : ", ": "))\(problem.message(in: language))"
    }
}
