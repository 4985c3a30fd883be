import Domain

/// One absence as a row: `du lun. 21 déc. 2026 au lun. 28 déc. 2026 · 8 j · congés`.
func absenceRowText(_ absence: Absence, _ state: AppState) -> String {
    let format = DisplayFormat(state.language)
    let days = absence.from.days(to: absence.to) + 1
    return state.language.pick("du \(format.date(absence.from)) au \(format.date(absence.to)) · \(days) j · ",
                               "from \(format.date(absence.from)) to \(format.date(absence.to)) · \(days) d · ")
        + state.absenceText(absence.kind)
}

/// One rota slot as a row: `lun. 09:00–12:00 · 3:00 · Écuisses (71185)`.
func rotaRowText(_ entry: RotaEntry, _ state: AppState) -> String {
    let format = DisplayFormat(state.language)
    let name = state.snapshot?.member(entry.member)?.name ?? entry.member
    return "\(format.weekdayShort(entry.day)) \(ClockText.format(entry.time.start))–\(ClockText.format(entry.time.end)) · "
        + "\(DurationText.format(entry.time.minutes)) · \(name) (\(entry.member))"
}

/// The open list of an agent's absences or rota slots, drawn over the Agents pane, with its
/// keys at the bottom (or the deletion question).
func renderAgentItems(_ state: AppState, _ items: AgentItemsState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let agent = state.agentItemsAgent else { return }
    let l = state.language
    let rows = state.agentItemList
    let width = min(buffer.width - 4, 84)
    let height = min(buffer.height - 4, max(rows.count, 1) + 5)
    let rect = Rect(x: (buffer.width - width) / 2, y: max(2, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    let title = items.kind == .absences
        ? l.pick("Absences \(DisplayFormat.de(agent.name)) · \(rows.count)", "Absences of \(agent.name) · \(rows.count)")
        : l.pick("Tournée \(DisplayFormat.de(agent.name)) · \(rows.count) plage(s)", "Rota of \(agent.name) · \(rows.count) slot(s)")
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let visible = max(1, rect.height - 5)
    let top = max(0, min(items.cursor - visible + 1, rows.count - visible))
    if rows.isEmpty {
        buffer.put(items.kind == .absences ? l.pick("Aucune absence enregistrée.", "No absence on record.")
                                           : l.pick("Aucune plage de tournée.", "No rota slot."),
                   x: rect.x + 2, y: rect.y + 1, style: theme.style(.dim))
    }
    for (offset, row) in rows.dropFirst(top).prefix(visible).enumerated() {
        let index = top + offset
        let y = rect.y + 1 + offset
        let text: String
        var role: Role = .normal
        switch row {
        case .absence(let absence):
            text = absenceRowText(absence, state)
            role = absence.to < state.today ? .dim : absence.covers(state.today) ? .absence : .normal
        case .rota(let entry):
            text = rotaRowText(entry, state)
        }
        let selected = index == items.cursor
        if selected { buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), style: theme.style(.selected)) }
        buffer.put(TextWidth.truncate(text, to: rect.width - 4), x: rect.x + 2, y: y, style: theme.style(selected ? .selected : role))
    }
    if rows.count > visible {
        buffer.put("\(items.cursor + 1)/\(rows.count)", x: rect.maxX - 9, y: rect.maxY - 4, style: theme.style(.dim), maxWidth: 8)
    }
    let footer: String
    let footerRole: Role
    if items.confirmingDeletion, let selected = state.agentItem(at: items.cursor) {
        switch selected {
        case .absence(let absence):
            footer = l.pick("Supprimer l'absence \(absenceRowText(absence, state)) ? o : oui · autre touche : non",
                            "Delete the absence \(absenceRowText(absence, state))? y: yes · any other key: no")
        case .rota(let entry):
            footer = l.pick("Supprimer la plage \(rotaRowText(entry, state)) ? o : oui · autre touche : non",
                            "Delete the slot \(rotaRowText(entry, state))? y: yes · any other key: no")
        }
        footerRole = .error
    } else {
        footer = items.kind == .absences
            ? l.pick("e modifier · d supprimer · n ajouter · R tournée · Échap fermer", "e edit · d delete · n add · R rota · Esc close")
            : l.pick("e modifier · d supprimer · n ajouter · A absences · Échap fermer", "e edit · d delete · n add · A absences · Esc close")
        footerRole = .hint
    }
    // The question may be long: on two lines when it does not fit on one.
    let inner = rect.width - 4
    if TextWidth.of(footer) > inner, let split = footer.range(of: l.pick(" ? ", "? ")) {
        let first = String(footer[..<split.lowerBound]) + l.pick(" ?", "?")
        let second = String(footer[split.upperBound...])
        buffer.put(TextWidth.truncate(first, to: inner), x: rect.x + 2, y: rect.maxY - 3, style: theme.style(footerRole))
        buffer.put(TextWidth.truncate(second, to: inner), x: rect.x + 2, y: rect.maxY - 2, style: theme.style(footerRole))
    } else {
        buffer.put(TextWidth.truncate(footer, to: inner), x: rect.x + 2, y: rect.maxY - 2, style: theme.style(footerRole))
    }
}

/// What the status bar says once an edit is saved.
func editNotice(_ edit: RecordEdit, _ state: AppState) -> String {
    let l = state.language
    let agentName = { (code: String) in state.snapshot?.agentNames[code] ?? code }
    switch edit {
    case .updateAbsence(let agent, _, let new):
        return l.pick("Absence modifiée (\(agentName(agent))) : \(absenceRowText(new, state)).", "Absence changed (\(agentName(agent))): \(absenceRowText(new, state)).")
    case .deleteAbsence(let agent, let absence):
        return l.pick("Absence supprimée (\(agentName(agent))) : \(absenceRowText(absence, state)).", "Absence deleted (\(agentName(agent))): \(absenceRowText(absence, state)).")
    case .updateRota(let agent, _, let new):
        return l.pick("Tournée modifiée (\(agentName(agent))) : \(rotaRowText(new, state)).", "Rota changed (\(agentName(agent))): \(rotaRowText(new, state)).")
    case .deleteRota(let agent, let entry):
        return l.pick("Plage de tournée supprimée (\(agentName(agent))) : \(rotaRowText(entry, state)).", "Rota slot deleted (\(agentName(agent))): \(rotaRowText(entry, state)).")
    case .openingHours(let member, _, _):
        let name = state.snapshot?.member(member)?.name ?? member
        return l.pick("Horaires d'ouverture de \(name) enregistrés.", "Opening hours of \(name) saved.")
    }
}
