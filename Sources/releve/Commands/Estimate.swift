import ArgumentParser
import Documents
import Domain
import Foundation
import Store

/// `releve estimate REQUEST_ID`: the cost estimate of rules.md §6.1, before a mission.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate", abstract: "Coût prévisionnel d'une demande (heures nécessaires moins les heures prépayées restantes).")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @Option(help: "Écrit aussi le coût prévisionnel en PDF dans ce fichier, à faire signer par le maire.") var pdf: String?
    @Option(help: "Date du document PDF (sinon aujourd'hui).") var date: String?
    @OptionGroup var force: ForceOption
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let database = try options.openDatabase()
            if let pdf { try OutputFile.check(pdf, force: force.force, protecting: database.protectedFiles, option: "--pdf") }
            let territory = try database.loadTerritory()
            guard let decision = Arbitration.plan(territory).decision(requestID) else {
                throw CommandFailure(.invalidData, l.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
            }
            if decision.status == .refused {
                let why = decision.reasons.compactMap { if case .refused(let r) = $0 { return r.label(in: l, convention: territory.service.convention) }; return nil }
                throw CommandFailure(.invalidData, l.pick("demande \(requestID) \(why.first ?? "refusée") : pas de coût prévisionnel",
                                                          "request \(requestID) \(why.first ?? "refused"): no cost estimate"))
            }
            guard let estimate = CostEstimate.make(for: decision, territory: territory) else {
                throw CommandFailure(.invalidData, l.pick("aucun tarif pour \(decision.request.start.year) : dans l'interface, volet Factures (6), année \(decision.request.start.year), touche T (le formulaire reprend le tarif de l'année d'avant)",
                                                          "no tariff for \(decision.request.start.year)"))
            }
            if let pdf, let member = territory.members.first(where: { $0.code == estimate.member }) {
                let day = try OptionValue.optionalDate(date, option: "--date") ?? Clock.today()
                let bytes = CostEstimateDocument.pdf(estimate: estimate, request: decision.request, member: member,
                                                     service: territory.service, issued: day,
                                                     policy: database.readPolicy)
                try OutputFile.write(bytes, to: pdf, force: force.force, protecting: database.protectedFiles, option: "--pdf")
                writeError(l.pick("Coût prévisionnel écrit dans \(pdf)\n", "Cost estimate written to \(pdf)\n"))
            }
            switch format {
            case .json:
                writeOut(JSONOutput.object([
                    ("request", .string(estimate.request)), ("member", .string(estimate.member)), ("year", .integer(estimate.year)),
                    ("needed_minutes", .integer(estimate.neededMinutes)), ("prepaid_minutes_left", .integer(estimate.prepaidMinutesLeft)),
                    ("billed_minutes", .integer(estimate.billedMinutes)), ("hourly_rate", .string(MoneyText.format(estimate.hourlyRateCents))),
                    ("amount", .string(MoneyText.format(estimate.amountCents))),
                ]).rendered())
            case .table:
                let money = DisplayFormat(l)
                let name = territory.members.first { $0.code == estimate.member }?.name ?? estimate.member
                writeOut(l.pick("""
                    Coût prévisionnel · demande \(estimate.request) · \(name)
                      Heures nécessaires          \(DurationText.format(estimate.neededMinutes))
                      Heures prépayées restantes  \(DurationText.format(estimate.prepaidMinutesLeft)) (cotisation \(estimate.year))
                      Heures facturables          \(DurationText.format(estimate.billedMinutes)) × \(money.money(estimate.hourlyRateCents)) de l'heure
                      Montant estimé              \(money.money(estimate.amountCents))

                    """, """
                    Cost estimate · request \(estimate.request) · \(name)
                      Hours needed                \(DurationText.format(estimate.neededMinutes))
                      Prepaid hours left          \(DurationText.format(estimate.prepaidMinutesLeft)) (fee \(estimate.year))
                      Billable hours              \(DurationText.format(estimate.billedMinutes)) × \(money.money(estimate.hourlyRateCents)) an hour
                      Estimated amount            \(money.money(estimate.amountCents))

                    """))
            }
        }
    }
}
