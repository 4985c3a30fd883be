import ArgumentParser
import Documents
import Domain
import Store

/// `releve contract REQUEST_ID --output FILE`: the service contract of a granted mission (annex 2
/// of the framework agreement), one weekly table per period of its half-day schedule.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Écrit le contrat de prestation d'une mission en PDF (annexe 2 : un tableau par période du planning en demi-journées, chaque agent nommé).")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "Fichier PDF à écrire.") var output: String
    @OptionGroup var force: ForceOption
    @Option(help: "Date du contrat (AAAA-MM-JJ ou JJ/MM/AAAA ; sinon aujourd'hui) : une nouvelle version porte cette date.") var date: String?
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let day = try OptionValue.optionalDate(date, option: "--date") ?? Clock.today()
            let database = try options.openDatabase()
            try OutputFile.check(output, force: force.force, protecting: database.protectedFiles)
            let territory = try database.loadTerritory()
            let plan = Arbitration.plan(territory)
            guard let decision = plan.decision(requestID) else {
                throw CommandFailure(.invalidData, l.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
            }
            let planner = HalfDayPlanner(territory: territory, plan: plan)
            guard let contract = ServiceContract.make(requestID: requestID, territory: territory, plan: plan, planner: planner) else {
                throw CommandFailure(.invalidData, l.pick(
                    "la demande \(requestID) n'a aucune heure attribuée (\(decision.status.label(in: l))) : pas de contrat à établir",
                    "request \(requestID) has no hours (\(decision.status.label(in: l))): no contract to draw up"))
            }
            let version = try database.contractVersion(request: requestID, fingerprint: contract.fingerprint, on: day)
            let bytes = ServiceContractDocument.pdf(contract, service: territory.service, version: version, policy: database.readPolicy)
            try OutputFile.write(bytes, to: output, force: force.force, protecting: database.protectedFiles)
            let format = DisplayFormat(l)
            let said = version.recorded
                ? l.pick("version \(version.number) du \(format.date(version.date))", "version \(version.number) of \(format.date(version.date))")
                : l.pick("projet : le plan a changé depuis la dernière version", "draft: the plan changed since the last version")
            writeOut(l.pick("Contrat de prestation de la demande \(requestID) (\(said)) écrit dans \(output)\n",
                            "Service contract of request \(requestID) (\(said)) written to \(output)\n"))
        }
    }
}
