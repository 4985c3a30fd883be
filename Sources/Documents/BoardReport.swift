import Domain

/// The activity report for the elected board (seed 002 art. 8, "compte rendu semestriel
/// d'activités"; rules.md §9), in French or in English:
/// 1. a title page: the service and its EPCI, the period in words and the previous one, the day
///    it was drawn up, who it is for (the working group that follows the service), the contents;
/// 2. the key figures beside the previous period's, with the change;
/// 3. charts: hours needed and served by month, requests by kind of need, coverage by commune
///    size (the tariff's population bands), agents' use, satisfaction per criterion; a chart
///    without data says so in words;
/// 4. tables by commune and by agent, with their totals.
/// Read by elected officials: motives grouped as an observer reads them (never a secretary's
/// sickness or leave), no absence kind, no comment, no agent's own scores.
public enum BoardReport {
    public static func pdf(_ report: ActivityReport, territory: Territory, issued: CalendarDate,
                           language l: Language = .fr) -> [UInt8] {
        let c = report.current, p = report.previous
        let service = territory.service
        let text = BoardText(l)
        let span = text.period(c.period)
        var flow = PageFlow(title: l.pick("Compte rendu d'activité \(span)", "Activity report, \(span)"),
                            footer: "\(French.body(service)) – " + l.pick("compte rendu d'activité \(span)", "activity report, \(span)"))

        var contents: [(title: String, page: Int)] = []
        let contentsTop = titlePage(&flow, report, territory: territory, issued: issued, text: text)

        flow.newPage()
        contents.append((l.pick("Chiffres clés", "Key figures"), flow.pdf.pageCount))
        keyFigures(&flow, c, p, text: text)

        flow.newPage()
        contents.append((l.pick("Demandes, heures et satisfaction", "Requests, hours and satisfaction"), flow.pdf.pageCount))
        demandCharts(&flow, report, territory: territory, text: text)

        flow.newPage()
        contents.append((l.pick("Couverture et agents", "Coverage and agents"), flow.pdf.pageCount))
        supplyCharts(&flow, report, territory: territory, text: text)
        flow.ensure(160)
        contents.append((l.pick("Par agent", "By agent"), flow.pdf.pageCount))
        agentTable(&flow, c, territory: territory, text: text)

        flow.newPage()
        contents.append((l.pick("Par commune", "By member"), flow.pdf.pageCount))
        memberTable(&flow, c, territory: territory, text: text)

        // The contents on the title page, now that the pages are known.
        flow.pdf.select(page: 0)
        flow.y = contentsTop
        flow.put(l.pick("Sommaire", "Contents"), x: PageFlow.left, font: .bold, size: 11)
        flow.y += PageFlow.lineHeight(11) + 2
        for (number, entry) in contents.enumerated() {
            flow.put("\(number + 1). \(entry.title)", x: PageFlow.left + 10, size: 10)
            flow.put(l.pick("page \(entry.page)", "page \(entry.page)"), x: PageFlow.left + 260, size: 10, align: .right, gray: 0.3)
            flow.y += PageFlow.lineHeight(10) + 1
        }
        return flow.finish()
    }

    /// The title page; returns where the contents go (drawn once the pages are known).
    static func titlePage(_ flow: inout PageFlow, _ report: ActivityReport, territory: Territory, issued: CalendarDate,
                          text: BoardText) -> Double {
        let l = text.language, c = report.current, p = report.previous
        let service = territory.service
        flow.letterhead(service, reference: [(l.pick("Établi le", "Drawn up on"), French.numeric(issued))])
        flow.space(90)
        flow.paragraph(l.pick("Compte rendu d'activité", "Activity report"), font: .bold, size: 26, after: 8)
        flow.paragraph(service.name, size: 13, after: 26)
        flow.paragraph(text.period(c.period).capitalizedFirst, font: .bold, size: 16, after: 6)
        flow.paragraph(l.pick("comparé à la période \(text.period(p.period))", "compared with \(text.period(p.period))"),
                       size: 11, after: 30)
        let boxTop = flow.y
        flow.y += 10
        flow.paragraph(l.pick(
            "Groupe de travail de suivi du service commun (comité de pilotage)",
            "Working group following the shared service (steering committee)"), x: PageFlow.left + 14, width: PageFlow.width - 28,
            font: .bold, size: 10.5, after: 3)
        flow.paragraph(l.pick(
            "Document présenté au groupe de travail chargé du suivi et du bilan du service commun, qui se réunit au moins deux fois "
                + "par an pour examiner le compte rendu semestriel d'activités du service et faire aux élus des propositions "
                + "d'évolution du service.",
            "Presented to the working group in charge of following and reviewing the shared service, which meets at least twice "
                + "a year to examine the service's half-yearly activity report and make proposals to the elected officials on how "
                + "the service should evolve."), x: PageFlow.left + 14, width: PageFlow.width - 28, size: 10, after: 3)
        flow.paragraph(l.pick(
            "Chaque chiffre se retrouve dans les demandes des communes, le planning, les heures saisies et les factures du service. "
                + "Document destiné aux élus : les motifs sont regroupés par nature du besoin ; il ne contient ni motif d'absence, "
                + "ni commentaire, ni note individuelle d'agent.",
            "Every figure can be traced back to the members' requests, the plan, the hours logged and the service's invoices. "
                + "A document for elected officials: motives are grouped by kind of need; it holds no absence reason, no comment "
                + "and no agent's own scores."), x: PageFlow.left + 14, width: PageFlow.width - 28, size: 9, after: 8)
        flow.pdf.fillRect(x: PageFlow.left, y: PDFWriter.pageHeight - flow.y, width: 3, height: flow.y - boxTop, gray: 0.3)
        flow.space(30)
        let top = flow.y
        // Room for the title "Sommaire" and the five entries.
        flow.y = top + PageFlow.lineHeight(11) + 2 + 5 * (PageFlow.lineHeight(10) + 1) + 18
        let communes = territory.members.filter { $0.kind == .commune }.count
        let others = territory.members.count - communes
        flow.paragraph(l.pick(
            "\(text.count(communes)) commune\(communes > 1 ? "s" : "")" + (others > 0 ? " et \(text.count(others)) autre\(others > 1 ? "s" : "") membre\(others > 1 ? "s" : "")" : "")
                + " adhérent au service ; \(text.count(territory.agents.count)) agent\(territory.agents.count > 1 ? "s" : "") ; "
                + "\(text.count(c.members.count)) membre\(c.members.count > 1 ? "s" : "") concerné\(c.members.count > 1 ? "s" : "") sur la période.",
            "\(text.count(communes)) commune\(communes == 1 ? "" : "s")" + (others > 0 ? " and \(text.count(others)) other member\(others == 1 ? "" : "s")" : "")
                + " in the service; \(text.count(territory.agents.count)) agent\(territory.agents.count == 1 ? "" : "s"); "
                + "\(text.count(c.members.count)) member\(c.members.count == 1 ? "" : "s") concerned in the period."), size: 9.5, after: 2)
        flow.paragraph(l.pick("Établi le \(text.long(issued)).", "Drawn up on \(text.long(issued))."), size: 9.5)
        return top
    }

    // MARK: - Key figures

    static func keyFigures(_ flow: inout PageFlow, _ c: ActivityFigures, _ p: ActivityFigures, text t: BoardText) {
        let l = t.language
        flow.heading(l.pick("Chiffres clés", "Key figures"))
        flow.paragraph(l.pick("La période \(t.period(c.period)) et la précédente, \(t.period(p.period)), de même durée.",
                              "The period \(t.period(c.period)) and the previous one, \(t.period(p.period)), of the same length."),
                       size: 9.5, after: 8)
        typealias Row = [String]
        func counts(_ label: String, _ value: (ActivityFigures) -> Int) -> Row {
            [label, t.count(value(c)), t.count(value(p)), t.change(value(c) - value(p), t.signedCount)]
        }
        func hours(_ label: String, _ value: (ActivityFigures) -> Int) -> Row {
            [label, t.hours(value(c)), t.hours(value(p)), t.change(value(c) - value(p), t.signedHours)]
        }
        func money(_ label: String, _ value: (ActivityFigures) -> Int) -> Row {
            [label, t.money(value(c)), t.money(value(p)), t.change(value(c) - value(p), t.signedMoney)]
        }
        func optional(_ label: String, _ value: (ActivityFigures) -> Int?, _ show: (Int) -> String, _ signed: (Int) -> String) -> Row {
            let a = value(c), b = value(p)
            return [label, a.map(show) ?? "—", b.map(show) ?? "—", a.flatMap { a in b.map { t.change(a - $0, signed) } } ?? "—"]
        }
        let indent = "\u{00A0}\u{00A0}\u{00A0}\u{00A0}"
        let rows: [Row] = [
            counts(l.pick("Demandes reçues", "Requests received"), { $0.requests.received }),
            counts(indent + l.pick("dont de petites communes", "from small communes"), { $0.requests.fromSmallCommunes }),
            counts(l.pick("Demandes en cours sur la période", "Requests active in the period"), { $0.requests.active }),
            hours(l.pick("Heures nécessaires", "Hours needed"), { $0.minutes.needed }),
            hours(l.pick("Heures servies", "Hours served"), { $0.minutes.served }),
            optional(l.pick("Taux de couverture (servies / nécessaires)", "Coverage (served / needed)"), { $0.coverage?.value },
                     t.percent, t.signedPoints),
            hours(l.pick("Heures saisies par les agents", "Hours logged by the agents"), { $0.minutes.logged }),
            optional(l.pick("Attente médiane (jours ouvrés)", "Median wait (working days)"), { $0.waitingWorkingDaysMedian },
                     t.count, t.signedCount),
            counts(l.pick("Renouvellements demandés", "Renewals asked"), { $0.requests.renewals }),
            counts(indent + l.pick("dont répondus dans les délais", "answered in time"), { $0.requests.renewalsAnsweredInTime }),
            counts(l.pick("Évaluations dues", "Evaluations due"), { $0.evaluations.due }),
            counts(l.pick("Évaluations reçues", "Evaluations received"), { $0.evaluations.received }),
            optional(l.pick("Satisfaction générale (sur 4)", "Overall satisfaction (out of 4)"), { $0.evaluations.averages[.overall]?.value },
                     t.score, t.signedScore),
            money(l.pick("Montant facturé", "Invoiced"), { $0.billing.invoicedCents }),
            money(l.pick("Montant encaissé", "Paid"), { $0.billing.paidCents }),
            money(l.pick("Impayés échus", "Overdue"), { $0.billing.overdueCents }),
        ]
        flow.table([.init(title: l.pick("Indicateur", "Figure"), width: 195),
                    .init(title: l.pick("Période", "Period"), width: 100, align: .right),
                    .init(title: l.pick("Précédente", "Previous"), width: 100, align: .right),
                    .init(title: l.pick("Évolution", "Change"), width: 100, align: .right)],
                   rows: rows, size: 9.5)
        flow.space(6)
        flow.heading(l.pick("Pour lire ces chiffres", "Reading these figures"), size: 10.5)
        for note in [
            l.pick("Heures nécessaires : le besoin quotidien de chaque demande admise sur ses jours ouvrés de la période, absences "
                   + "des agents de tournée comprises. Heures servies : celles que le planning attribue aux agents ces jours-là.",
                   "Hours needed: each admitted request's daily need on its working days in the period, rota covers for absent "
                   + "agents included. Hours served: those the plan gives the agents on those days."),
            l.pick("Attente : jours ouvrés entre la réception d'une demande et son premier jour servi (la médiane des demandes "
                   + "servies pour la première fois sur la période).",
                   "Wait: working days from a request's receipt to its first served day (the median over the requests first "
                   + "served in the period)."),
            l.pick("Impayés échus : ce qui restait dû, au dernier jour de la période, sur les factures dont l'échéance était passée.",
                   "Overdue: what was left unpaid, on the period's last day, of the invoices past their due date."),
        ] {
            flow.paragraph("• " + note, size: 9, after: 3)
        }
    }

    // MARK: - Charts

    /// The requests' side: hours needed and served by month, requests by kind of need, satisfaction.
    static func demandCharts(_ flow: inout PageFlow, _ report: ActivityReport, territory: Territory, text t: BoardText) {
        let l = t.language, c = report.current
        flow.heading(l.pick("Demandes, heures et satisfaction", "Requests, hours and satisfaction"))

        // Hours needed and served by month.
        let months = report.months(calendar: territory.service.calendar)
        let monthsTitle = l.pick("Heures nécessaires et servies par mois", "Hours needed and served by month")
        if months.allSatisfy({ $0.needed == 0 && $0.served == 0 }) {
            empty(&flow, monthsTitle, l.pick("Aucune heure nécessaire ni servie sur la période.", "No hour needed or served in the period."))
        } else {
            // Over two years, the year on the first month and on each January.
            let spansYears = months.first?.year != months.last?.year
            flow.columnChart(title: monthsTitle,
                             labels: months.enumerated().map { index, m in
                                 t.month(m.month, short: months.count > 6) + (spansYears && (index == 0 || m.month == 1) ? " \(m.year)" : "")
                             },
                             series: [ChartSeries(name: l.pick("heures nécessaires", "hours needed"), values: months.map(\.needed)),
                                      ChartSeries(name: l.pick("heures servies", "hours served"), values: months.map(\.served))],
                             unit: .minutes, height: 215)
        }
        flow.space(10)

        // Requests by kind of need, as an observer reads them (never the secretary's sickness or leave).
        var kinds: [(String, Int)] = []
        for motive in Motive.allCases {
            let label = ReadPolicy.observer.motiveText(motive, l)
            let count = c.requests.byMotive[motive] ?? 0
            if let i = kinds.firstIndex(where: { $0.0 == label }) { kinds[i].1 += count } else { kinds.append((label, count)) }
        }
        kinds = kinds.filter { $0.1 > 0 }
        let kindsTitle = l.pick("Demandes reçues par nature du besoin", "Requests received by kind of need")
        if kinds.isEmpty {
            empty(&flow, kindsTitle, l.pick("Aucune demande reçue sur la période.", "No request received in the period."))
        } else {
            flow.barChart(title: kindsTitle, labels: kinds.map { $0.0.capitalizedFirst }, values: kinds.map(\.1), unit: .count)
        }
        flow.space(10)

        // Satisfaction.
        let satisfactionTitle = l.pick("Satisfaction des communes, moyenne par critère (de 1 à 4)",
                                       "Members' satisfaction, average per criterion (1 to 4)")
        let e = c.evaluations
        if e.received == 0 {
            let due = e.due == 0 ? "" : l.pick(" (\(t.count(e.due)) due\(e.due > 1 ? "s" : ""))", " (\(t.count(e.due)) due)")
            empty(&flow, satisfactionTitle, l.pick("Aucune évaluation reçue sur la période\(due).", "No evaluation received in the period\(due)."))
        } else {
            flow.ensure(170)
            flow.barChart(title: satisfactionTitle, labels: EvaluationCriterion.allCases.map { $0.label(in: l).capitalizedFirst },
                          values: EvaluationCriterion.allCases.map { e.averages[$0]?.value ?? 0 }, unit: .hundredths, scaleMax: 400)
            flow.paragraph(l.pick("\(t.count(e.received)) évaluation\(e.received > 1 ? "s" : "") reçue\(e.received > 1 ? "s" : "") "
                                  + "pour \(t.count(e.due)) due\(e.due > 1 ? "s" : "") ; notes de 1 (insuffisant) à 4 (très satisfaisant).",
                                  "\(t.count(e.received)) evaluation\(e.received == 1 ? "" : "s") received for \(t.count(e.due)) due; "
                                  + "scores from 1 (poor) to 4 (very satisfactory)."), size: 8, after: 6)
        }
    }

    /// The service's side: coverage by commune size and agents' use.
    static func supplyCharts(_ flow: inout PageFlow, _ report: ActivityReport, territory: Territory, text t: BoardText) {
        let l = t.language, c = report.current
        flow.heading(l.pick("Couverture et agents", "Coverage and agents"))
        // Coverage by commune size.
        let bands = sizeBands(territory: territory, period: c.period, language: l)
        let kind = Dictionary(territory.members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var bandLabels: [String] = [], bandValues: [Int] = []
        var groups: [(label: String, rows: [MemberFigures])] = bands.map { band in
            (band.label, c.members.filter { m in kind[m.member].map { $0.kind == .commune && band.contains($0.population) } ?? false })
        }
        groups.append((l.pick("autres membres", "other members"), c.members.filter { kind[$0.member]?.kind != .commune }))
        for group in groups {
            let needed = group.rows.reduce(0) { $0 + $1.neededMinutes }, served = group.rows.reduce(0) { $0 + $1.servedMinutes }
            guard needed > 0, let ratio = Hundredths.ratio(served, needed) else { continue }
            let helped = group.rows.filter { $0.neededMinutes > 0 }.count
            bandLabels.append("\(group.label) (\(helped))")
            bandValues.append(ratio.value * 10)
        }
        let coverageTitle = l.pick("Couverture du besoin par taille de commune (heures servies / nécessaires)",
                                   "Coverage of the need by commune size (hours served / needed)")
        flow.ensure(150)
        if bandLabels.isEmpty {
            empty(&flow, coverageTitle, l.pick("Aucun besoin d'heures sur la période.", "No hour needed in the period."))
        } else {
            flow.barChart(title: coverageTitle, labels: bandLabels, values: bandValues, unit: .perMille, scaleMax: 1000, fill: .light)
            let tariff = territory.tariffs.contains { !$0.bands.isEmpty }
            flow.paragraph(l.pick("Entre parenthèses : le nombre de membres qui avaient un besoin d'heures sur la période"
                                  + (tariff ? " ; les tranches de population sont celles du tarif." : "."),
                                  "In brackets: the number of members that needed hours in the period"
                                  + (tariff ? "; the population bands are the tariff's." : ".")), size: 8, after: 6)
        }
        flow.space(10)

        // Agents' use.
        let names = territory.agentNames
        let used = c.agents.filter { $0.availableMinutes > 0 }
        let useTitle = l.pick("Taux d'occupation des agents (heures prévues / disponibles)", "Agents' use (hours planned / available)")
        if used.isEmpty {
            empty(&flow, useTitle, l.pick("Aucune heure disponible sur la période.", "No hour available in the period."))
        } else {
            flow.barChart(title: useTitle, labels: used.map { names[$0.agent] ?? $0.agent },
                          values: used.map { ($0.use?.value ?? 0) * 10 }, unit: .perMille, scaleMax: 1000, fill: .hatched)
        }
        flow.space(10)
    }

    /// A chart's title and, instead of an empty frame, a sentence saying there is nothing to draw.
    static func empty(_ flow: inout PageFlow, _ title: String, _ sentence: String) {
        flow.ensure(60)
        flow.line(title, font: .bold, size: Charts.titleSize)
        flow.space(4)
        flow.paragraph(sentence, size: 9.5, after: 8)
    }

    /// The population bands of commune size: the tariff's of the period's year (or the latest
    /// before it), else under 500, 500–999, 1 000–1 999, 2 000 and more.
    static func sizeBands(territory: Territory, period: ReportPeriod, language l: Language) -> [SizeBand] {
        let tariffs = territory.tariffs.filter { !$0.bands.isEmpty }.sorted { $0.year < $1.year }
        let tariff = tariffs.last { $0.year <= period.from.year } ?? tariffs.first
        let f = DisplayFormat(l)
        let bands: [(Int, Int?)] = tariff.map { $0.bands.sorted { $0.minPopulation < $1.minPopulation }.map { ($0.minPopulation, $0.maxPopulation) } }
            ?? [(0, 499), (500, 999), (1000, 1999), (2000, nil)]
        return bands.enumerated().map { index, band in
            let (low, high) = band
            let label: String
            switch (index, high) {
            case (0, let high?): label = l.pick("moins de \(f.integer(high + 1)) hab.", "under \(f.integer(high + 1)) inhabitants")
            case (_, let high?): label = l.pick("\(f.integer(low)) à \(f.integer(high)) hab.", "\(f.integer(low)) to \(f.integer(high)) inhabitants")
            case (_, nil): label = l.pick("\(f.integer(low)) hab. et plus", "\(f.integer(low)) inhabitants and more")
            }
            // The first band takes the communes below it too (Tariff.band(for:)).
            return SizeBand(label: French.nonBreaking(label), low: index == 0 ? Int.min : low, high: high)
        }
    }

    struct SizeBand {
        var label: String
        var low: Int
        var high: Int?
        func contains(_ population: Int) -> Bool { population >= low && high.map { population <= $0 } ?? true }
    }

    // MARK: - Tables

    static func memberTable(_ flow: inout PageFlow, _ c: ActivityFigures, territory: Territory, text t: BoardText) {
        let l = t.language
        flow.heading(l.pick("Par commune", "By member"))
        let names = territory.memberNames
        if c.members.isEmpty {
            flow.paragraph(l.pick("Aucun membre n'a eu de demande, d'heure ou de facture sur la période.",
                                  "No member had a request, an hour or an invoice in the period."), size: 9.5, after: 8)
            return
        }
        flow.paragraph(l.pick("Les membres qui ont eu une demande, une heure ou une facture sur la période, par code.",
                              "The members with a request, an hour or an invoice in the period, by code."), size: 9, after: 6)
        func sum(_ value: (MemberFigures) -> Int) -> Int { c.members.reduce(0) { $0 + value($1) } }
        flow.table([.init(title: l.pick("Commune", "Member"), width: 141), .init(title: l.pick("Demandes", "Requests"), width: 56, align: .right),
                    .init(title: l.pick("Heures nécessaires", "Hours needed"), width: 58, align: .right),
                    .init(title: l.pick("Heures servies", "Hours served"), width: 58, align: .right),
                    .init(title: l.pick("Heures saisies", "Hours logged"), width: 58, align: .right),
                    .init(title: l.pick("Facturé", "Invoiced"), width: 62, align: .right),
                    .init(title: l.pick("Encaissé", "Paid"), width: 62, align: .right)],
                   rows: c.members.map { m in
                       ["\(names[m.member] ?? m.member) (\(m.member))", t.count(m.requests), t.hours(m.neededMinutes),
                        t.hours(m.servedMinutes), t.hours(m.loggedMinutes), t.money(m.invoicedCents), t.money(m.paidCents)]
                   },
                   totals: [[l.pick("Total", "Total"), t.count(sum(\.requests)), t.hours(sum(\.neededMinutes)), t.hours(sum(\.servedMinutes)),
                             t.hours(sum(\.loggedMinutes)), t.money(sum(\.invoicedCents)), t.money(sum(\.paidCents))]],
                   size: 8.5)
    }

    static func agentTable(_ flow: inout PageFlow, _ c: ActivityFigures, territory: Territory, text t: BoardText) {
        let l = t.language
        flow.heading(l.pick("Par agent", "By agent"))
        let names = territory.agentNames
        if c.agents.isEmpty {
            flow.paragraph(l.pick("Aucun agent.", "No agent."), size: 9.5)
            return
        }
        flow.paragraph(l.pick("Disponible : les heures quotidiennes de l'agent sur les jours ouvrés où il n'est pas absent ; prévu : "
                              + "sa tournée et les remplacements du planning ; taux d'occupation = prévu / disponible.",
                              "Available: the agent's daily hours on the working days it is not away; planned: its rota and the "
                              + "plan's replacements; use = planned / available."), size: 9, after: 6)
        func sum(_ value: (AgentFigures) -> Int) -> Int { c.agents.reduce(0) { $0 + value($1) } }
        flow.table([.init(title: l.pick("Agent", "Agent"), width: 150),
                    .init(title: l.pick("Heures disponibles", "Hours available"), width: 70, align: .right),
                    .init(title: l.pick("Heures prévues", "Hours planned"), width: 70, align: .right),
                    .init(title: l.pick("Heures saisies", "Hours logged"), width: 70, align: .right),
                    .init(title: l.pick("Taux d'occupation", "Use"), width: 65, align: .right),
                    .init(title: l.pick("Jours d'absence", "Days away"), width: 70, align: .right)],
                   rows: c.agents.map { a in
                       [names[a.agent] ?? a.agent, t.hours(a.availableMinutes), t.hours(a.plannedMinutes), t.hours(a.loggedMinutes),
                        a.use.map { t.percent($0.value) } ?? "—", t.count(a.absenceDays)]
                   },
                   totals: [[l.pick("Total", "Total"), t.hours(sum(\.availableMinutes)), t.hours(sum(\.plannedMinutes)),
                             t.hours(sum(\.loggedMinutes)),
                             Hundredths.ratio(sum(\.plannedMinutes), sum(\.availableMinutes)).map { t.percent($0.value) } ?? "—",
                             t.count(sum(\.absenceDays))]],
                   size: 8.5)
    }
}

/// How the board's report writes its numbers and dates, in French (`1 234 h 30`, `1 050,00 €`,
/// `93 %`, `du 1er janvier au 30 juin 2026`) or in English, with non-breaking spaces.
struct BoardText {
    let language: Language
    let format: DisplayFormat

    init(_ language: Language) {
        self.language = language
        format = DisplayFormat(language)
    }

    func count(_ n: Int) -> String { French.nonBreaking(format.integer(n)) }
    func hours(_ minutes: Int) -> String { French.nonBreaking(format.hours(minutes)) }
    func money(_ cents: Int) -> String { French.nonBreaking(format.money(cents)) }
    /// A ratio in hundredths as a percentage: `93 %`.
    func percent(_ hundredths: Int) -> String { French.nonBreaking("\(format.integer(hundredths)) %") }
    /// An average score in hundredths: `3,50` / `3.50`.
    func score(_ hundredths: Int) -> String {
        let text = Hundredths(hundredths).text
        return language == .fr ? text.replacingDot() : text
    }

    /// A change: `=` when none, else its sign and value.
    func change(_ difference: Int, _ signed: (Int) -> String) -> String { difference == 0 ? "=" : signed(difference) }
    func signedCount(_ n: Int) -> String { sign(n) + count(abs(n)) }
    func signedHours(_ minutes: Int) -> String { sign(minutes) + hours(abs(minutes)) }
    func signedMoney(_ cents: Int) -> String { sign(cents) + money(abs(cents)) }
    func signedPoints(_ hundredths: Int) -> String {
        sign(hundredths) + French.nonBreaking("\(format.integer(abs(hundredths))) " + language.pick(abs(hundredths) > 1 ? "points" : "point", "pts"))
    }
    func signedScore(_ hundredths: Int) -> String { sign(hundredths) + score(abs(hundredths)) }
    private func sign(_ n: Int) -> String { n < 0 ? "-" : "+" }

    /// `1er janvier 2026` / `1 January 2026`.
    func long(_ date: CalendarDate, year: Bool = true) -> String {
        let day = language == .fr && date.day == 1 ? "1er" : String(date.day)
        return "\(day) \(format.monthName(date.month))" + (year ? " \(date.year)" : "")
    }

    /// `du 1er janvier au 30 juin 2026`, `du 1er juillet 2025 au 30 juin 2026` / `1 January to 30 June 2026`.
    func period(_ p: ReportPeriod) -> String {
        let sameYear = p.from.year == p.to.year
        return language.pick("du \(long(p.from, year: !sameYear)) au \(long(p.to))", "\(long(p.from, year: !sameYear)) to \(long(p.to))")
    }

    /// `janvier` or `janv.` / `January` or `Jan`.
    func month(_ month: Int, short: Bool) -> String {
        guard short else { return format.monthName(month) }
        return language.pick(["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."][month - 1],
                             ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1])
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
