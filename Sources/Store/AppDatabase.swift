import Domain
import Foundation
import GRDB

/// The Relève database: one SQLite file in WAL mode shared by every interface, kiosk and
/// command-line session, always migrated to the current schema.
public final class AppDatabase: Sendable {
    /// The GRDB connection: a `DatabasePool` for files, a `DatabaseQueue` in memory for tests.
    public let writer: any DatabaseWriter

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

    /// The files no output may ever replace: the database, its -wal and -shm.
    public var protectedFiles: [String] { path.map { [$0] } ?? [] }

    init(_ writer: any DatabaseWriter, path: String? = nil) throws {
        self.writer = writer
        self.path = path
        try Schema.migrator.migrate(writer)
        // A database from before the stored plan, or changed behind our back: plan it now.
        if try writer.read({ try PlanStore.isStale($0) }) {
            try writer.write { try PlanStore.refreshIfStale($0) }
        }
    }

    /// Opens (creating and migrating if needed) the database file at `path`.
    public static func open(path: String) throws -> AppDatabase {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            return try AppDatabase(DatabasePool(path: path, configuration: configuration()), path: path)
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
            return try writer.write { db in
                let lastAudited = try AuditTrail.lastID(db)
                let value = try body(db)
                try PlanStore.refreshIfStale(db)
                try AuditTrail.seal(db, actor: actor, after: lastAudited)
                return value
            }
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

    /// Copies the whole database, consistently, while others keep working (online backup).
    public func backup(to path: String) throws {
        let destination = try DatabaseQueue(path: path)
        do {
            try writer.backup(to: destination)
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
