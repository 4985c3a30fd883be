import Domain
import Testing

@Suite("Domain model rules (rules.md §1–2)")
struct ModelTests {
    @Test(arguments: [(2100, 420), (2250, 450), (1880, 376), (1681, 336), (0, 0)])
    func agentDailyMinutesRoundDown(weekly: Int, daily: Int) {
        #expect(Agent(code: "A", name: "A", weeklyMinutes: weekly).dailyMinutes == daily)
    }

    @Test(arguments: [(1050, 210), (1260, 252), (2100, 420), (1001, 200)])
    func requestDailyNeedRoundsDown(weekly: Int, daily: Int) {
        let day = CalendarDate(dayNumber: 19_000)
        #expect(ReplacementRequest(id: "R", member: "M", motive: .maladie, received: day, start: day, end: day,
                                   minutesPerWeek: weekly).dailyNeed == daily)
    }

    @Test(arguments: [
        (599, true, true), (600, true, false), (120, false, false), (0, true, true), (12_000, true, false),
    ])
    func smallCommune(population: Int, single: Bool, small: Bool) {
        let member = Member(code: "M", name: "M", population: population, singlePartTimeSecretary: single,
                            memberSince: CalendarDate(dayNumber: 0))
        #expect(Convention.standard.isSmall(member) == small)
    }

    @Test(arguments: [
        ("maladie", 1), ("maternite", 1), ("accident", 1), ("retraite", 2), ("conges_exceptionnels", 2),
        ("enfant_malade", 2), ("autre_absence", 2), ("mission_particuliere", 3), ("surcroit", 3), ("conges_ete", 4),
    ])
    func motiveClasses(code: String, priority: Int) {
        #expect(Motive(rawValue: code)?.priorityClass.rawValue == priority)
    }

    @Test func everyMotiveHasAClassAndTenExist() {
        #expect(Motive.allCases.count == 10)
        #expect(Set(Motive.allCases.map(\.priorityClass)) == Set(PriorityClass.allCases))
    }

    @Test func membershipIsInclusive() {
        guard let since = CalendarDate.parseISO("2022-09-01"), let until = CalendarDate.parseISO("2023-06-30") else {
            Issue.record("dates")
            return
        }
        let member = Member(code: "M", name: "M", population: 10, singlePartTimeSecretary: true,
                            memberSince: since, memberUntil: until)
        #expect(member.isMember(on: since))
        #expect(member.isMember(on: until))
        #expect(!member.isMember(on: since.adding(days: -1)))
        #expect(!member.isMember(on: until.adding(days: 1)))
    }

    @Test func tariffBands() {
        let tariff = Tariff.framework(year: 2023)
        #expect(tariff.band(for: 420)?.annualFeeCents == 21_000)
        #expect(tariff.band(for: 999)?.prepaidDays == 1)
        #expect(tariff.band(for: 1000)?.prepaidDays == 2)
        #expect(tariff.band(for: 2500)?.annualFeeCents == 63_000)
        #expect(tariff.band(for: 12_000)?.annualFeeCents == 105_000)
        // Below the first band (an AFP has no population) uses the first band.
        #expect(tariff.band(for: 0)?.annualFeeCents == 21_000)
    }

    @Test func openingHoursParsing() {
        #expect(OpeningHours.parseDay("09:00-12:00,14:00-17:00")?.map(\.minutes) == [180, 180])
        #expect(OpeningHours.parseDay("14:00-12:00") == nil)
        #expect(OpeningHours.parseDay("09:00-12:00,11:00-17:00") == nil)
        #expect(OpeningHours.parseDay("9h-12h") == nil)
        #expect(OpeningHours.parseDay("") == nil)
        let hours = OpeningHours([.tue: OpeningHours.parseDay("09:00-12:00,14:00-17:00") ?? []])
        #expect(hours.text(.tue) == "09:00-12:00,14:00-17:00")
        #expect(hours.weeklyMinutes == 360)
    }
}

@Suite("Request form drafts")
struct RequestDraftTests {
    @Test func membersAreFoundByCodeOrByNameWithoutAccents() {
        let since = CalendarDate(year: 2022, month: 1, day: 1) ?? CalendarDate(dayNumber: 0)
        let members = [Member(code: "71184", name: "Écuisses", population: 1500, singlePartTimeSecretary: false, memberSince: since)]
        var draft = RequestDraft(values: [.member: "ecuisses", .motive: "maladie", .received: "02/01/2023", .start: "09/01/2023",
                                          .end: "27/01/2023", .hoursPerWeek: "17,5", .exceptional: "non"])
        #expect(draft.parse(members: members, newID: "N").request?.member == "71184")
        draft[.member] = "71184"
        #expect(draft.parse(members: members, newID: "N").request?.minutesPerWeek == 1050)
        // Any part of the name is enough now (issue 12, forgiving lookups); what matches nothing is refused.
        draft[.member] = "Ecuisse"
        #expect(draft.parse(members: members, newID: "N").request?.member == "71184")
        draft[.member] = "Paris"
        #expect(draft.parse(members: members, newID: "N").problems[.member] != nil)
    }
}
