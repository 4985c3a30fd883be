import Domain

/// The activity report for the elected board (seed 002 art. 8, "compte rendu semestriel
/// d'activités"; rules.md §9): the period and the previous one, the key figures, charts (hours
/// needed and served by month, requests by kind of need, coverage by commune size, agents' use),
/// satisfaction, and tables by commune and by agent. Read by elected officials: no absence
/// kind, no motive of a secretary's absence (grouped as an observer reads them), no comment, no
/// agent's own scores.
public enum BoardReport {
    public static func pdf(_ report: ActivityReport, territory: Territory, issued: CalendarDate) -> [UInt8] {
        let c = report.current, p = report.previous
        let service = territory.service
        let f = DisplayFormat(.fr)
        let span = "du \(French.long(c.period.from)) au \(French.long(c.period.to))"
        var flow = PageFlow(title: "Compte rendu d'activité \(span)",
                            footer: "\(French.body(service)) – compte rendu d'activité \(span)")
        flow.letterhead(service, reference: [("Établi le", French.numeric(issued))])
        flow.space(40)
        flow.paragraph("Compte rendu d'activité du service commun", font: .bold, size: 18, after: 6)
        flow.paragraph("Période \(span)", font: .bold, size: 12, after: 4)
        flow.paragraph("comparée à la période du \(French.long(p.period.from)) au \(French.long(p.period.to))", after: 12)
        flow.paragraph("Présenté au groupe de travail des communes membres, qui l'examine au moins deux fois par an et propose "
            + "les évolutions du service (convention, article 8). Chaque chiffre se retrouve dans les demandes, le plan, "
            + "les heures saisies et les factures du service.", after: 14)

        flow.heading("Chiffres clés")
        func ratio(_ h: Hundredths?) -> String { h.map { "\(($0.value))\u{202F}%" } ?? "—" }
        func average(_ h: Hundredths?) -> String { h.map { EvaluationAverages.text($0.value, .fr) + " / 4" } ?? "—" }
        let key: [(String, String, String)] = [
            ("Demandes reçues", f.integer(c.requests.received), f.integer(p.requests.received)),
            ("dont de petites communes", f.integer(c.requests.fromSmallCommunes), f.integer(p.requests.fromSmallCommunes)),
            ("Heures nécessaires", French.hours(c.minutes.needed), French.hours(p.minutes.needed)),
            ("Heures servies", French.hours(c.minutes.served), French.hours(p.minutes.served)),
            ("Taux de couverture", ratio(c.coverage), ratio(p.coverage)),
            ("Heures saisies par les agents", French.hours(c.minutes.logged), French.hours(p.minutes.logged)),
            ("Attente médiane (jours ouvrés)", c.waitingWorkingDaysMedian.map(f.integer) ?? "—", p.waitingWorkingDaysMedian.map(f.integer) ?? "—"),
            ("Renouvellements (répondus à temps)", "\(c.requests.renewals) (\(c.requests.renewalsAnsweredInTime))",
             "\(p.requests.renewals) (\(p.requests.renewalsAnsweredInTime))"),
            ("Évaluations dues / reçues", "\(c.evaluations.due) / \(c.evaluations.received)", "\(p.evaluations.due) / \(p.evaluations.received)"),
            ("Satisfaction générale", average(c.evaluations.averages[.overall]), average(p.evaluations.averages[.overall])),
            ("Facturé", f.money(c.billing.invoicedCents), f.money(p.billing.invoicedCents)),
            ("Encaissé", f.money(c.billing.paidCents), f.money(p.billing.paidCents)),
            ("Impayé échu", f.money(c.billing.overdueCents), f.money(p.billing.overdueCents)),
        ]
        flow.table([.init(title: "Indicateur", width: 250), .init(title: "Période", width: 120, align: .right),
                    .init(title: "Précédente", width: 120, align: .right)],
                   rows: key.map { [$0.0, $0.1, $0.2] })

        flow.newPage()
        let months = report.months(calendar: service.calendar)
        let monthNames = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
        flow.columnChart(title: "Heures nécessaires et servies par mois",
                         labels: months.map { "\(monthNames[$0.month - 1]) \($0.year % 100)" },
                         series: [ChartSeries(name: "servies", values: months.map(\.served)),
                                  ChartSeries(name: "nécessaires", values: months.map(\.needed))], unit: .minutes)
        flow.space(18)
        // By kind of need, as an observer reads it (never the secretary's sickness or leave).
        var kinds: [(String, Int)] = []
        for motive in Motive.allCases {
            let label = ReadPolicy.observer.motiveText(motive, .fr)
            let count = c.requests.byMotive[motive] ?? 0
            if let i = kinds.firstIndex(where: { $0.0 == label }) { kinds[i].1 += count } else { kinds.append((label, count)) }
        }
        kinds = kinds.filter { $0.1 > 0 }
        if kinds.isEmpty { flow.paragraph("Aucune demande reçue sur la période.", after: 12) } else {
            flow.barChart(title: "Demandes reçues par nature du besoin", labels: kinds.map(\.0), values: kinds.map(\.1), unit: .count)
        }
        flow.space(18)
        let bands: [(String, ClosedRange<Int>)] = [("moins de 500 hab.", 0...499), ("500 à 999 hab.", 500...999),
                                                   ("1 000 à 1 999 hab.", 1000...1999), ("2 000 hab. et plus", 2000...Int.max)]
        let population = Dictionary(territory.members.map { ($0.code, $0.population) }, uniquingKeysWith: { a, _ in a })
        var bandLabels: [String] = [], bandValues: [Int] = []
        for (label, range) in bands {
            let rows = c.members.filter { range.contains(population[$0.member] ?? 0) }
            let needed = rows.reduce(0) { $0 + $1.neededMinutes }, served = rows.reduce(0) { $0 + $1.servedMinutes }
            guard needed > 0 else { continue }
            bandLabels.append(label)
            bandValues.append((served * 2000 + needed) / (2 * needed))
        }
        if bandLabels.isEmpty { flow.paragraph("Aucun besoin d'heures sur la période.", after: 12) } else {
            flow.barChart(title: "Couverture du besoin par taille de commune", labels: bandLabels, values: bandValues,
                          unit: .perMille, scaleMax: 1000)
        }
        flow.space(18)
        let names = territory.agentNames
        let used = c.agents.filter { $0.availableMinutes > 0 }
        if !used.isEmpty {
            flow.barChart(title: "Emploi du temps des agents (heures prévues / disponibles)", labels: used.map { names[$0.agent] ?? $0.agent },
                          values: used.map { ($0.plannedMinutes * 2000 + $0.availableMinutes) / (2 * $0.availableMinutes) },
                          unit: .perMille, scaleMax: 1000)
        }

        flow.newPage()
        flow.heading("Satisfaction des communes")
        flow.paragraph("\(c.evaluations.received) évaluation\(c.evaluations.received > 1 ? "s" : "") reçue\(c.evaluations.received > 1 ? "s" : "") "
            + "sur \(c.evaluations.due) due\(c.evaluations.due > 1 ? "s" : "") ; moyennes de 1 (insuffisant) à 4 (très satisfaisant).", after: 8)
        flow.table([.init(title: "Critère", width: 250), .init(title: "Période", width: 120, align: .right),
                    .init(title: "Précédente", width: 120, align: .right)],
                   rows: EvaluationCriterion.allCases.map { [$0.label(in: .fr).capitalizedFirst, average(c.evaluations.averages[$0]), average(p.evaluations.averages[$0])] })
        flow.space(14)
        flow.heading("Par commune")
        let memberNames = territory.memberNames
        flow.table([.init(title: "Commune", width: 140), .init(title: "Demandes", width: 60, align: .right),
                    .init(title: "Besoin", width: 60, align: .right), .init(title: "Servi", width: 60, align: .right),
                    .init(title: "Saisi", width: 60, align: .right), .init(title: "Facturé", width: 57, align: .right),
                    .init(title: "Payé", width: 57, align: .right)],
                   rows: c.members.map { m in
                       ["\(memberNames[m.member] ?? m.member) (\(m.member))", f.integer(m.requests), French.hours(m.neededMinutes),
                        French.hours(m.servedMinutes), French.hours(m.loggedMinutes), f.money(m.invoicedCents), f.money(m.paidCents)]
                   })
        flow.space(14)
        flow.heading("Par agent")
        flow.table([.init(title: "Agent", width: 150), .init(title: "Disponible", width: 70, align: .right),
                    .init(title: "Prévu", width: 70, align: .right), .init(title: "Saisi", width: 70, align: .right),
                    .init(title: "Emploi", width: 60, align: .right), .init(title: "Jours d'absence", width: 74, align: .right)],
                   rows: c.agents.map { a in
                       [names[a.agent] ?? a.agent, French.hours(a.availableMinutes), French.hours(a.plannedMinutes),
                        French.hours(a.loggedMinutes), ratio(a.use), f.integer(a.absenceDays)]
                   })
        return flow.finish()
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
