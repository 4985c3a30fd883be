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

/// Whether the audit triggers record row by row on this thread: `releve_audit_on()`, the SQL
/// function the triggers ask, answers from here. A bulk import or an invoice issue suspends it
/// inside its own write transaction (GRDB runs a transaction and its triggers on one thread),
/// and writes one summary row instead. Outside Relève the function does not exist at all.
enum AuditSwitch {
    private static let key = "releve.audit.suspended"

    static var isOn: Bool { Thread.current.threadDictionary[key] == nil }

    /// Runs `body` with the row-level audit suspended on this thread.
    static func suspended<T>(_ body: () throws -> T) rethrows -> T {
        Thread.current.threadDictionary[key] = true
        defer { Thread.current.threadDictionary[key] = nil }
        return try body()
    }

    static let function = DatabaseFunction("releve_audit_on", argumentCount: 0, pure: false) { _ in isOn ? 1 : 0 }
}

/// The audit trail (issues 5 and 10): the triggers append every change; each write transaction
/// of the application then names who did it and chains each new row to the previous one by a
/// keyed HMAC-SHA256 (`k1:` hashes; the key is outside the database), fingerprints the schema,
/// and anchors the chain's head outside the database, so that `releve check` finds an audit row
/// edited or deleted, a truncated or wiped trail, a dropped trigger, an older copy put back.
/// Rows chained by plain SHA-256 before issue 10 stay verifiable; opening a sound older
/// database seals its chain again with the key.
enum AuditTrail {
    static let keyedPrefix = "k1:"

    /// Names and chains the rows this transaction appended (those after `lastBefore`), and records
    /// the schema's fingerprint. Returns the new head, if rows were chained.
    @discardableResult
    static func seal(_ db: Database, actor: String, after lastBefore: Int64, key: InstallationKey) throws -> (id: Int64, hash: String)? {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, at, entity, key, action, before, after FROM audit WHERE hash IS NULL AND id > ? ORDER BY id
            """, arguments: [lastBefore])
        guard !rows.isEmpty else { return nil }
        var previous = try String.fetchOne(db, sql: "SELECT last_hash FROM audit_head WHERE id = 1") ?? ""
        let update = try db.cachedStatement(sql: "UPDATE audit SET actor = ?, hash = ? WHERE id = ?")
        var lastID: Int64 = 0
        for row in rows {
            let entry = AuditEntry(id: row["id"], at: row["at"], actor: actor, entity: row["entity"], key: row["key"],
                                   action: row["action"], before: row["before"], after: row["after"], hash: nil)
            previous = keyedDigest(entry, previous: previous, key: key)
            try update.execute(arguments: [actor, previous, entry.id])
            lastID = entry.id
        }
        try writeHead(db, id: lastID, hash: previous, key: key)
        return (lastID, previous)
    }

    static func writeHead(_ db: Database, id: Int64, hash: String, key: InstallationKey) throws {
        let schema = try schemaText(db)
        try db.execute(sql: """
            INSERT INTO audit_head (id, last_id, last_hash, schema_mac, schema_names) VALUES (1, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash,
                schema_mac = excluded.schema_mac, schema_names = excluded.schema_names
            """, arguments: [id, hash, key.mac(schema.text), schema.triggers.joined(separator: ",")])
    }

    /// The schema as SQLite keeps it (tables, indexes, triggers), Relève's own backup anchor and
    /// SQLite's internal tables aside; and the names of its triggers.
    static func schemaText(_ db: Database) throws -> (text: String, triggers: [String]) {
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, coalesce(sql, '') AS sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name <> 'backup_anchor' ORDER BY type, name
            """)
        let text = rows.map { "\($0["type"] as String) \($0["name"] as String)\n\($0["sql"] as String)" }.joined(separator: "\n")
        return (text, rows.filter { ($0["type"] as String) == "trigger" }.map { $0["name"] })
    }

    /// The newest audit row before a transaction writes.
    static func lastID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit") ?? 0
    }

    static func text(_ e: AuditEntry, previous: String) -> String {
        [previous, String(e.id), e.at, e.actor ?? "", e.entity, e.key, e.action, e.before ?? "\u{0}", e.after ?? "\u{0}"]
            .joined(separator: "\n")
    }

    /// SHA-256 (hex) of the previous hash and every field of the entry: the chain before issue 10.
    static func digest(_ e: AuditEntry, previous: String) -> String {
        hex(SHA256.hash(data: Data(text(e, previous: previous).utf8)))
    }

    /// The keyed HMAC-SHA256 of the same text, `k1:`-prefixed.
    static func keyedDigest(_ e: AuditEntry, previous: String, key: InstallationKey) -> String {
        keyedPrefix + key.mac(text(e, previous: previous))
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

    /// Whether the chain verifies (plain or keyed), for sealing an older database again.
    static func verifies(_ db: Database, key: InstallationKey) throws -> Bool {
        try problems(db, key: key, language: .en).isEmpty
    }

    /// Seals again with the key every chained row of a sound older chain (plain SHA-256).
    static func reseal(_ db: Database, key: InstallationKey) throws {
        var previous = ""
        var last: (Int64, String)?
        let update = try db.cachedStatement(sql: "UPDATE audit SET hash = ? WHERE id = ?")
        for row in try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE hash IS NOT NULL ORDER BY id") {
            let entry = AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"], key: row["key"],
                                   action: row["action"], before: row["before"], after: row["after"], hash: row["hash"])
            previous = keyedDigest(entry, previous: previous, key: key)
            try update.execute(arguments: [previous, entry.id])
            last = (entry.id, previous)
        }
        // A trail with no chained row yet has no head: the first sealed write makes it.
        guard let last else { return }
        try writeHead(db, id: last.0, hash: last.1, key: key)
    }

    /// What is wrong with the chain: rows edited or deleted, a truncated head, changes made
    /// outside Relève, a schema changed behind its back; each said with where and since when.
    static func problems(_ db: Database, key: InstallationKey?, language l: Language) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        var previous = ""
        var lastChained: (id: Int64, hash: String, at: String)?
        var outside: [Int64] = []
        var keyedSeen = false
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit ORDER BY id")
        while let row = try cursor.next() {
            let entry = AuditEntry(id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"], key: row["key"],
                                   action: row["action"], before: row["before"], after: row["after"], hash: row["hash"])
            guard let hash = entry.hash else {
                outside.append(entry.id)
                continue
            }
            let expected: String?
            if hash.hasPrefix(keyedPrefix) {
                keyedSeen = true
                expected = key.map { keyedDigest(entry, previous: previous, key: $0) }
            } else {
                expected = keyedSeen ? nil : digest(entry, previous: previous)
            }
            if let expected, expected != hash || (keyedSeen && !hash.hasPrefix(keyedPrefix)) {
                let since = lastChained.map { l.pick(" ; chaîne intègre jusqu'à la ligne \($0.id) du \(when($0.at))",
                                                     "; chain sound up to row \($0.id) of \(when($0.at))") } ?? ""
                problems.append(IntegrityProblem(what: l.pick(
                    "journal d'audit : la ligne \(entry.id) (\(entry.entity) \(entry.key), du \(when(entry.at))) a été modifiée, ou une ligne avant elle supprimée\(since)",
                    "audit trail: row \(entry.id) (\(entry.entity) \(entry.key), of \(when(entry.at))) was edited, or a row before it deleted\(since)")))
                if problems.count >= 5 { break }
            } else if expected == nil && keyedSeen && !hash.hasPrefix(keyedPrefix) {
                problems.append(IntegrityProblem(what: l.pick(
                    "journal d'audit : la ligne \(entry.id) (du \(when(entry.at))) porte une empreinte sans clé après des lignes scellées par la clé : réécrite hors de Relève",
                    "audit trail: row \(entry.id) (of \(when(entry.at))) carries an unkeyed hash after keyed rows: rewritten outside Relève")))
            }
            previous = hash
            lastChained = (entry.id, hash, entry.at)
        }
        let head = try Row.fetchOne(db, sql: "SELECT * FROM audit_head WHERE id = 1")
        if let head {
            let id: Int64 = head["last_id"], hash: String = head["last_hash"]
            if lastChained?.id != id || lastChained?.hash != hash {
                problems.append(IntegrityProblem(what: l.pick(
                    "journal d'audit : ses dernières lignes (jusqu'à la \(id)) ont été supprimées ou modifiées",
                    "audit trail: its last rows (up to \(id)) were deleted or edited")))
            }
            if let key, let mac: String = head["schema_mac"] {
                let schema = try schemaText(db)
                if key.mac(schema.text) != mac {
                    let recorded = (head["schema_names"] as String?)?.split(separator: ",").map(String.init) ?? []
                    let missing = recorded.filter { !schema.triggers.contains($0) }
                    problems.append(IntegrityProblem(what: missing.isEmpty
                        ? l.pick("schéma modifié hors de Relève (un déclencheur, une table ou un index a changé) depuis la dernière écriture scellée",
                                 "schema changed outside Relève (a trigger, table or index changed) since the last sealed write")
                        : l.pick("schéma modifié hors de Relève : déclencheur(s) \(missing.prefix(5).joined(separator: ", ")) supprimé(s) — le journal d'audit ou le gel des factures ne s'appliquait plus",
                                 "schema changed outside Relève: trigger(s) \(missing.prefix(5).joined(separator: ", ")) dropped — the audit trail or the invoice freeze no longer applied")))
                }
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

    /// `2026-11-22T21:41:04.123Z` → `2026-11-22 21:41 UTC`.
    static func when(_ at: String) -> String {
        at.count >= 16 ? at.prefix(10) + " " + at.dropFirst(11).prefix(5) + " UTC" : at
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
            let known = try KnownRecords.fetch(db, naming: territory)
            let errors = TerritoryValidation.problems(in: territory, existing: known)
            guard errors.isEmpty else { throw InvalidTerritory(errors) }
            try AuditSwitch.suspended { try TerritoryWriter(db: db).write(territory) }
            let summary = "{\"members\": \(territory.members.count), \"agents\": \(territory.agents.count), "
                + "\"requests\": \(territory.requests.count), \"time_entries\": \(territory.timeEntries.count)}"
            try db.execute(sql: """
                INSERT INTO audit (at, entity, key, action, before, after)
                VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'import', ?, 'import', NULL, ?)
                """, arguments: [description, summary])
        }
    }
}
