import Domain

/// What can open over the panes, in one order: the first open one (`top`) gets the keys, and
/// they are painted from the last to the first, so what receives the keys is what is on top.
/// The state keeps each overlay's own data (a form, a prompt); this table is the one place that
/// says which of them is in front.
enum Overlay: CaseIterable {
    case quitQuestion, help, history, panel, filter, requestForm, recordForm, conventionForm, invoicePrompt, hoursPrompt, reportPrompt, deletion, agentItems

    /// The overlay that receives the keys, if any.
    static func top(of state: AppState) -> Overlay? { allCases.first { $0.isOpen(in: state) } }

    func isOpen(in state: AppState) -> Bool {
        switch self {
        case .quitQuestion: return state.confirmingQuit
        case .help: return state.showHelp
        case .history: return state.history != nil
        case .panel: return state.panel != nil
        case .filter: return state.editingFilter
        case .requestForm: return state.requestForm != nil
        case .recordForm: return state.recordForm != nil
        case .conventionForm: return state.conventionForm != nil
        case .invoicePrompt: return state.invoicesPane.prompt != nil
        case .hoursPrompt: return state.hoursPane.prompt != nil
        case .reportPrompt: return state.reportsPane.overwrite != nil
        case .deletion: return state.pendingDeletion != nil
        case .agentItems: return state.agentItems != nil
        }
    }

    /// Handles a key for this overlay (each in its folder).
    func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        switch self {
        case .quitQuestion:
            state.confirmingQuit = false
            guard Confirmation.accepts(key) else { return [] }
            state.running = false
            return [.quit]
        case .help:
            state.showHelp = false
            return []
        case .history: return editHistory(key, &state)
        case .panel: return editPanel(key, &state)
        case .filter: return editFilter(key, &state)
        case .requestForm: return editRequestForm(key, &state)
        case .recordForm: return editRecordForm(key, &state)
        case .conventionForm: return editConventionForm(key, &state)
        case .invoicePrompt: return editInvoicePrompt(key, &state)
        case .hoursPrompt: return editHoursPrompt(key, &state)
        case .reportPrompt: return editReportPrompt(key, &state)
        case .deletion:
            guard let deletion = state.pendingDeletion else { return [] }
            state.pendingDeletion = nil
            return Confirmation.accepts(key) ? [.delete(deletion)] : []
        case .agentItems: return editAgentItems(key, &state)
        }
    }

    /// Paints every open overlay, bottom first.
    static func paint(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
        for overlay in allCases.reversed() where overlay.isOpen(in: state) {
            overlay.paint(state, &buffer, theme, borders)
        }
    }

    /// The panes' area, between the tab bar and the status bar.
    private static func body(_ buffer: Buffer) -> Rect { Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 2) }

    private func paint(_ state: AppState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
        switch self {
        case .quitQuestion:
            let l = state.language
            drawPrompt(title: l.pick("Quitter Relève", "Quit Relève"),
                       lines: [l.pick("Le formulaire n'est pas enregistré : ses modifications seront perdues.",
                                      "The open form is not saved: its changes will be lost."),
                               l.pick("o : quitter sans enregistrer · toute autre touche : revenir au formulaire",
                                      "y: quit without saving · any other key: back to the form")],
                       error: nil, Self.body(buffer), &buffer, theme, borders)
        case .help: helpOverlay(state, &buffer, theme, borders)
        case .history: if let history = state.history { renderHistory(state, history, &buffer, theme, borders) }
        case .panel: if let panel = state.panel { renderPanel(state, panel, &buffer, theme, borders) }
        // The filter is typed in the status bar.
        case .filter: break
        case .invoicePrompt:
            if let prompt = state.invoicesPane.prompt {
                renderInvoicePrompt(prompt, error: state.invoicesPane.promptError, state, Self.body(buffer), &buffer, theme, borders)
            }
        case .hoursPrompt: renderHoursPrompt(state, Self.body(buffer), &buffer, theme, borders)
        case .reportPrompt:
            if let asked = state.reportsPane.overwrite {
                let l = state.language
                drawPrompt(title: l.pick("Le fichier existe déjà", "The file already exists"),
                           lines: [asked.path, l.pick("o : le remplacer · toute autre touche : le garder", "y: replace it · any other key: keep it")],
                           error: nil, Self.body(buffer), &buffer, theme, borders)
            }
        case .requestForm: if let form = state.requestForm, state.snapshot != nil { renderRequestForm(state, form, &buffer, theme, borders) }
        case .recordForm: if let form = state.recordForm, state.snapshot != nil { renderRecordForm(state, form, &buffer, theme, borders) }
        case .conventionForm: if let form = state.conventionForm { renderConventionForm(state, form, &buffer, theme, borders) }
        case .deletion: if let deletion = state.pendingDeletion { renderDeletionQuestion(state, deletion, &buffer, theme, borders) }
        case .agentItems:
            if let items = state.agentItems, state.pane == .agents, state.snapshot != nil { renderAgentItems(state, items, &buffer, theme, borders) }
        }
    }
}
