import Domain

/// The request form, drawn over the Demandes pane: one line per field, its problem under it,
/// then what saving would change for the other requests.
func renderRequestForm(_ state: AppState, _ form: RequestFormState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let width = min(buffer.width - 4, 96)
    let height = min(buffer.height - 2, 22)
    let rect = Rect(x: (buffer.width - width) / 2, y: max(1, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    let title = form.draft.id.map { l.pick("Modifier la demande \($0)", "Edit request \($0)") }
        ?? form.draft.renews.map { l.pick("Renouvellement de la demande \($0)", "Renewal of request \($0)") }
        ?? l.pick("Nouvelle demande", "New request")
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let labelWidth = RequestDraft.Field.allCases.map { TextWidth.of($0.label(l)) }.max() ?? 20
    var y = rect.y + 1
    for field in RequestDraft.Field.allCases {
        let focused = field == form.focus
        buffer.put(field.label(l), x: rect.x + 2, y: y, style: theme.style(focused ? .header : .normal))
        let x = rect.x + 3 + labelWidth
        let value = TextWidth.field(form.draft[field], focused: focused, width: rect.maxX - x - 2)
        buffer.fill(Rect(x: x, y: y, width: rect.maxX - x - 2, height: 1), style: theme.style(focused ? .selected : .dim))
        buffer.put(value, x: x, y: y, style: theme.style(focused ? .selected : .normal), maxWidth: rect.maxX - x - 2)
        y += 1
        if let problem = form.problems[field] {
            // Wrapped, never cut: the list of motives or of matching communes is the answer.
            for line in TextWidth.wrap("✗ " + problem, width: rect.maxX - x - 4) where y < rect.maxY - 2 {
                buffer.put("  " + line, x: x, y: y, style: theme.style(.error), maxWidth: rect.maxX - x - 2)
                y += 1
            }
        }
    }
    y += 1
    if let hint = memberHint(state, form) {
        buffer.put(hint, x: rect.x + 2, y: y, style: theme.style(.dim), maxWidth: width - 4)
        y += 1
    }
    if let error = form.error {
        for line in TextWidth.wrap("✗ " + error, width: width - 4) where y < rect.maxY - 2 {
            buffer.put(line, x: rect.x + 2, y: y, style: theme.style(.error))
            y += 1
        }
    }
    if let impact = form.impact {
        if let decision = impact.decision {
            buffer.put(l.pick("Si elle est enregistrée : \(decision.status.label(in: l)), \(DurationText.format(decision.servedMinutes)) sur \(DurationText.format(decision.neededMinutes))",
                              "If saved: \(decision.status.label(in: l)), \(DurationText.format(decision.servedMinutes)) of \(DurationText.format(decision.neededMinutes))"),
                       x: rect.x + 2, y: y, style: theme.style(.header), maxWidth: width - 4)
            y += 1
            // Which commune, and who would go there, by name (the form may have found the
            // commune from part of its name).
            let f = DisplayFormat(l)
            let memberName = state.snapshot?.memberNames[decision.request.member] ?? decision.request.member
            var agents: [String] = []
            for period in decision.periods {
                let name = state.snapshot?.agentNames[period.agent] ?? period.agent
                if !agents.contains(name) { agents.append(name) }
            }
            let who = agents.isEmpty ? l.pick("aucun agent", "no agent") : agents.prefix(4).joined(separator: ", ")
                + (agents.count > 4 ? l.pick(" et \(agents.count - 4) autres", " and \(agents.count - 4) more") : "")
            let span = "\(f.date(decision.request.start)) – \(f.date(decision.effectiveEnd))"
            for line in TextWidth.wrap("\(memberName) (\(decision.request.member)) · \(span) · " + l.pick("agents : ", "agents: ") + who, width: width - 4)
            where y < rect.maxY - 3 {
                buffer.put(line, x: rect.x + 2, y: y, style: theme.style(.normal))
                y += 1
            }
            let reasons = decision.reasons.map(state.reasonText).joined(separator: " ; ")
                + (state.wentFirstText(decision).map { ". " + $0 } ?? "")
            if !reasons.isEmpty {
                for line in TextWidth.wrap(l.pick("Pourquoi : ", "Why: ") + reasons, width: width - 4) where y < rect.maxY - 3 {
                    buffer.put(line, x: rect.x + 2, y: y, style: theme.style(.normal))
                    y += 1
                }
            }
        }
        // The cost before confirming (rules.md §6.1), or how to make the missing tariff.
        if let year = form.estimateYear, y < rect.maxY - 3 {
            let text: String
            if let e = form.estimate {
                text = estimateText(e, l)
            } else if let missing = form.estimateMissing, missing != .noTariff(year: year) {
                text = l.pick("Coût : ", "Cost: ") + missing.message(l)
            } else {
                text = l.pick("Coût : aucun tarif \(year) — volet Factures (6), année \(year), T : le formulaire reprend le tarif de l'année d'avant.",
                              "Cost: no \(year) tariff — Invoices pane (6), year \(year), T: the form starts from the year before's.")
            }
            for line in TextWidth.wrap(text, width: width - 4) where y < rect.maxY - 3 {
                buffer.put(line, x: rect.x + 2, y: y, style: theme.style(.normal))
                y += 1
            }
        }
        // Who loses what, by name, wrapped; what does not fit is counted, never cut.
        let room = max(1, rect.maxY - 3 - y)
        let lines = lossLines(impact.losses, snapshot: state.snapshot, width: width - 4, rows: room, l)
        for line in lines {
            buffer.put(line, x: rect.x + 2, y: y, style: theme.style(impact.losses.isEmpty ? .normal : .urgent), maxWidth: width - 4)
            y += 1
        }
    }
    let footer: String
    if form.confirmingCancel {
        footer = l.pick("Abandonner les modifications ? o : oui, autre touche : non", "Discard the changes? y: yes, any other key: no")
    } else if form.impact != nil {
        footer = l.pick("Entrée enregistrer · Échap annuler · modifier un champ recalcule l'effet", "Enter save · Esc cancel · editing a field recomputes the effect")
    } else {
        footer = l.pick("Tab champ suivant · Entrée vérifier et voir l'effet · Échap annuler", "Tab next field · Enter check and see the effect · Esc cancel")
    }
    buffer.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: theme.style(form.confirmingCancel ? .error : .hint), maxWidth: width - 4)
}

/// "Les autres y perdent : Génelard (D-2026-031) −5:24, la tournée d'Élodie Ferrand à Mary le
/// lun. 28 déc. 2026 −3:00 …" in at most `rows` lines of `width`, ending "… et 12 autres" when
/// they do not all fit.
func lossLines(_ losses: [AgentSuggestion.Loss], snapshot: Snapshot?, width: Int, rows: Int, _ l: Language) -> [String] {
    guard !losses.isEmpty else { return [l.pick("Aucune autre demande n'y perd.", "No other request loses anything.")] }
    let items = losses.map {
        requestName($0.request, snapshot, l) + " −\(DurationText.format($0.minutes))" + ($0.preempted ? l.pick(" (interrompue)", " (ended)") : "")
    }
    func text(_ count: Int) -> String {
        let shown = items.prefix(count).joined(separator: ", ")
        let rest = items.count - count
        let more = rest == 0 ? "" : l.pick(" … et \(rest) autre\(rest > 1 ? "s" : "")", " … and \(rest) more")
        return l.pick("Les autres y perdent : ", "Others lose: ") + shown + more
    }
    // As many as fit in the rows, the count of the rest said.
    var count = items.count
    while count > 0, TextWidth.wrap(text(count), width: width).count > rows { count -= 1 }
    return TextWidth.wrap(text(count), width: width)
}

/// Members whose name starts like what is typed, to help find a code.
private func memberHint(_ state: AppState, _ form: RequestFormState) -> String? {
    guard form.focus == .member, let snapshot = state.snapshot else { return nil }
    let typed = form.draft[.member].folding()
    guard typed.count >= 2 else { return nil }
    // Names and codes are sorted (names folded) at load: the first match is found by halving,
    // not by folding 35,000 names per key.
    func firstAtLeast(_ count: Int, _ below: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if below(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }
    let names = snapshot.foldedMemberNames
    let byName = (firstAtLeast(names.count) { names[$0] < typed }..<names.count).prefix { names[$0].hasPrefix(typed) }
        .prefix(4).map { snapshot.members[$0] }
    let codes = snapshot.membersInCodeOrder
    let byCode = (firstAtLeast(codes.count) { codes[$0].code < typed }..<codes.count).prefix { codes[$0].code.hasPrefix(typed) }
        .prefix(4).map { codes[$0] }
    // In the list's order (by name), as before.
    var seen = Set<String>()
    let found = (byName + byCode).filter { seen.insert($0.code).inserted }
        .sorted { ($0.name.folding(), $0.code) < ($1.name.folding(), $1.code) }.prefix(4)
    guard !found.isEmpty else { return nil }
    return state.language.pick("Communes : ", "Members: ") + found.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
}

/// The preview's cost line under the service's scheme, with its basis in words.
func estimateText(_ e: CostEstimate, _ l: Language) -> String {
    let f = DisplayFormat(l)
    switch e.scheme {
    case .feeAndHourly:
        let prepaid = e.neededMinutes - e.billedMinutes
        let rate = f.money(e.hourlyRateCents ?? 0)
        return l.pick("Coût prévisionnel : \(f.money(e.amountCents ?? 0)) (\(f.duration(e.billedMinutes)) à \(rate) de l'heure"
                        + (prepaid > 0 ? ", \(f.duration(prepaid)) prises sur les jours prépayés \(e.year))" : ")"),
                      "Estimated cost: \(f.money(e.amountCents ?? 0)) (\(f.duration(e.billedMinutes)) at \(rate) an hour"
                        + (prepaid > 0 ? ", \(f.duration(prepaid)) from the \(e.year) prepaid days)" : ")"))
    case .prorataCost:
        return l.pick("Coût prévisionnel : aucun montant avant la fin de l'année (\(f.duration(e.neededMinutes)) ; \(e.basis(l))).",
                      "Estimated cost: no amount before year end (\(f.duration(e.neededMinutes)); \(e.basis(l))).")
    case .dayRate, .agentCost:
        let unserved = e.lines.first { $0.kind == .unserved }?.minutes ?? 0
        let detail = unserved > 0
            ? l.pick(", dont \(f.duration(unserved)) sans agent au coût horaire moyen", ", \(f.duration(unserved)) of them with no agent, at the average hourly cost")
            : ""
        return l.pick("Coût prévisionnel : \(f.money(e.amountCents ?? 0)) (\(f.duration(e.billedMinutes)) ; \(e.basis(l))\(detail)).",
                      "Estimated cost: \(f.money(e.amountCents ?? 0)) (\(f.duration(e.billedMinutes)); \(e.basis(l))\(detail)).")
    }
}
