import Domain

/// The only place the state changes: pure, exhaustive, answers with effects to run.
public func update(_ state: inout AppState, _ msg: Msg) -> [Effect] {
    let effects = apply(msg, &state)
    // A week asked for is not shown as "no hours" while it is read.
    if effects.contains(where: { if case .loadHours = $0 { return true } else { return false } }) { state.hoursPane.loading = true }
    refreshLists(&state)
    refreshReportLines(&state)
    return effects + syncGrid(&state) + syncIssuedInvoice(&state)
}

private func apply(_ msg: Msg, _ state: inout AppState) -> [Effect] {
    switch msg {
    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        return []
    case .loaded(let snapshot):
        let first = state.snapshot == nil
        state.snapshot = snapshot
        state.snapshotStale = false
        state.snapshotGeneration += 1
        // No tacit renewal (rules.md §8): from three months before the convention's end, the
        // coordinator is told on opening (and the Communes detail keeps saying it).
        if first, state.role == .coordinator, state.notice == nil, let end = snapshot.territory.service.conventionEnd,
           FollowUp.conventionEndWarning(snapshot.territory.service, today: state.today, language: state.language) != nil {
            let l = state.language, day = DisplayFormat(l).numericDate(end), left = state.today.days(to: end)
            state.notice = left < 0 ? l.pick("⚠ La convention a pris fin le \(day) : détail dans Communes", "⚠ The convention ended on \(day): see Members")
                : l.pick("⚠ Fin de la convention le \(day) (dans \(left) j) : détail dans Communes", "⚠ The convention ends on \(day) (in \(left) d): see Members")
        }
        refreshLists(&state)
        if state.conventionFormPending {
            state.conventionFormPending = false
            _ = openConventionForm(&state)
        }
        if state.invoicesPane.tariffFormPending {
            state.invoicesPane.tariffFormPending = false
            openRecordForm(.tariff(year: state.invoicesPane.year), &state)
        }
        state.grid = nil
        state.serviceName = snapshot.territory.service.name
        state.loadError = nil
        clampCursors(&state)
        if let id = state.savedRequest, let index = state.requestRows.firstIndex(where: { $0.id == id }) {
            state.requests.cursor = index
            state.requests.scroll = max(0, index - 2)
        }
        state.savedRequest = nil
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
    case .weekPlanLoaded(let allocations):
        state.weekPlan = allocations
        state.weekPlanGeneration += 1
        return []
    case .entriesRefreshed(let ids, let entries):
        // The week keeps its other entries; these replace what it had of them.
        let sunday = state.hoursWeek.adding(days: 6)
        state.hours.removeAll { $0.id.map(ids.contains) ?? false }
        state.hours += entries.filter { $0.date >= state.hoursWeek && $0.date <= sunday }
        state.hours.sort { ($0.id ?? 0) < ($1.id ?? 0) }
        state.hoursGeneration += 1
        return []
    case .hoursLoaded(let entries):
        state.hours = entries
        state.hoursPane.loading = false
        state.hoursGeneration += 1
        return []
    case .closedMonthsLoaded(let months):
        state.hoursPane.closedMonths = months
        return []
    case .invoicesLoaded(let book):
        state.invoicesPane.book = book
        state.invoicesPane.outdated = false
        state.invoicesPane.list.cursor = max(0, min(state.invoicesPane.list.cursor, state.invoiceRows.count - 1))
        return book.pendingComputed ? [] : [.loadPendingInvoices(year: book.year)]
    case .pendingInvoicesLoaded(let drafts):
        // Drafts of a year no longer shown (the year changed meanwhile) are dropped.
        guard state.invoicesPane.book?.year == drafts.year, state.invoicesPane.book?.pendingComputed == false else { return [] }
        state.invoicesPane.book?.add(drafts)
        return []
    case .invoicesOutdated:
        state.invoicesPane.outdated = true
        return reportsOutdated(&state)
    case .issuedInvoiceLoaded(let number, let invoice):
        // None of that number (issued invoices are never deleted): asked no more.
        guard let invoice else { return [] }
        state.invoicesPane.issuedRead[number] = invoice
        if state.invoicesPane.issuedAsked == number { state.invoicesPane.issuedAsked = nil }
        return []
    case .failed(let message):
        state.loadError = message
        state.hoursPane.loading = false
        return []
    case .impact(let impact, let request):
        state.requestForm?.impact = impact
        state.requestForm?.pending = request
        return []
    case .estimated(let estimate, let year, let missing):
        state.requestForm?.estimate = estimate
        state.requestForm?.estimateYear = year
        state.requestForm?.estimateMissing = missing
        return []
    case .saved(let id):
        state.savedRequest = id
        state.requestForm = nil
        state.recordForm = nil
        state.pendingDeletion = nil
        state.notice = state.language.pick("Demande \(id) enregistrée.", "Request \(id) saved.")
        state.invoicesPane.outdated = true
        return [.reload] + reportsOutdated(&state)
    case .done(let notice):
        state.recordForm = nil
        state.conventionForm = nil
        state.pendingDeletion = nil
        state.agentItems?.confirmingDeletion = false
        state.notice = notice
        state.invoicesPane.outdated = state.pane != .invoices
        return [.reload] + reportsOutdated(&state) + (state.pane == .invoices ? [.loadInvoices(year: state.invoicesPane.year)] : [])
            + (state.pane == .hours ? [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))] : [])
    case .documentExists(let number, let path):
        state.invoicesPane.prompt = .overwritePDF(number: number, path: path)
        return []
    case .reminderExists(let member, let path):
        state.invoicesPane.prompt = .overwriteReminder(member: member, path: path)
        return []
    case .saveFailed(let message):
        // Said in the open form, or in the status bar (a refused deletion).
        if state.requestForm != nil {
            state.requestForm?.error = message
            state.requestForm?.impact = nil
        } else if state.recordForm != nil {
            state.recordForm?.error = message
        } else if state.conventionForm != nil {
            state.conventionForm?.error = message
            state.conventionForm?.showingPreview = false
        } else {
            state.notice = "✗ " + message
        }
        return []
    case .conventionPreviewed(let lines, let settings, let error):
        conventionPreviewed(lines, for: settings, error: error, &state)
        return []
    case .panelLoaded(let subject, let content, let error):
        // A late answer for a panel closed or replaced is dropped.
        guard state.panel?.subject == subject else { return [] }
        state.panel?.lines = content.lines
        state.panel?.choices = content.choices
        state.panel?.error = error
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
    case .territoryRead:
        return []
    case .reportLoaded(let screen):
        reportLoaded(screen, &state)
        return []
    case .reportFailed(let period, let message):
        if state.reportsPane.period == period || period == nil { state.reportsPane.loading = false }
        state.notice = "✗ " + message
        return []
    case .reportWritten(let text):
        state.notice = text
        return []
    case .reportFileExists(let kind, let path):
        state.reportsPane.overwrite = (kind, path)
        return []
    case .key(let key):
        return handle(key, &state)
    }
}

private func switchPane(to pane: Pane, _ state: inout AppState) -> [Effect] {
    state.pane = pane
    // The list panes, the hours' names and the forms need the whole territory; one read while
    // another pane was on screen is read again.
    let all: [Effect] = (state.snapshot == nil || state.snapshotStale) && pane.showsTerritory ? [.loadAll] : []
    if pane == .hours { return all + [.loadHours(from: state.hoursWeek, to: state.hoursWeek.adding(days: 6))] }
    if pane == .invoices {
        // The year's book is kept while nothing changed (computing it reads all its hours).
        let book = state.invoicesPane.book
        if book?.year == state.invoicesPane.year && !state.invoicesPane.outdated { return [] }
        return [.loadInvoices(year: state.invoicesPane.year)]
    }
    if pane == .reports { return openReports(&state) }
    return all
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
    case .hours: return moveHours(action, &state)
    case .invoices, .reports: break
    }
    return []
}

private func clampCursors(_ state: inout AppState) {
    state.requests.cursor = max(0, min(state.requests.cursor, state.requestRows.count - 1))
    state.members.cursor = max(0, min(state.members.cursor, state.memberRows.count - 1))
    state.agents.cursor = max(0, min(state.agents.cursor, state.agentRows.count - 1))
}

/// While a save runs, moving and reading go on, but nothing else may change: the open form or
/// question waits for the answer, and a new edit is refused until then.
private func refusedWhileBusy(_ key: Key, _ state: inout AppState) -> Bool {
    guard let busy = state.busy else { return false }
    let overlay = state.requestForm != nil || state.recordForm != nil || state.conventionForm != nil || state.invoicesPane.prompt != nil
        || state.hoursPane.prompt != nil || state.pendingDeletion != nil || state.agentItems?.confirmingDeletion == true
    let editing = KeyMap.action(for: key).map(\.isEditing) ?? false
    guard overlay || editing else { return false }
    state.notice = state.language.pick("\(busy) — un instant : la modification précédente n'est pas encore enregistrée.",
                                       "\(busy) — one moment: the previous change is not saved yet.")
    return true
}

/// Who gets a key: the busy guard, then the overlay on top (see Overlays/Overlay.swift), then
/// the observer's refusals, then the pane on screen (its folder's `handle…Key`), then the keys
/// every pane shares.
private func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    state.notice = nil
    if key == .interrupt { return interrupt(&state) }
    if refusedWhileBusy(key, &state) { return [] }
    if let overlay = Overlay.top(of: state) { return overlay.handle(key, &state) }
    guard let action = KeyMap.action(for: key, in: state.pane) else { return [] }
    if state.role == .observer && action.isEditing {
        state.notice = state.readOnlyNotice(action)
        return []
    }
    if let effects = handlePaneKey(action, &state) { return effects }
    switch action {
    case .quit:
        state.running = false
        return [.quit]
    case .help:
        state.showHelp = true
    case .nextPane, .previousPane:
        let step = action == .nextPane ? 1 : Pane.allCases.count - 1
        return switchPane(to: Pane(rawValue: (state.pane.rawValue - 1 + step) % Pane.allCases.count + 1) ?? .planning, &state)
    case .pane1, .pane2, .pane3, .pane4, .pane5, .pane6, .pane7:
        let index = Action.allCases.firstIndex(of: action).map { $0 - (Action.allCases.firstIndex(of: .pane1) ?? 0) } ?? 0
        return switchPane(to: Pane(rawValue: index + 1) ?? .planning, &state)
    case .editConvention:
        return openConventionForm(&state)
    case .suggestions, .schedule, .memberYear:
        return openPanel(action, &state) ?? []
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
    default:
        return move(action, &state)
    }
    return []
}

/// Ctrl-C: quits at once, unless a form holds unsaved changes; then it asks (see `Overlay.quitQuestion`).
private func interrupt(_ state: inout AppState) -> [Effect] {
    let unsaved = state.requestForm?.modified == true || state.recordForm?.modified == true || state.conventionForm?.modified == true
    if unsaved && !state.confirmingQuit {
        state.confirmingQuit = true
        return []
    }
    state.running = false
    return [.quit]
}

/// The pane's own keys; nil when the key is not one of them.
private func handlePaneKey(_ action: Action, _ state: inout AppState) -> [Effect]? {
    switch state.pane {
    case .planning: return nil
    case .requests: return handleRequestsKey(action, &state)
    case .members: return handleMembersKey(action, &state)
    case .agents: return handleAgentsKey(action, &state)
    case .hours: return handleHoursKey(action, &state)
    case .invoices: return handleInvoiceKey(action, &state)
    case .reports: return handleReportsKey(action, &state)
    }
}
