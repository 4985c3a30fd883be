import Domain
import GRDB

/// A record changed in another session since the form was opened: nothing was written, and the
/// message says what it is now.
public struct ConcurrentEdit: Error, Localized, Equatable {
    /// "la demande D-2026-004", "la commune Blanzy (71040)".
    public let what: String
    /// The fields that differ, as they are now: "population : 6 248 → 6 300".
    public let changes: [String]
    public let deleted: Bool

    public func message(in l: Language) -> String {
        if deleted {
            return l.pick("\(what) a été supprimé(e) entre-temps par une autre session : rien n'a été enregistré",
                          "\(what) was deleted meanwhile by another session: nothing was saved")
        }
        let now = changes.prefix(4).joined(separator: " ; ") + (changes.count > 4 ? " …" : "")
        return l.pick("\(what) a été modifié(e) entre-temps par une autre session (maintenant : \(now)) : rien n'a été enregistré, rouvrez le formulaire",
                      "\(what) was changed meanwhile by another session (now: \(now)): nothing was saved, open the form again")
    }

    /// The stored properties of `original` and `current` that differ, `label : before → now`.
    static func differences<T>(_ original: T, _ current: T) -> [String] {
        let old = Mirror(reflecting: original).children, new = Mirror(reflecting: current).children
        return zip(old, new).compactMap { a, b in
            let before = String(describing: a.value), after = String(describing: b.value)
            guard before != after, let label = a.label else { return nil }
            return "\(label) : \(before.count > 40 ? "…" : before) → \(after.count > 60 ? String(after.prefix(60)) + "…" : after)"
        }
    }
}

extension AppDatabase {
    /// Like `saveRequest`, but refuses to overwrite a request that changed since `original` was read.
    public func saveRequest(_ request: ReplacementRequest, isNew: Bool, original: ReplacementRequest?) throws -> String {
        guard !isNew, let original else { return try saveRequest(request, isNew: isNew) }
        return try write { db in
            let current = try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [original.id]).map(TerritoryReader.request)
            let what = "la demande \(original.id)"
            guard let current else { throw ConcurrentEdit(what: what, changes: [], deleted: true) }
            guard current == original else {
                throw ConcurrentEdit(what: what, changes: ConcurrentEdit.differences(original, current), deleted: false)
            }
            return try saveRequestInTransaction(request, isNew: false, db: db)
        }
    }

    /// Like `save`, for members and agents edited in the interface: refuses to overwrite one that
    /// changed (its fields, opening hours, rota or absences) since the form read it.
    public func save(_ change: Territory, originalMembers: [Member], originalAgents: [Agent]) throws {
        try write { db in
            if !originalMembers.isEmpty {
                let current = Dictionary(try PlanWindowReader.members(db, originalMembers.map(\.code)).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                for original in originalMembers {
                    let what = "la commune \(original.name) (\(original.code))"
                    guard let now = current[original.code] else { throw ConcurrentEdit(what: what, changes: [], deleted: true) }
                    guard now == original else { throw ConcurrentEdit(what: what, changes: ConcurrentEdit.differences(original, now), deleted: false) }
                }
            }
            if !originalAgents.isEmpty {
                let current = Dictionary(try PlanWindowReader.agents(db, originalAgents.map(\.code)).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                for original in originalAgents {
                    let what = "l'agent \(original.name) (\(original.code))"
                    guard let now = current[original.code] else { throw ConcurrentEdit(what: what, changes: [], deleted: true) }
                    guard now == original else { throw ConcurrentEdit(what: what, changes: ConcurrentEdit.differences(original, now), deleted: false) }
                }
            }
            let known = try KnownRecords.fetch(db, naming: change)
            let errors = TerritoryValidation.problems(in: change, existing: known)
            guard errors.isEmpty else { throw InvalidTerritory(errors) }
            try TerritoryWriter(db: db).write(change)
        }
    }
}
