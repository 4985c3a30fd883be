/// Finding a record as people type it (issue 12, "forgiving lookups"): by code ignoring case,
/// else by name ignoring case and accents: the whole name, then its start, then any part of it;
/// the first of these tests that any record passes decides, and when it finds several the
/// caller lists them instead of picking one.
public enum NameLookup {
    public enum Match<T> {
        case one(T)
        case none
        case several([T])
    }

    /// `folded` gives a record's name folded (`String.folding()`); pass stored folded names to
    /// avoid folding 35,000 names on each lookup.
    public static func find<T>(_ text: String, in items: [T], code: (T) -> String, folded: (T) -> String) -> Match<T> {
        let typed = text.trimmingSpaces()
        guard !typed.isEmpty else { return .none }
        let lower = typed.lowercased()
        let byCode = items.filter { code($0).lowercased() == lower }
        if byCode.count == 1 { return .one(byCode[0]) }
        let key = typed.folding()
        let names = items.map { (item: $0, name: folded($0)) }
        for test in [{ (name: String) in name == key }, { $0.hasPrefix(key) }, { $0.contains(key) }] {
            let found = names.filter { test($0.name) }.map(\.item)
            if found.count == 1 { return .one(found[0]) }
            if found.count > 1 { return .several(found) }
        }
        return .none
    }

    /// "Mirebeau (01219), Mirebeau (01317), Mirebeau-sur-Bèze (21411) et 2 autres": several
    /// matches as a person can choose among them (the code tells namesakes apart).
    public static func listing(_ items: [(code: String, name: String)], shown: Int = 4, _ l: Language) -> String {
        let named = items.prefix(shown).map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        let rest = items.count - min(shown, items.count)
        return named + (rest == 0 ? "" : l.pick(" et \(rest) autre\(rest > 1 ? "s" : "")", " and \(rest) more"))
    }
}
