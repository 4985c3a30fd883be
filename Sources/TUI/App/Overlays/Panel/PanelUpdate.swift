import Domain

/// `s` and `D`: the panel for the request under the cursor (Demandes) or the agent and week of
/// the grid (Planning); nil when the key means nothing here.
func openPanel(_ action: Action, _ state: inout AppState) -> [Effect]? {
    let l = state.language
    let subject: PanelSubject
    let title: String
    switch (action, state.pane) {
    case (.suggestions, .requests), (.schedule, .requests):
        guard let d = state.requestRows[safe: state.requests.cursor] else { return [] }
        let name = requestName(d.id, state.snapshot, l)
        if action == .suggestions {
            guard d.servedMinutes < d.neededMinutes || d.status == .preempted else {
                state.notice = l.pick("\(name) a toutes ses heures : rien à proposer.", "\(name) has all its hours: nothing to suggest.")
                return []
            }
            subject = .suggestions(request: d.id)
            title = l.pick("Qui pourrait servir \(name)", "Who could serve \(name)")
        } else {
            subject = .requestSchedule(request: d.id)
            title = l.pick("Planning en demi-journées · \(name)", "Half-day schedule · \(name)")
        }
    case (.memberYear, .members):
        guard let m = state.memberRows[safe: state.members.cursor] else { return [] }
        subject = .memberYear(member: m.code, year: state.today.year)
        title = l.pick("\(m.name) · année \(state.today.year)", "\(m.name) · year \(state.today.year)")
    case (.schedule, .planning):
        guard let window = state.grid, state.planning.rows == .agents, let agent = window.agent(row: state.planning.row) else {
            state.notice = l.pick("Vue agents (v) : p montre le planning de l'agent choisi.", "Agents view (v): p shows the chosen agent's schedule.")
            return []
        }
        let from = state.planning.weekStart
        let to = state.planning.month ? state.planningDays.last ?? from.adding(days: 4) : from.adding(days: 4)
        subject = .agentSchedule(agent: agent.code, from: from, to: to)
        title = l.pick("Planning en demi-journées · \(agent.name)", "Half-day schedule · \(agent.name)")
    default:
        return nil
    }
    state.panel = PanelState(subject: subject, title: title)
    return [.loadPanel(subject)]
}

/// Keys while the panel is open: arrows and pages scroll, Escape closes.
func editPanel(_ key: Key, _ state: inout AppState) -> [Effect] {
    // Suggestions: a digit puts the request in that agent's hands, 0 gives it back to the rules.
    if case .suggestions(let request)? = state.panel?.subject, case .character(let c) = key, let digit = c.wholeNumberValue {
        guard state.role == .coordinator else {
            state.notice = state.language.pick("Lecture seule : l'affectation est réservée au coordinateur.", "Read-only: assigning is for the coordinator.")
            return []
        }
        if digit == 0 {
            state.panel = nil
            return [.assign(request: request, agent: nil)]
        }
        if let agent = state.panel?.choices[safe: digit - 1] {
            state.panel = nil
            return [.assign(request: request, agent: agent)]
        }
        return []
    }
    guard var panel = state.panel, let action = KeyMap.action(for: key) else { return [] }
    let visible = max(1, state.height - 8)
    let maxScroll = max(0, (panel.lines?.count ?? 0) - visible)
    switch action {
    case .back, .suggestions, .schedule, .memberYear:
        state.panel = nil
        return []
    case .quit:
        state.running = false
        return [.quit]
    case .up: panel.scroll -= 1
    case .down: panel.scroll += 1
    case .pageUp: panel.scroll -= visible - 1
    case .pageDown: panel.scroll += visible - 1
    default: break
    }
    panel.scroll = max(0, min(panel.scroll, maxScroll))
    state.panel = panel
    return []
}
