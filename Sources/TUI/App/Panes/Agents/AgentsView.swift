import Domain

func renderAgents(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let rows = state.agentRows
    let tableRow = { (index: Int) -> TableRow in
        let a = rows[index]
        let now = a.absence(on: state.today).map { state.absenceText($0.kind) } ?? l.pick("présent", "present")
        return TableRow([a.code, a.name, DurationText.format(a.weeklyMinutes), String(a.rttDaysPerYear),
                         "\(a.rota.count)", now], role: a.absence(on: state.today) == nil ? .normal : .absence)
    }
    let detail = drawList(state, area, state.agents, title: listTitle("Agents", count: rows.count, filter: state.agents.filter, l),
                          count: rows.count, row: tableRow, columns: { width in
        [Column("Code", 6), Column(l.pick("Nom", "Name"), max(14, width - 6 - 8 - 5 - 8 - 24 - 5)),
         Column(l.pick("h/sem.", "h/wk"), 8, right: true), Column("RTT", 5, right: true),
         Column(l.pick("Tournée", "Rota"), 8, right: true), Column(l.pick("Aujourd'hui", "Today"), 24)]
    }, &buffer, theme, borders)
    if let detailRect = detail {
        let a = rows[state.agents.cursor]
        var lines: [(String, Role)] = [
            ("\(a.name) (\(a.code)) · \(DurationText.format(a.weeklyMinutes)) \(l.pick("par semaine", "a week")) · \(DurationText.format(a.dailyMinutes)) \(l.pick("par jour", "a day"))", .header),
            (l.pick("Tournée", "Rota"), .header),
        ]
        for entry in a.rota {
            let name = snapshot.member(entry.member)?.name ?? entry.member
            lines.append(("  \(format.weekdayShort(entry.day)) \(ClockText.format(entry.time.start))–\(ClockText.format(entry.time.end)) \(name)", .normal))
        }
        lines.append((l.pick("Absences (motif visible uniquement par la coordination)", "Absences (reason visible to the coordinator only)"), .header))
        for absence in a.absences {
            lines.append(("  \(format.date(absence.from)) → \(format.date(absence.to)) · \(state.absenceText(absence.kind))", .absence))
        }
        if state.role == .coordinator {
            lines.append((l.pick("A / R : modifier ou supprimer une absence, une plage de tournée", "A / R: edit or delete an absence, a rota slot"), .dim))
        }
        detailBox(lines, title: a.name, detailRect, &buffer, theme, borders)
    }
}
