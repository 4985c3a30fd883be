import Domain
import Foundation
import GRDB

/// The Relève database: one SQLite file in WAL mode shared by every interface, kiosk and
/// command-line session, always migrated to the current schema.
public final class AppDatabase: Sendable {
    /// The GRDB connection: a `DatabasePool` for files, a `DatabaseQueue` in memory for tests.
    /// Internal: every write goes through `write`, which seals the audit trail and refreshes the plan.
    let writer: any DatabaseWriter

    /// Who the audit trail names for the writes of this session: a Unix login, or
    /// `agent:CODE` for a secretary signed in at the kiosk.
    public var actor: String { actorBox.value }
    private let actorBox = ActorBox()

    /// Names who does the next writes (the kiosk switches it at each sign-in and sign-out).
    public func setActor(_ actor: String) { actorBox.value = actor }

    /// True for an observer's session: every write is refused.
    public var isReadOnly: Bool { actorBox.readOnly }

    /// Makes this session read-only (an observer) or not.
    public func setReadOnly(_ readOnly: Bool) { actorBox.readOnly = readOnly }

    /// How long a write waits for another session's transaction before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// The database file (nil in memory).
    public let path: String?

    /// The files no output may ever replace: the database (its -wal and -shm with it), the
    /// installation key and the audit anchor.
    public var protectedFiles: [String] {
        path.map { [$0, InstallationKey.path(forDatabase: $0), AuditAnchor.path(forDatabase: $0), FileLock.path(forDatabase: $0)] } ?? []
    }

    /// The installation key (`releve.key` beside the database), nil when it is missing or not
    /// the one that sealed this database (then `keyProblem` says why, and nothing is written).
    let key: InstallationKey?
    public let keyProblem: InstallationKeyProblem?

    init(_ writer: any DatabaseWriter, path: String? = nil, key loaded: InstallationKey? = nil) throws {
        self.writer = writer
        self.path = path
        // The schema before a migration, to seal the new one only if the old one was the sealed one.
        let migrating = try writer.read { try !Schema.migrator.hasCompletedMigrations($0) }
        let schemaBefore = migrating ? try writer.read { try AuditTrail.schemaText($0).text } : ""
        try Schema.migrator.migrate(writer)
        let keyPath = path.map(InstallationKey.path(forDatabase:))
        let recorded = try writer.read { try String.fetchOne($0, sql: "SELECT key_id FROM installation WHERE id = 1") }
        var key = loaded
        var problem: InstallationKeyProblem?
        if key == nil {
            if let keyPath {
                // Another process may have created it since `open` looked.
                key = try InstallationKey.load(keyPath)
                if key == nil && recorded != nil { problem = .missing(keyPath) }
                if key == nil && recorded == nil { key = try InstallationKey.create(keyPath) }
            } else {
                key = .ephemeral()
            }
        }
        if let found = key, let recorded, recorded != found.identifier {
            problem = .different(keyPath ?? "")
            key = nil
        }
        self.key = key
        keyProblem = problem
        if let key, recorded == nil {
            // First open by this version (or a new database): record the key, seal again a
            // sound older chain and the invoices issued before seals, and anchor the head.
            try writer.write { db in
                // Another process opening the same new database at once may have done it first.
                try db.execute(sql: "INSERT OR IGNORE INTO installation (id, key_id) VALUES (1, ?)", arguments: [key.identifier])
                guard db.changesCount == 1 else { return }
                if try AuditTrail.problems(db, key: nil, language: .en).isEmpty {
                    try AuditTrail.reseal(db, key: key)
                }
                try InvoiceSeal.sealUnsealed(db, key: key)
            }
            try anchor(lockHeld: path != nil)
        } else if let key, migrating {
            // A new version's migration changed the schema: the seal records it (only Relève
            // migrates, under the lock; a trigger dropped by hand is still found by `check`).
            try writer.write { db in
                guard let head = try Row.fetchOne(db, sql: "SELECT last_id, last_hash, schema_mac FROM audit_head WHERE id = 1"),
                      (head[2] as String?) == key.mac(schemaBefore) else { return }
                try AuditTrail.writeHead(db, id: head[0], hash: head[1], key: key)
            }
        }
        // A database from before the stored plan, or changed behind our back: plan it now.
        if try writer.read({ try PlanStore.isStale($0) }) {
            try writer.write { try PlanStore.refreshIfStale($0) }
        }
    }

    /// Opens (creating and migrating if needed) the database file at `path`.
    public static func open(path: String) throws -> AppDatabase {
        // Standardised (`a/../b` is `b`): the key, the anchor and the lock sit beside the real file.
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Two processes creating or migrating the same database at once take turns.
        let lock = FileLock(FileLock.path(forDatabase: path))
        defer { lock.release() }
        let key = try InstallationKey.load(InstallationKey.path(forDatabase: path))
        let isNew = !FileManager.default.fileExists(atPath: path)
        do {
            let pool = try DatabasePool(path: path, configuration: configuration())
            // A new database is private to the account that owns the data, whatever the umask.
            if isNew { for file in [path, path + "-wal", path + "-shm"] { chmod(file, 0o600) } }
            return try AppDatabase(pool, path: path, key: key)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// A private in-memory database with the real schema, for tests and dry runs.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration()))
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "releve"
        config.prepareDatabase { db in
            // 64 MB of page cache per connection: big imports stay in memory until commit.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // 64 MB of page cache: a plan update touching a national plan stays in memory until
            // the commit instead of spilling pages to the WAL in the middle of the transaction.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            db.add(function: AuditSwitch.function)
        }
        return config
    }

    /// Runs `body` in one write transaction: everything it does is kept, or nothing is. When
    /// `body` changed what the arbitration reads, the stored plan is recomputed in the same
    /// transaction (about 1.5 s on a national territory).
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            let actor = self.actor
            if isReadOnly { throw AccessRefusal.readOnly(actor) }
            let key = try requireKey()
            var sealed = false
            let value = try writer.write { db in
                let lastAudited = try AuditTrail.lastID(db)
                let value = try body(db)
                try PlanStore.refreshIfStale(db)
                sealed = try AuditTrail.seal(db, actor: actor, after: lastAudited, key: key) != nil
                return value
            }
            if sealed { try anchor() }
            return value
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// Reads a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// True when the database holds no member, agent, request or hours yet.
    public func isEmpty() throws -> Bool {
        try read { db in
            let count = try Int.fetchOne(db, sql: """
                SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM agent)
                     + (SELECT count(*) FROM request) + (SELECT count(*) FROM time_entry)
                """) ?? 0
            return count == 0
        }
    }

    /// The installation key, or why it cannot be used.
    func requireKey() throws -> InstallationKey {
        guard let key else { throw keyProblem ?? InstallationKeyProblem.missing("") }
        return key
    }

    /// Moves the outside anchor up to the trail's head (after a sealing write).
    func anchor(lockHeld: Bool = false) throws {
        guard let path, let key else { return }
        if let head = try read({ try AuditAnchor.head($0) }) {
            AuditAnchor.advance(AuditAnchor.path(forDatabase: path), to: head, key: key,
                                lock: lockHeld ? nil : FileLock.path(forDatabase: path))
        }
    }

    /// Copies the whole database, consistently, while others keep working (online backup); the
    /// copy carries the audit chain's head as of now (`backup_anchor`), MAC'd with the key.
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        chmod(path, 0o600)
        do {
            try writer.backup(to: destination)
            if let key {
                try destination.write { db in
                    guard let head = try AuditAnchor.head(db) else { return }
                    try db.execute(sql: "CREATE TABLE IF NOT EXISTS backup_anchor (id INTEGER PRIMARY KEY CHECK (id = 1), anchor TEXT NOT NULL)")
                    try db.execute(sql: "INSERT OR REPLACE INTO backup_anchor (id, anchor) VALUES (1, ?)", arguments: [head.text(key)])
                }
            }
            try destination.close()
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }
}

extension AppDatabase {
    /// A number that changes whenever another connection or process commits
    /// (`PRAGMA data_version`, read on the writer connection so successive values compare).
    public func changeToken() throws -> Int {
        do {
            return try writer.writeWithoutTransaction { db in
                try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            }
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }
}

/// The session's actor, shared by the threads GRDB writes on.
private final class ActorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = AppDatabase.currentLogin()
    private var storedReadOnly = false

    var value: String {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }

    var readOnly: Bool {
        get { lock.lock(); defer { lock.unlock() }; return storedReadOnly }
        set { lock.lock(); storedReadOnly = newValue; lock.unlock() }
    }
}

extension AppDatabase {
    /// What was changed since audit row `mark` (the tables named by the audit trail, `import`
    /// for a bulk import) and the newest row: an open interface reloads only what they touch.
    public func changes(after mark: Int64) throws -> (mark: Int64, entities: Set<String>, entries: Set<Int64>) {
        try read { db in
            let newest = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM audit") ?? 0
            guard newest > mark else { return (newest, [], []) }
            let entities = try String.fetchAll(db, sql: "SELECT DISTINCT entity FROM audit WHERE id > ?", arguments: [mark])
            // The time entries touched, so that an open Heures week reads only those again
            // (at most a few hundred: beyond, the week is read whole).
            let entries = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT CAST(key AS INTEGER) FROM audit WHERE id > ? AND entity = 'time_entry' LIMIT 501
                """, arguments: [mark])
            return (newest, Set(entities), Set(entries))
        }
    }
}
