import Domain

func helpOverlay(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    var entries = KeyMap.bindings.map { ($0.keys.map { $0.label(l) }.joined(separator: " / "), $0.description(l)) }
    // The month view shows the first letters: "fé" a holiday, "co", "fo", "ma"… an absence.
    let absent = state.seesMotives ? l.pick("co fo ma… congés, formation, maladie…", "le, tr, si… leave, training, sick…")
        : l.pick("ab absent(e)", "aw away")
    let legend = l.pick("Repères : ! urgence (P1) · ½ partagé · × disputé ou non placé · · libre · fé férié · \(absent)",
                        "Markers: ! urgent (P1) · ½ shared hours · × contested half-day or unplaced hours · · free · ho holiday · \(absent)")
    // Too many keys for two columns (80×24), groups in the order of the bindings: the pane digits, the four moves, the two pages,
    // the two period keys and a few pairs each share one line.
    if (entries.count + 1) / 2 > buffer.height - 7 {
        let groups: [([Action], String, (String, String))] = [
            ([.pane1, .pane2, .pane3, .pane4, .pane5, .pane6, .pane7], "1…7", ("volets Planning … Rapports", "panes Planning … Reports")),
            ([.up, .down, .left, .right], state.unicode ? "↑↓←→" : "hjkl", ("se déplacer", "move")),
            ([.pageUp, .pageDown], l.pick("Pg↑ Pg↓", "PgUp/Dn"), ("page précédente / suivante", "page up / down")),
            ([.previousPeriod, .nextPeriod], "[ ]", ("période (ou année) précédente / suivante", "previous / next period (or year)")),
            ([.addAbsence, .addRota], "a r", ("ajouter une absence, une plage de tournée", "add an absence, a rota slot")),
            ([.listAbsences, .listRota], "A R", ("absences, tournée : voir, modifier", "absences, rota: list, edit")),
            ([.editOpeningHours, .editMembership], "o M", ("horaires, adhésion de la commune", "opening hours, membership")),
            ([.validateHours, .validateWeek], "V S", ("valider la ligne (la saisie), la semaine", "validate the row (entry), the week")),
            ([.closeMonth, .reopenMonth], "C O", ("clore, rouvrir le mois", "close, reopen the month")),
            ([.writePDF, .writeCSV], "f c", ("écrire le PDF, ou le CSV du rapport", "write the PDF, or the report's CSV")),
            ([.renew, .followUp, .answerRenewal, .recordEvaluation], "r u a v",
             ("renouveler ; à suivre, réponse, évaluation", "renew; follow-up, answer, evaluation")),
        ]
        for (actions, keys, description) in groups {
            let indices = KeyMap.bindings.indices.filter { actions.contains(KeyMap.bindings[$0].action) }
            guard let first = indices.first, let last = indices.last else { continue }
            let shift = KeyMap.bindings.count - entries.count
            entries.removeSubrange((first - shift)...(last - shift))
            entries.insert((keys, l.pick(description.0, description.1)), at: first - shift)
        }
    }
    let keyWidth = entries.map { TextWidth.of($0.0) }.max() ?? 0
    let entryWidth = keyWidth + 2 + (entries.map { TextWidth.of($0.1) }.max() ?? 0)
    // Two columns when the screen is too short for one (80×24).
    let rowsAvailable = buffer.height - 7
    let columns = entries.count > rowsAvailable ? 2 : 1
    let rows = (entries.count + columns - 1) / columns
    let width = min(buffer.width - 2, max(TextWidth.of(legend) + 4, columns * (entryWidth + 2) + 2))
    let height = min(buffer.height - 2, rows + 5)
    let rect = Rect(x: (buffer.width - width) / 2, y: max(1, (buffer.height - height) / 2), width: width, height: height)
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: l.pick("Aide · touches", "Help · keys"), borders: borders, style: theme.style(.border),
                 titleStyle: theme.style(.header))
    let columnWidth = (width - 4) / columns
    for (i, entry) in entries.enumerated() {
        let column = i / rows, row = i % rows
        guard row < height - 5 else { continue }
        let x = rect.x + 2 + column * columnWidth
        buffer.put(entry.0, x: x, y: rect.y + 1 + row, style: theme.style(.header))
        buffer.put(TextWidth.truncate(entry.1, to: columnWidth - keyWidth - 2), x: x + keyWidth + 1, y: rect.y + 1 + row, style: theme.style(.normal))
    }
    // The legend wraps onto the blank line above it rather than lose a marker (80×24).
    let legendLines = TextWidth.wrap(legend, width: width - 4).prefix(2)
    for (i, line) in legendLines.enumerated() {
        buffer.put(line, x: rect.x + 2, y: rect.maxY - 2 - legendLines.count + i, style: theme.style(.dim))
    }
    buffer.put(l.pick("Appuyez sur une touche pour fermer", "Press any key to close"), x: rect.x + 2, y: rect.maxY - 2, style: theme.style(.dim))
}
