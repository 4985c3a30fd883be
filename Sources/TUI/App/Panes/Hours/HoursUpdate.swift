import Domain

/// Keys of the Heures pane's validation; nil when the key is not one of them.
func handleHoursKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    let l = state.language
    let rows = state.hoursRows
    let row = rows[safe: state.hoursPane.list.cursor]
    switch action {
    case .up, .down, .pageUp, .pageDown:
        if state.hoursPane.list.showDetail, let row {
            let step = action == .up || action == .pageUp ? -1 : 1
            state.hoursPane.entry = max(0, min(state.hoursPane.entry + step, row.entries.count - 1))
        } else {
            moveList(action, &state.hoursPane.list, count: rows.count, page: state.height - 6)
            state.hoursPane.entry = 0
        }
    case .open:
        state.hoursPane.list.showDetail.toggle()
        state.hoursPane.entry = 0
    case .back:
        state.hoursPane.list.showDetail = false
    case .validateHours:
        guard let row else { state.notice = l.pick("Aucune heure à valider cette semaine.", "No hours to validate this week."); return [] }
        let chosen = state.hoursPane.list.showDetail ? Array(row.entries[safe: state.hoursPane.entry].map { [$0] } ?? []) : row.entries
        let ids = chosen.filter { !$0.validated }.compactMap(\.id)
        guard !ids.isEmpty else { state.notice = l.pick("Déjà validé.", "Already validated."); return [] }
        return [.validateHours(ids)]
    case .newItem:
        openRecordForm(.hours(original: nil, agent: row?.agent ?? "", member: row?.member ?? ""), &state)
        if let day = state.hoursPane.list.showDetail ? row?.entries[safe: state.hoursPane.entry]?.date : nil {
            state.recordForm?.fields[2].value = DisplayFormat(l).numericDate(day)
        }
        state.recordForm?.focus = row == nil ? 0 : 3
    case .editItem, .deleteItem:
        guard let row else { state.notice = l.pick("Aucune heure cette semaine : n pour en saisir.", "No hours this week: n to log some."); return [] }
        guard let entry = state.hoursPane.list.showDetail ? row.entries[safe: state.hoursPane.entry] : (row.entries.count == 1 ? row.entries.first : nil) else {
            state.notice = l.pick("Entrée pour voir les saisies de la ligne, puis ↑↓ pour choisir celle à \(action == .editItem ? "corriger" : "supprimer").",
                                  "Enter to see the row's entries, then ↑↓ to choose the one to \(action == .editItem ? "correct" : "delete").")
            return []
        }
        if action == .editItem {
            openRecordForm(.hours(original: entry, agent: entry.agent, member: entry.member), &state)
            state.recordForm?.focus = 3
        } else {
            state.hoursPane.prompt = .deleteEntry(entry)
        }
    case .validateWeek:
        guard let row else { state.notice = l.pick("Aucune heure à valider cette semaine.", "No hours to validate this week."); return [] }
        return [.validateWeek(agent: row.agent, weekOf: state.hoursWeek)]
    case .closeMonth:
        let month = state.hoursMonth
        guard !state.hoursPane.closedMonths.contains(month) else {
            state.notice = l.pick("Le mois \(DisplayFormat(l).ofMonth(month)) est déjà clos (O pour le rouvrir).", "\(DisplayFormat(l).month(month)) is already closed (O reopens it).")
            return []
        }
        state.hoursPane.prompt = .close(month: month)
    case .reopenMonth:
        let month = state.hoursMonth
        guard state.hoursPane.closedMonths.contains(month) else {
            state.notice = l.pick("Le mois \(DisplayFormat(l).ofMonth(month)) n'est pas clos.", "\(DisplayFormat(l).month(month)) is not closed.")
            return []
        }
        state.hoursPane.prompt = .reopen(month: month, reason: "")
    default:
        return nil
    }
    return []
}

/// The close confirmation (o/n) and the reopening reason.
func editHoursPrompt(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard let prompt = state.hoursPane.prompt else { return [] }
    state.hoursPane.promptError = nil
    switch prompt {
    case .close(let month):
        state.hoursPane.prompt = nil
        return Confirmation.accepts(key) ? [.closeMonth(month)] : []
    case .deleteEntry(let entry):
        state.hoursPane.prompt = nil
        return Confirmation.accepts(key) ? [.deleteHours(entry)] : []
    case .reopen(let month, let reason):
        switch key {
        case .escape: state.hoursPane.prompt = nil
        case .enter:
            guard !reason.trimmingSpaces().isEmpty else {
                state.hoursPane.promptError = state.language.pick("le motif est obligatoire", "a reason is required")
                return []
            }
            state.hoursPane.prompt = nil
            return [.reopenMonth(month, reason: reason)]
        case .backspace: state.hoursPane.prompt = .reopen(month: month, reason: String(reason.dropLast()))
        case .character(let c): state.hoursPane.prompt = .reopen(month: month, reason: reason + String(c))
        default: break
        }
    }
    return []
}

/// `[` `]` and `t` in the Heures pane: the week shown, read again.
func moveHours(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch action {
    case .previousPeriod: state.hoursWeek = state.hoursWeek.adding(days: -7)
    case .nextPeriod: state.hoursWeek = state.hoursWeek.adding(days: 7)
    case .today: state.hoursWeek = state.today.mondayOfWeek
    default: return []
    }
    return [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))]
}
