import Domain
import Testing

/// The hard rules of rules.md §5, checked on every agent-week of a plan.
enum HalfDayRules {
    static func check(_ territory: Territory, _ plan: Plan, settings: HalfDaySettings = .standard,
                      agents only: Set<String>? = nil) -> (placed: Int, unplaced: Int) {
        let planner = HalfDayPlanner(territory: territory, plan: plan, settings: settings)
        var byAgentWeek: [String: [Int: [DayAllocation]]] = [:]
        for a in plan.allocations where a.minutes > 0 && only?.contains(a.agent) != false {
            byAgentWeek[a.agent, default: [:]][a.date.mondayOfWeek.dayNumber, default: []].append(a)
        }
        let agents = Dictionary(territory.agents.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let memberOf = Dictionary(plan.decisions.map { ($0.id, $0.request.member) }, uniquingKeysWith: { a, _ in a })
        var placedTotal = 0
        var unplacedTotal = 0
        for (code, weeks) in byAgentWeek.sorted(by: { $0.key < $1.key }) {
            guard let agent = agents[code] else { continue }
            for (monday, allocations) in weeks.sorted(by: { $0.key < $1.key }) {
                let week = planner.week(agent: code, monday: CalendarDate(dayNumber: monday))
                let work = week.halfDays.filter { $0.request != nil }
                // 1. Nothing lost, per (agent, request, week); placed only on the request's days.
                var given: [String: Int] = [:]
                var days: [String: Set<CalendarDate>] = [:]
                for a in allocations {
                    given[a.request, default: 0] += a.minutes
                    days[a.request, default: []].insert(a.date)
                }
                var accounted: [String: Int] = [:]
                for h in work { accounted[h.request ?? "", default: 0] += h.minutes }
                for u in week.unplaced { accounted[u.request, default: 0] += u.minutes }
                #expect(accounted == given, "nothing lost: \(code) week of \(CalendarDate(dayNumber: monday).iso)")
                for h in work {
                    #expect(days[h.request ?? ""]?.contains(h.date) == true, "\(h.request ?? "") placed on \(h.date.iso), not one of its days")
                    #expect(memberOf[h.request ?? ""] == h.member)
                    // 3. Inside the working half-days.
                    let window = settings.window(h.half)
                    #expect(h.range.start >= window.start && h.range.end <= window.end && h.range.minutes > 0)
                }
                placedTotal += work.reduce(0) { $0 + $1.minutes }
                unplacedTotal += week.unplaced.reduce(0) { $0 + $1.minutes }
                var partials: [String: Int] = [:]
                for (date, list) in Dictionary(grouping: week.halfDays, by: \.date) {
                    // 2. One place at a time.
                    let sorted = list.sorted { $0.range.start < $1.range.start }
                    for (a, b) in zip(sorted, sorted.dropFirst()) {
                        #expect(a.range.end <= b.range.start, "\(code) \(date.iso): \(a.range.text) overlaps \(b.range.text)")
                    }
                    // 3. The day's minutes.
                    #expect(list.reduce(0) { $0 + $1.minutes } <= agent.dailyMinutes, "\(code) \(date.iso) over its daily minutes")
                    for half in Half.allCases {
                        let inHalf = sorted.filter { $0.half == half }
                        let members = Set(inHalf.map(\.member))
                        #expect(members.count <= 2, "\(code) \(date.iso) \(half): \(members.count) members")
                        if members.count == 2 {
                            #expect(inHalf.allSatisfy { $0.split }, "two members without the split marker")
                            for (a, b) in zip(inHalf, inHalf.dropFirst()) where a.member != b.member {
                                #expect(b.range.start - a.range.end >= settings.travelMinutes, "no time to travel on \(date.iso)")
                            }
                        }
                        // 4. Whole half-days first: a range shorter than its half-day could be
                        // (window, and the day's minutes left by the rest) is flagged partial.
                        let day = list.reduce(0) { $0 + $1.minutes }
                        if members.count == 1, !inHalf.isEmpty, inHalf.allSatisfy({ $0.request != nil }) {
                            let mine = inHalf.reduce(0) { $0 + $1.minutes }
                            let could = min(settings.window(half).minutes, agent.dailyMinutes - (day - mine))
                            if mine < could {
                                #expect(inHalf.contains { $0.partial }, "\(code) \(date.iso) \(half): \(mine) of \(could) not flagged partial")
                            }
                        }
                    }
                    for h in list where h.partial { partials[h.member, default: 0] += 1 }
                }
                #expect(partials.values.allSatisfy { $0 <= 1 }, "one partial half-day per member and week: \(code) \(partials)")
            }
        }
        return (placedTotal, unplacedTotal)
    }
}

@Suite("Half-day schedules (rules.md §5)")
struct HalfDayScheduleTests {
    static let mornings: [Weekday: String] = [.mon: "08:30-12:00", .tue: "08:30-12:00", .wed: "08:30-12:00",
                                              .thu: "08:30-12:00", .fri: "08:30-12:00"]

    /// 20 h a week at a town hall open every morning: five whole mornings, then the 2 h 30 left
    /// in one afternoon (next to a morning already there), and nothing lost.
    /// Request R of commune M (open every morning), served by agent A alone.
    func morningsSchedule(start: String, end: String, weekly: Int) throws -> HalfDaySchedule {
        let s = Scenario()
        s.member("M", opening: Self.mornings).agent("A")
        s.request("R", "M", .maladie, received: "2024-03-01", start: start, end: end, weekly: weekly)
        return try #require(HalfDayPlanner(territory: s.territory, plan: s.plan()).schedule(request: "R"))
    }

    @Test func wholeMorningsFirstThenOnePartialHalfDay() throws {
        let schedule = try morningsSchedule(start: "2024-03-11", end: "2024-03-15", weekly: 1200)
        let mornings = schedule.halfDays.filter { $0.half == .am }
        #expect(mornings.count == 5)
        #expect(mornings.allSatisfy { $0.range.text == "08:30-12:00" && !$0.partial })
        let afternoons = schedule.halfDays.filter { $0.half == .pm }
        #expect(afternoons.count == 1)
        #expect(afternoons.first?.minutes == 150 && afternoons.first?.partial == true)
        #expect(schedule.placedMinutes == 1200 && schedule.unplaced.isEmpty)
        #expect(schedule.uncoveredOpening.isEmpty, "every opening morning has its secretary")
        #expect(schedule.periods.count == 1)
    }

    /// Minutes move between the request's days to fill whole half-days, never to a day it is
    /// not served: a request from Wednesday is placed from Wednesday.
    @Test func minutesStayOnTheRequestsDaysOfTheWeek() throws {
        let schedule = try morningsSchedule(start: "2024-03-13", end: "2024-03-22", weekly: 630)
        let firstWeek = schedule.halfDays.filter { $0.date <= Scenario.day("2024-03-15") }
        #expect(firstWeek.allSatisfy { $0.date >= Scenario.day("2024-03-13") })
        // 3 days × 126 min = 378: one whole morning (210) and one partial of 168.
        #expect(firstWeek.reduce(0) { $0 + $1.minutes } == 378)
        #expect(firstWeek.filter(\.partial).count == 1)
        // The second week: 630 = three whole mornings.
        let second = schedule.halfDays.filter { $0.date >= Scenario.day("2024-03-18") }
        #expect(second.count == 3 && second.allSatisfy { !$0.partial && $0.minutes == 210 })
        #expect(schedule.periods.count == 2, "a period per pattern")
    }

    /// Two communes sharing one agent never make it travel inside a half-day without the
    /// allowance, and the one placed where its town hall is closed gets a proposal.
    @Test func twoMembersShareAnAgentWithoutTravellingInsideAHalfDay() throws {
        let s = Scenario()
        s.member("M1", opening: Self.mornings).member("M2", opening: Self.mornings).agent("A")
        s.request("D1", "M1", .maladie, received: "2024-03-01", start: "2024-03-11", end: "2024-03-15", weekly: 1000)
        s.request("D2", "M2", .maladie, received: "2024-03-01", start: "2024-03-11", end: "2024-03-15", weekly: 1000)
        let plan = s.plan()
        let (placed, unplaced) = HalfDayRules.check(s.territory, plan)
        #expect(placed + unplaced == plan.allocations.reduce(0) { $0 + $1.minutes })
        let planner = HalfDayPlanner(territory: s.territory, plan: plan)
        let two = try #require(planner.schedule(request: "D2"))
        #expect(!two.conflicts.isEmpty, "M2 wanted mornings M1 has")
        let conflict = try #require(two.conflicts.first)
        #expect(conflict.members.count == 2 && conflict.members.contains("M2"))
        #expect(conflict.proposal?.member == "M2")
    }

    /// A rota slot stays at its own time; the same member's extra minutes go beside it.
    @Test func rotaSlotsStayAndTheirMemberExtendsThem() throws {
        let s = Scenario()
        s.member("M", opening: Self.mornings)
        s.agent("A", rota: [RotaEntry(member: "M", day: .tue, time: TimeRange(start: 9 * 60, end: 11 * 60))])
        s.request("R", "M", .surcroit, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 900)
        let plan = s.plan()
        _ = HalfDayRules.check(s.territory, plan)
        let planner = HalfDayPlanner(territory: s.territory, plan: plan)
        let week = planner.schedule(agent: "A", from: Scenario.day("2024-03-11"), to: Scenario.day("2024-03-15"))
        let rota = week.halfDays.filter { $0.request == nil }
        #expect(rota.map(\.range.text) == ["09:00-11:00"])
        #expect(rota.first?.date == Scenario.day("2024-03-12"))
    }

    /// The hard rules on a generated département (600 communes, 60 agents), every agent-week,
    /// and unplaced minutes under 5 %.
    @Test func theHardRulesHoldOnAGeneratedDepartement() {
        let territory = SyntheticTerritory.make(members: 600, agents: 60, years: 1, seed: 3)
        let plan = Arbitration.plan(territory)
        let (placed, unplaced) = HalfDayRules.check(territory, plan)
        #expect(placed > 0)
        #expect(unplaced * 100 < (placed + unplaced) * 5, "unplaced \(unplaced) of \(placed + unplaced)")
    }
}

/// French as a reader writes it (issue 12): elisions and articles joined.
@Suite struct FrenchElisionTests {
    @Test(arguments: [("Mary", "de Mary"), ("Élodie Ferrand", "d'Élodie Ferrand"), ("AFP du Haut-Morvan", "d'AFP du Haut-Morvan"),
                      ("Le Breuil", "du Breuil"), ("Les Bizots", "des Bizots"), ("La Chapelle-sous-Uchon", "de la Chapelle-sous-Uchon"),
                      ("L'Oisans", "de l'Oisans"), ("Hélène Guillot", "d'Hélène Guillot"), ("Œuilly", "d'Œuilly")])
    func deJoinsAndElides(name: String, said: String) {
        #expect(DisplayFormat.de(name) == said)
    }

    @Test func historyValuesReadInWords() {
        #expect(AuditFieldText.value("motive", "maternite", .fr) == "maternité")
        #expect(AuditFieldText.value("kind", "conges", .fr) == "congés")
        #expect(AuditFieldText.value("kind", "afp", .fr) == "association foncière pastorale")
        #expect(AuditFieldText.label("assigned_agent", .fr) == "affectée à")
    }
}
