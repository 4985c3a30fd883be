import Domain
import PropertyBased
import Testing

@Suite("Billing (rules.md §6)")
struct BillingTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    static func territory(billing: BillingScheme = .feeAndHourly, exempt: Bool = false, entries: [TimeEntry]) -> Territory {
        Territory(
            service: ServiceSettings(name: "Test", billing: billing),
            tariffs: [Tariff.framework(year: 2023, feeExempt: exempt)],
            members: [Member(code: "71040", name: "Saint-Bérain", population: 420, singlePartTimeSecretary: true, memberSince: day("2022-09-01")),
                      Member(code: "71100", name: "AFP", kind: .afp, population: 0, singlePartTimeSecretary: false, memberSince: day("2023-06-01")),
                      Member(code: "71200", name: "Montchanin", population: 5000, singlePartTimeSecretary: false, memberSince: day("2020-01-01"))],
            agents: [Agent(code: "A1", name: "Camille", weeklyMinutes: 2100, rttDaysPerYear: 12, annualCostCents: 4_100_000),
                     Agent(code: "A2", name: "Lucas", weeklyMinutes: 2100, annualCostCents: 100)],
            requests: [ReplacementRequest(id: "D-1", member: "71040", motive: .maladie, received: day("2023-01-02"),
                                          start: day("2023-01-09"), end: day("2023-03-31"), minutesPerWeek: 1050)],
            timeEntries: entries)
    }

    @Test(arguments: [(60, 3000, 3000), (1, 3000, 50), (1, 3030, 51), (7, 3147, 367), (1260, 3000, 63_000), (0, 3000, 0), (1, 3090, 52)])
    func amountsRoundHalfUpPerLine(minutes: Int, rate: Int, cents: Int) {
        #expect(Billing.amount(minutes: minutes, rateCents: rate) == cents)
    }

    @Test func annualFeeByBandWhateverTheJoiningDate() {
        let invoices = Billing.run(Self.territory(entries: []), year: 2023)
        let fees = invoices.filter { $0.kind == .annualFee }
        #expect(fees.map(\.member) == ["71040", "71100", "71200"])
        #expect(fees.map(\.totalCents) == [21_000, 21_000, 84_000])
        #expect(fees.first?.lines.first?.label == "Cotisation annuelle 2023 (1 à 999 hab.)")
        #expect(fees.last?.lines.first?.label == "Cotisation annuelle 2023 (4 500 à 9 999 hab.)")
    }

    @Test func feeExemptYearHasNoFeeAndNoPrepaidHours() {
        let entries = [TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-01-09"), minutes: 210, request: "D-1", validated: true)]
        let invoices = Billing.run(Self.territory(exempt: true, entries: entries), year: 2023)
        #expect(invoices.allSatisfy { $0.kind == .hours })
        #expect(invoices.first?.totalCents == 10_500)
        #expect(invoices.first?.lines.map(\.kind) == [.hours])
    }

    @Test func prepaidHoursAbsorbTheFirstValidatedHoursInOrder() {
        let entries = [
            TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-01-10"), minutes: 300, request: "D-1", validated: true),
            TimeEntry(agent: "A2", member: "71040", date: Self.day("2023-01-09"), minutes: 180, request: "D-1", validated: true),
            TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-01-09"), minutes: 60, request: nil, validated: true),
            TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-01-11"), minutes: 120, request: "D-1", validated: false),
        ]
        let invoices = Billing.run(Self.territory(entries: entries), year: 2023).filter { $0.member == "71040" && $0.kind == .hours }
        // 420 prepaid minutes (1 day × 7 h): the 60 without mission on 9 Jan first, then 180,
        // then 180 of the 300 on 10 Jan; the unvalidated entry is not billed.
        #expect(invoices.map(\.request) == [nil, "D-1"])
        let noMission = invoices[0], mission = invoices[1]
        #expect(noMission.lines.map(\.kind) == [.prepaid, .hours])
        #expect(noMission.lines.first?.minutes == 60)
        #expect(noMission.totalCents == 0)
        #expect(mission.lines.first { $0.kind == .prepaid }?.minutes == 360)
        #expect(mission.lines.first { $0.kind == .hours }?.minutes == 120)
        #expect(mission.totalCents == 6_000)
        #expect(mission.statement.count == 2)
    }

    @Test func rttIsBilledOnMissionsLongerThanAMonth() {
        // 20 days worked by A1 (12 RTT days a year) from 9 January to 30 March.
        var entries: [TimeEntry] = []
        var date = Self.day("2023-01-09")
        while entries.count < 20 {
            if !date.weekday.isWeekend {
                entries.append(TimeEntry(agent: "A1", member: "71040", date: date, minutes: 210, request: "D-1", validated: true))
            }
            date = date.adding(days: 4)
        }
        let mission = Billing.run(Self.territory(entries: entries), year: 2023).first { $0.kind == .hours && $0.request == "D-1" }
        let rtt = mission?.lines.first { $0.kind == .rtt }
        // 12 × 420 × 20 / 228 = 442.1 → 442 minutes, 221.00 €.
        #expect(rtt?.minutes == 442)
        #expect(rtt?.amountCents == 22_100)
        // Within one month: no RTT line.
        let short = Array(entries.prefix(5))
        let shortMission = Billing.run(Self.territory(entries: short), year: 2023).first { $0.kind == .hours && $0.request == "D-1" }
        #expect(shortMission?.lines.contains { $0.kind == .rtt } == false)
    }

    @Test func prorataPartsAddUpExactlyToEachAgentsCost() {
        let entries = [
            TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-02-01"), minutes: 100, validated: true),
            TimeEntry(agent: "A1", member: "71100", date: Self.day("2023-07-01"), minutes: 100, validated: true),
            TimeEntry(agent: "A1", member: "71200", date: Self.day("2023-02-01"), minutes: 100, validated: true),
            TimeEntry(agent: "A2", member: "71040", date: Self.day("2023-02-02"), minutes: 1, validated: true),
            TimeEntry(agent: "A2", member: "71200", date: Self.day("2023-02-02"), minutes: 2, validated: true),
        ]
        let invoices = Billing.run(Self.territory(billing: .prorataCost, entries: entries), year: 2023)
        #expect(invoices.allSatisfy { $0.kind == .prorataCost })
        let camille = invoices.flatMap(\.lines).filter { $0.label.contains("Camille") }.map(\.amountCents)
        #expect(camille.reduce(0, +) == 4_100_000)
        // 4 100 000 / 3 = 1 366 666.67: the extra cent goes by largest remainder, ties by member code.
        #expect(camille == [1_366_667, 1_366_667, 1_366_666])
        let lucas = invoices.flatMap(\.lines).filter { $0.label.contains("Lucas") }.map(\.amountCents)
        #expect(lucas == [33, 67])
    }

    @Test func largestRemainderAlwaysAddsUp() async {
        await propertyCheck(input: Gen.int(in: 0...10_000_000), Gen.int(in: 1...500).array(of: 1...12)) { total, weights in
            let parts = Billing.largestRemainder(total, weights: weights)
            #expect(parts.reduce(0, +) == total)
            let sum = weights.reduce(0, +)
            for (part, weight) in zip(parts, weights) {
                #expect(abs(part * sum - total * weight) < sum)
            }
        }
    }

    @Test func costEstimateSubtractsThePrepaidHoursStillUnused() throws {
        let used = [TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-01-05"), minutes: 300, validated: true),
                    TimeEntry(agent: "A1", member: "71040", date: Self.day("2023-01-06"), minutes: 60, validated: false)]
        let territory = Self.territory(entries: used)
        let decision = try #require(Arbitration.plan(territory).decision("D-1"))
        let estimate = try #require(CostEstimate.make(for: decision, territory: territory))
        // 420 prepaid minutes, 300 already used (the unvalidated 60 do not count): 120 left.
        #expect(estimate.prepaidMinutesLeft == 120)
        #expect(estimate.billedMinutes == decision.neededMinutes - 120)
        #expect(estimate.amountCents == Billing.amount(minutes: decision.neededMinutes - 120, rateCents: 3000))
        let exempt = Self.territory(exempt: true, entries: [])
        let free = try #require(CostEstimate.make(for: decision, territory: exempt))
        #expect(free.prepaidMinutesLeft == 0)
        #expect(free.billedMinutes == decision.neededMinutes)
    }
}
