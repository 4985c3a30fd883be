import Foundation
import Testing
@testable import Documents
@testable import Domain

/// Every document (estimate, contract, titre de recettes) states the scheme's basis in words
/// (issue 13, part 5), as pdftotext reads it, under day_rate and agent_cost.
@Suite(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
struct SchemeBasisDocumentTests {
    static let today = Fixtures.date("2026-11-16")

    /// An amount as `Poppler.text` reads it (no-break spaces made plain).
    static func money(_ cents: Int) -> String {
        String(French.money(cents).map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
    }

    /// The demo of `preset`, its plan, and a served request of it with its estimate.
    static func demo(_ preset: ConventionPreset) throws -> (territory: Territory, plan: Plan, decision: RequestDecision, estimate: CostEstimate) {
        let territory = DemoTerritory.make(today: today, preset: preset)
        let plan = Arbitration.plan(territory)
        let decision = try #require(plan.decisions.first { !$0.isImplicit && $0.servedMinutes > 0 && $0.id == "D-2026-027" }
            ?? plan.decisions.first { !$0.isImplicit && $0.servedMinutes > 0 })
        let estimate = try #require(CostEstimate.make(for: decision, territory: territory))
        return (territory, plan, decision, estimate)
    }

    static func member(_ territory: Territory, _ code: String) throws -> Member {
        try #require(territory.members.first { $0.code == code })
    }

    static func estimateText(_ preset: ConventionPreset) throws -> (String, CostEstimate) {
        let d = try demo(preset)
        var service = d.territory.service
        service.epci = Fixtures.service.epci
        let pdf = CostEstimateDocument.pdf(estimate: d.estimate, request: d.decision.request,
                                           member: try member(d.territory, d.estimate.member), service: service, issued: today)
        return (Poppler.flat(try Poppler.text(pdf)), d.estimate)
    }

    static func contractText(_ preset: ConventionPreset) throws -> (String, CostEstimate) {
        let d = try demo(preset)
        let contract = try #require(ServiceContract.make(requestID: d.decision.id, territory: d.territory, plan: d.plan,
                                                         planner: HalfDayPlanner(territory: d.territory, plan: d.plan)))
        return (Poppler.flat(try Poppler.text(ServiceContractDocument.pdf(contract, service: d.territory.service, version: Fixtures.version))),
                d.estimate)
    }

    /// The first hours invoice the year's billing makes, as issued.
    static func titreText(_ preset: ConventionPreset) throws -> String {
        let territory = DemoTerritory.make(today: today, preset: preset)
        let draft = try #require(Billing.run(territory, year: 2026).first { $0.kind == .hours && $0.request != nil })
        let names = territory.agentNames
        let invoice = Invoice(number: "2026-0003", year: 2026, member: draft.member, kind: .hours, request: draft.request,
                              lines: draft.lines,
                              statement: draft.statement.map { StatementEntry(date: $0.date, agent: $0.agent, agentName: names[$0.agent] ?? $0.agent,
                                                                              minutes: $0.minutes, request: $0.request) },
                              issued: Fixtures.date("2026-12-01"), due: Fixtures.date("2026-12-31"))
        let pdf = TitreDeRecettes.pdf(invoice: invoice, member: try member(territory, draft.member), service: territory.service, missionLabel: nil)
        return Poppler.flat(try Poppler.text(pdf))
    }

    @Test func theEstimateStatesTheBasisAndItsLines() throws {
        let (day, dayEstimate) = try Self.estimateText(.cdg63)
        DocumentTextTests.expectAll([
            "Base de calcul 250,00 € la journée de 6 h, 50,00 € l'heure au-delà",
            "journées", "(journée de 6 h à 250,00 €)",
            "Montant prévisionnel \(Self.money(dayEstimate.amountCents ?? -1))",
            "son coût prévisionnel de \(Self.money(dayEstimate.amountCents ?? -1))",
        ], in: day)
        let (cost, costEstimate) = try Self.estimateText(.cdg51)
        DocumentTextTests.expectAll([
            "Base de calcul coût horaire de l'agent × 1,10, 25,00 € par agent et par mois (bulletin de paie)",
            "Frais de bulletin de paie", "de l'heure × 1,10",
            "Montant prévisionnel \(Self.money(costEstimate.amountCents ?? -1))",
        ], in: cost)
        // The prorata estimate has no amount and says why.
        let (share, _) = try Self.estimateText(.oisans)
        DocumentTextTests.expectAll([
            "Base de calcul coût réel de l'agent partagé en fin d'année au prorata des heures",
            "Montant prévisionnel inconnu avant la fin de l'année", "Aucun montant ne peut être connu avant la fin de l'année",
        ], in: share)
        #expect(!share.contains("0,00 €"), "never a made-up amount")
    }

    @Test func theContractStatesTheBasis() throws {
        let (day, dayEstimate) = try Self.contractText(.cdg63)
        DocumentTextTests.expectAll([
            "selon le tarif 2026 en vigueur (250,00 € la journée de 6 h, 50,00 € l'heure au-delà), la somme de \(Self.money(dayEstimate.amountCents ?? -1))",
        ], in: day)
        let (cost, costEstimate) = try Self.contractText(.cdg51)
        DocumentTextTests.expectAll([
            "selon le tarif 2026 en vigueur (coût horaire de l'agent × 1,10, 25,00 € par agent et par mois (bulletin de paie)), la somme de \(Self.money(costEstimate.amountCents ?? -1))",
        ], in: cost)
        let (share, _) = try Self.contractText(.oisans)
        DocumentTextTests.expectAll(["ne peut être connu à l'avance", "(coût réel de l'agent partagé en fin d'année au prorata des heures)"], in: share)
    }

    @Test func theTitreStatesTheBasis() throws {
        DocumentTextTests.expectAll(["Base de calcul 250,00 € la journée de 6 h, 50,00 € l'heure au-delà"], in: try Self.titreText(.cdg63))
        DocumentTextTests.expectAll(["Base de calcul coût horaire de l'agent × 1,10, 25,00 € par agent et par mois (bulletin de paie)"],
                                    in: try Self.titreText(.cdg51))
        DocumentTextTests.expectAll(["Base de calcul coût horaire de l'agent × 1,40"], in: try Self.titreText(.cdg03))
        DocumentTextTests.expectAll(["Base de calcul 30,00 € de l'heure après les heures prépayées de la cotisation"],
                                    in: try Self.titreText(.cucm))
    }

    /// The fee_and_hourly estimate keeps its table and adds the basis.
    @Test func theFeeAndHourlyEstimateAddsItsBasis() throws {
        let text = Poppler.flat(try Poppler.text(CostEstimateDocument.pdf(
            estimate: Fixtures.estimate, request: Fixtures.request, member: Fixtures.ecuisses, service: Fixtures.service,
            issued: Fixtures.date("2023-01-06"))))
        DocumentTextTests.expectAll(["Base de calcul 30,00 € de l'heure après les heures prépayées de la cotisation",
                                     "Heures facturables 28 h", "Montant prévisionnel 840,00 €"], in: text)
    }
}
