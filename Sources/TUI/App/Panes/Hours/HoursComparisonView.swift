import Domain

/// One agent's week in the Heures pane: what the stored plan gives them and what was logged.
struct PlannedVersusLogged: Equatable {
    var agent: String
    var name: String
    var planned: Int
    var logged: Int
    var difference: Int { logged - planned }
}

/// `+1:30`, `−2:00`, `0:00`.
func signedDuration(_ minutes: Int) -> String {
    minutes == 0 ? "0:00" : (minutes > 0 ? "+" : "−") + DurationText.format(abs(minutes))
}

/// The planned-versus-logged table at the bottom of the Heures pane.
func renderPlannedVersusLogged(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let rows = state.plannedVersusLogged
    let past = state.hoursWeek.adding(days: 6) < state.today
    buffer.frame(rect, title: l.pick("Prévu (plan enregistré) et saisi, par agent", "Planned (stored plan) and logged, by agent"),
                 borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let inner = rect.inset(1)
    let tableRow = { (index: Int) -> TableRow in
        let row = rows[index]
        let state: String
        if row.planned == 0 && row.logged == 0 {
            state = "—"
        } else if row.difference == 0 {
            state = l.pick("conforme", "as planned")
        } else if row.difference > 0 {
            state = l.pick("au-delà du plan", "beyond the plan")
        } else {
            state = past ? l.pick("heures manquantes", "hours missing") : l.pick("à saisir", "to log")
        }
        let role: Role = row.planned == 0 && row.logged == 0 ? .dim : row.difference != 0 && past ? .conflict : .normal
        return TableRow([row.name, DurationText.format(row.planned), DurationText.format(row.logged), signedDuration(row.difference), state], role: role)
    }
    let nameWidth = max(12, min(24, inner.width - 8 * 3 - 20 - 4))
    buffer.table(inner, columns: [Column("Agent", nameWidth), Column(l.pick("Prévu", "Planned"), 8, right: true),
                                  Column(l.pick("Saisi", "Logged"), 8, right: true), Column(l.pick("Écart", "Diff."), 8, right: true),
                                  Column(l.pick("État", "Status"), 20)],
                 count: rows.count, row: tableRow, selected: nil, scroll: 0, theme: theme)
}
