import Domain

/// The member, agent or absence form, and the deletion question, drawn over their pane.
func renderRecordForm(_ state: AppState, _ form: RecordFormState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let width = min(buffer.width - 4, 96)
    // A refusal is wrapped, never cut: it says what the record is now.
    let errorLines = form.error.map { TextWidth.wrap("✗ " + $0, width: width - 4) } ?? []
    let labelWidth = min(width / 2, form.fields.map { TextWidth.of($0.label) }.max() ?? 20)
    // Each problem wrapped under its field, never cut.
    let problemWidth = width - labelWidth - 9
    let problemLines = form.problems.mapValues { TextWidth.wrap("✗ " + $0, width: problemWidth) }
    let height = min(buffer.height - 2, form.fields.count + problemLines.values.reduce(0) { $0 + $1.count } + 6 + max(0, errorLines.count - 1))
    let rect = Rect(x: (buffer.width - width) / 2, y: max(1, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    let title: String
    let agentName = { (code: String) in state.snapshot?.agentNames[code] ?? code }
    switch form.kind {
    case .member(let code): title = code.map { l.pick("Modifier la commune \($0)", "Edit member \($0)") } ?? l.pick("Nouvelle commune membre", "New member")
    case .agent(let code): title = code.map { l.pick("Modifier l'agent \($0)", "Edit agent \($0)") } ?? l.pick("Nouvel agent", "New agent")
    case .absence(let agent): title = l.pick("Nouvelle absence de \(agent)", "New absence of \(agent)")
    case .rota(let agent): title = l.pick("Nouvelle plage de tournée de \(agent)", "New rota slot of \(agent)")
    case .editAbsence(let agent, _):
        let name = agentName(agent)
        title = l.pick("Modifier une absence \(DisplayFormat.de(name)) (\(agent))", "Edit an absence of \(name) (\(agent))")
    case .editRota(let agent, _):
        let name = agentName(agent)
        title = l.pick("Modifier une plage de tournée \(DisplayFormat.de(name)) (\(agent))", "Edit a rota slot of \(name) (\(agent))")
    case .tariff(let year): title = l.pick("Tarif \(year)", "Tariff \(year)")
    case .hours(let original, _, _):
        title = original.map { e in
            l.pick("Corriger la saisie n° \(e.id ?? 0)", "Correct entry no. \(e.id ?? 0)") + (e.validated ? l.pick(" (validée : elle sera à valider de nouveau)", " (validated: it will need validating again)") : "")
        } ?? l.pick("Saisir des heures", "Log hours")
    case .membership(let code):
        let name = state.snapshot?.member(code)?.name ?? code
        title = l.pick("Adhésion \(DisplayFormat.de(name)) (\(code))", "Membership of \(name) (\(code))")
    case .answer(let id):
        title = l.pick("Réponse à la commune · \(requestName(id, state.snapshot, l))", "Answer to the member · \(requestName(id, state.snapshot, l))")
    case .evaluation(let id):
        title = l.pick("Évaluation du maire · \(requestName(id, state.snapshot, l))", "Mayor's evaluation · \(requestName(id, state.snapshot, l))")
    case .openingHours(let code, _):
        let name = state.snapshot?.member(code)?.name ?? code
        title = l.pick("Horaires d'ouverture \(DisplayFormat.de(name)) (\(code))", "Opening hours of \(name) (\(code))")
    }
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    var y = rect.y + 1
    for (i, field) in form.fields.enumerated() where y < rect.maxY - 2 {
        let focused = i == form.focus
        buffer.put(TextWidth.truncate(field.label, to: labelWidth), x: rect.x + 2, y: y, style: theme.style(focused ? .header : .normal))
        let x = rect.x + 3 + labelWidth
        buffer.fill(Rect(x: x, y: y, width: rect.maxX - x - 2, height: 1), style: theme.style(focused ? .selected : .dim))
        buffer.put(TextWidth.field(field.value, focused: focused, width: rect.maxX - x - 2), x: x, y: y, style: theme.style(focused ? .selected : .normal), maxWidth: rect.maxX - x - 2)
        y += 1
        for line in problemLines[i] ?? [] where y < rect.maxY - 2 {
            buffer.put("  " + line, x: x, y: y, style: theme.style(.error), maxWidth: rect.maxX - x - 2)
            y += 1
        }
    }
    for line in errorLines where y < rect.maxY - 2 {
        buffer.put(line, x: rect.x + 2, y: y, style: theme.style(.error))
        y += 1
    }
    if case .openingHours = form.kind {
        buffer.put(l.pick("Plages « 08:30-12:00, 13:30-17:00 » · vide : fermé ce jour-là", "Ranges \"08:30-12:00, 13:30-17:00\" · empty: closed that day"),
                   x: rect.x + 2, y: rect.maxY - 3, style: theme.style(.dim), maxWidth: width - 4)
    }
    let footer = form.confirmingCancel
        ? l.pick("Abandonner les modifications ? o : oui, autre touche : non", "Discard the changes? y: yes, any other key: no")
        : l.pick("Tab champ suivant · Entrée vérifier et enregistrer · Échap annuler", "Tab next field · Enter check and save · Esc cancel")
    buffer.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: theme.style(form.confirmingCancel ? .error : .hint), maxWidth: width - 4)
}

func renderDeletionQuestion(_ state: AppState, _ deletion: PendingDeletion, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let question = deletion.target == .member
        ? l.pick("Supprimer la commune \(deletion.name) (\(deletion.code)) ?", "Delete member \(deletion.name) (\(deletion.code))?")
        : l.pick("Supprimer l'agent \(deletion.name) (\(deletion.code)) ?", "Delete agent \(deletion.name) (\(deletion.code))?")
    let answer = l.pick("o : oui, supprimer · autre touche : non", "y: yes, delete · any other key: no")
    let width = min(buffer.width - 4, max(TextWidth.of(question), TextWidth.of(answer)) + 6)
    let rect = Rect(x: (buffer.width - width) / 2, y: buffer.height / 2 - 2, width: width, height: 5)
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: l.pick("Confirmation", "Confirm"), borders: borders, style: theme.style(.error), titleStyle: theme.style(.error))
    buffer.put(question, x: rect.x + 2, y: rect.y + 1, style: theme.style(.header), maxWidth: width - 4)
    buffer.put(answer, x: rect.x + 2, y: rect.y + 3, style: theme.style(.hint), maxWidth: width - 4)
}
