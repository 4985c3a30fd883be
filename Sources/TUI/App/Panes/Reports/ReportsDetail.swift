import Domain

/// What Enter opens on a figure: for each of its sections, what it is made of, one line each
/// (requests with their commune's name, days and minutes, agents and invoices by name), the
/// amounts adding up to the figure. An observer reads "absent(e)" for an absence day.
func reportDetailLines(_ line: ReportLine, _ screen: ReportScreen, _ state: AppState) -> [String] {
    let l = state.language
    let f = DisplayFormat(l)
    let figures = screen.report.current
    let policy = state.policy
    var memberOfRequest: [String: String] = [:]
    for request in figures.requestLines { memberOfRequest[request.id] = request.member }
    func member(_ code: String) -> String { screen.memberNames[code] ?? code }
    func agent(_ code: String) -> String { screen.agentNames[code] ?? code }
    // 12/01/26: the lines stay on one line at 80 columns.
    func short(_ d: CalendarDate) -> String { String(f.numericDate(d).dropLast(4)) + String(d.year % 100 < 10 ? "0" : "") + String(d.year % 100) }

    var out: [String] = []
    for (title, list) in line.details {
        let isCount: Bool
        switch list.first {
        case .received, .byClass, .byMotive, .fromSmallCommunes, .shortNotice, .active, .byStatus, .refusals, .rotaCover, .renewals,
             .renewalsAnsweredInTime, .evaluationsDue, .evaluationsReceived, .member(_, .requests), .agent(_, .absenceDays):
            isCount = true
        default: isCount = false
        }
        let isMoney: Bool
        switch list.first {
        case .invoiced, .paid, .overdue, .member(_, .invoiced), .member(_, .paid): isMoney = true
        default: isMoney = false
        }
        // Counts over several figures (an observer's motives grouped) are one list of requests;
        // coverage's two figures (served, needed) are each their own part.
        let parts: [(title: String, figure: ReportFigure, sources: [ReportSource])] = isCount || list.count == 1
            ? list.first.map { [(title, $0, list.flatMap { figures.sources(of: $0) })] } ?? []
            : list.map { (sectionName($0, l), $0, figures.sources(of: $0)) }
        for (partTitle, figure, sources) in parts {
            let total = sources.reduce(0) { $0 + $1.amount }
            let sum: String
            if figure == .waiting {
                sum = l.pick("\(sources.count) demande(s) servies pour la première fois dans la période",
                             "\(sources.count) request(s) first served in the period")
            } else if isCount {
                sum = l.pick("\(f.integer(total)) au total", "\(f.integer(total)) in all")
            } else if isMoney {
                sum = l.pick("\(sources.count) pièce(s) · \(f.money(total))", "\(sources.count) document(s) · \(f.money(total))")
            } else {
                sum = l.pick("\(sources.count) ligne(s) · \(f.hours(total))", "\(sources.count) line(s) · \(f.hours(total))")
            }
            out.append("\(partTitle) — \(sum)")
            if sources.isEmpty { out.append(l.pick("  (rien dans la période)", "  (nothing in the period)")) }
            for source in sources {
                switch source {
                case .request(let r, let minutes):
                    let kind = r.isImplicit ? l.pick("remplacement de tournée", "rota cover") : policy.motiveText(r.motive, l)
                    var text = "  \(r.id) · \(member(r.member)) · \(kind) · \(r.status.label(in: l)) · " + "\(short(r.start))–\(short(r.end))"
                    if figure == .waiting, let minutes {
                        text += l.pick(" · reçue le \(short(r.received)), servie le \(r.firstServed.map(short) ?? "—") : \(minutes) j ouvrés",
                                       " · received \(short(r.received)), served \(r.firstServed.map(short) ?? "—"): \(minutes) working days")
                    } else if let minutes {
                        text += " · " + l.pick("\(r.neededDays) j × \(f.duration(r.dailyNeed)) = \(f.hours(minutes))",
                                               "\(r.neededDays) d × \(f.duration(r.dailyNeed)) = \(f.hours(minutes))")
                    } else {
                        text += " · " + l.pick("reçue \(short(r.received))", "received \(short(r.received))")
                    }
                    out.append(text)
                case .served(let a):
                    let m = memberOfRequest[a.request].map(member) ?? ""
                    out.append("  \(f.date(a.date)) · \(agent(a.agent)) → \(m) (\(a.request)) · \(f.duration(a.minutes))")
                case .timeEntry(let e):
                    let mission = e.request.map { " (\($0))" } ?? l.pick(" (tournée)", " (rota)")
                    out.append("  \(f.date(e.date)) · \(agent(e.agent)) → \(member(e.member))\(mission) · \(f.duration(e.minutes))"
                               + (e.validated ? l.pick(" · validée", " · validated") : ""))
                case .invoice(let i, let cents):
                    let kind = i.kind == .creditNote ? l.pick("avoir", "credit note") : l.pick("facture", "invoice")
                    out.append("  \(i.number) · \(kind) · \(member(i.member)) · " + l.pick("émise le \(short(i.issued))", "issued \(short(i.issued))")
                               + " · \(f.money(cents))")
                case .agentDay(let code, let day, let minutes):
                    if day.away {
                        let kind = screen.absenceKinds[code]?[day.date.dayNumber].map { policy.absenceText($0, l) } ?? l.pick("absent(e)", "away")
                        out.append("  \(f.date(day.date)) · \(agent(code)) · \(kind)")
                    } else {
                        out.append("  \(f.date(day.date)) · \(agent(code)) · \(f.duration(minutes))"
                                   + (day.rotaMinutes > 0 && figure != .agent(code, .available)
                                      ? l.pick(" (tournée \(f.duration(day.rotaMinutes)))", " (rota \(f.duration(day.rotaMinutes)))") : ""))
                    }
                case .evaluation(let e):
                    let m = memberOfRequest[e.request].map(member) ?? ""
                    out.append("  \(e.request) · \(m) · " + l.pick("reçue le \(short(e.received))", "received \(short(e.received))"))
                }
            }
            out.append("")
        }
    }
    if out.last == "" { out.removeLast() }
    return out
}

private func sectionName(_ figure: ReportFigure, _ l: Language) -> String {
    switch figure {
    case .servedMinutes: return l.pick("Heures servies", "Hours served")
    case .neededMinutes: return l.pick("Heures nécessaires", "Hours needed")
    default: return ""
    }
}
