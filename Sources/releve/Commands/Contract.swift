import ArgumentParser
import Documents
import Domain
import Store

/// `releve contract REQUEST_ID --output FILE`: the service contract of a granted mission (annex 2
/// of the framework agreement), with the weekly table of working vs. opening hours.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Écrit le contrat de service d'une mission en PDF (annexe 2 : heures de travail et horaires d'ouverture).")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "Fichier PDF à écrire.") var output: String
    @OptionGroup var force: ForceOption
    @Option(help: "Une date de la semaine-type à montrer (sinon la première semaine servie).") var week: String?
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let day = try OptionValue.optionalDate(week, option: "--week")
            let database = try options.openDatabase()
            try OutputFile.check(output, force: force.force, protecting: database.protectedFiles)
            let territory = try database.loadTerritory()
            let plan = Arbitration.plan(territory)
            guard let decision = plan.decision(requestID),
                  let member = territory.members.first(where: { $0.code == decision.request.member }) else {
                throw CommandFailure(.invalidData, l.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
            }
            guard let schedule = WeeklySchedule.make(requestID: requestID, plan: plan, territory: territory, weekOf: day) else {
                throw CommandFailure(.invalidData, l.pick(
                    "la demande \(requestID) n'a aucune heure attribuée (\(decision.status.label(in: l))) : pas de contrat à établir",
                    "request \(requestID) has no hours (\(decision.status.label(in: l))): no contract to draw up"))
            }
            let bytes = ServiceContractDocument.pdf(schedule: schedule, request: decision.request, member: member,
                                                    service: territory.service, agentNames: territory.agentNames,
                                                    estimate: CostEstimate.make(for: decision, territory: territory),
                                                    policy: database.readPolicy)
            try OutputFile.write(bytes, to: output, force: force.force, protecting: database.protectedFiles)
            writeOut(l.pick("Contrat de service de la demande \(requestID) écrit dans \(output)\n",
                            "Service contract of request \(requestID) written to \(output)\n"))
        }
    }
}
