import ArgumentParser
import Documents
import Domain
import Store
import TUI

/// `releve report [--from D --to D] [--format json|table|csv|pdf] [--output F]`: the activity
/// report of rules.md §9, with the previous period of the same length; changes nothing.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rapport d'activité (compte rendu semestriel) : demandes, heures, couverture, attente, agents, évaluations, facturation.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, table, csv, pdf }

    @Option(help: "Premier jour de la période (avec --to ; sans les deux : le dernier semestre entier, ou la durée report_months de la convention).") var from: String?
    @Option(help: "Dernier jour de la période.") var to: String?
    @Option(help: "json, table, csv ou pdf.") var format: Format = .table
    @Option(help: "Fichier à écrire (sinon la sortie standard).") var output: String?
    @OptionGroup var force: ForceOption
    @OptionGroup var today: TodayOptions
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            // Everything the user typed is checked before the database is opened: nothing is written on a mistake.
            let first = try OptionValue.optionalDate(from, option: "--from")
            let last = try OptionValue.optionalDate(to, option: "--to")
            let day = try today.day()
            if (first == nil) != (last == nil) {
                throw CommandFailure(.usage, l.pick("--from et --to vont ensemble : donnez les deux, ou aucun pour le dernier semestre entier",
                                                    "--from and --to go together: give both, or neither for the last whole half-year"))
            }
            var asked: ReportPeriod?
            if let first, let last {
                guard let period = ReportPeriod(from: first, to: last) else {
                    let f = DisplayFormat(l)
                    throw CommandFailure(.usage, l.pick("--to (\(f.date(last))) avant --from (\(f.date(first))) : la période doit finir après son début",
                                                        "--to (\(f.date(last))) before --from (\(f.date(first))): the period must end after it starts"))
                }
                asked = period
            }
            if format == .pdf && ReportPDF.writer == nil {
                throw CommandFailure(.usage, l.pick("le rapport d'activité en PDF n'est pas encore disponible : utilisez --format json, table ou csv",
                                                    "the activity report as PDF is not available yet: use --format json, table or csv"))
            }
            if format == .pdf && output == nil {
                throw CommandFailure(.usage, l.pick("--format pdf demande --output FICHIER", "--format pdf needs --output FILE"))
            }
            let database = try options.openDatabase()
            if let output { try OutputFile.check(output, force: force.force, protecting: database.protectedFiles) }
            let territory = try database.loadTerritory()
            let period = asked ?? ReportPeriod.lastWhole(months: territory.service.convention.reportMonths, before: day)
            let report = ActivityReport(territory: territory, plan: try database.storedPlan(), invoices: try database.invoices(),
                                        period: period, today: day)
            let bytes: [UInt8]
            switch format {
            case .json: bytes = Array(ActivityReportOutput.json(report).utf8)
            case .csv: bytes = Array(ActivityReportOutput.csv(report).utf8)
            case .table: bytes = Array(ReportTable.render(report, territory: territory, policy: database.readPolicy, language: l).utf8)
            case .pdf: bytes = ReportPDF.writer?(report, territory, l) ?? []
            }
            if let output {
                try OutputFile.write(bytes, to: output, force: force.force, protecting: database.protectedFiles)
            } else {
                writeOut(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}

/// Where the activity report's PDF plugs in (Documents): a function of the report, the
/// territory (names, service) and the language, giving the file's bytes. Nil until written:
/// `releve report --format pdf` then says it is not available yet.
enum ReportPDF {
    static let writer: (@Sendable (ActivityReport, Territory, Language) -> [UInt8])? = { report, territory, language in
        BoardReport.pdf(report, territory: territory, issued: report.today, language: language)
    }
}

/// The table of `releve report --format table`: the figures with the previous period's beside
/// them, then one line per member and per agent.
enum ReportTable {
    static func render(_ report: ActivityReport, territory: Territory, policy: ReadPolicy, language l: Language) -> String {
        let f = DisplayFormat(l)
        let c = report.current, p = report.previous
        func ratio(_ h: Hundredths?) -> String { h.map { l == .fr ? $0.text.replacingDot() : $0.text } ?? "—" }
        func count(_ n: Int?) -> String { n.map(f.integer) ?? "—" }
        func hours(_ m: Int) -> String { DurationText.format(m) }
        var rows: [[String]] = []
        func row(_ label: String, _ a: String, _ b: String) { rows.append([label, a, b]) }
        func counts(_ label: String, _ value: (ActivityFigures) -> Int) { row(label, count(value(c)), count(value(p))) }

        counts(l.pick("Demandes reçues", "Requests received"), { $0.requests.received })
        for cls in PriorityClass.allCases {
            counts("  " + classLabel(cls, l), { $0.requests.byClass[cls] ?? 0 })
        }
        // By motive as this role may read it: an observer reads the kind of need, never the
        // secretary's sickness or leave (the motives are grouped under that word).
        var labels: [String] = []
        for m in Motive.allCases where !labels.contains(policy.motiveText(m, l)) { labels.append(policy.motiveText(m, l)) }
        for label in labels {
            let motives = Motive.allCases.filter { policy.motiveText($0, l) == label }
            let sum = { (f: ActivityFigures) in motives.reduce(0) { $0 + (f.requests.byMotive[$1] ?? 0) } }
            if sum(c) + sum(p) > 0 { counts("  " + label, sum) }
        }
        counts(l.pick("  de petites communes", "  from small communes"), { $0.requests.fromSmallCommunes })
        counts(l.pick("  reçues moins de \(territory.service.convention.noticeDays) jours avant le début", "  short notice"), { $0.requests.shortNotice })
        counts(l.pick("  renouvellements", "  renewals"), { $0.requests.renewals })
        counts(l.pick("    répondus à temps", "    answered in time"), { $0.requests.renewalsAnsweredInTime })
        counts(l.pick("Demandes en cours sur la période", "Requests active in the period"), { $0.requests.active })
        for status in ActivityReportOutput.statusOrder {
            counts("  " + status.label(in: l), { $0.requests.byStatus[status] ?? 0 })
        }
        for refusal in Refusal.allCases where (c.requests.refusals[refusal] ?? 0) + (p.requests.refusals[refusal] ?? 0) > 0 {
            counts("    " + refusal.rawValue, { $0.requests.refusals[refusal] ?? 0 })
        }
        counts(l.pick("Remplacements de tournée (absences)", "Rota covers (absences)"), { $0.requests.rotaCover })
        row(l.pick("Heures nécessaires", "Hours needed"), hours(c.minutes.needed), hours(p.minutes.needed))
        row(l.pick("Heures servies (arbitrage)", "Hours served (arbitration)"), hours(c.minutes.served), hours(p.minutes.served))
        row(l.pick("Heures saisies", "Hours logged"), hours(c.minutes.logged), hours(p.minutes.logged))
        row(l.pick("Heures validées", "Hours validated"), hours(c.minutes.validated), hours(p.minutes.validated))
        row(l.pick("Taux de couverture", "Coverage"), ratio(c.coverage), ratio(p.coverage))
        row(l.pick("Attente médiane (jours ouvrés)", "Median wait (working days)"), count(c.waitingWorkingDaysMedian), count(p.waitingWorkingDaysMedian))
        counts(l.pick("Évaluations dues", "Evaluations due"), { $0.evaluations.due })
        counts(l.pick("Évaluations reçues", "Evaluations received"), { $0.evaluations.received })
        for criterion in EvaluationCriterion.allCases {
            row("  " + criterion.label(in: l), ratio(c.evaluations.averages[criterion]), ratio(p.evaluations.averages[criterion]))
        }
        counts(l.pick("Appels « Allô secrétaire de mairie »", "Help line calls"), { $0.helpline.calls })
        row(l.pick("Facturé", "Invoiced"), f.money(c.billing.invoicedCents), f.money(p.billing.invoicedCents))
        row(l.pick("Encaissé", "Paid"), f.money(c.billing.paidCents), f.money(p.billing.paidCents))
        row(l.pick("Impayé échu", "Overdue"), f.money(c.billing.overdueCents), f.money(p.billing.overdueCents))

        var out = l.pick("Rapport d'activité du \(f.date(c.period.from)) au \(f.date(c.period.to))\n",
                         "Activity report from \(f.date(c.period.from)) to \(f.date(c.period.to))\n")
        out += l.pick("Période précédente : du \(f.date(p.period.from)) au \(f.date(p.period.to))\n\n",
                      "Previous period: from \(f.date(p.period.from)) to \(f.date(p.period.to))\n\n")
        out += TextTable.render(header: [l.pick("Indicateur", "Figure"), l.pick("Période", "Period"), l.pick("Précédente", "Previous")],
                                rows: rows, rightAligned: [1, 2])

        let names = territory.memberNames
        out += "\n" + l.pick("Par commune", "By member") + "\n\n"
        out += TextTable.render(
            header: [l.pick("Commune", "Member"), l.pick("Demandes", "Requests"), l.pick("Besoin", "Needed"), l.pick("Servi", "Served"),
                     l.pick("Saisi", "Logged"), l.pick("Facturé", "Invoiced"), l.pick("Payé", "Paid")],
            rows: c.members.map { m in
                [TextWidth.truncate("\(m.member) \(names[m.member] ?? "")", to: 32), count(m.requests), hours(m.neededMinutes),
                 hours(m.servedMinutes), hours(m.loggedMinutes), f.money(m.invoicedCents), f.money(m.paidCents)]
            }, rightAligned: [1, 2, 3, 4, 5, 6])

        let agentNames = territory.agentNames
        out += "\n" + l.pick("Par agent", "By agent") + "\n\n"
        out += TextTable.render(
            header: [l.pick("Agent", "Agent"), l.pick("Disponible", "Available"), l.pick("Prévu", "Planned"), l.pick("Saisi", "Logged"),
                     l.pick("Taux", "Use"), l.pick("Jours d'absence", "Days away"), l.pick("Formation", "Training")],
            rows: c.agents.map { a in
                [TextWidth.truncate("\(a.agent) \(agentNames[a.agent] ?? "")", to: 32), hours(a.availableMinutes), hours(a.plannedMinutes),
                 hours(a.loggedMinutes), ratio(a.use), count(a.absenceDays), hours(a.trainingMinutes)]
            }, rightAligned: [1, 2, 3, 4, 5, 6])
        return out
    }

    static func classLabel(_ c: PriorityClass, _ l: Language) -> String {
        switch c {
        case .urgent: return l.pick("P1 urgence", "P1 urgent")
        case .absence: return l.pick("P2 absence", "P2 absence")
        case .mission: return l.pick("P3 mission", "P3 mission")
        case .summer: return l.pick("P4 congés d'été", "P4 summer leave")
        }
    }
}
