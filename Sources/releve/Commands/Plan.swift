import ArgumentParser
import TUI
import Domain
import Store

/// `releve plan`: the arbitration of rules.md §3 for every request; changes nothing.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Arbitre toutes les demandes (règles de priorité) et affiche les décisions.")

    @Option(help: "Début de la fenêtre (les demandes qui la recoupent).") var from: String?
    @Option(help: "Fin de la fenêtre.") var to: String?
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            let from = try OptionValue.optionalDate(self.from, option: "--from")
            let to = try OptionValue.optionalDate(self.to, option: "--to")
            let database = try options.openDatabase()
            let territory = try database.loadPlanningTerritory()
            let plan = Arbitration.plan(territory)
            let report = PlanReport(plan: plan, from: from, to: to, calendar: territory.service.calendar, members: territory.members)
            switch format {
            case .json: writeOut(report.json())
            case .table: writeOut(PlanTable.render(report, territory: territory, policy: database.readPolicy, language: language))
            }
        }
    }
}

/// The French table of `releve plan --format table`.
enum PlanTable {
    static func render(_ report: PlanReport, territory: Territory, policy: ReadPolicy, language l: Language) -> String {
        let names = territory.memberNames
        let format = DisplayFormat(l)
        // Requests named in reasons as people know them (a rota cover by whose rota, where, when).
        let byID = Dictionary(report.decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let agentNames = territory.agentNames
        let say = { (id: String) in byID[id].map { RequestName.say($0, members: names, agents: agentNames, l) } ?? id }
        let header = [l.pick("Demande", "Request"), l.pick("Commune", "Member"), l.pick("Motif", "Motive"), "P",
                      l.pick("Du", "From"), l.pick("Au", "To"), l.pick("Besoin", "Needed"), l.pick("Servi", "Served"),
                      l.pick("État", "Status"), l.pick("Agents", "Agents"), l.pick("Pourquoi", "Why")]
        let rows = report.decisions.map { d in
            [d.id, TextWidth.truncate(names[d.request.member] ?? d.request.member, to: 24),
             policy.motiveText(d.request.motive, l), "P\(d.priorityClass.rawValue)", format.numericDate(d.request.start),
             format.numericDate(d.effectiveEnd), DurationText.format(d.neededMinutes), DurationText.format(d.servedMinutes),
             d.status.label(in: l) + (d.preemptedOn.map { " " + l.pick("le", "on") + " " + format.numericDate($0) } ?? ""),
             Array(Set(d.periods.map(\.agent))).sorted().joined(separator: ","),
             d.reasons.map { policy.reasonText($0, l, convention: territory.service.convention, name: say) }.joined(separator: " ; ")]
        }
        var out = ""
        if let from = report.from, let to = report.to {
            out += l.pick("Arbitrage du \(format.date(from)) au \(format.date(to))\n\n", "Arbitration from \(format.date(from)) to \(format.date(to))\n\n")
        }
        return out + TextTable.render(header: header, rows: rows, rightAligned: [6, 7])
    }
}
