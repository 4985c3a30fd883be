import Domain

/// Validation and closed months in the Heures pane (issue 5): a cursor over the week's rows
/// (agent × member); `V` validates the row's hours of the week, or, in the detail (Enter), the
/// entry under the cursor; `S` the agent's whole week; `C` closes the month of the week shown and
/// `O` reopens it with a reason (written to the audit trail).
public struct HoursPaneState: Sendable, Equatable {
    public enum Prompt: Sendable, Equatable {
        case close(month: String)
        case reopen(month: String, reason: String)
    }

    public var list = ListState()
    /// The entry cursor inside the detail of a row.
    public var entry = 0
    public var closedMonths: [String] = []
    public var prompt: Prompt?
    public var promptError: String?

    public init() {}
}

/// One row of the week's table: an agent at a member, with its entries.
struct HoursRow {
    var agent: String
    var member: String
    var agentName: String
    var memberName: String
    var entries: [TimeEntry]
}

extension AppState {
    /// `2026-11` for the week shown (its Monday's month).
    var hoursMonth: String { String(hoursWeek.iso.prefix(7)) }
}

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
    case .validateWeek:
        guard let row else { state.notice = l.pick("Aucune heure à valider cette semaine.", "No hours to validate this week."); return [] }
        return [.validateWeek(agent: row.agent, weekOf: state.hoursWeek)]
    case .closeMonth:
        let month = state.hoursMonth
        guard !state.hoursPane.closedMonths.contains(month) else {
            state.notice = l.pick("Le mois \(month) est déjà clos (O pour le rouvrir).", "Month \(month) is already closed (O reopens it).")
            return []
        }
        state.hoursPane.prompt = .close(month: month)
    case .reopenMonth:
        let month = state.hoursMonth
        guard state.hoursPane.closedMonths.contains(month) else {
            state.notice = l.pick("Le mois \(month) n'est pas clos.", "Month \(month) is not closed.")
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
        return key == .character("o") || key == .character("y") ? [.closeMonth(month)] : []
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

/// The selected row's entries, one per line, with the entry cursor; and the prompt, if any.
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
    guard let prompt = state.hoursPane.prompt else { return }
    let lines: [String]
    let title: String
    switch prompt {
    case .close(let month):
        title = l.pick("Clore le mois \(month)", "Close month \(month)")
        lines = [l.pick("Ses heures ne pourront plus être saisies, modifiées ni supprimées, sauf réouverture.",
                        "Its hours can no longer be logged, changed or deleted, unless reopened."),
                 l.pick("o : clore · toute autre touche : renoncer", "y: close · any other key: cancel")]
    case .reopen(let month, let reason):
        title = l.pick("Rouvrir le mois \(month)", "Reopen month \(month)")
        lines = [l.pick("Motif (inscrit au journal d'audit) : ", "Reason (written to the audit trail): ") + reason + "▏",
                 l.pick("Entrée : rouvrir · Échap : renoncer", "Enter: reopen · Esc: cancel")]
    }
    drawPrompt(title: title, lines: lines, error: state.hoursPane.promptError, area, &buffer, theme, borders)
}
