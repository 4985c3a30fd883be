import Domain
import PropertyBased
import Testing

/// rules.md §6.4 (`day_rate`) and §6.5 (`agent_cost`), to the cent.
@Suite("Billing schemes day_rate and agent_cost (rules.md §6.4–§6.5)")
struct BillingSchemeTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    static func territory(_ billing: BillingScheme, entries: [TimeEntry], fee: Int = 0) -> Territory {
        var tariff = Tariff.framework(year: 2026)
        tariff.dayRate = .cdg63
        tariff.agentCost = AgentCostRate(coefficientHundredths: 140, monthlyAgentFeeCents: fee)
        return Territory(
            service: ServiceSettings(name: "CDG", billing: billing),
            tariffs: [tariff],
            members: [Member(code: "63001", name: "Aubière", population: 400, singlePartTimeSecretary: true, memberSince: day("2020-01-01")),
                      Member(code: "63002", name: "Blanzat", population: 3000, singlePartTimeSecretary: false, memberSince: day("2020-01-01"))],
            agents: [Agent(code: "A1", name: "Élodie", weeklyMinutes: 2100, hourlyCostCents: 2_250),
                     Agent(code: "A2", name: "Lucas", weeklyMinutes: 2100, hourlyCostCents: 2_013)],
            timeEntries: entries)
    }

    static func entry(_ agent: String, _ member: String, _ date: String, _ minutes: Int, _ request: String? = "D-1") -> TimeEntry {
        TimeEntry(agent: agent, member: member, date: day(date), minutes: minutes, request: request, validated: true)
    }

    @Test func dayRateSplitsEachAgentDayAtTheDayLength() {
        // A1 works 7:30 on the 2nd (6:00 day + 1:30 extra) and 4:00 on the 3rd; A2 3:00 + 4:00 on the 2nd (7:00 for one agent-day).
        let entries = [Self.entry("A1", "63001", "2026-03-02", 450), Self.entry("A1", "63001", "2026-03-03", 240),
                       Self.entry("A2", "63001", "2026-03-02", 180), Self.entry("A2", "63001", "2026-03-02", 240),
                       Self.entry("A1", "63001", "2026-03-02", 30, nil)]
        let drafts = Billing.run(Self.territory(.dayRate, entries: entries), year: 2026)
        #expect(drafts.map(\.request) == [nil, "D-1"])
        let mission = drafts[1]
        #expect(mission.kind == .hours)
        #expect(mission.lines.map(\.kind) == [.day, .extra])
        #expect(mission.lines[0].minutes == 360 + 240 + 360)
        // 960 min × 250,00 € / 360 = 666,666… → 666,67 €
        #expect(mission.lines[0].amountCents == 66_667)
        #expect(mission.lines[1].minutes == 90 + 60)
        #expect(mission.lines[1].amountCents == 12_500)
        #expect(mission.lines[0].label == "Journées de remplacement (250,00 € la journée de 6 h, 50,00 € l'heure au-delà)")
        // Hours without a mission are their own invoice, not added to the mission's days.
        #expect(drafts[0].lines.map(\.minutes) == [30])
        #expect(drafts[0].totalCents == 2_083)
        #expect(!drafts.flatMap(\.lines).contains { $0.kind == .fee }, "no annual fee under day_rate")
    }

    @Test func agentCostIsTheHourlyCostTimesTheCoefficientPerAgentWithAFeePerAgentMonth() {
        let entries = [Self.entry("A1", "63001", "2026-03-02", 420), Self.entry("A1", "63001", "2026-04-01", 200),
                       Self.entry("A2", "63001", "2026-03-03", 61)]
        let drafts = Billing.run(Self.territory(.agentCost, entries: entries, fee: 2_500), year: 2026)
        let lines = try! #require(drafts.first).lines
        #expect(lines.map(\.kind) == [.cost, .cost, .fee])
        #expect(lines.map(\.agent) == ["A1", "A2", nil])
        // 620 min × 22,50 € × 1,40 / 60 = 325,50 €; 61 min × 20,13 € × 1,40 / 60 = 28,6516… → 28,65 €.
        #expect(lines[0].amountCents == 32_550)
        #expect(lines[1].amountCents == 2_865)
        #expect(lines[0].unitPriceCents == 3_150)
        #expect(lines[0].label == "Coût d'Élodie : 22,50 € de l'heure × 1,40")
        // (A1, March), (A1, April), (A2, March): three agent-months × 25,00 €.
        #expect(lines[2].amountCents == 7_500)
        #expect(lines[2].label == "Frais de bulletin de paie : 3 mois-agent × 25,00 €")
        // Without a fee, no fee line.
        let free = Billing.run(Self.territory(.agentCost, entries: entries), year: 2026)
        #expect(free.first?.lines.map(\.kind) == [.cost, .cost])
    }

    @Test func theAgentFormTakesTheHourlyCost() {
        let t = Self.territory(.agentCost, entries: [])
        var fields = RecordDrafts.fields(for: .agent(existing: "A1"), territory: t, today: Self.day("2026-03-02"), language: .fr)
        #expect(fields.last?.label == "Coût horaire chargé (vide : inconnu)" && fields.last?.value == "22,50")
        fields[fields.count - 1].value = "23,75 €"
        #expect(RecordDrafts.parse(.agent(existing: "A1"), fields, territory: t, language: .fr).change?.agents.first?.hourlyCostCents == 2_375)
        fields[fields.count - 1].value = "cher"
        #expect(RecordDrafts.parse(.agent(existing: "A1"), fields, territory: t, language: .fr).problems[5] != nil)
    }

    @Test func aComplementTopsUpTheDayAndChargesNoPayslipFeeTwice() {
        let t = Self.territory(.dayRate, entries: [])
        // 7:00 billed on the 2nd (6:00 day + 1:00 extra); an edit adds an hour: one more extra hour.
        let key = BillingInput.key(member: "63001", mission: "D-1", agent: "A1", Self.day("2026-03-02").dayNumber)
        let added = ["63001": [Self.entry("A1", "63001", "2026-03-02", 60)]]
        let topUp = Billing.run(t, year: 2026, input: BillingInput(entries: added, billedPerAgentDay: [key: 420]))
        #expect(topUp.first?.lines.filter { $0.kind == .extra }.first?.amountCents == 5_000)
        #expect(topUp.first?.lines.map(\.kind) == [.extra])
        // 5:00 billed: the added hour completes the day (1/6 of 250,00 €).
        let partial = Billing.run(t, year: 2026, input: BillingInput(entries: added, billedPerAgentDay: [key: 300]))
        #expect(partial.first?.lines.map(\.amountCents) == [4_167])
        // agent_cost: A1's March fee already billed on this mission; A2's is new.
        let c = Self.territory(.agentCost, entries: [], fee: 2_500)
        let late = ["63001": [Self.entry("A1", "63001", "2026-03-20", 60), Self.entry("A2", "63001", "2026-03-20", 60)]]
        let billedMonth = BillingInput.key(member: "63001", mission: "D-1", agent: "A1", 3)
        let drafts = Billing.run(c, year: 2026, input: BillingInput(entries: late, feeMonthsBilled: [billedMonth]))
        #expect(drafts.first?.lines.last?.label == "Frais de bulletin de paie : 1 mois-agent × 25,00 €")
    }

    @Test func agentsWithoutHourlyCostAreNamed() {
        var t = Self.territory(.agentCost, entries: [Self.entry("A2", "63001", "2026-03-02", 60)])
        t.agents[1].hourlyCostCents = nil
        #expect(Billing.agentsWithoutHourlyCost(t, year: 2026) == ["Lucas"])
    }

    @Test func dayRateAmountsAddUpAndNeverExceedTheDays() async {
        await propertyCheck(input: Gen.int(in: 1...900).array(of: 1...12)) { minutes in
            let entries = minutes.enumerated().map { i, m in Self.entry(i % 2 == 0 ? "A1" : "A2", "63001", "2026-03-0\(2 + i / 4)", m) }
            let drafts = Billing.run(Self.territory(.dayRate, entries: entries), year: 2026)
            let billed = drafts.flatMap(\.lines).reduce(0) { $0 + ($1.minutes ?? 0) }
            // Every validated minute is billed once, on a day or an extra line.
            #expect(billed == minutes.reduce(0, +))
            let days = drafts.flatMap(\.lines).filter { $0.kind == .day }.reduce(0) { $0 + ($1.minutes ?? 0) }
            #expect(days <= 360 * Set(entries.map { "\($0.agent)\($0.date.dayNumber)" }).count)
        }
    }
}
