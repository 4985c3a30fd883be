import Domain
import PropertyBased
import Testing

/// rules.md §7: every number of the framework agreement is a setting; each test fails when the
/// code keeps seed 002's literal instead of reading the setting.
@Suite("Convention as data (rules.md §7)")
struct ConventionTests {
    static func scenario(_ change: (inout Convention) throws -> Void) rethrows -> Scenario {
        let s = Scenario()
        try change(&s.territory.service.convention)
        return s
    }

    @Test func defaultsAreSeed002s() {
        let c = Convention.standard
        #expect(c.billingPeriod == .year && c.minWorkingDays == 5 && c.maxMonths == 2 && c.maxMinutesPerWeek == nil)
        #expect(c.noticeDays == 7 && c.smallPopulationBelow == 600 && c.smallNeedsSinglePartTimeSecretary)
        #expect(c.renewalReminderDays == 7 && c.renewalAnswerHours == 72 && c.evaluationAfterMission && c.reportMonths == 6)
        #expect(c.halfDays == .standard && c.halfDays.travelMinutes == 30)
        #expect(c.given.isEmpty)
    }

    @Test func minWorkingDaysDecidesBelowMinDuration() throws {
        // Three working days: refused under seed 002 (5), accepted with a minimum of 3 or 0.
        for (minimum, refused) in [(5, true), (3, false), (0, false)] {
            let s = try Self.scenario { try $0.set(.minWorkingDays, .integer(minimum)) }
            s.member("M").agent("A1").request("D-1", "M", .surcroit, received: "2026-01-01", start: "2026-03-02", end: "2026-03-04", weekly: 600)
            #expect((s.decision("D-1")?.status == .refused) == refused, "minimum \(minimum)")
        }
    }

    @Test func maxMonthsCapsTheSpanOrNot() throws {
        for (months, end, capped) in [(2, "2026-04-30", true), (6, "2026-06-30", false), (nil, "2026-06-30", false)] as [(Int?, String, Bool)] {
            let s = try Self.scenario { try $0.set(.maxMonths, months.map(ConventionValue.integer) ?? .null) }
            s.member("M").agent("A1").request("D-1", "M", .maladie, received: "2026-01-01", start: "2026-03-02", end: "2026-06-30", weekly: 600)
            let d = s.decision("D-1")
            #expect(d?.capped == capped, "max \(String(describing: months))")
            #expect(d?.effectiveEnd == Scenario.day(capped ? "2026-05-01" : end))
        }
    }

    @Test func maxHoursPerWeekCapsTheDailyNeedWithCappedWeekly() throws {
        let s = try Self.scenario { try $0.set(.maxHoursPerWeek, .text("14:00")) }
        s.member("M").agent("A1").request("D-1", "M", .maladie, received: "2026-01-01", start: "2026-03-02", end: "2026-03-06", weekly: 35 * 60)
        let d = try #require(s.decision("D-1"))
        #expect(d.neededMinutes == 5 * 168)
        #expect(d.reasons.contains(.cappedWeekly))
        #expect(ReasonCode.cappedWeekly.code == "CAPPED_WEEKLY")
        #expect(s.given("D-1", on: "2026-03-02") == ["A1": 168])
        // Under the cap, no reason.
        let t = try Self.scenario { try $0.set(.maxHoursPerWeek, .text("14:00")) }
        t.member("M").agent("A1").request("D-1", "M", .maladie, received: "2026-01-01", start: "2026-03-02", end: "2026-03-06", weekly: 600)
        #expect(t.decision("D-1")?.reasons.contains(.cappedWeekly) == false)
    }

    @Test func noticeDaysDecidesShortNotice() throws {
        for (days, short) in [(7, true), (3, false)] {
            let s = try Self.scenario { try $0.set(.noticeDays, .integer(days)) }
            s.member("M").agent("A1").request("D-1", "M", .maladie, received: "2026-02-26", start: "2026-03-02", end: "2026-03-06", weekly: 600)
            #expect(s.decision("D-1")?.reasons.contains(.shortNotice) == short, "notice \(days)")
        }
    }

    @Test func smallCommuneThresholdAndSecretaryCondition() throws {
        let member = Member(code: "M", name: "M", population: 800, singlePartTimeSecretary: false, memberSince: Scenario.day("2020-01-01"))
        var c = Convention()
        #expect(!c.isSmall(member))
        try c.set(.smallPopulationBelow, .integer(1000))
        #expect(!c.isSmall(member), "still needs a single part-time secretary")
        try c.set(.smallNeedsSinglePartTimeSecretary, .bool(false))
        #expect(c.isSmall(member))
        // And the arbitration reads it: SMALL_COMMUNE on the decision.
        let s = Scenario()
        s.territory.service.convention = c
        s.member("M", population: 800, single: false).agent("A1")
            .request("D-1", "M", .maladie, received: "2026-01-01", start: "2026-03-02", end: "2026-03-06", weekly: 600)
        #expect(s.decision("D-1")?.small == true)
    }

    @Test func halfDaysAndTravelReachTheSchedule() throws {
        var c = Convention()
        try c.set(.halfDays, .text("08:00-12:00,14:00-18:00"))
        try c.set(.travelMinutes, .integer(45))
        let s = Scenario()
        s.territory.service.convention = c
        s.member("M", opening: [.mon: "08:00-12:00"]).agent("A1")
            .request("D-1", "M", .maladie, received: "2026-01-01", start: "2026-03-02", end: "2026-03-06", weekly: 20 * 60)
        let planner = HalfDayPlanner(territory: s.territory, plan: s.plan())
        #expect(planner.settings.morning == TimeRange(start: 8 * 60, end: 12 * 60))
        #expect(planner.settings.travelMinutes == 45)
        let schedule = try #require(planner.schedule(request: "D-1", from: Scenario.day("2026-03-02"), to: Scenario.day("2026-03-06")))
        #expect(schedule.halfDays.allSatisfy { $0.range.start >= 8 * 60 && ($0.half == .am ? $0.range.end <= 12 * 60 : $0.range.start >= 14 * 60) })
    }

    @Test func labelsSayTheConventionsNumbers() throws {
        var c = Convention()
        try c.set(.maxMonths, .integer(6))
        try c.set(.minWorkingDays, .integer(3))
        try c.set(.maxHoursPerWeek, .text("14:00"))
        #expect(ReasonCode.capped.label(in: .fr, convention: c).contains("6 mois"))
        #expect(Refusal.belowMinDuration.label(in: .fr, convention: c).contains("3 jours ouvrés"))
        #expect(ReasonCode.cappedWeekly.label(in: .fr, convention: c).contains("14:00 par semaine"))
    }

    @Test func badValuesAreRefusedAndChangeNothing() {
        var c = Convention()
        let before = c
        for (key, text) in [(Convention.Key.minWorkingDays, "trois"), (.maxMonths, "0"), (.maxHoursPerWeek, "90:00"),
                            (.halfDays, "13:30-17:30,08:30-12:00"), (.billingPeriod, "weekly"), (.travelMinutes, "-5"),
                            (.smallNeedsSinglePartTimeSecretary, "peut-être")] {
            #expect(throws: ConventionProblem.self, "\(key) \(text)") { try c.set(key, typed: text) }
        }
        #expect(c == before)
        do { try c.set(.minWorkingDays, typed: "trois") } catch {
            #expect(error.message(in: .fr) == "min_working_days : « trois » n'est pas valable ; attendu un nombre de jours ouvrés de 0 à 260")
        }
    }

    @Test func typedValuesAsPeopleWriteThem() throws {
        var c = Convention()
        try c.set(.maxHoursPerWeek, typed: "14h")
        try c.set(.maxMonths, typed: "aucun")
        try c.set(.smallNeedsSinglePartTimeSecretary, typed: "non")
        try c.set(.billingPeriod, typed: "mois")
        try c.set(.halfDays, typed: "08:00-12:00 et 13:00-17:00")
        #expect(c.maxMinutesPerWeek == 840 && c.maxMonths == nil && !c.smallNeedsSinglePartTimeSecretary && c.billingPeriod == .month)
        #expect(c.value(.halfDays) == .text("08:00-12:00,13:00-17:00"))
        #expect(c.given == [.billingPeriod, .maxMonths, .maxHoursPerWeek, .smallNeedsSinglePartTimeSecretary, .halfDays])
    }

    @Test(arguments: ConventionPreset.allCases)
    func presetsFromTheirSources(_ preset: ConventionPreset) {
        var service = ServiceSettings(name: "S")
        preset.apply(to: &service)
        let c = service.convention
        switch preset {
        case .cucm: #expect(service.billing == .feeAndHourly && c == Convention.standard)
        case .oisans: #expect(service.billing == .prorataCost && c.minWorkingDays == 0 && c.maxMonths == nil)
        case .valDeDrome: #expect(service.billing == .prorataCost && c.minWorkingDays == 0 && c.maxMonths == nil)
        case .cdg63:
            #expect(service.billing == .dayRate && c.billingPeriod == .month)
            #expect(preset.tariff(year: 2026).dayRate == DayRate(dayRateCents: 25_000, dayMinutes: 360, extraHourlyRateCents: 5_000))
        case .cdg03:
            #expect(service.billing == .agentCost && c.billingPeriod == .month && c.maxMinutesPerWeek == 14 * 60)
            #expect(preset.tariff(year: 2026).agentCost == AgentCostRate(coefficientHundredths: 140, monthlyAgentFeeCents: 0))
        case .cdg51:
            #expect(service.billing == .agentCost && c.maxMonths == 6)
            #expect((preset.tariff(year: 2026).agentCost?.monthlyAgentFeeCents ?? 0) > 0)
        }
    }

    @Test func demoStartsFromAnyPresetAndValidates() {
        for preset in ConventionPreset.allCases {
            let t = DemoTerritory.make(today: Scenario.day("2026-11-16"), preset: preset)
            #expect(t.service.billing == preset.billing)
            #expect(TerritoryValidation.problems(in: t).isEmpty, "\(preset)")
            if preset.billing == .agentCost { #expect(t.agents.allSatisfy { $0.hourlyCostCents != nil }) }
        }
    }
}
