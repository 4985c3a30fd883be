import Domain
import GRDB

/// The one optimistic lock behind every form: a save claims each record it was opened on at the
/// version it read (`UPDATE … SET version = version + 1 WHERE key = ? AND version = ?`), in the
/// save's transaction. A record changed meanwhile — its row, or a child row, whose triggers bump
/// the parent's version (schema v7) — is refused with `StaleEdit`, and nothing is written.
extension AppDatabase {
    /// Claims `read` at its version, or throws `StaleEdit` with the record as it is now.
    static func claim(_ db: Database, _ read: ReadRecord) throws {
        let (table, column) = Self.lockedTable(read)
        try db.execute(sql: "UPDATE \(table) SET version = version + 1 WHERE \(column) = ? AND version = ?",
                       arguments: [read.key, read.version])
        guard db.changesCount == 0 else { return }
        throw StaleEdit(original: read, current: try current(db, like: read))
    }

    private static func lockedTable(_ read: ReadRecord) -> (table: String, column: String) {
        switch read {
        case .member: ("member", "code")
        case .agent: ("agent", "code")
        case .request: ("request", "id")
        case .timeEntry: ("time_entry", "id")
        case .tariff: ("tariff", "year")
        }
    }

    /// The record `read` names, as it is now, with its version; nil when it is gone.
    static func current(_ db: Database, like read: ReadRecord) throws -> ReadRecord? {
        let (table, column) = lockedTable(read)
        guard let version = try Int.fetchOne(db, sql: "SELECT version FROM \(table) WHERE \(column) = ?", arguments: [read.key]) else {
            return nil
        }
        switch read {
        case .member(let m, _):
            return try PlanWindowReader.members(db, [m.code]).first.map { .member($0, version: version) }
        case .agent(let a, _):
            return try PlanWindowReader.agents(db, [a.code]).first.map { .agent($0, version: version) }
        case .request(let r, _):
            return try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [r.id])
                .map { .request(TerritoryReader.request($0), version: version) }
        case .timeEntry(let t, _, _):
            guard let row = try Row.fetchOne(db, sql: """
                SELECT t.id, t.agent, t.member, t.date, t.minutes, t.request, t.validated, t.version, m.name AS member_name
                FROM time_entry t JOIN member m ON m.code = t.member WHERE t.id = ?
                """, arguments: [t.id]) else { return nil }
            let entry = versioned(row)
            return .timeEntry(entry.entry, version: entry.version, memberName: row["member_name"])
        case .tariff(let t, _):
            return try TerritoryReader.tariffs(db).first { $0.year == t.year }.map { .tariff($0, version: version) }
        }
    }

    /// The versions of every member, agent, request and tariff, read with the interface's snapshot.
    public func recordVersions() throws -> RecordVersions {
        try read { db in try Self.recordVersions(db) }
    }

    static func recordVersions(_ db: Database) throws -> RecordVersions {
        func versions(_ sql: String) throws -> [String: Int] {
            var result: [String: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: sql)
            while let row = try rows.next() { result[row[0]] = row[1] }
            return result
        }
        return RecordVersions(members: try versions("SELECT code, version FROM member"),
                              agents: try versions("SELECT code, version FROM agent"),
                              requests: try versions("SELECT id, version FROM request"),
                              tariffs: try versions("SELECT CAST(year AS TEXT), version FROM tariff"))
    }

    /// Saves a request typed in the interface; an edited one (`read` given) is claimed first.
    public func saveRequest(_ request: ReplacementRequest, isNew: Bool, read: ReadRecord?) throws -> String {
        try write { db in
            if !isNew, let read { try Self.claim(db, read) }
            return try saveRequestInTransaction(request, isNew: isNew, db: db)
        }
    }

    /// Saves members, agents or a tariff typed in the interface, like an import, after claiming
    /// each record the form was opened on.
    public func save(_ change: Territory, reads: [ReadRecord]) throws {
        try write { db in
            for read in reads { try Self.claim(db, read) }
            let known = try KnownRecords.fetch(db, naming: change)
            let errors = TerritoryValidation.problems(in: change, existing: known)
            guard errors.isEmpty else { throw InvalidTerritory(errors) }
            try TerritoryWriter(db: db).write(change)
        }
    }
}
