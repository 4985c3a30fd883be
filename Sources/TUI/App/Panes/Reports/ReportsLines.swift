import Domain

/// One line of the Rapports pane: its text and, for a figure, what Enter opens (one section per
/// figure: a member's row opens its requests, its hours, its invoices).
struct ReportLine {
    enum Kind { case heading, columns, figure, chart, legend, blank }
    var text: String
    var kind: Kind
    var details: [(title: String, figures: [ReportFigure])] = []

    var selectable: Bool { !details.isEmpty }
}

/// The lines of the report on screen, fitted to `width` columns (the frame's inside). Pure:
/// `update` moves the cursor over them, `render` draws them.
func reportLines(_ screen: ReportScreen, width: Int, _ state: AppState) -> [ReportLine] {
    let l = state.language
    let f = DisplayFormat(l)
    let policy = state.policy
    let c = screen.report.current, p = screen.report.previous
    var lines: [ReportLine] = []
    // Label, this period, the previous one, the change; a bar in what is left.
    let valueWidth = 12, changeWidth = 11
    let labelWidth = max(20, min(42, width - 2 * valueWidth - changeWidth - 3 - (width >= 100 ? 30 : 6)))
    let barWidth = max(0, width - labelWidth - 2 * valueWidth - changeWidth - 4)

    func heading(_ text: String) {
        if lines.count > 1 { lines.append(ReportLine(text: "", kind: .blank)) }
        lines.append(ReportLine(text: text, kind: .heading))
    }
    func signed(_ d: Int, _ text: (Int) -> String) -> String { d == 0 ? "=" : (d > 0 ? "+" : "−") + text(abs(d)) }
    func figure(_ label: String, _ now: String, _ before: String, change: String, bar: String = "", _ figures: [ReportFigure]) {
        let text = padCells(label, labelWidth) + " " + rightCells(now, valueWidth) + " " + rightCells("(" + before + ")", valueWidth) + " "
            + rightCells(change, changeWidth) + (bar.isEmpty ? "" : "  " + bar)
        lines.append(ReportLine(text: text, kind: .figure,
                                details: figures.isEmpty ? [] : [(label.trimmingCharacters(in: .whitespaces), figures)]))
    }
    func count(_ label: String, _ value: (ActivityFigures) -> Int, _ figures: [ReportFigure], bar: String = "") {
        let a = value(c), b = value(p)
        figure(label, f.integer(a), f.integer(b), change: signed(a - b, f.integer), bar: bar, figures)
    }
    func hours(_ label: String, _ value: (ActivityFigures) -> Int, _ figures: [ReportFigure], scale: Int) {
        let a = value(c), b = value(p)
        figure(label, f.hours(a), f.hours(b), change: signed(a - b, f.hours), bar: Bars.bar(a, of: scale, width: min(barWidth, 30)), figures)
    }
    func percent(_ h: Hundredths?) -> String { h.map { "\($0.value) %" } ?? "—" }
    func average(_ h: Hundredths?) -> String { h.map { l == .fr ? $0.text.replacingOccurrences(of: ".", with: ",") : $0.text } ?? "—" }

    lines.append(ReportLine(text: padCells("", labelWidth) + " " + rightCells(l.pick("période", "period"), valueWidth) + " "
                            + rightCells(l.pick("précédente", "previous"), valueWidth) + " " + rightCells(l.pick("écart", "change"), changeWidth),
                            kind: .columns))

    // Demandes
    heading(l.pick("Demandes", "Requests"))
    count(l.pick("Demandes reçues", "Requests received"), { $0.requests.received }, [.received])
    for cls in PriorityClass.allCases {
        // "congés" is a motive word: an observer reads the class as "été".
        let label = cls == .summer && !policy.seesPrivateFields ? l.pick("P4 été", "P4 summer") : classLabel(cls, l)
        count("  " + label, { $0.requests.byClass[cls] ?? 0 }, [.byClass(cls)])
    }
    // By motive as this reader may read it: an observer reads the kind of need (urgence,
    // absence…), never the secretary's sickness or leave.
    var motiveLabels: [String] = []
    for m in Motive.allCases where !motiveLabels.contains(policy.motiveText(m, l)) { motiveLabels.append(policy.motiveText(m, l)) }
    for label in motiveLabels {
        let motives = Motive.allCases.filter { policy.motiveText($0, l) == label }
        let sum = { (x: ActivityFigures) in motives.reduce(0) { $0 + (x.requests.byMotive[$1] ?? 0) } }
        if sum(c) + sum(p) > 0 { count("  " + label, sum, motives.map { .byMotive($0) }) }
    }
    let small = c.requests.received > 0 ? " (\(Hundredths.ratio(c.requests.fromSmallCommunes, c.requests.received)?.value ?? 0) %)" : ""
    count(l.pick("  de petites communes", "  from small communes") + small, { $0.requests.fromSmallCommunes }, [.fromSmallCommunes])
    count(l.pick("  préavis de moins de \(screen.noticeDays) jours", "  under \(screen.noticeDays) days' notice"),
          { $0.requests.shortNotice }, [.shortNotice])
    count(l.pick("  renouvellements", "  renewals"), { $0.requests.renewals }, [.renewals])
    count(l.pick("    répondus à temps", "    answered in time"), { $0.requests.renewalsAnsweredInTime }, [.renewalsAnsweredInTime])
    count(l.pick("Demandes en cours sur la période", "Requests active in the period"), { $0.requests.active }, [.active])
    for status in DecisionStatus.allCases {
        count("  " + status.label(in: l), { $0.requests.byStatus[status] ?? 0 }, [.byStatus(status)])
        if status == .refused {
            for refusal in Refusal.allCases where (c.requests.refusals[refusal] ?? 0) + (p.requests.refusals[refusal] ?? 0) > 0 {
                count("    " + refusal.label(in: l, convention: .standard), { $0.requests.refusals[refusal] ?? 0 }, [.refusals(refusal)])
            }
        }
    }
    count(l.pick("Remplacements de tournée (absences)", "Rota covers (absences)"), { $0.requests.rotaCover }, [.rotaCover])

    // Heures
    heading(l.pick("Heures", "Hours"))
    let scale = max(c.minutes.needed, c.minutes.served, c.minutes.logged, c.minutes.validated, 1)
    hours(l.pick("Heures nécessaires", "Hours needed"), { $0.minutes.needed }, [.neededMinutes], scale: scale)
    hours(l.pick("Heures servies (arbitrage)", "Hours served (plan)"), { $0.minutes.served }, [.servedMinutes], scale: scale)
    hours(l.pick("Heures saisies", "Hours logged"), { $0.minutes.logged }, [.loggedMinutes], scale: scale)
    hours(l.pick("Heures validées", "Hours validated"), { $0.minutes.validated }, [.validatedMinutes], scale: scale)
    let coverageChange: String = {
        guard let a = c.coverage, let b = p.coverage else { return "—" }
        return signed(a.value - b.value) { "\($0) pt" + ($0 > 1 ? "s" : "") }
    }()
    figure(l.pick("Couverture (servies / nécessaires)", "Coverage (served / needed)"), percent(c.coverage), percent(p.coverage),
           change: coverageChange, bar: c.coverage.map { Bars.bar(min($0.value, 100), of: 100, width: min(barWidth, 30)) } ?? "",
           [.servedMinutes, .neededMinutes])
    // The months: served █ within needed ░.
    let monthScale = max(screen.months.map { max($0.needed, $0.served) }.max() ?? 0, 1)
    let chartWidth = max(10, min(48, width - 30))
    lines.append(ReportLine(text: "", kind: .blank))
    lines.append(ReportLine(text: l.pick("  Par mois :  █ servies   ░ nécessaires, non servies", "  By month:  █ served   ░ needed, not served"),
                            kind: .legend))
    for month in screen.months {
        let name = padCells(l == .fr ? monthShort(month.month) : f.monthName(month.month).prefix(3) + ".", 6)
        let bar = padCells(Bars.pair(month.served, month.needed, of: monthScale, width: chartWidth), chartWidth)
        lines.append(ReportLine(text: "  \(name) \(bar) \(f.hours(month.served)) / \(f.hours(month.needed))", kind: .chart))
    }

    // Attente
    heading(l.pick("Attente", "Waiting"))
    let wa = c.waitingWorkingDaysMedian, wb = p.waitingWorkingDaysMedian
    figure(l.pick("Attente médiane (jours ouvrés)", "Median wait (working days)"),
           wa.map(f.integer) ?? "—", wb.map(f.integer) ?? "—",
           change: wa.flatMap { a in wb.map { signed(a - $0, f.integer) } } ?? "—", [.waiting])

    // Communes
    heading(l.pick("Communes", "Members") + " (\(c.members.count))")
    let money = 12, dur = 8
    let memberName = max(12, width - 5 - 3 * (dur + 1) - 2 * (money + 1) - 2)
    lines.append(ReportLine(text: padCells(l.pick("  Commune", "  Member"), memberName + 2) + rightCells(l.pick("dem.", "req."), 5)
                            + rightCells(l.pick("besoin", "needed"), dur + 1) + rightCells(l.pick("servi", "served"), dur + 1)
                            + rightCells(l.pick("saisi", "logged"), dur + 1) + rightCells(l.pick("facturé", "invoiced"), money + 1)
                            + rightCells(l.pick("payé", "paid"), money + 1), kind: .columns))
    for m in c.members {
        let name = screen.memberNames[m.member] ?? m.member
        let text = "  " + padCells(name, memberName) + rightCells(f.integer(m.requests), 5) + rightCells(f.duration(m.neededMinutes), dur + 1)
            + rightCells(f.duration(m.servedMinutes), dur + 1) + rightCells(f.duration(m.loggedMinutes), dur + 1)
            + rightCells(f.money(m.invoicedCents), money + 1) + rightCells(f.money(m.paidCents), money + 1)
        let columns: [(String, ReportFigure.MemberColumn)] = [
            (l.pick("Demandes en cours", "Active requests"), .requests), (l.pick("Heures nécessaires", "Hours needed"), .needed),
            (l.pick("Heures servies", "Hours served"), .served), (l.pick("Heures saisies", "Hours logged"), .logged),
            (l.pick("Facturé", "Invoiced"), .invoiced), (l.pick("Payé", "Paid"), .paid),
        ]
        lines.append(ReportLine(text: text, kind: .figure, details: columns.map { ("\(name) · \($0.0)", [.member(m.member, $0.1)]) }))
    }

    // Agents
    heading(l.pick("Agents", "Agents") + " (\(c.agents.count))")
    let useBar = 8
    let agentName = max(12, width - 4 * (dur + 1) - 6 - useBar - 9 - 2)
    lines.append(ReportLine(text: padCells("  Agent", agentName + 2) + rightCells(l.pick("dispo.", "avail."), dur + 1) + rightCells(l.pick("prévu", "planned"), dur + 1)
                            + rightCells(l.pick("saisi", "logged"), dur + 1) + rightCells(l.pick("emploi", "use"), 6) + " " + padCells("", useBar)
                            + rightCells(l.pick("absent (j)", "away (d)"), 11), kind: .columns))
    for a in c.agents {
        let name = screen.agentNames[a.agent] ?? a.agent
        let text = "  " + padCells(name, agentName) + rightCells(f.duration(a.availableMinutes), dur + 1) + rightCells(f.duration(a.plannedMinutes), dur + 1)
            + rightCells(f.duration(a.loggedMinutes), dur + 1) + rightCells(percent(a.use), 6) + " "
            + padCells(a.use.map { Bars.bar(min($0.value, 100), of: 100, width: useBar) } ?? "", useBar) + rightCells(f.integer(a.absenceDays), 11)
        let columns: [(String, ReportFigure.AgentColumn)] = [
            (l.pick("Heures disponibles", "Hours available"), .available), (l.pick("Heures prévues", "Hours planned"), .planned),
            (l.pick("Heures saisies", "Hours logged"), .logged), (l.pick("Jours d'absence", "Days away"), .absenceDays),
        ]
        lines.append(ReportLine(text: text, kind: .figure, details: columns.map { ("\(name) · \($0.0)", [.agent(a.agent, $0.1)]) }))
    }

    // Satisfaction
    heading(l.pick("Satisfaction", "Satisfaction"))
    count(l.pick("Évaluations dues", "Evaluations due"), { $0.evaluations.due }, [.evaluationsDue])
    count(l.pick("Évaluations reçues", "Evaluations received"), { $0.evaluations.received }, [.evaluationsReceived])
    for criterion in EvaluationCriterion.allCases {
        let a = c.evaluations.averages[criterion], b = p.evaluations.averages[criterion]
        let change = a.flatMap { x in b.map { y in x == y ? "=" : (x > y ? "+" : "−") + average(Hundredths(abs(x.value - y.value))) } } ?? "—"
        figure("  " + criterion.label(in: l), a.map { average($0) + " / 4" } ?? "—", b.map { average($0) + " / 4" } ?? "—", change: change,
               bar: a.map { Bars.bar($0.value, of: 400, width: min(barWidth, 20)) } ?? "", [])
    }

    // Facturation
    heading(l.pick("Facturation", "Billing"))
    for (label, value, figureCase) in [(l.pick("Facturé", "Invoiced"), { (x: ActivityFigures) in x.billing.invoicedCents }, ReportFigure.invoiced),
                                       (l.pick("Encaissé", "Paid"), { $0.billing.paidCents }, .paid),
                                       (l.pick("Impayé échu", "Overdue"), { $0.billing.overdueCents }, .overdue)] {
        let a = value(c), b = value(p)
        figure(label, f.money(a), f.money(b), change: signed(a - b, f.money), [figureCase])
    }
    return lines
}

/// "P1 urgence" as `releve report --format table` says the classes.
func classLabel(_ c: PriorityClass, _ l: Language) -> String {
    switch c {
    case .urgent: return l.pick("P1 urgence", "P1 urgent")
    case .absence: return l.pick("P2 absence", "P2 absence")
    case .mission: return l.pick("P3 mission", "P3 mission")
    case .summer: return l.pick("P4 congés d'été", "P4 summer leave")
    }
}

/// `s` cut to `w` columns, then padded with spaces on the right (`pad`) or the left (`right`).
func padCells(_ s: String, _ w: Int) -> String {
    let cut = TextWidth.truncate(s, to: w)
    return cut + String(repeating: " ", count: max(0, w - TextWidth.of(cut)))
}

func rightCells(_ s: String, _ w: Int) -> String {
    let cut = TextWidth.truncate(s, to: w)
    return String(repeating: " ", count: max(0, w - TextWidth.of(cut))) + cut
}

private func monthShort(_ month: Int) -> String {
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."][max(0, min(11, month - 1))]
}

/// Text bars of block characters, in eighths of a cell: they read in monochrome, and each
/// chart says in words what its characters mean.
enum Bars {
    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// `value` of `scale` as a bar at most `width` cells wide.
    static func bar(_ value: Int, of scale: Int, width: Int) -> String {
        guard width > 0, scale > 0, value > 0 else { return "" }
        let units = min(width * 8, (value * width * 8 + scale / 2) / scale)
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }

    /// `served` █ then the rest of `needed` ░ (whole cells), of `scale`.
    static func pair(_ served: Int, _ needed: Int, of scale: Int, width: Int) -> String {
        guard width > 0, scale > 0 else { return "" }
        let full = min(width, (served * width + scale / 2) / scale)
        let total = min(width, max(full, (max(needed, served) * width + scale / 2) / scale))
        return String(repeating: "█", count: full) + String(repeating: "░", count: total - full)
    }
}
