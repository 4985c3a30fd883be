/// The demo service `releve demo` creates: the replacement service of the Communauté urbaine
/// Creusot-Montceau, with real Saône-et-Loire commune names (codes and figures are invented).
///
/// Everything is placed relative to `today`: requests cover the calendar year of `today`, hours
/// are logged from 1 January up to `today`, and months before the current one are validated.
/// The result is deterministic and passes `TerritoryValidation` for any `today` from 2023 on.
public enum DemoTerritory {
    /// The demo territory as it stands on `today`, under a real service's convention (seed
    /// 002's by default): the preset's scheme, its tariff amounts, and for `agent_cost` each
    /// agent's hourly cost (the annual cost over 1,607 hours, the legal working year).
    public static func make(today: CalendarDate, preset: ConventionPreset?) -> Territory {
        guard let preset else { return make(today: today) }
        var territory = make(today: today, convention: preset.convention)
        preset.apply(to: &territory.service)
        // The body that issues the invoices and signs the contracts, as that kind of service is
        // (the communes stay the demo's).
        let body: (name: String, epci: String, basis: String, town: String)?
        switch preset {
        case .cucm: body = nil
        case .oisans: body = ("Service commun de secrétariat de mairie — Oisans", "Communauté de communes de l'Oisans",
                              "Convention de service commun ; délibération du conseil communautaire", "38520 Le Bourg-d'Oisans")
        case .valDeDrome: body = ("Secrétariat itinérant — Val de Drôme", "Communauté de communes du Val de Drôme en Biovallée",
                                  "Convention de service commun ; délibération du conseil communautaire", "26400 Eurre")
        case .cdg63: body = ("Service de remplacement des secrétaires de mairie — CDG 63", "Centre de gestion de la fonction publique territoriale du Puy-de-Dôme",
                             "Convention de mise à disposition ; délibération du conseil d'administration", "63000 Clermont-Ferrand")
        case .cdg03: body = ("Service de secrétariat itinérant — CDG 03", "Centre de gestion de la fonction publique territoriale de l'Allier",
                             "Convention de mise à disposition ; délibération du conseil d'administration", "03000 Moulins")
        case .cdg51: body = ("Service de missions temporaires — CDG 51", "Centre de gestion de la fonction publique territoriale de la Marne",
                             "Convention de mise à disposition ; délibération du conseil d'administration", "51000 Châlons-en-Champagne")
        }
        if let body {
            territory.service.name = body.name
            territory.service.epci = body.epci
            territory.service.legalBasis = body.basis
            territory.service.address = body.town
            territory.service.issuerName = nil
            territory.service.issuerTitle = nil
            territory.service.accountant = "Service de gestion comptable de " + (body.town.split(separator: " ", maxSplits: 1).last.map(String.init) ?? "")
        }
        territory.tariffs = territory.tariffs.map { t in
            var model = preset.tariff(year: t.year)
            model.feeExempt = t.feeExempt
            return model
        }
        if preset.billing == .agentCost {
            for i in territory.agents.indices {
                territory.agents[i].hourlyCostCents = territory.agents[i].annualCostCents.map { ($0 * 2 + 1607) / (1607 * 2) }
            }
        }
        return territory
    }

    /// The demo territory as it stands on `today`.
    public static func make(today: CalendarDate) -> Territory { make(today: today, convention: .standard) }

    /// The demo territory with hours logged as `convention` caps the requests' weeks.
    static func make(today: CalendarDate, convention: Convention) -> Territory {
        let year = today.year
        let members = memberSeeds.map { $0.member(year: year) }
        let agents = agentSeeds.enumerated().map { index, seed in
            seed.agent(index: index, year: year, members: members)
        }
        let requests = requestSeeds.enumerated().map { index, seed in seed.request(number: index + 1, year: year) }
        var sheet = DemoTimeSheet(today: today, agents: agents, members: members)
        sheet.convention = convention
        sheet.logRotaWork()
        for (request, seed) in zip(requests, requestSeeds) where seed.logged {
            sheet.logRequestWork(request)
        }
        return Territory(service: service, tariffs: tariffs(year: year), members: members,
                         agents: agents, requests: requests, timeEntries: sheet.sortedEntries(),
                         people: directory(members: members, agents: agents))
    }

    /// The network's directory (rules.md §10): each commune's mayor, the secretaries of eight
    /// communes as referents (the eight domains covered, urbanisme twice), the service's agents.
    static func directory(members: [Member], agents: [Agent]) -> [Person] {
        let given = ["Anne", "Bernard", "Christine", "Daniel", "Évelyne", "François", "Gisèle", "Henri", "Isabelle", "Jacques",
                     "Karine", "Louis", "Martine", "Noël", "Odile", "Pascal", "Régine", "Serge", "Thérèse", "Vincent"]
        let family = ["Aubry", "Berthier", "Chauvet", "Delorme", "Étienne", "Fournier", "Garnier", "Humbert", "Jacquet", "Lambert",
                      "Mercier", "Nicolas", "Perrin", "Renaud", "Simon", "Thomas", "Vallet", "Moreau", "Bonnot", "Gauthier", "Lacroix"]
        func name(_ i: Int) -> String { "\(given[(i * 7) % given.count]) \(family[(i * 5 + 3) % family.count])" }
        func mail(_ person: String, _ domain: String) -> String {
            person.folding().split(separator: " ").joined(separator: ".") + "@" + domain
        }
        func phone(_ i: Int) -> String { "03 85 \(10 + i % 80) \(10 + (i * 37) % 90) \(10 + (i * 53) % 90)" }
        var people: [Person] = []
        let communes = members.filter { $0.kind == .commune }
        for (i, m) in communes.enumerated() {
            let town = m.name.folding().filter { $0.isLetter || $0 == "-" }
            people.append(Person(id: "P-\(people.count + 1)", name: name(i), role: .maire, member: m.code, phone: phone(i),
                                 email: "mairie@\(town).fr"))
        }
        let domains: [[ReferentDomain]] = [[.etatCivil, .elections], [.paie], [.budgetComptabilite], [.urbanisme],
                                           [.ressourcesHumaines, .paie], [.funeraire, .etatCivil], [.marchesPublics], [.urbanisme, .budgetComptabilite]]
        for (k, list) in domains.enumerated() where k * 3 < communes.count {
            let m = communes[k * 3]
            let who = name(100 + k)
            let town = m.name.folding().filter { $0.isLetter || $0 == "-" }
            people.append(Person(id: "P-\(people.count + 1)", name: who, role: .secretaire, member: m.code, phone: phone(200 + k),
                                 email: "secretariat@\(town).fr", referent: true, domains: ReferentDomain.allCases.filter(list.contains)))
        }
        for (i, a) in agents.enumerated() {
            people.append(Person(id: "P-\(people.count + 1)", name: a.name, role: .agent, agent: a.code, phone: "06 \(phone(300 + i).dropFirst(3))",
                                 email: mail(a.name, "creusot-montceau.fr")))
        }
        return people
    }

    /// The service's settings, as printed on invoices and contracts.
    static let service = ServiceSettings(
        name: "Service commun de remplacement — Communauté urbaine Creusot-Montceau",
        holidays: .france,
        billing: .feeAndHourly,
        annualWorkingDays: 228,
        epci: "Communauté urbaine Creusot-Montceau",
        issuerName: "Bernard Duvernay",
        issuerTitle: "Vice-président délégué à la mutualisation des services",
        legalBasis: "Convention cadre du 30 juin 2022 ; délibération du conseil communautaire du 30 juin 2022",
        address: "Château de la Verrerie, BP 90069, 71206 Le Creusot Cedex",
        paymentDays: 30,
        accountant: "Service de gestion comptable du Creusot")

    /// The framework tariff for `year` and the year before (2022 was fee-exempt).
    static func tariffs(year: Int) -> [Tariff] {
        [year - 1, year].map { Tariff.framework(year: $0, feeExempt: $0 == 2022) }
    }
}

// MARK: - Dates

/// `year-month-day`; the callers only pass days that exist.
private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> CalendarDate {
    CalendarDate(dayNumber: CalendarDate.days(fromCivil: year, month, dayOfMonth))
}

/// The first Monday on or after `date`.
private func mondayOnOrAfter(_ date: CalendarDate) -> CalendarDate {
    date.adding(days: (8 - date.weekday.isoNumber) % 7)
}

/// The first day of the given weekday on or after `year-month-day`.
private func first(_ weekday: Weekday, onOrAfter year: Int, _ month: Int, _ dayOfMonth: Int) -> CalendarDate {
    let date = day(year, month, dayOfMonth)
    return date.adding(days: (weekday.isoNumber - date.weekday.isoNumber + 7) % 7)
}

// MARK: - Members

/// When a member joined the service.
private enum Joining: Sendable {
    /// At the creation of the service, 1 September 2022.
    case founder
    /// On 1 January of that year (or of the demo year when it comes first).
    case january(Int)
    /// On the first day of that month of the demo year.
    case inDemoYear(month: Int)
}

/// When a member left the service.
private enum Leaving: Sendable {
    case stays
    /// On 31 December of the year before the demo year.
    case endOfPreviousYear
    /// On that day of the demo year.
    case inDemoYear(month: Int, day: Int)
}

/// One member of the demo, with its dates relative to the demo year.
private struct MemberSeed: Sendable {
    var code: String
    var name: String
    var kind: MemberKind = .commune
    var population: Int
    var single: Bool
    var joining: Joining = .founder
    var leaving: Leaving = .stays
    var referent: String? = nil
    var substitute: String? = nil
    /// Years since the last summer replacement, nil if never.
    var summerYearsAgo: Int? = nil
    var hours: [Weekday: String]

    /// The member as it stands in the demo year `year`.
    func member(year: Int) -> Member {
        let since: CalendarDate
        switch joining {
        case .founder: since = day(2022, 9, 1)
        case .january(let joined): since = day(min(joined, year), 1, 1)
        case .inDemoYear(let month): since = day(year, month, 1)
        }
        var until: CalendarDate?
        switch leaving {
        case .stays: until = nil
        case .endOfPreviousYear: until = max(since, day(year - 1, 12, 31))
        case .inDemoYear(let month, let dayOfMonth): until = max(since, day(year, month, dayOfMonth))
        }
        return Member(code: code, name: name, kind: kind, population: population,
                      singlePartTimeSecretary: single, memberSince: since, memberUntil: until,
                      referentAgent: referent, substituteAgent: substitute,
                      lastSummerReplacement: summerYearsAgo.map { max(2022, year - $0) },
                      openingHours: OpeningHours(hours.compactMapValues(OpeningHours.parseDay)))
    }
}

/// Twenty-six communes and an AFP; most are villages under 1,000 inhabitants.
private let memberSeeds: [MemberSeed] = [
    MemberSeed(code: "71036", name: "Les Bizots", population: 562, single: true,
               referent: "A3", substitute: "A1", summerYearsAgo: 1,
               hours: [.mon: "14:00-17:30", .tue: "09:00-12:00", .thu: "09:00-12:00", .fri: "09:00-11:30"]),
    MemberSeed(code: "71040", name: "Blanzy", population: 6_248, single: false,
               hours: [.mon: "08:30-12:00,13:30-17:30", .tue: "08:30-12:00,13:30-17:30", .wed: "08:30-12:00,13:30-17:30",
                       .thu: "08:30-12:00,13:30-17:30", .fri: "08:30-12:00,13:30-16:30"]),
    MemberSeed(code: "71059", name: "Le Breuil", population: 3_452, single: false, joining: .january(2023),
               hours: [.mon: "09:00-12:00,14:00-17:00", .tue: "09:00-12:00,14:00-17:00", .wed: "09:00-12:00",
                       .thu: "09:00-12:00,14:00-17:00", .fri: "09:00-12:00,14:00-16:30"]),
    MemberSeed(code: "71104", name: "Charmoy", population: 214, single: true,
               referent: "A1", substitute: "A3",
               hours: [.tue: "14:00-18:00", .thu: "09:00-12:00"]),
    MemberSeed(code: "71133", name: "Ciry-le-Noble", population: 2_187, single: false, joining: .january(2023),
               substitute: "A1", summerYearsAgo: 2,
               hours: [.mon: "09:00-12:00,14:00-17:00", .tue: "09:00-12:00", .wed: "09:00-12:00,14:00-17:00",
                       .thu: "09:00-12:00", .fri: "09:00-12:00,14:00-17:00"]),
    MemberSeed(code: "71135", name: "Collonge-en-Charollais", population: 88, single: true,
               referent: "A4", substitute: "A3",
               hours: [.fri: "09:00-11:00", .tue: "17:00-19:00"]),
    MemberSeed(code: "71187", name: "Écuisses", population: 1_384, single: false,
               substitute: "A2", summerYearsAgo: 1,
               hours: [.mon: "08:30-12:00", .tue: "08:30-12:00,14:00-17:00", .wed: "08:30-12:00",
                       .thu: "08:30-12:00,14:00-17:00", .fri: "08:30-12:00"]),
    MemberSeed(code: "71191", name: "Essertenne", population: 392, single: true,
               referent: "A2", substitute: "A4",
               hours: [.mon: "14:00-17:00", .wed: "08:30-12:00", .fri: "14:00-18:00"]),
    MemberSeed(code: "71212", name: "Génelard", population: 1_296, single: false, joining: .inDemoYear(month: 4),
               hours: [.mon: "09:00-12:00", .tue: "09:00-12:00,14:00-17:00", .wed: "09:00-12:00",
                       .thu: "09:00-12:00", .fri: "09:00-12:00,14:00-16:00"]),
    MemberSeed(code: "71222", name: "Gourdon", population: 968, single: false,
               substitute: "A5",
               hours: [.mon: "09:00-12:00", .tue: "09:00-12:00", .thu: "09:00-12:00,14:00-17:00", .fri: "09:00-12:00"]),
    MemberSeed(code: "71282", name: "Marigny", population: 54, single: true,
               referent: "A4", substitute: "A2", summerYearsAgo: 1,
               hours: [.mon: "09:00-11:30", .thu: "16:00-18:30"]),
    MemberSeed(code: "71286", name: "Mary", population: 127, single: true,
               referent: "A1", substitute: "A4",
               hours: [.tue: "08:30-12:00", .fri: "14:00-17:00"]),
    MemberSeed(code: "71309", name: "Montcenis", population: 2_236, single: false,
               hours: [.mon: "09:00-12:00,14:00-17:00", .tue: "09:00-12:00,14:00-17:00", .wed: "09:00-12:00",
                       .thu: "09:00-12:00,14:00-17:00", .fri: "09:00-12:00"]),
    MemberSeed(code: "71310", name: "Montchanin", population: 5_148, single: false, summerYearsAgo: 2,
               hours: [.mon: "08:30-12:00,13:30-17:00", .tue: "08:30-12:00,13:30-17:00", .wed: "08:30-12:00,13:30-17:00",
                       .thu: "08:30-12:00,13:30-17:00", .fri: "08:30-12:00,13:30-16:00"]),
    MemberSeed(code: "71322", name: "Morey", population: 183, single: true,
               referent: "A2", substitute: "A5",
               hours: [.wed: "14:00-17:00", .fri: "09:00-12:00"]),
    MemberSeed(code: "71346", name: "Perrecy-les-Forges", population: 1_615, single: false,
               leaving: .inDemoYear(month: 6, day: 30), summerYearsAgo: 1,
               hours: [.mon: "09:00-12:00,14:00-17:00", .tue: "09:00-12:00", .wed: "09:00-12:00",
                       .thu: "09:00-12:00,14:00-17:00", .fri: "09:00-12:00"]),
    MemberSeed(code: "71356", name: "Pouilloux", population: 874, single: false,
               referent: "A5", substitute: "A2",
               hours: [.mon: "09:00-12:00", .tue: "14:00-17:30", .thu: "09:00-12:00", .fri: "14:00-17:00"]),
    MemberSeed(code: "71391", name: "Saint-Bérain-sous-Sanvignes", population: 420, single: true,
               referent: "A3", substitute: "A2", summerYearsAgo: 1,
               hours: [.mon: "09:00-12:00", .tue: "08:30-12:00,14:00-17:00", .thu: "14:00-18:00"]),
    MemberSeed(code: "71413", name: "Saint-Firmin", population: 436, single: true,
               referent: "A1", substitute: "A5",
               hours: [.mon: "09:00-12:00", .wed: "09:00-12:00", .fri: "14:00-17:00"]),
    MemberSeed(code: "71441", name: "Saint-Julien-sur-Dheune", population: 241, single: true,
               referent: "A2", substitute: "A1",
               hours: [.mon: "14:00-17:30", .thu: "09:00-12:00"]),
    MemberSeed(code: "71445", name: "Saint-Laurent-d'Andenay", population: 368, single: true,
               referent: "A1", substitute: "A5", summerYearsAgo: 2,
               hours: [.wed: "08:30-11:30", .thu: "14:00-17:00", .fri: "09:00-12:00"]),
    MemberSeed(code: "71460", name: "Saint-Micaud", population: 143, single: false,
               leaving: .endOfPreviousYear,
               hours: [.tue: "09:00-12:00", .fri: "14:00-17:00"]),
    MemberSeed(code: "71481", name: "Saint-Symphorien-de-Marmagne", population: 738, single: false,
               referent: "A4",
               hours: [.mon: "09:00-12:00", .wed: "14:00-17:00", .thu: "09:00-12:00", .fri: "09:00-12:00"]),
    MemberSeed(code: "71486", name: "Saint-Vallier", population: 8_743, single: false,
               hours: [.mon: "08:30-12:00,13:30-17:30", .tue: "08:30-12:00,13:30-17:30", .wed: "08:30-12:00,13:30-17:30",
                       .thu: "08:30-12:00,13:30-17:30", .fri: "08:30-12:00,13:30-17:00"]),
    MemberSeed(code: "71499", name: "Sanvignes-les-Mines", population: 4_312, single: false, summerYearsAgo: 1,
               hours: [.mon: "08:30-12:00,13:30-17:00", .tue: "08:30-12:00,13:30-17:00", .wed: "08:30-12:00",
                       .thu: "08:30-12:00,13:30-17:00", .fri: "08:30-12:00,13:30-16:30"]),
    MemberSeed(code: "71540", name: "Torcy", population: 3_061, single: false, joining: .january(2024),
               hours: [.mon: "08:30-12:00,14:00-17:30", .tue: "08:30-12:00,14:00-17:30", .wed: "08:30-12:00",
                       .thu: "08:30-12:00,14:00-17:30", .fri: "08:30-12:00,14:00-16:30"]),
    MemberSeed(code: "AFP01", name: "AFP du Haut-Morvan", kind: .afp, population: 0, single: false,
               referent: "A5",
               hours: [.fri: "09:00-11:30"]),
]

// MARK: - Agents

/// Morning or afternoon: a rota entry takes the member's opening range of that half-day.
private enum HalfDay: Sendable {
    case morning
    case afternoon

    /// Whether an opening range belongs to this half-day (starts before or after noon).
    func contains(_ range: TimeRange) -> Bool {
        self == .morning ? range.start < 12 * 60 : range.start >= 12 * 60
    }
}

/// One demo agent; the rota refers to members by code and half-day.
private struct AgentSeed: Sendable {
    var code: String
    var name: String
    var weekly: String
    var rtt: Int
    var costCents: Int
    var rota: [(member: String, day: Weekday, half: HalfDay)]

    /// The agent with its rota and its absences around `year`.
    func agent(index: Int, year: Int, members: [Member]) -> Agent {
        Agent(code: code, name: name, weeklyMinutes: DurationText.parse(weekly) ?? 35 * 60,
              rttDaysPerYear: rtt, annualCostCents: costCents,
              rota: rotaEntries(members: members).sorted(),
              absences: demoAbsences(agent: index, year: year).sorted())
    }

    /// The rota, each half-day placed on the member's opening range of that half-day.
    func rotaEntries(members: [Member]) -> [RotaEntry] {
        rota.compactMap { slot in
            guard let member = members.first(where: { $0.code == slot.member }),
                  let range = member.openingHours.on(slot.day).first(where: slot.half.contains)
            else { return nil }
            return RotaEntry(member: slot.member, day: slot.day, time: range)
        }
    }
}

/// Five agents: full time, 37 h 30 with RTT, 80 % and 31 h 20.
private let agentSeeds: [AgentSeed] = [
    AgentSeed(code: "A1", name: "Élodie Ferrand", weekly: "35:00", rtt: 0, costCents: 4_120_000,
              rota: [("71413", .mon, .morning), ("71286", .tue, .morning),
                     ("71104", .thu, .morning), ("71445", .thu, .afternoon)]),
    AgentSeed(code: "A2", name: "Jérôme Bailly", weekly: "37:30", rtt: 12, costCents: 4_480_000,
              rota: [("71441", .mon, .afternoon), ("71191", .wed, .morning), ("71322", .fri, .morning)]),
    AgentSeed(code: "A3", name: "Sandrine Perrot", weekly: "28:00", rtt: 0, costCents: 3_840_000,
              rota: [("71391", .tue, .morning), ("71036", .thu, .morning)]),
    AgentSeed(code: "A4", name: "Hélène Guillot", weekly: "31:20", rtt: 3, costCents: 3_950_000,
              rota: [("71282", .mon, .morning), ("71481", .wed, .afternoon), ("71135", .fri, .morning)]),
    AgentSeed(code: "A5", name: "Frédéric Nectoux", weekly: "35:00", rtt: 6, costCents: 4_230_000,
              rota: [("71445", .wed, .morning), ("71356", .tue, .afternoon), ("AFP01", .fri, .morning)]),
]

/// The absences of agent number `agent` around `year`: Christmas or New Year, three weeks in
/// summer (staggered so that at most two agents are away at once), and for some a training week, a sick leave or a day off.
private func demoAbsences(agent: Int, year: Int) -> [Absence] {
    var list: [Absence] = []
    if agent % 2 == 0 {
        list.append(Absence(from: day(year, 12, 21), to: day(year, 12, 28), kind: .conges))
    } else {
        list.append(Absence(from: day(year - 1, 12, 29), to: day(year, 1, 4), kind: .conges))
        list.append(Absence(from: day(year, 12, 29), to: day(year + 1, 1, 4), kind: .conges))
    }
    let summerStarts = [(7, 7), (8, 18), (7, 28), (7, 14), (8, 11)]
    let (month, dayOfMonth) = summerStarts[agent % summerStarts.count]
    let summer = first(.mon, onOrAfter: year, month, dayOfMonth)
    list.append(Absence(from: summer, to: summer.adding(days: 18), kind: .conges))
    switch agent {
    case 0:
        let friday = first(.fri, onOrAfter: year, 6, 14)
        list.append(Absence(from: friday, to: friday, kind: .autre))
    case 1:
        let monday = first(.mon, onOrAfter: year, 3, 11)
        list.append(Absence(from: monday, to: monday.adding(days: 4), kind: .formation))
    case 2:
        let monday = first(.mon, onOrAfter: year, 2, 5)
        list.append(Absence(from: monday, to: monday.adding(days: 11), kind: .maladie))
    case 3:
        let monday = first(.mon, onOrAfter: year, 10, 7)
        list.append(Absence(from: monday, to: monday.adding(days: 4), kind: .formation))
    default:
        let tuesday = first(.tue, onOrAfter: year, 11, 18)
        list.append(Absence(from: tuesday, to: tuesday.adding(days: 2), kind: .formation))
    }
    return list
}

// MARK: - Requests

/// One request of the demo year: starts on the first Monday on or after `month`/`day`.
private struct RequestSeed: Sendable {
    var member: String
    var motive: Motive
    var month: Int
    var day: Int
    var weeks: Int
    var hoursPerWeek: String
    /// Days between receipt and start (under 7 gives a short-notice warning).
    var notice: Int
    var exceptional = false
    /// Whether hours were logged on it (not every request gets served).
    var logged = true

    /// The request numbered `number` (`D-2025-001`…) in `year`.
    func request(number: Int, year: Int) -> ReplacementRequest {
        let start = first(.mon, onOrAfter: year, month, day)
        return ReplacementRequest(id: "D-\(year)-\(pad(number, 3))", member: member, motive: motive,
                                  received: start.adding(days: -notice), start: start,
                                  end: end(from: start), minutesPerWeek: DurationText.parse(hoursPerWeek) ?? 7 * 60,
                                  exceptional: exceptional)
    }

    /// The Friday of the last week, moved later when holidays leave fewer than five working
    /// days, so that a one-week request is never refused for being too short.
    func end(from start: CalendarDate) -> CalendarDate {
        let friday = start.adding(days: 7 * weeks - 3)
        let calendar = HolidayCalendar(.france)
        guard !exceptional else { return friday }
        let days = calendar.workingDays(from: start, to: start.adding(days: 7 * weeks + 14))
        return days.count >= 5 ? max(friday, days[4]) : friday
    }
}

/// Thirty requests over the year, every motive at least once, in start order.
private let requestSeeds: [RequestSeed] = [
    RequestSeed(member: "71413", motive: .maladie, month: 1, day: 8, weeks: 3, hoursPerWeek: "17:30", notice: 3),
    RequestSeed(member: "71133", motive: .surcroit, month: 1, day: 15, weeks: 4, hoursPerWeek: "14:00", notice: 20),
    RequestSeed(member: "71286", motive: .enfantMalade, month: 1, day: 22, weeks: 1, hoursPerWeek: "10:30", notice: 2,
                exceptional: true),
    RequestSeed(member: "71309", motive: .missionParticuliere, month: 2, day: 5, weeks: 6, hoursPerWeek: "7:00", notice: 30),
    RequestSeed(member: "71104", motive: .maternite, month: 2, day: 12, weeks: 16, hoursPerWeek: "17:30", notice: 45),
    RequestSeed(member: "71187", motive: .retraite, month: 3, day: 4, weeks: 8, hoursPerWeek: "35:00", notice: 60),
    RequestSeed(member: "71191", motive: .autreAbsence, month: 3, day: 11, weeks: 2, hoursPerWeek: "14:00", notice: 10),
    RequestSeed(member: "71040", motive: .surcroit, month: 3, day: 18, weeks: 4, hoursPerWeek: "21:00", notice: 14),
    RequestSeed(member: "71445", motive: .accident, month: 4, day: 2, weeks: 5, hoursPerWeek: "17:30", notice: 1),
    RequestSeed(member: "71222", motive: .congesExceptionnels, month: 4, day: 15, weeks: 1, hoursPerWeek: "21:00", notice: 15),
    RequestSeed(member: "AFP01", motive: .missionParticuliere, month: 4, day: 22, weeks: 2, hoursPerWeek: "7:00", notice: 21,
                logged: false),
    RequestSeed(member: "71346", motive: .maladie, month: 5, day: 6, weeks: 6, hoursPerWeek: "24:30", notice: 4),
    RequestSeed(member: "71212", motive: .missionParticuliere, month: 5, day: 13, weeks: 3, hoursPerWeek: "10:30", notice: 25),
    RequestSeed(member: "71540", motive: .enfantMalade, month: 5, day: 20, weeks: 1, hoursPerWeek: "14:00", notice: 3),
    RequestSeed(member: "71036", motive: .maternite, month: 6, day: 3, weeks: 20, hoursPerWeek: "28:00", notice: 60,
                exceptional: true),
    RequestSeed(member: "71499", motive: .surcroit, month: 6, day: 10, weeks: 3, hoursPerWeek: "14:00", notice: 12),
    RequestSeed(member: "71481", motive: .autreAbsence, month: 6, day: 17, weeks: 2, hoursPerWeek: "10:30", notice: 8),
    RequestSeed(member: "71441", motive: .congesEte, month: 7, day: 8, weeks: 3, hoursPerWeek: "17:30", notice: 90),
    RequestSeed(member: "71356", motive: .congesEte, month: 7, day: 15, weeks: 3, hoursPerWeek: "14:00", notice: 75),
    RequestSeed(member: "71310", motive: .congesEte, month: 7, day: 22, weeks: 4, hoursPerWeek: "35:00", notice: 80,
                logged: false),
    RequestSeed(member: "71322", motive: .congesEte, month: 8, day: 5, weeks: 2, hoursPerWeek: "10:30", notice: 60),
    RequestSeed(member: "71282", motive: .congesEte, month: 8, day: 19, weeks: 2, hoursPerWeek: "7:00", notice: 50,
                logged: false),
    RequestSeed(member: "71486", motive: .retraite, month: 9, day: 2, weeks: 8, hoursPerWeek: "35:00", notice: 45),
    RequestSeed(member: "71391", motive: .accident, month: 9, day: 16, weeks: 4, hoursPerWeek: "17:30", notice: 2),
    RequestSeed(member: "71059", motive: .missionParticuliere, month: 9, day: 30, weeks: 5, hoursPerWeek: "14:00", notice: 30),
    RequestSeed(member: "71187", motive: .congesExceptionnels, month: 10, day: 14, weeks: 1, hoursPerWeek: "35:00", notice: 6),
    RequestSeed(member: "71135", motive: .maladie, month: 10, day: 21, weeks: 10, hoursPerWeek: "10:30", notice: 5),
    RequestSeed(member: "71133", motive: .enfantMalade, month: 11, day: 4, weeks: 1, hoursPerWeek: "17:30", notice: 1),
    RequestSeed(member: "71040", motive: .autreAbsence, month: 11, day: 18, weeks: 3, hoursPerWeek: "21:00", notice: 14,
                logged: false),
    RequestSeed(member: "71191", motive: .surcroit, month: 12, day: 2, weeks: 2, hoursPerWeek: "7:00", notice: 20),
]

// MARK: - Hours

/// The hours logged in the demo year up to `today`: rota work, then request work spread over
/// the agents present, within their daily minutes when possible and never over 24:00 a day.
private struct DemoTimeSheet {
    let today: CalendarDate
    let agents: [Agent]
    let members: [Member]
    let firstDay: CalendarDate
    let workingDays: [CalendarDate]
    /// The first day whose hours are not validated yet (first day of today's month).
    let validationCutoff: CalendarDate
    /// Minutes logged per agent and day (index: days since 1 January).
    var load: [[Int]]
    var entries: [TimeEntry] = []
    /// The convention whose weekly cap the logged days follow.
    var convention = Convention.standard

    /// An empty sheet for the year of `today`.
    init(today: CalendarDate, agents: [Agent], members: [Member]) {
        self.today = today
        self.agents = agents
        self.members = members
        firstDay = day(today.year, 1, 1)
        workingDays = HolidayCalendar(.france).workingDays(from: firstDay, to: today)
        validationCutoff = day(today.year, today.month, 1)
        load = Array(repeating: Array(repeating: 0, count: 366), count: agents.count)
    }

    /// Each rota half-day on each working day the agent is present and the member a member.
    mutating func logRotaWork() {
        for date in workingDays {
            for (index, agent) in agents.enumerated() where agent.absence(on: date) == nil {
                for slot in agent.rota where slot.day == date.weekday && isMember(slot.member, on: date) {
                    add(agent: index, member: slot.member, date: date, minutes: slot.time.minutes, request: nil)
                }
            }
        }
    }

    /// The daily need of `request` on each working day of its (capped) span up to today.
    mutating func logRequestWork(_ request: ReplacementRequest) {
        let cap = request.exceptional ? request.end : min(request.end, request.start.addingMonths(2).adding(days: -1))
        for date in workingDays where date >= request.start && date <= cap && isMember(request.member, on: date) {
            serve(request, on: date)
        }
    }

    /// Splits one day's need: the member's substitute and referent first, then the agents with
    /// the most room; what no one has room for goes by half-hours to the least loaded agents.
    mutating func serve(_ request: ReplacementRequest, on date: CalendarDate) {
        let d = firstDay.days(to: date)
        let present = agents.indices.filter { agents[$0].absence(on: date) == nil }
        guard !present.isEmpty else { return }
        let member = members.first { $0.code == request.member }
        let preferred = [member?.substituteAgent, member?.referentAgent].compactMap { code in
            present.first { agents[$0].code == code }
        }
        let others = present.filter { !preferred.contains($0) }
            .sorted { (room($0, d), -$0) > (room($1, d), -$1) }
        var given = Array(repeating: 0, count: agents.count)
        var need = convention.dailyNeed(request)
        for a in preferred + others where need > 0 {
            let take = min(need, room(a, d))
            given[a] += take
            load[a][d] += take
            need -= take
        }
        while need > 0, let a = present.filter({ load[$0][d] < TimeEntry.maximumMinutes })
            .min(by: { (load[$0][d], $0) < (load[$1][d], $1) }) {
            let take = min(need, 30, TimeEntry.maximumMinutes - load[a][d])
            given[a] += take
            load[a][d] += take
            need -= take
        }
        for (a, minutes) in given.enumerated() where minutes > 0 {
            entries.append(TimeEntry(agent: agents[a].code, member: request.member, date: date, minutes: minutes,
                                     request: request.id, validated: date < validationCutoff))
        }
    }

    /// Minutes agent `a` can still work on day `d` within its daily minutes.
    func room(_ a: Int, _ d: Int) -> Int { max(0, agents[a].dailyMinutes - load[a][d]) }

    /// Whether the member `code` belongs to the service on `date`.
    func isMember(_ code: String, on date: CalendarDate) -> Bool {
        members.first { $0.code == code }?.isMember(on: date) ?? false
    }

    /// Logs `minutes` for agent number `agent` and counts them in its day.
    mutating func add(agent: Int, member: String, date: CalendarDate, minutes: Int, request: String?) {
        load[agent][firstDay.days(to: date)] += minutes
        entries.append(TimeEntry(agent: agents[agent].code, member: member, date: date, minutes: minutes,
                                 request: request, validated: date < validationCutoff))
    }

    /// The entries by date, agent, member and request (rota work first).
    func sortedEntries() -> [TimeEntry] {
        entries.sorted {
            ($0.date, $0.agent, $0.member, $0.request ?? "") < ($1.date, $1.agent, $1.member, $1.request ?? "")
        }
    }
}
