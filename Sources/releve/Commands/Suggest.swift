import ArgumentParser
import Domain
import Store

/// `releve suggest REQUEST_ID`: for a request not fully served, the agents who could cover it
/// by hand and what each choice would cost the other requests.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Pour une demande mal servie : quels agents pourraient la couvrir, et qui y perdrait quelles heures.")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "Nombre d'agents essayés.") var limit: Int = 5
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let territory = try options.openDatabase().loadPlanningTerritory()
            let plan = Arbitration.plan(territory)
            guard let decision = plan.decision(requestID) else {
                throw CommandFailure(.invalidData, l.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
            }
            let suggestions = Suggestions.make(for: requestID, territory: territory, plan: plan, limit: max(1, limit))
            switch format {
            case .json:
                writeOut(JSONOutput.object([
                    ("request", .string(requestID)),
                    ("status", .string(decision.status.rawValue)),
                    ("suggestions", .array(suggestions.map { s in
                        .object([
                            ("agent", .string(s.agent)),
                            ("gained_minutes", .integer(s.gainedMinutes)),
                            ("losses", .array(s.losses.map { loss in
                                .object([("request", .string(loss.request)), ("minutes", .integer(loss.minutes)),
                                         ("preempted", .bool(loss.preempted))])
                            })),
                        ])
                    })),
                ]).rendered())
            case .table:
                for line in SuggestionText.lines(decision, suggestions, territory: territory, plan: plan, language: l) { writeLine(line) }
            }
        }
    }
}

/// What `releve suggest` and the interface's `s` say: the request's state, then each agent who
/// could serve it, with what each choice costs the others, by name.
enum SuggestionText {
    static func lines(_ decision: RequestDecision, _ suggestions: [AgentSuggestion], territory: Territory, plan: Plan,
                      language l: Language) -> [String] {
        let names = territory.agentNames, members = territory.memberNames
        func name(_ id: String) -> String {
            plan.decision(id).map { RequestName.say($0, members: members, agents: names, l) } ?? id
        }
        var lines = [l.pick("\(name(decision.id)) : \(decision.status.label(in: l)), \(DurationText.format(decision.servedMinutes)) servies sur \(DurationText.format(decision.neededMinutes)).",
                            "\(name(decision.id)): \(decision.status.label(in: l)), \(DurationText.format(decision.servedMinutes)) served of \(DurationText.format(decision.neededMinutes)).")]
        if suggestions.isEmpty {
            lines.append(l.pick("Aucun agent ne peut la couvrir davantage (ou elle n'en a pas besoin).",
                                "No agent can cover it further (or it does not need it)."))
        }
        for s in suggestions {
            let cost = s.losses.isEmpty ? l.pick("personne n'y perd", "nobody loses")
                : s.losses.map { "\(name($0.request)) −\(DurationText.format($0.minutes))\($0.preempted ? l.pick(" (interrompue)", " (ended)") : "")" }
                    .joined(separator: ", ")
            lines.append(l.pick("• \(names[s.agent] ?? s.agent) (\(s.agent)) : +\(DurationText.format(s.gainedMinutes)) ; coût : \(cost)",
                                "• \(names[s.agent] ?? s.agent) (\(s.agent)): +\(DurationText.format(s.gainedMinutes)); cost: \(cost)"))
        }
        return lines
    }
}
