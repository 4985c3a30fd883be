import Domain
import GRDB

extension AppDatabase {
    /// The coordinator corrects any entry (agent, member, date, hours, mission) still as it was
    /// read (`read`, a `.timeEntry`): the checks of `logHours`, the month lock and the audit
    /// trail apply; a validated entry is un-validated by the correction (the audit shows both),
    /// to be validated again. One transaction.
    public func correctHours(_ entry: TimeEntry, read: ReadRecord, location: @escaping @Sendable (String) -> String) throws -> TimeEntry {
        guard let id = entry.id ?? Int64(read.key) else { throw OwnHoursRefusal.notFound(0) }
        return try write { db in
            try Self.checkUnchanged(db, id: id, read: read)
            var changed = entry
            changed.id = id
            changed.validated = false
            try Self.checkChanged(db, changed, id: id, location: location)
            try db.execute(sql: """
                UPDATE time_entry SET agent = ?, member = ?, date = ?, minutes = ?, request = ?, validated = 0, version = version + 1
                WHERE id = ? AND version = ?
                """, arguments: [changed.agent, changed.member, changed.date.iso, changed.minutes, changed.request, id, read.version])
            guard db.changesCount == 1 else { throw OwnHoursRefusal.notFound(id) }
            return changed
        }
    }

    /// The coordinator deletes an entry still as it was read (validated or not); the month lock
    /// and the audit trail apply.
    public func deleteHours(_ read: ReadRecord) throws {
        guard let id = Int64(read.key) else { throw OwnHoursRefusal.notFound(0) }
        try write { db in
            try Self.checkUnchanged(db, id: id, read: read)
            try db.execute(sql: "DELETE FROM time_entry WHERE id = ? AND version = ?", arguments: [id, read.version])
            guard db.changesCount == 1 else { throw OwnHoursRefusal.notFound(id) }
        }
    }

    /// Refuses unless entry `id` exists and is still as `read` (the change made meanwhile said).
    static func checkUnchanged(_ db: Database, id: Int64, read: ReadRecord) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT t.id, t.agent, t.member, t.date, t.minutes, t.request, t.validated, t.version, m.name AS member_name
            FROM time_entry t JOIN member m ON m.code = t.member WHERE t.id = ?
            """, arguments: [id]) else { throw StaleEdit(original: read, current: nil) }
        let current = versioned(row)
        if current.version != read.version {
            throw StaleEdit(original: read, current: .timeEntry(current.entry, version: current.version, memberName: row["member_name"]))
        }
    }

    /// An entry with its version, to correct it (the Heures pane reads it when the form opens).
    public func versionedTimeEntry(id: Int64) throws -> VersionedTimeEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, agent, member, date, minutes, request, validated, version FROM time_entry WHERE id = ?",
                             arguments: [id]).map(Self.versioned)
        }
    }
}
