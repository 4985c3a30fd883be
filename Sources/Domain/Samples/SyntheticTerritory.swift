/// Large, realistic synthetic territories for `releve gen` and `releve bench`.
///
/// Distributions follow what a departmental service sees: three communes in four under 1,000
/// inhabitants, a few towns over 10,000, a few pastoral land associations (AFP); agents mostly
/// full time with a weekly rota; about 0.3 requests per member and year of all four classes;
/// hours logged for rota work and part of the requests. The same arguments always give the
/// same territory (one `SeededGenerator` stream per phase, no dictionary or set iteration), and
/// generation is linear in the size of the result.
public enum SyntheticTerritory {
    /// A territory of `members` members and `agents` agents over `years` calendar years from
    /// `firstYear`, entirely determined by the arguments.
    public static func make(members: Int, agents: Int, years: Int, seed: UInt64, firstYear: Int = 2025) -> Territory {
        let period = SyntheticPeriod(firstYear: firstYear, years: max(1, years))
        var memberDraw = stream(seed, phase: 1)
        var memberList = (0..<max(0, members)).map { makeMember(index: $0, period: period, rng: &memberDraw) }
        var agentDraw = stream(seed, phase: 2)
        var staff = (0..<max(0, agents)).map { makeAgent(index: $0, period: period, rng: &agentDraw) }
        var rotaDraw = stream(seed, phase: 3)
        placeRotas(staff: &staff, members: &memberList, period: period, rng: &rotaDraw)
        var substituteDraw = stream(seed, phase: 4)
        assignSubstitutes(members: &memberList, staff: staff, rng: &substituteDraw)
        var requestDraw = stream(seed, phase: 5)
        let requests = makeRequests(members: memberList, period: period, rng: &requestDraw)
        var sheet = SyntheticTimeSheet(period: period, members: memberList, staff: staff)
        sheet.logRotaWork()
        var workDraw = stream(seed, phase: 6)
        sheet.logRequestWork(requests, rng: &workDraw)
        return Territory(
            service: ServiceSettings(name: "Service commun de remplacement (territoire synthétique)",
                                     epci: "Syndicat mixte départemental (données synthétiques)",
                                     legalBasis: "Convention cadre synthétique", paymentDays: 30),
            tariffs: period.yearRange.map { Tariff.framework(year: $0, feeExempt: $0 == 2022) },
            members: memberList,
            agents: staff.map(\.agent),
            requests: requests,
            timeEntries: sheet.entries())
    }

    /// An independent generator for one phase, so that changing one phase leaves the others alone.
    private static func stream(_ seed: UInt64, phase: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed ^ (phase &* 0xD1B5_4A32_D192_ED03))
    }
}

// MARK: - Period

/// The calendar years generated, with their working days computed once.
private struct SyntheticPeriod {
    let firstYear: Int
    let lastYear: Int
    let first: CalendarDate
    let last: CalendarDate
    /// Working day flags by day index (days since `first`).
    let isWorkingDay: [Bool]
    /// Entries from this day on (the last month) are not validated yet.
    let validationCutoff: CalendarDate

    /// `years` calendar years from 1 January `firstYear`.
    init(firstYear: Int, years: Int) {
        self.firstYear = firstYear
        lastYear = firstYear + years - 1
        first = civilDay(firstYear, 1, 1)
        last = civilDay(lastYear, 12, 31)
        validationCutoff = civilDay(lastYear, 12, 1)
        var flags = Array(repeating: false, count: first.days(to: last) + 1)
        for date in HolidayCalendar(.france).workingDays(from: first, to: last) {
            flags[first.days(to: date)] = true
        }
        isWorkingDay = flags
    }

    var dayCount: Int { isWorkingDay.count }
    var yearRange: ClosedRange<Int> { firstYear...lastYear }

    /// The day index of `date` (negative before the period).
    func index(_ date: CalendarDate) -> Int { first.days(to: date) }
    /// The date of day index `index`.
    func date(_ index: Int) -> CalendarDate { first.adding(days: index) }
}

/// `year-month-day`; the callers only pass days that exist.
private func civilDay(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(dayNumber: CalendarDate.days(fromCivil: year, month, day))
}

/// The first Monday on or after `date`.
private func mondayOnOrAfter(_ date: CalendarDate) -> CalendarDate {
    date.adding(days: (8 - date.weekday.isoNumber) % 7)
}

/// The first day of the month numbered `monthIndex` (year × 12 + month − 1).
private func firstOfMonth(_ monthIndex: Int) -> CalendarDate {
    civilDay(monthIndex / 12, monthIndex % 12 + 1, 1)
}

// MARK: - Members

/// French place-name parts for plausible commune names.
private enum PlaceNames {
    /// Saints for `Saint-…` names.
    static let saints = ["Martin", "Germain", "Jean", "Pierre", "Étienne", "Aubin", "Hilaire", "Rémy", "Didier",
                         "Julien", "Laurent", "Vincent", "Symphorien", "Bérain", "Firmin", "Léger", "Andéol",
                         "Éloi", "Médard", "Amand", "Gervais", "Bonnet", "Christophe", "Maurice", "Nizier"]
    /// Saints for `Sainte-…` names.
    static let saintes = ["Marie", "Colombe", "Foy", "Hélène", "Cécile", "Geneviève", "Radegonde", "Agathe",
                          "Eulalie", "Croix", "Anne"]
    /// Plain village names.
    static let bases = ["Beaumont", "Montigny", "Villeneuve", "Châteauneuf", "Fontaines", "Champigny", "Marcilly",
                        "Chassagne", "Louvigny", "Chaumont", "Rochefort", "Mirebeau", "Aubigny", "Savigny",
                        "Montreuil", "Épinac", "Givry", "Brion", "Curgy", "Dompierre", "Ormes", "Prissé",
                        "Sennecey", "Varennes", "Vérosvres", "Ozolles", "Anzy", "Bragny", "Chenôve", "Fley",
                        "Genouilly", "Igé", "Jalogny", "Lugny", "Mornay", "Nanton", "Oyé", "Péronne", "Rully",
                        "Sassangy", "Uchon", "Viré", "Étang", "Écuelles", "Bourbon", "Châtenay", "Neuvy",
                        "Thil", "Vitry", "Aigueperse", "Montmelard", "Chéry", "Ruffey", "Sercy", "Touches"]
    /// Names with an article.
    static let articled = ["Le Breuil", "La Chapelle", "Les Bizots", "Le Mesnil", "La Ferté", "Les Essarts",
                           "Le Puy", "La Roche", "Le Vernois", "La Motte", "Les Granges", "Le Plessis",
                           "La Bussière", "Le Rousset", "Les Guerreaux", "La Clayette"]
    /// Complements: river, region, `lès`, `sous`….
    static let suffixes = ["-sur-Loire", "-sur-Saône", "-sur-Dheune", "-sur-Arroux", "-sur-Seine", "-sur-Marne",
                           "-sur-Allier", "-sur-Grosne", "-lès-Bois", "-lès-Mâcon", "-lès-Dijon", "-lès-Cluny",
                           "-en-Bresse", "-en-Auxois", "-en-Morvan", "-en-Charollais", "-en-Vexin", "-en-Brionnais",
                           "-le-Grand", "-le-Petit", "-le-Château", "-le-Noble", "-la-Forêt", "-la-Rivière",
                           "-la-Montagne", "-les-Mines", "-les-Forges", "-les-Bains", "-les-Vignes",
                           "-d'Azergues", "-d'Andenay", "-de-Marmagne", "-de-Varennes", "-sous-Bois",
                           "-sous-Roche", "-sous-Sanvignes", "-sous-Dun", "-Bourbon", "-Vieux"]
    /// Name heads of pastoral land associations.
    static let afpPrefixes = ["AFP du Haut-", "AFP du Plateau de ", "AFP des Monts de ", "AFP de la Combe de "]
    /// Name heads of other member bodies.
    static let otherPrefixes = ["SIVOS de ", "Syndicat des eaux de ", "CCAS de "]
    /// Metropolitan department codes, for INSEE-like member codes.
    static let departments: [String] = {
        var codes = (1...95).filter { $0 != 20 }.map { pad($0, 2) }
        codes.insert(contentsOf: ["2A", "2B"], at: 19)
        return codes
    }()
}

/// A commune name such as `Saint-Martin-sur-Loire` or `Villeneuve-lès-Bois`.
private func communeName(rng: inout SeededGenerator) -> String {
    let head: String
    switch rng.weightedIndex([40, 8, 12, 40]) {
    case 0: head = "Saint-" + (rng.element(of: PlaceNames.saints) ?? "Martin")
    case 1: head = "Sainte-" + (rng.element(of: PlaceNames.saintes) ?? "Marie")
    case 2: head = rng.element(of: PlaceNames.articled) ?? "Le Breuil"
    default: head = rng.element(of: PlaceNames.bases) ?? "Beaumont"
    }
    return rng.chance(percent: 45) ? head + (rng.element(of: PlaceNames.suffixes) ?? "") : head
}

/// A unique INSEE-like code: a department and a number, spread over departments.
private func memberCode(index: Int) -> String {
    let departments = PlaceNames.departments
    return departments[index % departments.count] + pad(index / departments.count + 1, 3)
}

/// A population drawn from per-mille bands (about 76 % under 1,000, 2.5 % over 10,000), skewed
/// to the low end of each band as a log-normal would be.
private func communePopulation(rng: inout SeededGenerator) -> Int {
    let bands: [(low: Int, high: Int, perMille: Int)] = [
        (50, 99, 90), (100, 199, 170), (200, 499, 290), (500, 999, 210), (1_000, 1_999, 110),
        (2_000, 4_999, 80), (5_000, 9_999, 25), (10_000, 19_999, 17), (20_000, 60_000, 8),
    ]
    let band = bands[rng.weightedIndex(bands.map(\.perMille))]
    return min(rng.int(in: band.low...band.high), rng.int(in: band.low...band.high))
}

/// Morning opening ranges, in minutes since midnight.
private let morningOptions = [(480, 720), (510, 720), (540, 720), (540, 750), (510, 690), (540, 660)]
/// Afternoon opening ranges (the last one an evening permanence).
private let afternoonOptions = [(810, 1020), (840, 1020), (840, 1080), (810, 990), (840, 960), (960, 1140)]

/// Opening hours by size: a morning or two for an AFP, two or three half-days for a village,
/// every day with afternoons for a town.
private func openingHours(kind: MemberKind, population: Int, rng: inout SeededGenerator) -> OpeningHours {
    let (ms, me) = rng.element(of: morningOptions) ?? (540, 720)
    let (asStart, ae) = rng.element(of: afternoonOptions) ?? (840, 1020)
    let morning = TimeRange(start: ms, end: me)
    let afternoon = TimeRange(start: asStart, end: ae)
    var days: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
    rng.shuffle(&days)
    var ranges: [Weekday: [TimeRange]] = [:]
    if kind != .commune {
        ranges[days[0]] = [morning]
    } else if population < 500 {
        for day in days.prefix(rng.int(in: 2...3)) {
            ranges[day] = [rng.chance(percent: 70) ? morning : afternoon]
        }
    } else if population < 2_000 {
        for (i, day) in days.prefix(4).enumerated() {
            ranges[day] = i < 2 ? [morning, afternoon] : [morning]
        }
    } else {
        for day in days {
            ranges[day] = day == .wed && rng.chance(percent: 50) ? [morning] : [morning, afternoon]
        }
    }
    return OpeningHours(ranges)
}

/// Member number `index`: mostly members before the period, a few joining or leaving during it.
private func makeMember(index: Int, period: SyntheticPeriod, rng: inout SeededGenerator) -> Member {
    let kind: MemberKind = [MemberKind.afp, .other, .commune][rng.weightedIndex([12, 4, 984])]
    let population = kind == .commune ? communePopulation(rng: &rng) : 0
    let name: String
    switch kind {
    case .commune: name = communeName(rng: &rng)
    case .afp: name = (rng.element(of: PlaceNames.afpPrefixes) ?? "AFP de ") + (rng.element(of: PlaceNames.bases) ?? "Uchon")
    case .other: name = (rng.element(of: PlaceNames.otherPrefixes) ?? "SIVOS de ") + (rng.element(of: PlaceNames.bases) ?? "Uchon")
    }
    let firstMonth = period.firstYear * 12
    let lastMonth = period.lastYear * 12 + 11
    let foundingMonth = min(2022 * 12 + 8, firstMonth - 12)
    let sinceMonth = rng.chance(percent: 6)
        ? rng.int(in: (firstMonth + 1)...lastMonth)
        : rng.int(in: foundingMonth...(firstMonth - 1))
    let since = firstOfMonth(sinceMonth)
    var until: CalendarDate?
    if rng.chance(percent: 3) {
        let leaveMonth = rng.int(in: max(sinceMonth, firstMonth)...lastMonth)
        until = firstOfMonth(leaveMonth + 1).adding(days: -1)
    }
    let hours = openingHours(kind: kind, population: population, rng: &rng)
    return Member(code: memberCode(index: index), name: name, kind: kind, population: population,
                  singlePartTimeSecretary: kind == .commune && population < 1_000 && rng.chance(percent: 40),
                  memberSince: since, memberUntil: until,
                  lastSummerReplacement: rng.chance(percent: 45) ? nil : period.firstYear - rng.int(in: 1...4),
                  openingHours: hours)
}

// MARK: - Agents

/// French first and last names for agents.
private enum PersonNames {
    /// First names.
    static let first = ["Élodie", "Jérôme", "Hélène", "Frédéric", "Céline", "Amélie", "Françoise", "Gaëlle", "Loïc",
                        "Anaïs", "Noémie", "Benoît", "Maëlle", "Clément", "Aurélie", "Sébastien", "Stéphanie",
                        "Valérie", "Thérèse", "Agnès", "Joël", "Raphaël", "Mélanie", "Léa", "Zoé", "Chloé", "Inès",
                        "Émilie", "Grégoire", "Camille", "Nadia", "Karine", "Sandrine", "Nathalie", "Isabelle",
                        "Sylvie", "Patrick", "Laurent", "Olivier", "Cédric", "Josiane", "Ghislaine", "Hervé"]
    /// Last names.
    static let last = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                       "Moreau", "Simon", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
                       "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François",
                       "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Perrin",
                       "Morin", "Mathieu", "Gauthier", "Dumont", "Fontaine", "Chevalier", "Masson", "Gérard",
                       "Nguyen", "Boyer", "Lemaire", "Duval", "Joly", "Roche", "Noël", "Meunier", "Pérez",
                       "Marchand", "Dufour", "Blanchard", "Barbier", "Brunet", "Leroux", "Colin", "Renard",
                       "Arnaud", "Caron", "Aubert", "Giraud", "Leclerc", "Bourgeois", "Lemoine", "Picard",
                       "Gaillard", "Lacroix", "Fabre", "Da Silva", "Rivière", "Le Gall", "Ménard", "Prévost",
                       "Carré", "Rémy", "Perrot", "Guyot", "Bailly", "Ferrand", "Nectoux", "Guillot", "Desbois"]
}

/// An agent being generated: the record plus the member index of each rota entry.
private struct StaffDraft {
    var agent: Agent
    /// Rota by weekday (Monday = 0 … Friday = 4): the member index and time, at most one a day.
    var rotaByWeekday: [(member: Int, time: TimeRange)?] = Array(repeating: nil, count: 5)
}

/// Agent number `index` (`A0001`…): mostly 35 h a week, with absences every year.
private func makeAgent(index: Int, period: SyntheticPeriod, rng: inout SeededGenerator) -> StaffDraft {
    let weekly = [35 * 60, 28 * 60, 31 * 60 + 20, 37 * 60 + 30][rng.weightedIndex([70, 10, 10, 10])]
    let fullTimeCost = rng.int(in: 3_900...4_450) * 1_000
    let name = (rng.element(of: PersonNames.first) ?? "Camille") + " " + (rng.element(of: PersonNames.last) ?? "Martin")
    var absences: [Absence] = []
    for year in period.yearRange {
        yearlyAbsences(year: year, rng: &rng).forEach { candidate in
            if !absences.contains(where: { $0.from <= candidate.to && candidate.from <= $0.to }) {
                absences.append(candidate)
            }
        }
    }
    let agent = Agent(code: "A" + pad(index + 1, 4), name: name, weeklyMinutes: weekly,
                      rttDaysPerYear: weekly > 35 * 60 ? 12 : 0,
                      annualCostCents: fullTimeCost * weekly / (35 * 60) / 100 * 100,
                      absences: absences.sorted())
    return StaffDraft(agent: agent)
}

/// Candidate absences of one year (summer leave first); overlapping ones are dropped by the caller.
private func yearlyAbsences(year: Int, rng: inout SeededGenerator) -> [Absence] {
    /// From `monday` to the Friday `weeks` weeks later.
    func week(_ monday: CalendarDate, weeks: Int, _ kind: AbsenceKind) -> Absence {
        Absence(from: monday, to: monday.adding(days: 7 * weeks - 3), kind: kind)
    }
    /// A Monday in one of `months`.
    func randomMonday(months: [Int]) -> CalendarDate {
        mondayOnOrAfter(civilDay(year, rng.element(of: months) ?? 3, rng.int(in: 1...28)))
    }
    var list = [week(mondayOnOrAfter(civilDay(year, 7, 1)).adding(days: 7 * rng.int(in: 0...6)), weeks: 3, .conges)]
    if rng.chance(percent: 50) { list.append(Absence(from: civilDay(year, 12, 24), to: civilDay(year, 12, 31), kind: .conges)) }
    if rng.chance(percent: 60) { list.append(week(randomMonday(months: [2, 3, 4, 5]), weeks: 1, .conges)) }
    if rng.chance(percent: 40) {
        let monday = randomMonday(months: [2, 3, 4, 5, 6, 9, 10, 11])
        list.append(Absence(from: monday, to: monday.adding(days: rng.int(in: 2...4)), kind: .formation))
    }
    if rng.chance(percent: 15) {
        let start = civilDay(year, rng.int(in: 1...11), rng.int(in: 1...28))
        list.append(Absence(from: start, to: start.adding(days: rng.int(in: 3...21)), kind: .maladie))
    }
    if rng.chance(perMille: 15) { list.append(week(randomMonday(months: Array(1...10)), weeks: 16, .maternite)) }
    if rng.chance(percent: 2) { list.append(week(randomMonday(months: Array(1...10)), weeks: rng.int(in: 2...8), .accident)) }
    if rng.chance(percent: 8) {
        let start = civilDay(year, rng.int(in: 1...12), rng.int(in: 1...28))
        list.append(Absence(from: start, to: start.adding(days: rng.int(in: 0...1)), kind: .autre))
    }
    return list
}

/// Gives each agent 2 to 5 half-days a week, on distinct weekdays and at distinct members that
/// stay members over the whole period, on the member's opening range of that half-day; no
/// member half-day gets two agents. The first agent placed at a member becomes its referent.
private func placeRotas(staff: inout [StaffDraft], members: inout [Member], period: SyntheticPeriod,
                        rng: inout SeededGenerator) {
    let stable = members.indices.filter {
        members[$0].memberSince <= period.first && members[$0].memberUntil == nil
    }
    guard !stable.isEmpty else { return }
    var taken = Array(repeating: false, count: members.count * 10)
    let weekdays: [Weekday] = [.mon, .tue, .wed, .thu, .fri]
    for a in staff.indices {
        var order = Array(0..<5)
        rng.shuffle(&order)
        var used: [Int] = []
        for w in order.prefix(rng.int(in: 2...5)) {
            let morning = rng.chance(percent: 70)
            for _ in 0..<24 {
                let m = stable[rng.int(in: 0...(stable.count - 1))]
                let slot = m * 10 + w * 2 + (morning ? 0 : 1)
                guard !taken[slot], !used.contains(m),
                      let range = members[m].openingHours.on(weekdays[w])
                        .first(where: { ($0.start < 12 * 60) == morning }) else { continue }
                taken[slot] = true
                used.append(m)
                staff[a].rotaByWeekday[w] = (m, range)
                staff[a].agent.rota.append(RotaEntry(member: members[m].code, day: weekdays[w], time: range))
                if members[m].referentAgent == nil { members[m].referentAgent = staff[a].agent.code }
                break
            }
        }
        staff[a].agent.rota.sort()
    }
}

/// Names a designated substitute for about 30 % of members (another agent than the referent).
private func assignSubstitutes(members: inout [Member], staff: [StaffDraft], rng: inout SeededGenerator) {
    guard staff.count > 1 else { return }
    for m in members.indices where rng.chance(percent: 30) {
        let code = staff[rng.int(in: 0...(staff.count - 1))].agent.code
        if code != members[m].referentAgent { members[m].substituteAgent = code }
    }
}

// MARK: - Requests

/// About 0.3 requests per member and year: 20 % P1, 30 % P2, 25 % P3, 25 % P4 (July–August).
/// Numbered `S-YYYY-000001`… by start date within each year.
private func makeRequests(members: [Member], period: SyntheticPeriod, rng: inout SeededGenerator) -> [ReplacementRequest] {
    guard !members.isEmpty else { return [] }
    var all: [ReplacementRequest] = []
    for year in period.yearRange {
        var drafts: [(request: ReplacementRequest, draw: Int)] = []
        for draw in 0..<((members.count * 3 + 5) / 10) {
            if let request = draftRequest(year: year, members: members, rng: &rng) { drafts.append((request, draw)) }
        }
        drafts.sort { ($0.request.start, $0.request.received, $0.draw) < ($1.request.start, $1.request.received, $1.draw) }
        for (number, draft) in drafts.enumerated() {
            var request = draft.request
            request.id = "S-\(year)-\(pad(number + 1, 6))"
            all.append(request)
        }
    }
    return all
}

/// One request of `year` for a member that is a member on its start, or nil after ten misses.
private func draftRequest(year: Int, members: [Member], rng: inout SeededGenerator) -> ReplacementRequest? {
    let motive = drawMotive(rng: &rng)
    let start: CalendarDate
    if motive == .congesEte {
        start = mondayOnOrAfter(civilDay(year, 7, 1)).adding(days: 7 * rng.int(in: 0...7))
    } else {
        let day = civilDay(year, 1, 1).adding(days: rng.int(in: 0...(CalendarDate.isLeap(year) ? 365 : 364)))
        start = rng.chance(percent: 70) || day.weekday.isWeekend ? mondayOnOrAfter(day) : day
    }
    var found: Member?
    for _ in 0..<10 where found == nil {
        let candidate = members[rng.int(in: 0...(members.count - 1))]
        if candidate.isMember(on: start) { found = candidate }
    }
    guard let member = found else { return nil }
    let weeks = requestWeeks(motive, rng: &rng)
    let notice: Int
    switch motive {
    case .congesEte, .retraite: notice = rng.int(in: 30...120)
    default: notice = rng.chance(percent: 15) ? rng.int(in: 0...6) : rng.int(in: 7...60)
    }
    let weekly = [420, 630, 840, 1_050, 1_260, 1_470, 1_680, 2_100][rng.weightedIndex([15, 15, 20, 15, 12, 8, 8, 7])]
    return ReplacementRequest(id: "", member: member.code, motive: motive, received: start.adding(days: -notice),
                              start: start, end: start.adding(days: 7 * weeks - 3), minutesPerWeek: weekly,
                              exceptional: rng.chance(percent: 3))
}

/// A motive: 20 % P1, 30 % P2, 25 % P3, 25 % P4.
private func drawMotive(rng: inout SeededGenerator) -> Motive {
    switch rng.weightedIndex([20, 30, 25, 25]) {
    case 0: return [Motive.maladie, .maternite, .accident][rng.weightedIndex([60, 20, 20])]
    case 1: return [Motive.retraite, .congesExceptionnels, .enfantMalade, .autreAbsence][rng.weightedIndex([15, 30, 30, 25])]
    case 2: return rng.chance(percent: 50) ? .missionParticuliere : .surcroit
    default: return .congesEte
    }
}

/// How many weeks a request of `motive` spans.
private func requestWeeks(_ motive: Motive, rng: inout SeededGenerator) -> Int {
    switch motive {
    case .maladie: return rng.int(in: 1...12)
    case .maternite: return 16
    case .accident: return rng.int(in: 2...10)
    case .retraite: return rng.int(in: 4...12)
    case .congesExceptionnels, .enfantMalade: return 1
    case .autreAbsence: return rng.int(in: 1...6)
    case .missionParticuliere: return rng.int(in: 1...8)
    case .surcroit: return rng.int(in: 2...8)
    case .congesEte: return rng.int(in: 1...4)
    }
}

// MARK: - Hours

/// The hours logged over the period, bucketed by day so that the result comes out in date
/// order without sorting: rota work first, then request work.
private struct SyntheticTimeSheet {
    let period: SyntheticPeriod
    let members: [Member]
    let staff: [StaffDraft]
    /// Membership bounds in day indices (inclusive), for fast checks.
    let memberFirstDay: [Int]
    let memberLastDay: [Int]
    let memberIndex: [String: Int]
    /// Agent × day flags and minutes logged.
    let absent: [Bool]
    var load: [Int]
    var buckets: [[TimeEntry]]

    /// An empty sheet, with absences and membership spans turned into day-indexed tables.
    init(period: SyntheticPeriod, members: [Member], staff: [StaffDraft]) {
        self.period = period
        self.members = members
        self.staff = staff
        memberFirstDay = members.map { period.index($0.memberSince) }
        memberLastDay = members.map { $0.memberUntil.map(period.index) ?? Int.max }
        var index: [String: Int] = [:]
        for (i, member) in members.enumerated() { index[member.code] = i }
        memberIndex = index
        let days = period.dayCount
        var flags = Array(repeating: false, count: staff.count * days)
        for (a, draft) in staff.enumerated() {
            for absence in draft.agent.absences {
                let from = max(0, period.index(absence.from))
                let to = min(days - 1, period.index(absence.to))
                if from <= to { for d in from...to { flags[a * days + d] = true } }
            }
        }
        absent = flags
        load = Array(repeating: 0, count: staff.count * days)
        buckets = Array(repeating: [], count: days)
    }

    /// Whether member `m` belongs to the service on day index `d`.
    func isMember(_ m: Int, day d: Int) -> Bool { d >= memberFirstDay[m] && d <= memberLastDay[m] }

    /// Each rota half-day on each working day when the agent is present.
    mutating func logRotaWork() {
        let days = period.dayCount
        for d in 0..<days where period.isWorkingDay[d] {
            let date = period.date(d)
            let weekday = date.weekday.isoNumber - 1
            for (a, draft) in staff.enumerated() where !absent[a * days + d] {
                guard let slot = draft.rotaByWeekday[weekday], isMember(slot.member, day: d) else { continue }
                log(agent: a, member: slot.member, day: d, minutes: slot.time.minutes, request: nil)
            }
        }
    }

    /// Logs about 60 % of the requests: each working day of the (capped) span, the daily need
    /// from the member's substitute or referent, or a regular agent, topped up by up to three
    /// others with room; no one goes over their daily minutes (what is left is not served).
    mutating func logRequestWork(_ requests: [ReplacementRequest], rng: inout SeededGenerator) {
        guard !staff.isEmpty else { return }
        let agentIndex = Dictionary(uniqueKeysWithValues: staff.enumerated().map { ($0.element.agent.code, $0.offset) })
        for request in requests where rng.chance(percent: 60) {
            guard let m = memberIndex[request.member] else { continue }
            let member = members[m]
            let preferred = (member.substituteAgent ?? member.referentAgent).flatMap { agentIndex[$0] }
                ?? rng.int(in: 0...(staff.count - 1))
            let cap = request.exceptional ? request.end : min(request.end, request.start.addingMonths(2).adding(days: -1))
            let from = max(0, period.index(request.start))
            let to = min(period.dayCount - 1, period.index(cap))
            guard from <= to else { continue }
            for d in from...to where period.isWorkingDay[d] && isMember(m, day: d) {
                var need = request.dailyNeed
                need -= give(agent: preferred, member: m, day: d, minutes: need, request: request.id)
                var tries = 0
                while need > 0 && tries < 3 {
                    need -= give(agent: rng.int(in: 0...(staff.count - 1)), member: m, day: d, minutes: need,
                                 request: request.id)
                    tries += 1
                }
            }
        }
    }

    /// Logs up to `minutes` for agent `a` within its daily minutes; returns what was logged.
    mutating func give(agent a: Int, member m: Int, day d: Int, minutes: Int, request: String) -> Int {
        let days = period.dayCount
        guard !absent[a * days + d] else { return 0 }
        let take = min(minutes, staff[a].agent.dailyMinutes - load[a * days + d])
        guard take > 0 else { return 0 }
        log(agent: a, member: m, day: d, minutes: take, request: request)
        return take
    }

    /// Logs an entry on day `d` and counts it in the agent's day.
    mutating func log(agent a: Int, member m: Int, day d: Int, minutes: Int, request: String?) {
        load[a * period.dayCount + d] += minutes
        let date = period.date(d)
        buckets[d].append(TimeEntry(agent: staff[a].agent.code, member: members[m].code, date: date,
                                    minutes: minutes, request: request, validated: date < period.validationCutoff))
    }

    /// All entries in date order.
    func entries() -> [TimeEntry] {
        var all: [TimeEntry] = []
        all.reserveCapacity(buckets.reduce(0) { $0 + $1.count })
        for bucket in buckets { all.append(contentsOf: bucket) }
        return all
    }
}
