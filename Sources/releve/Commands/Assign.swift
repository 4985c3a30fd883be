import ArgumentParser
import Domain
import Store

/// `releve assign REQUEST_ID AGENT` / `releve assign REQUEST_ID --none`: the coordinator puts a
/// request in one agent's hands (each day that agent gives it its need before the rules share
/// the rest), or gives it back to the rules. What each choice costs: `releve suggest`.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Affecte une demande à un agent à la main (il lui donne chaque jour son besoin avant le partage des règles), ou l'enlève (--none). Ce que chaque choix coûte : releve suggest.")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Argument(help: "Code de l'agent (sans --none).") var agent: String?
    @Flag(help: "Rend la demande aux règles de priorité.") var none = false
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            guard none != (agent != nil) else {
                throw CommandFailure(.usage, l.pick("indiquez un agent, ou --none", "give an agent, or --none"))
            }
            let database = try options.openDatabase()
            let code = try agent.map { typed in try database.agentCode(matching: typed)?.code ?? typed }
            let decision: RequestDecision?
            do {
                decision = try database.assign(request: requestID, agent: code)
            } catch let refusal as AssignmentRefusal {
                throw CommandFailure(.invalidData, refusal.message(in: l))
            }
            let names = try database.names()
            let f = DisplayFormat(l)
            let served = decision.map { l.pick(" : \(f.duration($0.servedMinutes)) sur \(f.duration($0.neededMinutes)), \($0.status.label(in: l))",
                                              ": \(f.duration($0.servedMinutes)) of \(f.duration($0.neededMinutes)), \($0.status.label(in: l))") } ?? ""
            if let code {
                writeLine(l.pick("Demande \(requestID) affectée à \(names.agents[code] ?? code) (\(code))\(served).",
                                 "Request \(requestID) assigned to \(names.agents[code] ?? code) (\(code))\(served)."))
            } else {
                writeLine(l.pick("Demande \(requestID) rendue aux règles\(served).", "Request \(requestID) back to the rules\(served)."))
            }
        }
    }
}
