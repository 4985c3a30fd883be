import Domain

/// The only place the state changes: pure, exhaustive, answers with effects to run.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    let effects = apply(msg, &state)
    refreshLists(&state)
    return effects + syncGrid(&state)
}

/// Keeps the planning cursor inside the grid and on screen, then asks for the window the grid
/// needs when it is not the one loaded: cut from the snapshot when the whole territory is in
/// memory, read from the database otherwise.
private func syncGrid(_ state: inout AppState) -> [Effect] {
    for _ in 0..<2 {
        var p = state.planning
        let visible = state.planningVisibleRows
        let count = state.knownPlanningRowCount
        if let count { p.row = max(0, min(p.row, count - 1)) }
        if p.row < p.scroll { p.scroll = p.row }
        if p.row >= p.scroll + visible { p.scroll = p.row - visible + 1 }
        if let count { p.scroll = max(0, min(p.scroll, count - visible)) }
        state.planning = p
        let query = state.gridQuery
        if state.grid?.query == query { return [] }
        guard let snapshot = state.snapshot else { return [.loadGrid(query)] }
        // The row count may have changed with the window: clamp once more.
        state.grid = PlanningWindow.make(from: snapshot, query: query)
    }
    return []
}

private func apply(_ msg: Msg, _ state: inout AppState) -> [Effect] {
    switch msg {
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        return []
    case .loaded(let snapshot):
        state.snapshot = snapshot
        state.snapshotGeneration += 1
        refreshLists(&state)
        if state.invoicesPane.tariffFormPending {
            state.invoicesPane.tariffFormPending = false
            openRecordForm(.tariff(year: state.invoicesPane.year), &state)
        }
        state.grid = nil
        state.serviceName = snapshot.territory.service.name
        state.loadError = nil
        clampCursors(&state)
        if let items = state.agentItems {
            if snapshot.territory.agents.contains(where: { $0.code == items.agent }) {
                let count = state.agentItemCount
                state.agentItems?.cursor = max(0, min(items.cursor, count - 1))
            } else {
                state.agentItems = nil
            }
        }
        return []
    case .gridLoaded(let window):
        state.grid = window
        state.serviceName = window.service.name
        state.loadError = nil
        return []
    case .hoursLoaded(let entries):
        state.hours = entries
        state.hoursGeneration += 1
        return []
    case .closedMonthsLoaded(let months):
        state.hoursPane.closedMonths = months
        return []
    case .invoicesLoaded(let book):
        state.invoicesPane.book = book
        state.invoicesPane.list.cursor = max(0, min(state.invoicesPane.list.cursor, state.invoiceRows.count - 1))
        return []
    case .failed(let message):
        state.loadError = message
        return []
    case .impact(let impact, let request):
        state.requestForm?.impact = impact
        state.requestForm?.pending = request
        return []
    case .saved(let id):
        state.requestForm = nil
        state.recordForm = nil
        state.pendingDeletion = nil
        state.notice = state.language.pick("Demande \(id) enregistrée.", "Request \(id) saved.")
        return [.reload]
    case .done(let notice):
        state.recordForm = nil
        state.pendingDeletion = nil
        state.agentItems?.confirmingDeletion = false
        state.notice = notice
        return [.reload] + (state.pane == .invoices ? [.loadInvoices(year: state.invoicesPane.year)] : [])
            + (state.pane == .hours ? [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))] : [])
    case .documentExists(let number, let path):
        state.invoicesPane.prompt = .overwritePDF(number: number, path: path)
        return []
    case .saveFailed(let message):
        // Said in the open form, or in the status bar (a refused deletion).
        if state.requestForm != nil {
            state.requestForm?.error = message
            state.requestForm?.impact = nil
        } else if state.recordForm != nil {
            state.recordForm?.error = message
        } else {
            state.notice = "✗ " + message
        }
        return []
    case .historyLoaded(let target, let entries, let error):
        // A late answer for a history already closed or replaced is dropped.
        guard var history = state.history, history.target == target else { return [] }
        // An observer's state never holds an absence kind or a request motive.
        history.entries = state.visibleHistory(entries)
        history.error = error
        history.scroll = 0
        state.history = history
        return []
    case .busy(let text):
        state.busy = text
        return []
    case .key(let key):
        return handle(key, &state)
    }
}

/// While a save runs, moving and reading go on, but nothing else may change: the open form or
/// question waits for the answer, and a new edit is refused until then.
private func refusedWhileBusy(_ key: Key, _ state: inout AppState) -> Bool {
    guard let busy = state.busy else { return false }
    let overlay = state.requestForm != nil || state.recordForm != nil || state.invoicesPane.prompt != nil
        || state.hoursPane.prompt != nil || state.pendingDeletion != nil || state.agentItems?.confirmingDeletion == true
    let editing = KeyMap.action(for: key).map(\.isEditing) ?? false
    guard overlay || editing else { return false }
    state.notice = state.language.pick("\(busy) — un instant : la modification précédente n'est pas encore enregistrée.",
                                       "\(busy) — one moment: the previous change is not saved yet.")
    return true
}

private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    state.notice = nil
    if refusedWhileBusy(key, &state) { return [] }
    if state.showHelp {
        state.showHelp = false
        return []
    }
    if state.history != nil { return editHistory(key, &state) }
    if state.editingFilter { return editFilter(key, &state) }
    if state.requestForm != nil { return editRequestForm(key, &state) }
    if state.recordForm != nil { return editRecordForm(key, &state) }
    if state.invoicesPane.prompt != nil { return editInvoicePrompt(key, &state) }
    if state.hoursPane.prompt != nil { return editHoursPrompt(key, &state) }
    if let deletion = state.pendingDeletion {
        state.pendingDeletion = nil
        return key == .character("o") || key == .character("y") ? [.delete(deletion)] : []
    }
    if state.agentItems != nil { return editAgentItems(key, &state) }
    guard let action = KeyMap.action(for: key) else { return [] }
    if state.role == .observer && action.isEditing {
        state.notice = state.readOnlyNotice(action)
        return []
    }
    if state.pane == .invoices, let effects = handleInvoiceKey(action, &state) { return effects }
    if state.pane == .hours, let effects = handleHoursKey(action, &state) { return effects }
    switch action {
    case .quit:
        state.running = false
        return [.quit]
    case .help:
        state.showHelp = true
    case .nextPane, .previousPane:
        let step = action == .nextPane ? 1 : Pane.allCases.count - 1
        return switchPane(to: Pane(rawValue: (state.pane.rawValue - 1 + step) % Pane.allCases.count + 1) ?? .planning, &state)
    case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6:
        let index = Action.allCases.firstIndex(of: action).map { $0 - (Action.allCases.firstIndex(of: .pane1) ?? 0) } ?? 0
        return switchPane(to: Pane(rawValue: index + 1) ?? .planning, &state)
    case .history:
        switch state.historyTarget() {
        case .success(let target):
            state.history = HistoryState(target: target)
            return [.loadHistory(target)]
        case .failure(let refusal):
            state.notice = refusal.message
        }
    case .filter:
        if [.requests, .members, .agents].contains(state.pane) { state.editingFilter = true }
    case .back:
        closeDetail(&state)
    case .newItem where state.pane == .members || state.pane == .agents:
        openRecordForm(state.pane == .members ? .member(existing: nil) : .agent(existing: nil), &state)
    case .editItem where state.pane == .members:
        if let member = state.memberRows[safe: state.members.cursor] { openRecordForm(.member(existing: member.code), &state) }
    case .editItem where state.pane == .agents:
        if let agent = state.agentRows[safe: state.agents.cursor] { openRecordForm(.agent(existing: agent.code), &state) }
    case .addAbsence where state.pane == .agents:
        if let agent = state.agentRows[safe: state.agents.cursor] { openRecordForm(.absence(agent: agent.code), &state) }
    case .addRota where state.pane == .agents:
        if let agent = state.agentRows[safe: state.agents.cursor] { openRecordForm(.rota(agent: agent.code), &state) }
    case .listAbsences where state.pane == .agents, .listRota where state.pane == .agents:
        if let agent = state.agentRows[safe: state.agents.cursor] {
            state.agentItems = AgentItemsState(kind: action == .listAbsences ? .absences : .rota, agent: agent.code)
        }
    case .editOpeningHours where state.pane == .members:
        if let member = state.memberRows[safe: state.members.cursor] {
            openRecordForm(.openingHours(member: member.code, original: member.openingHours), &state)
        }
    case .deleteItem where state.pane == .members:
        if let member = state.memberRows[safe: state.members.cursor] {
            state.pendingDeletion = PendingDeletion(target: .member, code: member.code, name: member.name)
        }
    case .deleteItem where state.pane == .agents:
        if let agent = state.agentRows[safe: state.agents.cursor] {
            state.pendingDeletion = PendingDeletion(target: .agent, code: agent.code, name: agent.name)
        }
    case .newItem where state.pane == .requests && state.snapshot != nil:
        var draft = RequestDraft()
        let format = DisplayFormat(state.language)
        draft[.received] = format.numericDate(state.today)
        draft[.exceptional] = state.language.pick("non", "no")
        state.requestForm = RequestFormState(draft: draft)
    case .editItem where state.pane == .requests:
        let rows = state.requestRows
        guard rows.indices.contains(state.requests.cursor) else { return [] }
        let decision = rows[state.requests.cursor]
        guard !decision.isImplicit else {
            state.notice = state.language.pick("Les demandes de tournée se modifient par les absences de l'agent.",
                                               "Rota requests change through the agent's absences.")
            return []
        }
        var form = RequestFormState(draft: RequestDraft(decision.request, language: state.language))
        form.original = decision.request
        state.requestForm = form
    default:
        return move(action, &state)
    }
    return []
}

private func switchPane(to pane: Pane, _ state: inout AppState) -> [Effect] {
    state.pane = pane
    // The list panes, the hours' names and the forms need the whole territory.
    let all: [Effect] = state.snapshot == nil && [.requests, .members, .agents, .hours].contains(pane) ? [.loadAll] : []
    if pane == .hours { return all + [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))] }
    if pane == .invoices { return [.loadInvoices(year: state.invoicesPane.year)] }
    return all
}

private func editFilter(_ key: Key, _ state: inout AppState) -> [Effect] {
    func change(_ body: (inout ListState) -> Void) {
        switch state.pane {
        case .requests: body(&state.requests)
        case .members: body(&state.members)
        case .agents: body(&state.agents)
        default: break
        }
    }
    switch key {
    case .enter: state.editingFilter = false
    case .escape:
        state.editingFilter = false
        change { $0.filter = "" }
    case .backspace: change { if !$0.filter.isEmpty { $0.filter.removeLast() } }
    case .character(let c): change { $0.filter.append(c); $0.cursor = 0; $0.scroll = 0 }
    default: break
    }
    return []
}

/// Escape closes the detail, then clears the filter.
private func closeDetail(_ state: inout AppState) {
    func back(_ list: inout ListState) {
        if list.showDetail { list.showDetail = false } else { list.filter = ""; list.cursor = 0 }
    }
    switch state.pane {
    case .planning: state.planning.showDetail = false
    case .requests: back(&state.requests)
    case .members: back(&state.members)
    case .agents: back(&state.agents)
    default: break
    }
}

private func move(_ action: Action, _ state: inout AppState) -> [Effect] {
    switch state.pane {
    case .planning: return movePlanning(action, &state)
    case .requests: moveList(action, &state.requests, count: state.requestRows.count, page: state.height - 6)
    case .members: moveList(action, &state.members, count: state.memberRows.count, page: state.height - 6)
    case .agents: moveList(action, &state.agents, count: state.agentRows.count, page: state.height - 6)
    case .hours:
        switch action {
        case .previousPeriod: state.hoursWeek = state.hoursWeek.adding(days: -7)
        case .nextPeriod: state.hoursWeek = state.hoursWeek.adding(days: 7)
        case .today: state.hoursWeek = state.today.adding(days: -(state.today.weekday.isoNumber - 1))
        default: return []
        }
        return [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))]
    case .invoices: break
    }
    return []
}

func moveList(_ action: Action, _ list: inout ListState, count: Int, page: Int) {
    switch action {
    case .up: list.cursor -= 1
    case .down: list.cursor += 1
    case .pageUp: list.cursor -= max(1, page)
    case .pageDown: list.cursor += max(1, page)
    case .open: list.showDetail.toggle()
    default: break
    }
    list.cursor = max(0, min(list.cursor, count - 1))
}

private func movePlanning(_ action: Action, _ state: inout AppState) -> [Effect] {
    var p = state.planning
    let columns = p.month ? state.planningDays.count : 10
    switch action {
    case .up: p.row -= 1
    case .down: p.row += 1
    case .pageUp: p.row -= max(1, state.height - 12)
    case .pageDown: p.row += max(1, state.height - 12)
    case .left: p.column -= 1
    case .right: p.column += 1
    case .open: p.showDetail.toggle()
    case .previousPeriod, .nextPeriod:
        let forward = action == .nextPeriod
        if p.month {
            let first = CalendarDate(year: p.weekStart.year, month: p.weekStart.month, day: 1) ?? p.weekStart
            p.weekStart = first.addingMonths(forward ? 1 : -1)
        } else {
            p.weekStart = p.weekStart.adding(days: forward ? 7 : -7)
        }
    case .today:
        p.weekStart = state.today.adding(days: -(state.today.weekday.isoNumber - 1))
        p.column = p.month ? state.today.day - 1 : min(9, (state.today.weekday.isoNumber - 1) * 2)
    case .monthView:
        p.month.toggle()
        if !p.month { p.weekStart = p.weekStart.adding(days: -(p.weekStart.weekday.isoNumber - 1)) }
        // Keep the cursor on the same day.
        p.column = p.month ? p.weekStart.day - 1 : 0
    case .switchView:
        p.rows = p.rows == .agents ? .members : .agents
        p.row = 0
        p.scroll = 0
    default: break
    }
    state.planning = p
    let newColumns = state.planning.month ? state.planningDays.count : 10
    state.planning.column = max(0, min(state.planning.column, max(columns, newColumns) - 1, newColumns - 1))
    // Clamped to the rows by `syncGrid`, once the period's window is known.
    state.planning.row = max(0, state.planning.row)
    return []
}

private func clampCursors(_ state: inout AppState) {
    state.requests.cursor = max(0, min(state.requests.cursor, state.requestRows.count - 1))
    state.members.cursor = max(0, min(state.members.cursor, state.memberRows.count - 1))
    state.agents.cursor = max(0, min(state.agents.cursor, state.agentRows.count - 1))
}

/// What a key did in a form, once the keys every form shares are handled.
private enum FormKey { case close, typed, enter, other }

/// The keys every form shares: moving between fields, typing, and Escape, which asks first
/// when something was typed. Enter is left to each form.
private func formKey(_ key: Key, focus: inout Int, fieldCount: Int, text: inout String, modified: inout Bool,
                     confirmingCancel: inout Bool) -> FormKey {
    if confirmingCancel {
        confirmingCancel = false
        return key == .character("o") || key == .character("y") ? .close : .other
    }
    switch key {
    case .escape:
        if !modified { return .close }
        confirmingCancel = true
    case .tab, .down: focus = (focus + 1) % fieldCount
    case .backTab, .up: focus = (focus + fieldCount - 1) % fieldCount
    case .backspace:
        if !text.isEmpty { text.removeLast() }
        modified = true
        return .typed
    case .character(let c):
        text.append(c)
        modified = true
        return .typed
    case .enter: return .enter
    default: break
    }
    return .other
}

/// Typing in the request form: fields, validation, then the impact, then saving.
private func editRequestForm(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var form = state.requestForm else { return [] }
    let fields = RequestDraft.Field.allCases
    var focus = form.focus.rawValue
    var text = form.draft[form.focus]
    let result = formKey(key, focus: &focus, fieldCount: fields.count, text: &text, modified: &form.modified,
                         confirmingCancel: &form.confirmingCancel)
    form.draft[form.focus] = text
    form.focus = RequestDraft.Field(rawValue: focus) ?? .member
    var effects: [Effect] = []
    switch result {
    case .close:
        state.requestForm = nil
        return []
    case .typed:
        form.impact = nil
        form.error = nil
    case .enter:
        if let pending = form.pending, form.impact != nil {
            effects = [.saveRequest(pending, isNew: form.draft.id == nil, original: form.original)]
        } else {
            let parsed = form.draft.parse(members: state.snapshot?.territory.members ?? [], newID: RequestFormState.newID,
                                          language: state.language)
            form.problems = parsed.problems
            if let first = fields.first(where: { parsed.problems[$0] != nil }) { form.focus = first }
            if let request = parsed.request { effects = [.previewRequest(request)] }
        }
    case .other: break
    }
    state.requestForm = form
    return effects
}

func openRecordForm(_ kind: RecordKind, _ state: inout AppState) {
    // Forms never open in read-only mode (the keys are refused before; this is the last guard).
    guard let snapshot = state.snapshot, state.role == .coordinator else { return }
    var form = RecordFormState(kind: kind, fields: RecordDrafts.fields(for: kind, territory: snapshot.territory,
                                                                      today: state.today, language: state.language))
    let territory = snapshot.territory
    switch kind {
    case .member(let code?): form.originalMembers = territory.members.filter { $0.code == code }
    case .agent(let code?), .absence(let code), .rota(let code): form.originalAgents = territory.agents.filter { $0.code == code }
    default: break
    }
    state.recordForm = form
}

/// Typing in a member, agent, absence or rota form; Enter checks and saves.
private func editRecordForm(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var form = state.recordForm, !form.fields.isEmpty else { return [] }
    let index = form.focus
    let result = formKey(key, focus: &form.focus, fieldCount: form.fields.count, text: &form.fields[index].value,
                         modified: &form.modified, confirmingCancel: &form.confirmingCancel)
    var effects: [Effect] = []
    switch result {
    case .close:
        state.recordForm = nil
        return []
    case .typed: form.error = nil
    case .enter:
        if let territory = state.snapshot?.territory, form.kind.isTargetedEdit {
            let parsed = RecordDrafts.parseEdit(form.kind, form.fields, territory: territory, language: state.language)
            form.problems = parsed.problems
            if let first = parsed.problems.keys.min() { form.focus = first }
            if let edit = parsed.edit { effects = [.editRecord(edit)] }
        } else if let territory = state.snapshot?.territory {
            let parsed = RecordDrafts.parse(form.kind, form.fields, territory: territory, language: state.language)
            form.problems = parsed.problems
            if let first = parsed.problems.keys.min() { form.focus = first }
            if let change = parsed.change {
                effects = [.saveRecord(change, originalMembers: form.originalMembers, originalAgents: form.originalAgents)]
            }
        }
    case .other: break
    }
    state.recordForm = form
    return effects
}

/// Keys in an agent's list of absences or rota slots: move, edit, delete after "o", add, close.
private func editAgentItems(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var items = state.agentItems else { return [] }
    let selected = state.agentItem(at: items.cursor)
    if items.confirmingDeletion {
        items.confirmingDeletion = false
        state.agentItems = items
        guard key == .character("o") || key == .character("y"), let selected else { return [] }
        switch selected {
        case .absence(let absence): return [.editRecord(.deleteAbsence(agent: items.agent, absence))]
        case .rota(let entry): return [.editRecord(.deleteRota(agent: items.agent, entry))]
        }
    }
    guard let action = KeyMap.action(for: key) else { return [] }
    if state.role == .observer && action.isEditing {
        state.notice = state.readOnlyNotice(action)
        return []
    }
    let count = state.agentItemCount
    switch action {
    case .quit:
        state.running = false
        return [.quit]
    case .help: state.showHelp = true
    case .back: state.agentItems = nil
    case .up: items.cursor -= 1
    case .down: items.cursor += 1
    case .pageUp: items.cursor -= 10
    case .pageDown: items.cursor += 10
    case .listAbsences: items = AgentItemsState(kind: .absences, agent: items.agent)
    case .listRota: items = AgentItemsState(kind: .rota, agent: items.agent)
    case .editItem, .open:
        switch selected {
        case .absence(let absence)?: openRecordForm(.editAbsence(agent: items.agent, original: absence), &state)
        case .rota(let entry)?: openRecordForm(.editRota(agent: items.agent, original: entry), &state)
        case nil: state.notice = state.language.pick("Rien à modifier : la liste est vide.", "Nothing to edit: the list is empty.")
        }
    case .deleteItem:
        if selected == nil {
            state.notice = state.language.pick("Rien à supprimer : la liste est vide.", "Nothing to delete: the list is empty.")
        } else {
            items.confirmingDeletion = true
        }
    case .newItem, .addAbsence, .addRota:
        openRecordForm(items.kind == .absences ? .absence(agent: items.agent) : .rota(agent: items.agent), &state)
    default: break
    }
    guard state.agentItems != nil else { return [] }
    items.cursor = max(0, min(items.cursor, count - 1))
    state.agentItems = items
    return []
}


