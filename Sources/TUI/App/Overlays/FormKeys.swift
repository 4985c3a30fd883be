import Domain

/// What a key did in a form, once the keys every form shares are handled.
enum FormKey { case close, typed, enter, other }

/// The keys every form shares: moving between fields, typing, and Escape, which asks first
/// when something was typed. Enter is left to each form.
func formKey(_ key: Key, focus: inout Int, fieldCount: Int, text: inout String, modified: inout Bool,
                     confirmingCancel: inout Bool) -> FormKey {
    if confirmingCancel {
        confirmingCancel = false
        return Confirmation.accepts(key) ? .close : .other
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
