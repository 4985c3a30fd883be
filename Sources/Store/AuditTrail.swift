import Crypto
import Domain
import Foundation
import GRDB

/// One change in the audit trail: who, when, what, before and after.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    /// UTC, `2026-11-22T21:41:04.123Z`.
    public var at: String
    /// The Unix login, `agent:CODE` at the kiosk, or nil for a change made outside Relève.
    public var actor: String?
    /// The table (`member`, `time_entry`…) or `import` for a bulk import.
    public var entity: String
    public var key: String
    /// `insert`, `update`, `delete`, or `import`.
    public var action: String
    /// The row as JSON before and after (nil when there is none).
    public var before: String?
    public var after: String?
    /// Nil until chained: a change made behind the application's back stays unchained.
    public var hash: String?
}

extension AuditEntry {
    /// The entry as an observer may read it: the values of its private fields
    /// (`AuditFieldText.isPrivate`) replaced by `hidden`, before and after.
    public func masked(_ hidden: String) -> AuditEntry {
        var entry = self
        for field in ["kind", "motive"] where AuditFieldText.isPrivate(entity: entity, field: field) {
            entry.before = entry.before.map { Self.replacingValue(of: field, in: $0, with: hidden) }
            entry.after = entry.after.map { Self.replacingValue(of: field, in: $0, with: hidden) }
        }
        return entry
    }

    /// `{"kind":"maladie",…}` → `{"kind":"(masqué)",…}` (the triggers' compact `json_object` form).
    static func replacingValue(of field: String, in json: String, with value: String) -> String {
        guard let range = json.range(of: "\"\(field)\":\"[^\"]*\"", options: .regularExpression) else { return json }
        return json.replacingCharacters(in: range, with: "\"\(field)\":\"\(value)\"")
    }

    /// The fields whose value differs between before and after, by name.
    public var changes: [(field: String, before: String?, after: String?)] {
        let old = Self.fields(before), new = Self.fields(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : (key, old[key], new[key])
        }
    }

    static func fields(_ json: String?) -> [String: String] {
        guard let json, let value = try? JSONValue.parse(Data(json.utf8)), case .object(let members) = value else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in members {
            switch value {
            case .null: continue
            case .bool(let b): result[key] = String(b)
            case .integer(let i): result[key] = String(i)
            case .number(let d): result[key] = String(d)
            case .string(let s): result[key] = s
            case .array, .object: result[key] = "…"
            }
        }
        return result
    }
}

extension Array where Element == AuditEntry {
    /// The entries (oldest first) with each rewrite folded: a row deleted then inserted again
    /// under the same key by the same actor in the same minute (a member's opening hours are
    /// saved that way) reads as one update, or disappears when nothing changed.
    public func collapsingRewrites() -> [AuditEntry] {
        var result: [AuditEntry?] = []
        var deleted: [String: Int] = [:]
        for entry in self {
            let id = "\(entry.entity)\u{0}\(entry.key)"
            if entry.action == "insert", let index = deleted.removeValue(forKey: id), let old = result[index],
               old.actor == entry.actor, old.at.prefix(16) == entry.at.prefix(16) {
                result[index] = nil
                guard AuditEntry.fields(old.before) != AuditEntry.fields(entry.after) else { continue }
                var update = entry
                update.action = "update"
                update.before = old.before
                result.append(update)
                continue
            }
            deleted[id] = entry.action == "delete" ? result.count : nil
            result.append(entry)
        }
        return result.compactMap { $0 }
    }
}

/// The audit trail (issue 5): the triggers of migration v4 append every change; each write
/// transaction of the application then names who did it and chains each new row to the previous
/// one by SHA-256, so that an audit row edited or deleted by hand breaks the chain.
enum AuditTrail {
    /// Names and chains the rows this transaction appended (those after `firstID`); rows left
    /// unchained by earlier changes made outside Relève stay so, for `releve check` to report.
    static func seal(_ db: Database, actor: String, after lastBefore: Int64) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, at, entity, key, action, before, after FROM audit WHERE hash IS NULL AND id > ? ORDER BY id
            """, arguments: [lastBefore])
        guard !rows.isEmpty else { return }
        var previous = try String.fetchOne(db, sql: "SELECT last_hash FROM audit_head WHERE id = 1") ?? ""
        let update = try db.cachedStatement(sql: "UPDATE audit SET actor = ?, hash = ? WHERE id = ?")
        var lastID: Int64 = 0
        for row in rows {
            let entry = AuditEntry(id: row["id"], at: row["at"], actor: actor, entity: row["entity"], key: row["key"],
                                   action: row["action"], before: row["before"], after: row["after"], hash: nil)
            previous = digest(entry, previous: previous)
            try update.execute(arguments: [actor, previous, entry.id])
            lastID = entry.id
        }
        try db.execute(sql: """
            INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?)
            ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash
            """, arguments: [lastID, previous])
    }

    /// The newest audit row before a transaction writes.
    static func lastID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit") ?? 0
    }

    /// SHA-256 (hex) of the previous hash and every field of the entry, one per line.
    static func digest(_ e: AuditEntry, previous: String) -> String {
        let text = [previous, String(e.id), e.at, e.actor ?? "", e.entity, e.key, e.action, e.before ?? "\u{0}", e.after ?? "\u{0}"]
            .joined(separator: "\n")
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal, without `String(format:)` (which costs seconds over a national issue).
    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What is wrong with the chain: rows edited or deleted by hand, changes made outside Relève.
    static func problems(_ db: Database, language l: Language) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        var previous = ""
        var lastChained: (id: Int64, hash: String)?
        var outside: [Int64] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY id")
        while let row = try cursor.next() {
            let entry = AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"], key: row["key"],
                                   action: row["action"], before: row["before"], after: row["after"], hash: row["hash"])
            guard let hash = entry.hash else {
                outside.append(entry.id)
                continue
            }
            let expected = digest(entry, previous: previous)
            if expected != hash {
                problems.append(IntegrityProblem(what: l.pick(
                    "journal d'audit : la ligne \(entry.id) (\(entry.entity) \(entry.key)) a été modifiée, ou une ligne avant elle supprimée",
                    "audit trail: row \(entry.id) (\(entry.entity) \(entry.key)) was edited, or a row before it deleted")))
                if problems.count >= 5 { break }
            }
            previous = hash
            lastChained = (entry.id, hash)
        }
        let head = try Row.fetchOne(db, sql: "SELECT last_id, last_hash FROM audit_head WHERE id = 1")
        if let head {
            let id: Int64 = head["last_id"], hash: String = head["last_hash"]
            if lastChained?.id != id || lastChained?.hash != hash {
                problems.append(IntegrityProblem(what: l.pick(
                    "journal d'audit : ses dernières lignes (jusqu'à la \(id)) ont été supprimées ou modifiées",
                    "audit trail: its last rows (up to \(id)) were deleted or edited")))
            }
        } else if lastChained != nil {
            problems.append(IntegrityProblem(what: l.pick("journal d'audit : tête de chaîne supprimée", "audit trail: chain head deleted")))
        }
        if !outside.isEmpty {
            let shown = outside.prefix(5).map(String.init).joined(separator: ", ") + (outside.count > 5 ? "…" : "")
            problems.append(IntegrityProblem(what: l.pick(
                "journal d'audit : \(outside.count) modification(s) faite(s) hors de Relève (lignes \(shown))",
                "audit trail: \(outside.count) change(s) made outside Relève (rows \(shown))")))
        }
        return problems
    }
}

/// Which audit rows to list.
public struct AuditQuery: Sendable {
    public var entity: String?
    public var key: String?
    /// Rows whose key starts with this text (`71040/` for a member's opening ranges).
    public var keyPrefix: String?
    /// Rows whose JSON before or after names this agent (`"agent": "A1"`): an agent's absences
    /// and rota slots, keyed by their own id.
    public var agent: String?
    public var limit: Int?

    public init(entity: String? = nil, key: String? = nil, keyPrefix: String? = nil, agent: String? = nil, limit: Int? = nil) {
        self.entity = entity
        self.key = key
        self.keyPrefix = keyPrefix
        self.agent = agent
        self.limit = limit
    }
}

extension AppDatabase {
    /// The audit trail, oldest first (the newest `limit` rows when a limit is given).
    public func auditEntries(_ query: AuditQuery = AuditQuery()) throws -> [AuditEntry] {
        try read { db in
            var clauses: [String] = []
            var arguments = StatementArguments()
            if let entity = query.entity { clauses.append("entity = ?"); arguments += [entity] }
            if let key = query.key { clauses.append("key = ?"); arguments += [key] }
            if let prefix = query.keyPrefix {
                clauses.append("substr(key, 1, ?) = ?")
                arguments += [prefix.unicodeScalars.count, prefix]
            }
            if let agent = query.agent {
                // Before and after both: an absence moved to another agent stays in the first one's history.
                clauses.append("""
                    (CASE WHEN json_valid(before) THEN json_extract(before, '$.agent') END = ?
                     OR CASE WHEN json_valid(after) THEN json_extract(after, '$.agent') END = ?)
                    """)
                arguments += [agent, agent]
            }
            let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
            let limit = query.limit.map { " LIMIT \($0)" } ?? ""
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM (SELECT * FROM audit \(filter) ORDER BY id DESC\(limit)) ORDER BY id",
                                        arguments: arguments)
            return rows.map { row in
                AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"], key: row["key"],
                           action: row["action"], before: row["before"], after: row["after"], hash: row["hash"])
            }
        }
    }

    /// Writes a whole territory (import, generation, demo) with one audit row summing it up
    /// instead of one per record.
    public func saveInBulk(_ territory: Territory, description: String) throws {
        try write { db in
            let known = try KnownRecords.fetch(db)
            let errors = TerritoryValidation.problems(in: territory, existing: known)
            guard errors.isEmpty else { throw InvalidTerritory(errors) }
            try db.execute(sql: "UPDATE audit_mode SET row_level = 0")
            try TerritoryWriter(db: db).write(territory)
            try db.execute(sql: "UPDATE audit_mode SET row_level = 1")
            let summary = "{\"members\": \(territory.members.count), \"agents\": \(territory.agents.count), "
                + "\"requests\": \(territory.requests.count), \"time_entries\": \(territory.timeEntries.count)}"
            try db.execute(sql: """
                INSERT INTO audit (at, entity, key, action, before, after)
                VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'import', ?, 'import', NULL, ?)
                """, arguments: [description, summary])
        }
    }
}
