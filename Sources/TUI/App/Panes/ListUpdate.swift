import Domain

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
