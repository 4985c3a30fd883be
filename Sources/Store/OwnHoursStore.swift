import Domain
import Foundation
import GRDB

/// Hours as one agent sees them at the kiosk: the entry and its row version, for detecting
/// that someone else changed it meanwhile.
public struct VersionedTimeEntry: Hashable, Sendable {
    public var entry: TimeEntry
    public var version: Int

    public init(entry: TimeEntry, version: Int) {
        self.entry = entry
        self.version = version
    }
}

/// Why an agent's change to her own hours was refused; nothing was written. A change made
/// meanwhile (by her at another terminal, or by the coordinator) is `StaleEdit`.
public enum OwnHoursRefusal: Error, Hashable, Sendable, Localized {
    /// No such entry (deleted meanwhile), or it belongs to another agent (said the same way).
    case notFound(Int64)
    /// The coordinator validated it: only the coordinator can change it now.
    case validated(Int64)

    public func message(in l: Language) -> String {
        switch self {
        case .notFound(let id):
            return l.pick("la saisie n° \(id) n'existe plus (supprimée entre-temps ?) : rien n'a été modifié",
                          "entry no. \(id) no longer exists (deleted meanwhile?): nothing was changed")
        case .validated(let id):
            return l.pick("la saisie n° \(id) est validée : seul le coordinateur peut encore la modifier",
                          "entry no. \(id) is validated: only the coordinator can change it now")
        }
    }
}

extension AppDatabase {
    /// An agent's hours between two dates (both included), with their versions, by date and id.
    public func ownTimeEntries(agent: String, from: CalendarDate, to: CalendarDate) throws -> [VersionedTimeEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, agent, member, date, minutes, request, validated, version FROM time_entry
                WHERE agent = ? AND date BETWEEN ? AND ? ORDER BY date, id
                """, arguments: [agent, from.iso, to.iso]).map(Self.versioned)
        }
    }

    /// Changes an agent's own entry (date, member, hours, mission) if it is hers, not validated
    /// and still as she read it (`read`, a `.timeEntry`); validated like `logHours`, in one
    /// transaction. The agent of `entry` is ignored: it stays `agent`.
    public func updateOwnHours(_ entry: TimeEntry, agent: String, read: ReadRecord,
                               location: @escaping @Sendable (String) -> String) throws -> VersionedTimeEntry {
        guard let id = entry.id else { throw OwnHoursRefusal.notFound(0) }
        let version = read.version
        return try write { db in
            try Self.checkOwn(db, id: id, agent: agent, read: read)
            var changed = entry
            changed.agent = agent
            changed.validated = false
            try Self.checkChanged(db, changed, id: id, location: location)
            try db.execute(sql: """
                UPDATE time_entry SET member = ?, date = ?, minutes = ?, request = ?, version = version + 1
                WHERE id = ? AND agent = ? AND validated = 0 AND version = ?
                """, arguments: [changed.member, changed.date.iso, changed.minutes, changed.request, id, agent, version])
            guard db.changesCount == 1 else { throw OwnHoursRefusal.notFound(id) }
            return VersionedTimeEntry(entry: changed, version: version + 1)
        }
    }

    /// Deletes an agent's own entry if it is hers, not validated and still as she read it.
    public func deleteOwnHours(_ read: ReadRecord, agent: String) throws {
        guard let id = Int64(read.key) else { throw OwnHoursRefusal.notFound(0) }
        try write { db in
            try Self.checkOwn(db, id: id, agent: agent, read: read)
            try db.execute(sql: "DELETE FROM time_entry WHERE id = ? AND agent = ? AND validated = 0 AND version = ?",
                           arguments: [id, agent, read.version])
            guard db.changesCount == 1 else { throw OwnHoursRefusal.notFound(id) }
        }
    }

    /// The checks of `logHours` for entry `id` changed to `changed` (its own minutes not counted
    /// twice in the day's total).
    static func checkChanged(_ db: Database, _ changed: TimeEntry, id: Int64, location: @escaping @Sendable (String) -> String) throws {
        let known = try KnownRecords.fetch(db, naming: changed)
        var errors = TerritoryValidation.problems(of: changed, known: known, path: location)
        if errors.isEmpty, let problem = try missionSpanProblem(db, changed, location: location) { errors.append(problem) }
        if errors.isEmpty {
            let already = try Int.fetchOne(db, sql: """
                SELECT coalesce(sum(minutes), 0) FROM time_entry WHERE agent = ? AND date = ? AND id <> ?
                """, arguments: [changed.agent, changed.date.iso, id]) ?? 0
            if already + changed.minutes > TimeEntry.maximumMinutes {
                errors.append(DataError(location("hours"), .dayOverfull(agent: changed.agent, date: changed.date, minutes: already + changed.minutes)))
            }
        }
        guard errors.isEmpty else { throw InvalidTerritory(errors) }
    }

    /// Refuses unless entry `id` belongs to `agent`, is not validated and is still as `read`.
    static func checkOwn(_ db: Database, id: Int64, agent: String, read: ReadRecord) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.id, t.agent, t.member, t.date, t.minutes, t.request, t.validated, t.version, m.name AS member_name
            FROM time_entry t JOIN member m ON m.code = t.member WHERE t.id = ?
            """, arguments: [id]) else { throw OwnHoursRefusal.notFound(id) }
        let current = versioned(row)
        // Another agent's entry is answered like a missing one: the kiosk reveals nothing of it.
        guard current.entry.agent == agent else { throw OwnHoursRefusal.notFound(id) }
        if current.version != read.version {
            throw StaleEdit(original: read, current: .timeEntry(current.entry, version: current.version, memberName: row["member_name"]))
        }
        if current.entry.validated { throw OwnHoursRefusal.validated(id) }
    }

    static func versioned(_ row: Row) -> VersionedTimeEntry {
        let date: String = row[3]
        return VersionedTimeEntry(
            entry: TimeEntry(id: row[0], agent: row[1], member: row[2],
                             date: CalendarDate.stored(date), minutes: row[4],
                             request: row[5], validated: row[6]),
            version: row[7])
    }
}
