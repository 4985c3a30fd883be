import Domain

func renderRequests(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let rows = state.requestRows
    let implicit = state.lists.requestMatches == nil ? snapshot.implicitCount : rows.lazy.filter(\.isImplicit).count
    let followUp = state.lists.followUp
    let title: String
    if state.requestsFollowUp {
        // What is to follow up, counted: the list holds only those requests (u again: all).
        title = listTitle(l.pick("À suivre", "To follow up"), count: rows.count, filter: state.requests.filter, l)
            + (followUp.isEmpty ? l.pick(" : rien à suivre", ": nothing to follow up") : " : " + followUp.summary(l))
    } else {
        title = listTitle(l.pick("Demandes", "Requests"), count: rows.count - implicit, filter: state.requests.filter, l)
            + (implicit == 0 ? "" : l.pick(" (+ \(implicit) de tournée pendant les absences)", " (+ \(implicit) rota cover during absences)"))
            + (followUp.isEmpty ? "" : l.pick(" · à suivre : \(followUp.marks.count) (u)", " · to follow up: \(followUp.marks.count) (u)"))
    }
    let short: (CalendarDate) -> String = { "\(pad2($0.day))/\(pad2($0.month))/\(pad2($0.year % 100))" }
    let tableRow = { (index: Int) -> TableRow in
        let d = rows[index]
        let role: Role = d.status == .refused || d.status == .preempted ? .dim : d.priorityClass == .urgent ? .urgent : .normal
        let id = d.isImplicit ? l.pick("tournée ", "rota ") + short(d.request.start) : d.id
        let name = snapshot.member(d.request.member)?.name ?? d.request.member
        // To follow up: what is due, in place of the motive, priority, hours and reason.
        if state.requestsFollowUp {
            return TableRow([id, name, short(d.effectiveEnd), d.status.label(in: l),
                             (followUp.marks[d.id] ?? []).map { $0.text(l) }.joined(separator: " · ")], role: role)
        }
        return TableRow([id, name, d.isImplicit ? l.pick("agent absent", "agent away") : state.motiveText(d.request.motive),
                         "P\(d.priorityClass.rawValue)", short(d.request.start), short(d.effectiveEnd),
                         DurationText.format(d.request.minutesPerWeek), d.status.label(in: l),
                         d.reasons.last.map(state.reasonText) ?? ""], role: role)
    }
    let detail = drawList(state, area, state.requests, title: title, count: rows.count, row: tableRow, columns: { width in
        if state.requestsFollowUp {
            let free = max(20, width - (12 + 9 + 11 + 4))
            let name = max(10, free / 3)
            return [Column(l.pick("N°", "No."), 12), Column(l.pick("Commune", "Member"), name),
                    Column(l.pick("Fin", "End"), 8), Column(l.pick("État", "Status"), 10),
                    Column(l.pick("À suivre", "Follow-up"), max(10, free - name))]
        }
        let free = max(10, width - (12 + 6 + 3 + 9 + 9 + 6 + 11 + 8))
        return [Column(l.pick("N°", "No."), 12), Column(l.pick("Commune", "Member"), max(10, free * 2 / 5)),
                Column(l.pick("Motif", "Motive"), 14), Column("P", 2), Column(l.pick("Du", "From"), 8),
                Column(l.pick("Au", "To"), 8), Column(l.pick("h/sem.", "h/wk"), 6, right: true),
                Column(l.pick("État", "Status"), 10), Column(l.pick("Raison", "Reason"), max(8, free * 3 / 5 - 14))]
    }, &buffer, theme, borders)
    if let detailRect = detail {
        let d = rows[state.requests.cursor]
        let member = snapshot.member(d.request.member)
        var lines: [(String, Role)] = [
            ("\(member?.name ?? d.request.member) · \(state.motiveText(d.request.motive)) (P\(d.priorityClass.rawValue))", .header),
            // A rota cover is no one's request: no date of receipt.
            d.isImplicit ? (l.pick("Reprise de la tournée de l'agent absent(e) ce jour-là", "Cover of the away agent's rota that day"), .normal)
                : (l.pick("Reçue le \(format.date(d.request.received))", "Received \(format.date(d.request.received))"), .normal),
            (l.pick("Du \(format.date(d.request.start)) au \(format.date(d.effectiveEnd))", "From \(format.date(d.request.start)) to \(format.date(d.effectiveEnd))"), .normal),
            (l.pick("Besoin \(DurationText.format(d.neededMinutes)) · servi \(DurationText.format(d.servedMinutes)) · \(d.status.label(in: l))",
                    "Needed \(DurationText.format(d.neededMinutes)) · served \(DurationText.format(d.servedMinutes)) · \(d.status.label(in: l))"), .normal),
        ]
        let convention = snapshot.territory.service.convention
        for mark in followUp.marks[d.id] ?? [] { lines.append(("▸ " + mark.sentence(l, convention: convention), .header)) }
        if let recorded = snapshot.territory.requests.first(where: { $0.id == d.id }) {
            lines += followUpLines(recorded, snapshot, state)
        }
        if state.requestsFollowUp, let warning = FollowUp.conventionEndWarning(snapshot.territory.service, today: state.today, language: l) {
            lines.append(("⚠ " + warning, .urgent))
        }
        if let assigned = snapshot.territory.assignments.first(where: { $0.request == d.id }) {
            let name = snapshot.agentNames[assigned.agent] ?? assigned.agent
            lines.append((l.pick("• affectée à la main à \(name) : chaque jour il lui donne son besoin avant le partage des règles (s puis 0 pour la rendre aux règles)",
                                 "• assigned by hand to \(name): each day that agent gives it its need before the rules share the rest (s then 0 gives it back)"), .header))
        }
        for reason in d.reasons { lines.append(("• " + state.reasonText(reason), .normal)) }
        if let first = state.wentFirstText(d) { lines.append(("  " + first, .normal)) }
        if let day = d.preemptedOn, case .preemptedBy(let by)? = d.reasons.first(where: { if case .preemptedBy = $0 { true } else { false } }) {
            lines.append((l.pick("  Arrêtée le \(format.date(day)) : ce jour-là l'urgence \(requestName(by, snapshot, l)) a pris les heures des agents "
                                    + "et ce remplacement non urgent n'avait plus son besoin du jour ; la convention (art. 3) y met alors un terme. "
                                    + "Pour la suite : une nouvelle demande.",
                                 "  Ended on \(format.date(day)): that day urgent request \(requestName(by, snapshot, l)) took the agents' hours "
                                    + "and this non-urgent replacement no longer had its day's need; the agreement (art. 3) then ends it. "
                                    + "For the rest: a new request."), .normal))
        }
        for period in d.periods.prefix(6) {
            let name = snapshot.agentNames[period.agent] ?? period.agent
            lines.append(("  \(short(period.from))–\(short(period.to)) \(name) \(DurationText.format(period.minutesPerDay))/j", .dim))
        }
        if d.periods.count > 6 {
            let more = d.periods.count - 6
            lines.append((l.pick("  … et \(more) autre\(more > 1 ? "s" : "") période\(more > 1 ? "s" : "") : touche D pour l’emploi du temps",
                                 "  … and \(more) more period\(more > 1 ? "s" : ""): key D for the schedule"), .dim))
        }
        detailBox(lines, title: d.isImplicit ? implicitTitle(d, snapshot, l) : d.id, detailRect, &buffer, theme, borders)
    }
}

/// "Tournée d'Élodie Ferrand à Charmoy, jeu. 23 juil. 2026" for an implicit rota request.
func implicitTitle(_ d: RequestDecision, _ snapshot: Snapshot, _ l: Language) -> String {
    let agent = rotaAgentName(d.id, snapshot)
    let member = snapshot.member(d.request.member)?.name ?? d.request.member
    return l.pick("Tournée \(DisplayFormat.de(agent)) à \(member), \(DisplayFormat(l).date(d.request.start))",
                  "Rota of \(agent) at \(member), \(DisplayFormat(l).date(d.request.start))")
}

/// A request as people know it: "Génelard (D-2026-031)", or for an implicit rota request
/// "la tournée d'Élodie Ferrand à Mary le lun. 28 déc. 2026" (never its internal id).
func requestName(_ id: String, _ snapshot: Snapshot?, _ l: Language) -> String {
    guard let snapshot, let d = snapshot.decisions[id] else { return id }
    return RequestName.say(d, members: snapshot.memberNames, agents: snapshot.agentNames, l)
}

/// The name of the agent whose rota an implicit request `ROTA:<agent>:<member>:<date>` covers.
private func rotaAgentName(_ id: String, _ snapshot: Snapshot) -> String {
    ImplicitRotaRequests.agent(of: id).map { snapshot.agentNames[$0] ?? $0 } ?? "?"
}

/// What the request's follow-up holds: the request it renews, the renewal that follows it, the
/// answer given, the mayor's evaluation (its comment for the coordinator only).
private func followUpLines(_ r: ReplacementRequest, _ snapshot: Snapshot, _ state: AppState) -> [(String, Role)] {
    let l = state.language, f = DisplayFormat(l)
    var lines: [(String, Role)] = []
    if let renewed = r.renews {
        lines.append((l.pick("Renouvelle \(requestName(renewed, snapshot, l))", "Renews \(requestName(renewed, snapshot, l))"), .normal))
    }
    if let next = snapshot.territory.requests.first(where: { $0.renews == r.id }) {
        lines.append((l.pick("Renouvelée par \(requestName(next.id, snapshot, l))", "Renewed by \(requestName(next.id, snapshot, l))"), .normal))
    }
    if let answer = r.answer {
        lines.append((l.pick("Réponse du \(f.date(answer.date)) : « \(answer.text) »", "Answer of \(f.date(answer.date)): \"\(answer.text)\""), .normal))
    }
    if let e = snapshot.territory.evaluations.first(where: { $0.request == r.id }) {
        // The mission's scores are its agents' scores: the coordinator's only, like the comment.
        guard state.policy.seesEvaluationDetails else {
            lines.append((l.pick("Évaluation reçue le \(f.date(e.received))", "Evaluation received \(f.date(e.received))"), .normal))
            return lines
        }
        let scores = EvaluationCriterion.allCases.map { "\($0.label(in: l)) \(e.scores[$0])" }.joined(separator: " · ")
        lines.append((l.pick("Évaluation reçue le \(f.date(e.received)) : \(scores) ; nouvel appel : \(e.again ? "oui" : "non")",
                             "Evaluation received \(f.date(e.received)): \(scores); would call again: \(e.again ? "yes" : "no")"), .normal))
        if let comment = e.comment {
            lines.append((l.pick("  Commentaire du maire : « \(comment) »", "  Mayor's comment: \"\(comment)\""), .dim))
        }
    }
    return lines
}
