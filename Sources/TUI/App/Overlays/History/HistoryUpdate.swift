import Domain

/// Keys while the history is open: arrows scroll, Escape or H closes.
func editHistory(_ key: Key, _ state: inout AppState) -> [Effect] {
    guard var history = state.history else { return [] }
    if key == .character("H") {
        state.history = nil
        return []
    }
    guard let action = KeyMap.action(for: key) else { return [] }
    let layout = state.historyLayout(history)
    switch action {
    case .back:
        state.history = nil
        return []
    case .quit:
        state.running = false
        return [.quit]
    case .help: state.showHelp = true
    case .up: history.scroll -= 1
    case .down: history.scroll += 1
    case .pageUp: history.scroll -= max(1, layout.visible - 1)
    case .pageDown: history.scroll += max(1, layout.visible - 1)
    default: break
    }
    history.scroll = max(0, min(history.scroll, layout.maxScroll))
    state.history = history
    return []
}
