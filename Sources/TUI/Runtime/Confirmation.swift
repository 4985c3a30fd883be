import Domain

/// The one answer to "o/n" questions, in the interface as at the kiosk: `o` (oui) or `y` (yes)
/// accepts, any other key declines.
public enum Confirmation {
    public static func accepts(_ key: Key) -> Bool {
        switch key {
        case .character("o"), .character("O"), .character("y"), .character("Y"): return true
        default: return false
        }
    }
}
