import Domain
import Testing

/// The cost estimate under each billing scheme (rules.md §6.1 estimate, §6.2, §6.4, §6.5), to
/// the cent, on small hand-made territories (issue 13, part 5).
@Suite("Cost estimate under every billing scheme")
struct CostEstimateSchemeTests {
    /// Member M (300 inhabitants), agents A (22,50 € an hour) and C (20,13 € an hour, absent
    /// all spring, so never planned); the 2024 tariff carries the CDG 63 day rate and a
    /// coefficient of 1,40 with a 25,00 € payslip fee.
    static func scenario(_ billing: BillingScheme, weekly: Int, start: String, end: String) -> Scenario {
        let s = Scenario()
        s.territory.service.billing = billing
        var tariff = Tariff.framework(year: 2024)
        tariff.dayRate = .cdg63
        tariff.agentCost = AgentCostRate(coefficientHundredths: 140, monthlyAgentFeeCents: 2_500)
        s.territory.tariffs = [tariff]
        s.member("M").agent("A")
        s.agent("C", absences: [Absence(from: Scenario.day("2024-03-01"), to: Scenario.day("2024-04-30"), kind: .conges)])
        s.territory.agents[0].hourlyCostCents = 2_250
        s.territory.agents[1].hourlyCostCents = 2_013
        s.request("R", "M", .maladie, received: "2024-01-02", start: start, end: end, weekly: weekly)
        return s
    }

    static func estimate(_ s: Scenario) throws -> CostEstimate {
        let decision = try #require(s.decision("R"))
        let result = try #require(CostEstimate.evaluate(for: decision, territory: s.territory))
        return try result.get()
    }

    @Test func dayRateWithHoursBeyondTheDay() throws {
        // 37:30 a week → 7:30 a day; 11–22 March 2024: 10 working days, 75:00 needed.
        // Days: 10 × min(7:30, 6:00) = 3 600 min × 250,00 € / 360 = 2 500,00 €.
        // Beyond: 10 × 1:30 = 900 min × 50,00 € / 60 = 750,00 €. Total 3 250,00 €.
        let e = try Self.estimate(Self.scenario(.dayRate, weekly: 2250, start: "2024-03-11", end: "2024-03-22"))
        #expect(e.scheme == .dayRate)
        #expect(e.neededMinutes == 4500)
        #expect(e.lines.map(\.kind) == [.day, .extra])
        #expect(e.lines.map(\.minutes) == [3600, 900])
        #expect(e.lines.map(\.unitPriceCents) == [25_000, 5_000])
        #expect(e.lines.map(\.amountCents) == [250_000, 75_000])
        #expect(e.amountCents == 325_000)
        #expect(e.hourlyRateCents == nil)
        #expect(e.prepaidMinutesLeft == 0)
        #expect(e.basis(.fr) == "250,00 € la journée de 6 h, 50,00 € l'heure au-delà")
        #expect(e.lines[0].label(.fr) == "10 journées × 6 h (journée de 6 h à 250,00 €)")
        #expect(e.lines[1].label(.fr) == "Heures au-delà de la journée : 10 × 1 h 30 à 50,00 € l'heure")
    }

    @Test func dayRateOfShortDaysIsProrataOfTheDayRoundedHalfUp() throws {
        // 17:30 a week → 3:30 a day; 10 working days: 2 100 min × 250,00 € / 360 = 1 458,333… → 1 458,33 €; nothing beyond.
        let e = try Self.estimate(Self.scenario(.dayRate, weekly: 1050, start: "2024-03-11", end: "2024-03-22"))
        #expect(e.lines.map(\.kind) == [.day])
        #expect(e.lines[0].minutes == 2100)
        #expect(e.amountCents == 145_833)
        #expect(e.billedMinutes == 2100)
    }

    @Test func agentCostByThePlannedAgentTheUnservedHoursAtTheAverageAndTheFeePerAgentMonth() throws {
        // 40:00 a week → 8:00 a day; 25 March – 5 April 2024: 9 working days (Easter Monday
        // 1 April is a holiday), 72:00 needed. A (35 h a week) gives 7:00 a day; C is absent.
        let s = Self.scenario(.agentCost, weekly: 2400, start: "2024-03-25", end: "2024-04-05")
        let decision = try #require(s.decision("R"))
        #expect(decision.neededMinutes == 4320)
        #expect(Set(decision.periods.map(\.agent)) == ["A"])
        #expect(decision.periods.allSatisfy { $0.minutesPerDay == 420 })
        let e = try Self.estimate(s)
        #expect(e.lines.map(\.kind) == [.cost, .unserved, .fee])
        // A: 9 × 7:00 = 3 780 min × 22,50 € × 1,40 / 60 = 1 984,50 € (31,50 € the hour).
        #expect(e.lines[0].minutes == 3780)
        #expect(e.lines[0].unitPriceCents == 3_150)
        #expect(e.lines[0].amountCents == 198_450)
        #expect(e.lines[0].label(.fr) == "Coût d'Agent A : 22,50 € de l'heure × 1,40")
        // Unserved: 4 320 − 3 780 = 540 min at the average of A and C, (22,50 + 20,13) / 2 =
        // 21,315 → 21,32 €: 540 × 21,32 × 1,40 / 60 = 268,632 → 268,63 € (29,848 → 29,85 € the hour).
        #expect(e.lines[1].minutes == 540)
        #expect(e.lines[1].baseCents == 2_132)
        #expect(e.lines[1].unitPriceCents == 2_985)
        #expect(e.lines[1].amountCents == 26_863)
        // (A, March) and (A, April): 2 agent-months × 25,00 € = 50,00 €.
        #expect(e.lines[2].count == 2)
        #expect(e.lines[2].amountCents == 5_000)
        #expect(e.lines[2].minutes == nil)
        // 1 984,50 + 268,63 + 50,00 = 2 303,13 €.
        #expect(e.amountCents == 230_313)
        #expect(e.billedMinutes == 4320)
        #expect(e.basis(.fr) == "coût horaire de l'agent × 1,40, 25,00 € par agent et par mois (bulletin de paie)")
        // The breakdown says how the unserved hours are priced.
        #expect(e.notes(.fr).contains { $0.contains("9 h") && $0.contains("coût horaire moyen") && $0.contains("21,32 €") })
    }

    @Test func agentCostWithoutFeeHasNoFeeLine() throws {
        let s = Self.scenario(.agentCost, weekly: 1050, start: "2024-03-11", end: "2024-03-22")
        s.territory.tariffs[0].agentCost = AgentCostRate(coefficientHundredths: 140, monthlyAgentFeeCents: 0)
        let e = try Self.estimate(s)
        // Fully served by A: 10 × 3:30 = 2 100 min × 22,50 € × 1,40 / 60 = 1 102,50 €.
        #expect(e.lines.map(\.kind) == [.cost])
        #expect(e.amountCents == 110_250)
        #expect(e.basis(.fr) == "coût horaire de l'agent × 1,40")
        #expect(e.notes(.fr).isEmpty)
    }

    @Test func prorataCostHasNoAmountBeforeYearEnd() throws {
        let e = try Self.estimate(Self.scenario(.prorataCost, weekly: 1050, start: "2024-03-11", end: "2024-03-22"))
        #expect(e.amountCents == nil, "never a made-up number")
        #expect(e.lines.map(\.kind) == [.share])
        #expect(e.lines.allSatisfy { $0.amountCents == nil && $0.unitPriceCents == nil })
        #expect(e.neededMinutes == 2100)
        #expect(e.basis(.fr) == "coût réel de l'agent partagé en fin d'année au prorata des heures")
        #expect(e.notes(.fr).first?.hasPrefix("Aucun montant ne peut être connu avant la fin de l'année") == true)
        // No tariff is needed to say so.
        let s = Self.scenario(.prorataCost, weekly: 1050, start: "2024-03-11", end: "2024-03-22")
        s.territory.tariffs = []
        #expect(try Self.estimate(s).amountCents == nil)
    }

    @Test func feeAndHourlyStatesItsBasisAndLines() throws {
        // 17:30 a week, 10 days: 35:00 needed; 1 prepaid day (7:00) for 300 inhabitants; 28:00 × 30,00 € = 840,00 €.
        let e = try Self.estimate(Self.scenario(.feeAndHourly, weekly: 1050, start: "2024-03-11", end: "2024-03-22"))
        #expect(e.prepaidMinutesLeft == 420)
        #expect(e.billedMinutes == 1680)
        #expect(e.amountCents == 84_000)
        #expect(e.hourlyRateCents == 3_000)
        #expect(e.lines.map(\.kind) == [.prepaid, .hours])
        #expect(e.lines.map(\.amountCents) == [0, 84_000])
        #expect(e.basis(.fr) == "30,00 € de l'heure après les heures prépayées de la cotisation")
        #expect(e.basis(.en).hasSuffix(" an hour after the fee's prepaid hours"))
    }

    @Test func whatTheSchemeLacksIsSaidWithHowToAddIt() throws {
        let noTariff = Self.scenario(.dayRate, weekly: 1050, start: "2024-03-11", end: "2024-03-22")
        noTariff.territory.tariffs = []
        let decision = try #require(noTariff.decision("R"))
        #expect(CostEstimate.evaluate(for: decision, territory: noTariff.territory) == .failure(.noTariff(year: 2024)))
        #expect(CostEstimate.make(for: decision, territory: noTariff.territory) == nil)
        let none = CostEstimateMissing.noTariff(year: 2024).message(.fr)
        #expect(none.hasPrefix("aucun tarif pour 2024"))
        #expect(none.contains("volet Factures (6)") && none.contains("touche T") && none.contains("tariffs[]"))

        let dayRate = Self.scenario(.dayRate, weekly: 1050, start: "2024-03-11", end: "2024-03-22")
        dayRate.territory.tariffs[0].dayRate = nil
        #expect(CostEstimate.evaluate(for: decision, territory: dayRate.territory) == .failure(.incompleteTariff(year: 2024, scheme: .dayRate)))
        let noDay = CostEstimateMissing.incompleteTariff(year: 2024, scheme: .dayRate).message(.fr)
        #expect(noDay.contains("le tarif 2024 n'a pas de prix de journée") && noDay.contains("day_rate, day_hours et extra_hourly_rate"))
        #expect(noDay.contains("tariffs[] du fichier releve/1") && noDay.contains("releve convention preset cdg63"))

        let agentCost = Self.scenario(.agentCost, weekly: 1050, start: "2024-03-11", end: "2024-03-22")
        agentCost.territory.tariffs[0].agentCost = nil
        #expect(CostEstimate.evaluate(for: decision, territory: agentCost.territory) == .failure(.incompleteTariff(year: 2024, scheme: .agentCost)))
        #expect(CostEstimateMissing.incompleteTariff(year: 2024, scheme: .agentCost).message(.fr).contains("cost_coefficient et monthly_agent_fee"))

        // The planned agent has no hourly cost: named, with where to set it.
        let noCost = Self.scenario(.agentCost, weekly: 1050, start: "2024-03-11", end: "2024-03-22")
        noCost.territory.agents[0].hourlyCostCents = nil
        #expect(CostEstimate.evaluate(for: decision, territory: noCost.territory) == .failure(.hourlyCost(agents: ["Agent A"])))
        #expect(CostEstimateMissing.hourlyCost(agents: ["Agent A"]).message(.fr)
            == "coût horaire inconnu pour Agent A : renseignez hourly_cost de l'agent dans agents[] du fichier releve/1 (facturation au coût de l'agent)")
        // Unserved hours and no agent with an hourly cost at all: nothing to price them at.
        let nobody = Self.scenario(.agentCost, weekly: 2400, start: "2024-03-25", end: "2024-04-05")
        nobody.territory.agents[1].hourlyCostCents = nil
        nobody.territory.agents[0].hourlyCostCents = nil
        let short = try #require(nobody.decision("R"))
        #expect(CostEstimate.evaluate(for: short, territory: nobody.territory) == .failure(.hourlyCost(agents: ["Agent A"])))
    }

    @Test func aRefusedRequestHasNoEstimateUnderAnyScheme() throws {
        for scheme in BillingScheme.allCases {
            // 2 working days: below the minimum of 5, refused.
            let s = Self.scenario(scheme, weekly: 1050, start: "2024-03-11", end: "2024-03-12")
            let decision = try #require(s.decision("R"))
            #expect(decision.status == .refused)
            #expect(CostEstimate.evaluate(for: decision, territory: s.territory) == nil, "\(scheme)")
        }
    }

    @Test func everyPresetsTariffHasABasisInWords() {
        for preset in ConventionPreset.allCases {
            let basis = CostEstimate.basis(scheme: preset.billing, tariff: preset.tariff(year: 2026), .fr)
            #expect(basis?.isEmpty == false, "\(preset)")
        }
        #expect(CostEstimate.basis(scheme: .dayRate, tariff: .framework(year: 2026), .fr) == nil)
    }
}
