/// Members, agents and absences as typed in the interface's forms: text fields read with the
/// command line's rules, each problem tied to its field (by index).
public enum RecordKind: Sendable, Equatable {
    case member(existing: String?)
    case agent(existing: String?)
    case absence(agent: String)
    case rota(agent: String)
    /// One absence of the agent, changed (see `RecordEdit`).
    case editAbsence(agent: String, original: Absence)
    /// One rota slot of the agent, changed.
    case editRota(agent: String, original: RotaEntry)
    /// A member's opening hours, one field per weekday.
    case openingHours(member: String, original: OpeningHours)
    /// The tariff of a year (rate, hours per day, exemption, population bands).
    case tariff(year: Int)
    /// Hours worked, logged or corrected by the coordinator (Heures pane): `original` is the
    /// entry being corrected, nil for new hours; `agent` and `member` prefill a new one.
    case hours(original: TimeEntry?, agent: String, member: String)
    /// A member's membership papers (annex 1): deliberation, bulletin, commitment, leaving, mayor.
    case membership(member: String)
    /// The answer given to the commune about a request (its renewal above all).
    case answer(request: String)
    /// The mayor's evaluation of a served mission.
    case evaluation(request: String)
}

/// One field of a form: what it asks and what was typed.
public struct FormField: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String = "") {
        self.label = label
        self.value = value
    }
}

public enum RecordDrafts {
    /// A yes or no as a form's field takes it ("o", "oui", "y", "yes" / "n", "non", "no", any
    /// case); nil for anything else, the empty text included.
    public static func yesNo(_ text: String) -> Bool? {
        let value = text.trimmingSpaces().lowercased()
        if ["o", "oui", "y", "yes"].contains(value) { return true }
        if ["n", "non", "no"].contains(value) { return false }
        return nil
    }

    /// The empty (or filled, when editing) fields of a form.
    public static func fields(for kind: RecordKind, territory: Territory, today: CalendarDate, language l: Language) -> [FormField] {
        let format = DisplayFormat(l)
        switch kind {
        case .member(let code):
            let m = code.flatMap { c in territory.members.first { $0.code == c } }
            return [FormField(l.pick("Code (INSEE)", "Code"), m?.code ?? ""), FormField(l.pick("Nom", "Name"), m?.name ?? ""),
                    FormField(l.pick("Type (commune, afp, other)", "Kind (commune, afp, other)"), m?.kind.rawValue ?? "commune"),
                    FormField(l.pick("Population", "Population"), m.map { String($0.population) } ?? ""),
                    FormField(l.pick("Secrétaire unique à temps non complet (o/n)", "Single part-time secretary (y/n)"),
                              m.map { $0.singlePartTimeSecretary ? l.pick("oui", "yes") : l.pick("non", "no") } ?? l.pick("non", "no")),
                    FormField(l.pick("Membre depuis", "Member since"), format.numericDate(m?.memberSince ?? today)),
                    FormField(l.pick("Membre jusqu'au (vide : toujours)", "Member until (empty: still)"), m?.memberUntil.map(format.numericDate) ?? ""),
                    FormField(l.pick("Remplaçante attitrée (code agent)", "Designated substitute (agent code)"), m?.substituteAgent ?? "")]
        case .agent(let code):
            let a = code.flatMap { c in territory.agents.first { $0.code == c } }
            return [FormField("Code", a?.code ?? ""), FormField(l.pick("Nom", "Name"), a?.name ?? ""),
                    FormField(l.pick("Heures par semaine", "Hours per week"), a.map { DurationText.format($0.weeklyMinutes) } ?? "35:00"),
                    FormField(l.pick("Jours de RTT par an", "RTT days a year"), a.map { String($0.rttDaysPerYear) } ?? "0"),
                    FormField(l.pick("Coût annuel (vide : pas de prorata)", "Annual cost (empty: no pro rata)"),
                              a?.annualCostCents.map { MoneyText.format($0).replacingDot() } ?? ""),
                    FormField(l.pick("Coût horaire chargé (vide : inconnu)", "Loaded hourly cost (empty: unknown)"),
                              a?.hourlyCostCents.map { MoneyText.format($0).replacingDot() } ?? "")]
        case .rota:
            return [FormField(l.pick("Commune (code)", "Member (code)")),
                    FormField(l.pick("Jour (mon, tue, wed, thu, fri, sat)", "Day (mon, tue, wed, thu, fri, sat)"), "mon"),
                    FormField(l.pick("De (HH:MM)", "From (HH:MM)"), "09:00"), FormField(l.pick("À (HH:MM)", "To (HH:MM)"), "12:00")]
        case .editAbsence, .editRota, .openingHours:
            return editFields(for: kind, territory: territory, language: l)
        case .answer, .evaluation:
            return followUpFields(for: kind, territory: territory, today: today, language: l)
        case .membership(let code):
            return membershipFields(territory.members.first { $0.code == code }, format: format, language: l)
        case .tariff(let year):
            return tariffFields(year: year, territory: territory, language: l)
        case .hours(let original, let agent, let member):
            return hoursFields(original: original, agent: agent, member: member, territory: territory, today: today, language: l)
        case .absence:
            return [FormField(l.pick("Du", "From"), format.numericDate(today)), FormField(l.pick("Au", "To"), format.numericDate(today)),
                    FormField(l.pick("Motif (conges, formation, maladie, maternite, accident, autre)", "Kind (conges, formation, maladie, maternite, accident, autre)"), "conges")]
        }
    }

    /// What the fields of `kind` say, as a territory change to save, or the problems by field index.
    public static func parse(_ kind: RecordKind, _ fields: [FormField], territory: Territory, language l: Language)
        -> (change: Territory?, problems: [Int: String]) {
        var problems: [Int: String] = [:]
        func text(_ i: Int) -> String { fields.indices.contains(i) ? fields[i].value.trimmingSpaces() : "" }
        func required(_ i: Int) -> String? {
            let value = text(i)
            if value.isEmpty { problems[i] = DataProblem.emptyText.message(in: l) }
            return value.isEmpty ? nil : value
        }
        func date(_ i: Int, optional: Bool = false) -> CalendarDate?? {
            if optional && text(i).isEmpty { return .some(nil) }
            guard let value = CalendarDate.parseUserInput(text(i)) else {
                problems[i] = DataProblem.invalidUserDate(text(i)).message(in: l)
                return nil
            }
            return .some(value)
        }
        func yesNo(_ i: Int) -> Bool {
            guard !text(i).isEmpty else { return false }
            guard let answer = RecordDrafts.yesNo(text(i)) else {
                problems[i] = l.pick("« oui » ou « non » attendu", "\"yes\" or \"no\" expected")
                return false
            }
            return answer
        }
        var change = Territory(service: territory.service)
        switch kind {
        case .membership(let code):
            guard var member = territory.members.first(where: { $0.code == code }) else { return (nil, [0: DataProblem.unknownMember(code).message(in: l)]) }
            guard let papers = parseMembership(text, date: date, language: l, problems: &problems), problems.isEmpty else { return (nil, problems) }
            member.membership = papers
            change.members = [member]
        case .tariff(let year):
            guard let tariff = parseTariff(year: year, text: text, language: l, problems: &problems) else { return (nil, problems) }
            change.tariffs = [tariff]
        case .member(let existing):
            let code = existing ?? required(0), name = required(1)
            let memberKind = MemberKind(rawValue: text(2).lowercased())
            if memberKind == nil { problems[2] = DataProblem.unknownValue(text(2), allowed: MemberKind.allCases.map(\.rawValue)).message(in: l) }
            let population = Int(text(3).filter { $0 != " " })
            if population == nil || (population ?? 0) < 0 { problems[3] = DataProblem.expectedType("an integer").message(in: l) }
            let single = yesNo(4)
            let since = date(5), until = date(6, optional: true)
            let substitute = text(7).isEmpty ? nil : text(7)
            if let code, existing == nil, territory.members.contains(where: { $0.code == code }) { problems[0] = DataProblem.duplicate(code).message(in: l) }
            guard problems.isEmpty, let code, let name, let memberKind, let population, let since = since ?? nil, let until else { return (nil, problems) }
            var member = territory.members.first { $0.code == (existing ?? code) }
                ?? Member(code: code, name: name, population: population, singlePartTimeSecretary: single, memberSince: since)
            member.code = code
            member.name = name
            member.kind = memberKind
            member.population = population
            member.singlePartTimeSecretary = single
            member.memberSince = since
            member.memberUntil = until
            member.substituteAgent = substitute
            change.members = [member]
        case .agent(let existing):
            let code = existing ?? required(0), name = required(1)
            let weekly = DurationText.parseUserInput(text(2))
            if weekly == nil { problems[2] = DataProblem.invalidDuration(text(2)).message(in: l) }
            let rtt = Int(text(3))
            if rtt == nil { problems[3] = DataProblem.expectedType("an integer").message(in: l) }
            let cost = text(4).isEmpty ? .some(nil) : MoneyText.parseUserInput(text(4)).map { Optional($0) }
            if cost == nil { problems[4] = DataProblem.invalidMoney(text(4)).message(in: l) }
            let hourly = text(5).isEmpty ? .some(nil) : MoneyText.parseUserInput(text(5)).map { Optional($0) }
            if hourly == nil { problems[5] = DataProblem.invalidMoney(text(5)).message(in: l) }
            if let code, existing == nil, territory.agents.contains(where: { $0.code == code }) { problems[0] = DataProblem.duplicate(code).message(in: l) }
            guard problems.isEmpty, let code, let name, let weekly, let rtt, let cost, let hourly else { return (nil, problems) }
            var agent = territory.agents.first { $0.code == (existing ?? code) } ?? Agent(code: code, name: name, weeklyMinutes: weekly)
            agent.code = code
            agent.name = name
            agent.weeklyMinutes = weekly
            agent.rttDaysPerYear = rtt
            agent.annualCostCents = cost
            agent.hourlyCostCents = hourly
            change.agents = [agent]
        case .rota(let code):
            guard var agent = territory.agents.first(where: { $0.code == code }),
                  let slot = rotaSlot(text, agent: agent, replacing: nil, territory: territory, language: l, problems: &problems)
            else { return (nil, problems) }
            agent.rota.append(slot)
            agent.rota.sort()
            change.agents = [agent]
        case .absence(let code):
            let from = date(0), to = date(1)
            let absenceKind = AbsenceKind(rawValue: text(2).lowercased())
            if absenceKind == nil { problems[2] = DataProblem.unknownValue(text(2), allowed: AbsenceKind.allCases.map(\.rawValue)).message(in: l) }
            guard problems.isEmpty, let from = from ?? nil, let to = to ?? nil, let absenceKind,
                  var agent = territory.agents.first(where: { $0.code == code }) else { return (nil, problems) }
            agent.absences.append(Absence(from: from, to: to, kind: absenceKind))
            agent.absences.sort()
            change.agents = [agent]
        case .editAbsence, .editRota, .openingHours:
            // Saved as one `RecordEdit` (`parseEdit`), not as a territory change.
            return (nil, parseEdit(kind, fields, territory: territory, language: l).problems)
        case .hours:
            // Saved as hours (`parseHours`), not as a territory change.
            return (nil, parseHours(kind, fields, territory: territory, language: l).problems)
        case .answer, .evaluation:
            // Recorded as a follow-up (`parseFollowUp`).
            return (nil, parseFollowUp(kind, fields, territory: territory, language: l).problems)
        }
        return (change, [:])
    }
}

extension RecordDrafts {
    /// A rota slot typed in a form (member, weekday, from, to), checked: a known member, a real
    /// weekday, times in order, and no overlap with the agent's other slots that day (`replacing`
    /// is the slot being edited). Problems go to `problems` by field index.
    static func rotaSlot(_ text: (Int) -> String, agent: Agent?, replacing original: RotaEntry?, territory: Territory,
                         language l: Language, problems: inout [Int: String]) -> RotaEntry? {
        let member = text(0)
        if member.isEmpty {
            problems[0] = DataProblem.emptyText.message(in: l)
        } else if !territory.members.contains(where: { $0.code == member }) {
            problems[0] = DataProblem.unknownMember(member).message(in: l)
        }
        let day = Weekday(rawValue: text(1).lowercased())
        if day == nil { problems[1] = DataProblem.unknownValue(text(1), allowed: Weekday.allCases.map(\.rawValue)).message(in: l) }
        let from = ClockText.parse(text(2)), to = ClockText.parse(text(3))
        if from == nil { problems[2] = DataProblem.invalidClock(text(2)).message(in: l) }
        if to == nil { problems[3] = DataProblem.invalidClock(text(3)).message(in: l) }
        if let from, let to, to <= from { problems[3] = DataProblem.clockRangeReversed("\(text(2))-\(text(3))").message(in: l) }
        if let day, let from, let to, from < to, let agent,
           agent.rota.contains(where: { $0 != original && $0.day == day && $0.time.overlaps(TimeRange(start: from, end: to)) }) {
            problems[2] = DataProblem.overlapsRota(day).message(in: l)
        }
        guard problems.isEmpty, let day, let from, let to else { return nil }
        return RotaEntry(member: member, day: day, time: TimeRange(start: from, end: to))
    }
}

extension RecordDrafts {
    static func membershipFields(_ m: Member?, format: DisplayFormat, language l: Language) -> [FormField] {
        let p = m?.membership ?? Membership()
        let date = { (d: CalendarDate?) in d.map(format.numericDate) ?? "" }
        let flag = { (b: Bool?) in b.map { $0 ? l.pick("oui", "yes") : l.pick("non", "no") } ?? "" }
        let commitment = p.nonRecruitmentUntil ?? m.map { Membership.defaultNonRecruitmentUntil(memberSince: $0.memberSince) }
        return [FormField(l.pick("Délibération du conseil du", "Council deliberation of"), date(p.deliberationDate)),
                FormField(l.pick("Accueille l'agent en immersion (o/n)", "Hosts the agent for immersion (y/n)"), flag(p.hostsImmersion)),
                FormField(l.pick("Secrétaire référente volontaire (o/n)", "Secretary volunteers as referent (y/n)"), flag(p.referentVolunteer)),
                FormField(l.pick("Non-recrutement jusqu'au", "No recruitment until"), date(commitment)),
                FormField(l.pick("Départ le (vide : membre)", "Left on (empty: member)"), date(p.leftOn)),
                FormField(l.pick("Motif (faute, interet_general)", "Ground (faute, interet_general)"), p.leftGround?.rawValue ?? ""),
                FormField(l.pick("Maire (nom)", "Mayor (name)"), p.mayor ?? ""),
                FormField(l.pick("Adresse de la mairie", "Town hall address"), p.address ?? ""),
                FormField(l.pick("Téléphone", "Phone"), p.phone ?? ""),
                FormField(l.pick("Courriel", "E-mail"), p.email ?? "")]
    }

    /// The papers the membership form says; problems by field index.
    static func parseMembership(_ text: (Int) -> String, date: (Int, Bool) -> CalendarDate??, language l: Language,
                                problems: inout [Int: String]) -> Membership? {
        func flag(_ i: Int) -> Bool? {
            if text(i).isEmpty { return nil }
            if let answer = yesNo(text(i)) { return answer }
            problems[i] = l.pick("« oui », « non » ou vide attendu", "\"yes\", \"no\" or empty expected")
            return nil
        }
        func words(_ i: Int) -> String? { text(i).isEmpty ? nil : text(i) }
        let deliberation = date(0, true), commitment = date(3, true), left = date(4, true)
        let immersion = flag(1), referent = flag(2)
        var ground: LeavingGround?
        if !text(5).isEmpty {
            ground = LeavingGround(rawValue: text(5).lowercased())
            if ground == nil { problems[5] = DataProblem.unknownValue(text(5), allowed: LeavingGround.allCases.map(\.rawValue)).message(in: l) }
        }
        if let left = left ?? nil, ground == nil, problems[5] == nil {
            problems[5] = l.pick("motif attendu pour un départ le \(DisplayFormat(l).numericDate(left)) : faute ou interet_general",
                                 "a ground is expected for leaving: faute or interet_general")
        }
        guard let deliberation, let commitment, let left else { return nil }
        return Membership(deliberationDate: deliberation, hostsImmersion: immersion, referentVolunteer: referent,
                          nonRecruitmentUntil: commitment, leftOn: left, leftGround: ground, mayor: words(6), address: words(7),
                          phone: words(8), email: words(9))
    }
}
