import Domain

func renderHours(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let sunday = state.hoursWeek.adding(days: 6)
    // The planned-versus-logged table below the hours logged (at most half the pane).
    let comparisonHeight = min(area.height / 2, snapshot.agents.count + 3)
    if comparisonHeight >= 4 {
        renderPlannedVersusLogged(state, Rect(x: area.x, y: area.maxY - comparisonHeight, width: area.width, height: comparisonHeight),
                                  &buffer, theme, borders)
    }
    let area = comparisonHeight >= 4 ? Rect(x: area.x, y: area.y, width: area.width, height: area.height - comparisonHeight) : area
    let entries = state.hours.filter { $0.date >= state.hoursWeek && $0.date <= sunday }
    let total = entries.reduce(0) { $0 + $1.minutes }
    let validated = entries.filter(\.validated).reduce(0) { $0 + $1.minutes }
    let totals = state.hoursPane.loading
        ? l.pick("chargement…", "loading…")
        : l.pick("total \(DurationText.format(total)), validées \(DurationText.format(validated))",
                 "total \(DurationText.format(total)), validated \(DurationText.format(validated))")
    buffer.frame(area, title: l.pick("Heures · semaine \(state.hoursWeek.isoWeek) du \(format.date(state.hoursWeek)) · \(totals)",
                                     "Hours · week \(state.hoursWeek.isoWeek) from \(format.date(state.hoursWeek)) · \(totals)"),
                 borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    if state.hoursPane.closedMonths.contains(state.hoursMonth) {
        let closed = l.pick(" \(DisplayFormat(l).month(state.hoursMonth)) clos (O rouvrir) ", " \(DisplayFormat(l).month(state.hoursMonth)) closed (O reopens) ")
        buffer.put(closed, x: area.maxX - TextWidth.of(closed) - 2, y: area.y, style: theme.style(.header))
    }
    let inner = area.inset(1)
    let hoursRows = state.hoursRows
    // Seven day columns and the total must fit in 78 columns (80×24).
    let nameWidth = max(8, (inner.width - 7 * 7 - 7 - 10) / 2)
    var columns = [Column("Agent", nameWidth), Column(l.pick("Commune", "Member"), nameWidth)]
    for i in 0..<7 {
        let day = state.hoursWeek.adding(days: i)
        columns.append(Column("\(format.weekdayShort(day.weekday).prefix(3)) \(day.day)", 6, right: true)) }
    columns.append(Column("Total", 6, right: true))
    let tableRow = { (index: Int) -> TableRow in
        let row = hoursRows[index]
        var byDay: [Int: Int] = [:]
        for e in row.entries { byDay[state.hoursWeek.days(to: e.date), default: 0] += e.minutes }
        let cells = [shortPersonName(row.agentName, width: nameWidth - 1), row.memberName] + (0..<7).map { byDay[$0].map(DurationText.format) ?? "·" }
            + [DurationText.format(byDay.values.reduce(0, +))]
        return TableRow(cells, role: row.entries.allSatisfy(\.validated) ? .normal : .hint)
    }
    if hoursRows.isEmpty {
        let empty = state.hoursPane.loading ? l.pick("Chargement des heures de la semaine…", "Reading the week's hours…")
                                            : l.pick("Aucune heure saisie cette semaine.", "No hours logged this week.")
        buffer.put(empty, x: inner.x, y: inner.y + 1, style: theme.style(.dim))
    } else {
        let top = buffer.table(inner, columns: columns, count: hoursRows.count, row: tableRow, selected: state.hoursPane.list.cursor,
                               scroll: 0, theme: theme)
        let visible = inner.height - 1
        let below = hoursRows.count - top - visible
        if top > 0 || below > 0 {
            let more = l.pick(" lignes \(top + 1)–\(min(hoursRows.count, top + visible)) sur \(hoursRows.count) ",
                              " rows \(top + 1)–\(min(hoursRows.count, top + visible)) of \(hoursRows.count) ")
            buffer.put(more, x: area.maxX - TextWidth.of(more) - 2, y: area.maxY - 1, style: theme.style(.dim))
        }
    }
    renderHoursValidation(state, area, &buffer, theme, borders)
}

/// The selected row's entries, one per line, with the entry cursor.
func renderHoursValidation(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let f = DisplayFormat(l)
    if state.hoursPane.list.showDetail, let row = state.hoursRows[safe: state.hoursPane.list.cursor] {
        let height = min(area.height - 2, row.entries.count + 4)
        let width = min(area.width - 4, 70)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + 2, width: width, height: height)
        buffer.fill(rect, style: theme.style(.normal))
        buffer.frame(rect, title: "\(row.agentName) · \(row.memberName)", borders: borders, style: theme.style(.border),
                     titleStyle: theme.style(.header))
        for (i, entry) in row.entries.prefix(height - 3).enumerated() {
            let mark = entry.validated ? l.pick("✓ validée", "✓ validated") : l.pick("à valider", "to validate")
            let text = "\(f.date(entry.date))  \(DurationText.format(entry.minutes))  \(entry.request ?? "—")  \(mark)"
            let selected = i == state.hoursPane.entry
            if selected { buffer.fill(Rect(x: rect.x + 1, y: rect.y + 1 + i, width: rect.width - 2, height: 1), style: theme.style(.selected)) }
            buffer.put(TextWidth.truncate(text, to: rect.width - 4), x: rect.x + 2, y: rect.y + 1 + i,
                       style: theme.style(selected ? .selected : entry.validated ? .normal : .hint))
        }
        buffer.put(TextWidth.truncate(l.pick("V valider la saisie · S toute la semaine de l'agent · Échap fermer",
                                             "V validate the entry · S the agent's whole week · Esc close"), to: rect.width - 4),
                   x: rect.x + 2, y: rect.maxY - 2, style: theme.style(.dim))
    }
}

/// The question to close or reopen a month (an overlay: `Overlay.hoursPrompt` paints it).
func renderHoursPrompt(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    guard let prompt = state.hoursPane.prompt else { return }
    let lines: [String]
    let title: String
    let said = DisplayFormat(l).month
    switch prompt {
    case .close(let month):
        title = l.pick("Clore le mois \(DisplayFormat(l).ofMonth(month))", "Close \(said(month))")
        lines = [l.pick("Ses heures ne pourront plus être saisies, modifiées ni supprimées, sauf réouverture.",
                        "Its hours can no longer be logged, changed or deleted, unless reopened."),
                 l.pick("o : clore · toute autre touche : renoncer", "y: close · any other key: cancel")]
    case .deleteEntry(let entry):
        let f = DisplayFormat(l)
        let agent = state.snapshot?.agentNames[entry.agent] ?? entry.agent
        let member = state.snapshot?.memberNames[entry.member] ?? entry.member
        title = l.pick("Supprimer la saisie n° \(entry.id ?? 0)", "Delete entry no. \(entry.id ?? 0)")
        lines = [l.pick("\(agent) · \(member) · \(f.date(entry.date)) · \(f.duration(entry.minutes))\(entry.validated ? " · validée" : "")",
                        "\(agent) · \(member) · \(f.date(entry.date)) · \(f.duration(entry.minutes))\(entry.validated ? " · validated" : "")"),
                 l.pick("o : supprimer (inscrit au journal d'audit) · toute autre touche : renoncer", "y: delete (written to the audit trail) · any other key: cancel")]
    case .reopen(let month, let reason):
        title = l.pick("Rouvrir le mois \(DisplayFormat(l).ofMonth(month))", "Reopen \(said(month))")
        lines = [l.pick("Motif (inscrit au journal d'audit) : ", "Reason (written to the audit trail): ") + reason + "▏",
                 l.pick("Entrée : rouvrir · Échap : renoncer", "Enter: reopen · Esc: cancel")]
    }
    drawPrompt(title: title, lines: lines, error: state.hoursPane.promptError, area, &buffer, theme, borders)
}

/// "Élodie Ferrand" in a narrow column: "É. Ferrand" (first names as initials) rather than
/// "Élodie …", so that two agents of the same first name stay apart.
func shortPersonName(_ name: String, width: Int) -> String {
    guard TextWidth.of(name) > width else { return name }
    let words = name.split(separator: " ")
    guard words.count > 1, let last = words.last else { return name }
    let initials = words.dropLast().compactMap { $0.first.map { "\($0)." } }.joined(separator: " ")
    return initials + " " + last
}
