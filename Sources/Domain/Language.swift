/// The language of messages and of the interface: French by default, English with `--lang en`.
public enum Language: String, Sendable, CaseIterable {
    case fr
    case en

    /// Picks the French or the English text.
    public func pick(_ french: String, _ english: String) -> String {
        self == .fr ? french : english
    }
}

/// Something that can say itself to a user in either language.
public protocol Localized {
    func message(in language: Language) -> String
}
