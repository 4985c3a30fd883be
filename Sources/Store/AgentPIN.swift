import Crypto
import _CryptoExtras
import Domain
import Foundation
import GRDB

/// Agents' PINs for the shared kiosk: PBKDF2-SHA256 with a random 16-byte salt per agent and
/// the iteration count kept on each row, so that it can be raised later without breaking old PINs.
/// After `maximumFailures` consecutive wrong PINs the agent is locked for a delay that doubles at
/// each further failure (`lockDelay`). Time always comes in as a parameter.
public enum AgentPIN {
    /// PBKDF2 rounds for new PINs (OWASP's 2023 figure for PBKDF2-HMAC-SHA256).
    public static let productionIterations = 210_000
    /// Wrong PINs in a row before the agent is locked.
    public static let maximumFailures = 5
    /// The first lock, then doubled at each further failure, up to `longestLock`.
    public static let firstLock: TimeInterval = 60
    public static let longestLock: TimeInterval = 3_600
    static let saltBytes = 16
    static let hashBytes = 32

    /// How long the agent is locked after `failures` consecutive wrong PINs (0 under the limit):
    /// 1 min at the 5th, 2 min at the 6th, 4 at the 7th… capped at 1 h.
    public static func lockDelay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= maximumFailures else { return 0 }
        let doublings = min(failures - maximumFailures, 12)
        return min(longestLock, firstLock * Double(1 << doublings))
    }

    /// True for 4 to 12 ASCII digits (longer PINs are allowed, and better).
    public static func isWellFormed(_ pin: String) -> Bool {
        (4...12).contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The PBKDF2-SHA256 hash of `pin` with `salt` (PINs set before issue 10).
    static func hash(_ pin: String, salt: [UInt8], iterations: Int) throws -> [UInt8] {
        try derive(Array(pin.utf8), salt: salt, iterations: iterations)
    }

    /// The keyed hash: PBKDF2-SHA256 over HMAC-SHA256(installation key, PIN). Without the key
    /// file, which is not in the database, a copied database gives no offline PIN search.
    static func keyedHash(_ pin: String, salt: [UInt8], iterations: Int, key: InstallationKey) throws -> [UInt8] {
        try derive(key.mac(Array(pin.utf8)), salt: salt, iterations: iterations)
    }

    private static func derive(_ secret: [UInt8], salt: [UInt8], iterations: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: secret, salt: salt, using: .sha256,
                                                     outputByteCount: hashBytes, unsafeUncheckedRounds: iterations)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Compares in a time that depends only on the lengths, never on where the bytes differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// A random salt from the system's secure generator.
    static func newSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<saltBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Timestamps as stored: ISO 8601 in UTC to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

/// What checking a PIN found.
public enum PINCheck: Hashable, Sendable {
    /// The right PIN: the agent's name (failures are reset).
    case accepted(name: String)
    /// A wrong PIN; `attemptsLeft` before the agent is locked.
    case wrong(attemptsLeft: Int)
    /// Locked (now, or still) for `seconds` more; the PIN was not even checked while locked.
    case locked(seconds: Int)
    /// The agent exists but has no PIN yet.
    case noPIN
    /// No agent has this code.
    case unknownAgent
}

extension PINCheck: Localized {
    public func message(in l: Language) -> String {
        switch self {
        case .accepted(let name):
            return l.pick("Bonjour \(name).", "Hello \(name).")
        case .wrong(let left):
            return left == 1
                ? l.pick("PIN incorrect : encore 1 essai avant le blocage.", "Wrong PIN: 1 attempt left before the lock.")
                : l.pick("PIN incorrect : encore \(left) essais avant le blocage.", "Wrong PIN: \(left) attempts left before the lock.")
        case .locked(let seconds):
            let wait = PINCheck.wait(seconds, l)
            return l.pick("Trop d'essais : compte bloqué, réessayez dans \(wait) ou demandez au coordinateur de le débloquer.",
                          "Too many attempts: account locked, try again in \(wait) or ask the coordinator to unlock it.")
        case .noPIN:
            return l.pick("Pas encore de PIN pour cet agent : demandez au coordinateur d'en définir un.",
                          "No PIN yet for this agent: ask the coordinator to set one.")
        case .unknownAgent:
            return l.pick("Code agent inconnu.", "Unknown agent code.")
        }
    }

    /// `45 s`, `2 min`, `1 h` (rounded up to the minute past 60 s).
    static func wait(_ seconds: Int, _ l: Language) -> String {
        if seconds < 60 { return "\(max(1, seconds)) s" }
        let minutes = (seconds + 59) / 60
        return minutes < 60 ? "\(minutes) min" : l.pick("\(minutes / 60) h\(minutes % 60 == 0 ? "" : " \(minutes % 60) min")",
                                                        "\(minutes / 60) h\(minutes % 60 == 0 ? "" : " \(minutes % 60) min")")
    }
}

/// Why a PIN could not be set or an agent unlocked.
public enum PINRefusal: Error, Hashable, Sendable, Localized {
    case malformed
    case unknownAgent(String)
    case noPIN(String)

    public func message(in l: Language) -> String {
        switch self {
        case .malformed:
            return l.pick("le PIN doit compter de 4 à 12 chiffres", "the PIN must be 4 to 12 digits")
        case .unknownAgent(let code):
            return l.pick("agent inconnu : \(code)", "unknown agent: \(code)")
        case .noPIN(let code):
            return l.pick("l'agent \(code) n'a pas de PIN (releve agent set-pin \(code))", "agent \(code) has no PIN (releve agent set-pin \(code))")
        }
    }
}

extension AppDatabase {
    /// Sets (or replaces) an agent's PIN, with a new salt; clears failures and any lock.
    public func setPIN(_ pin: String, agent: String, now: Date) throws {
        try setPIN(pin, agent: agent, now: now, iterations: AgentPIN.productionIterations)
    }

    /// `setPIN` with a chosen number of rounds (tests use a small one).
    func setPIN(_ pin: String, agent: String, now: Date, iterations: Int) throws {
        guard AgentPIN.isWellFormed(pin) else { throw PINRefusal.malformed }
        let salt = AgentPIN.newSalt()
        let hash = try AgentPIN.keyedHash(pin, salt: salt, iterations: iterations, key: try requireKey())
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM agent WHERE code = ?", arguments: [agent]) != nil else {
                throw PINRefusal.unknownAgent(agent)
            }
            try db.execute(sql: """
                INSERT INTO agent_pin (agent, salt, hash, iterations, failures, locked_until, changed_at, keyed)
                VALUES (?, ?, ?, ?, 0, NULL, ?, 1)
                ON CONFLICT(agent) DO UPDATE SET salt = excluded.salt, hash = excluded.hash,
                    iterations = excluded.iterations, failures = 0, locked_until = NULL, changed_at = excluded.changed_at,
                    keyed = 1
                """, arguments: [agent, Data(salt), Data(hash), iterations, AgentPIN.timestamp(now)])
        }
    }

    /// Checks `pin` for `agent` at `now`, counting failures and locking after too many. The slow
    /// hash is computed outside any transaction (other sessions keep writing meanwhile); the
    /// count is then updated in one write transaction from the row as it is then, so two kiosks
    /// trying the same agent at once both count. A PIN replaced meanwhile is checked again.
    /// The agent whose code is `typed`, case ignored ("a4" is A4), and whether a PIN is set;
    /// nil when there is none.
    public func agentCode(matching typed: String) throws -> (code: String, hasPIN: Bool)? {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.code, p.agent IS NOT NULL AS has_pin FROM agent a LEFT JOIN agent_pin p ON p.agent = a.code
                WHERE a.code = ? COLLATE NOCASE ORDER BY a.code = ? DESC
                """, arguments: [typed, typed])
            guard let row = rows.first else { return nil }
            return (row["code"], row["has_pin"])
        }
    }

    public func checkPIN(_ pin: String, agent: String, now: Date) throws -> PINCheck {
        for _ in 0..<3 {
            guard let name = try read({ db in try String.fetchOne(db, sql: "SELECT name FROM agent WHERE code = ?", arguments: [agent]) }) else {
                return .unknownAgent
            }
            guard let stored = try read({ db in try StoredPIN.fetch(db, agent: agent) }) else { return .noPIN }
            if let wait = stored.lockSeconds(at: now) { return .locked(seconds: wait) }
            let key = try requireKey()
            let computed = stored.keyed
                ? try AgentPIN.keyedHash(pin, salt: stored.salt, iterations: stored.iterations, key: key)
                : try AgentPIN.hash(pin, salt: stored.salt, iterations: stored.iterations)
            let matches = AgentPIN.constantTimeEqual(computed, stored.hash)
            // A PIN set before issue 10 is hashed again with the key once it is typed right.
            let upgrade = matches && !stored.keyed
                ? try AgentPIN.keyedHash(pin, salt: stored.salt, iterations: stored.iterations, key: key) : nil
            let outcome: PINCheck? = try write { db in
                guard let current = try StoredPIN.fetch(db, agent: agent) else { return PINCheck.noPIN }
                guard current.salt == stored.salt, current.hash == stored.hash else { return nil }
                if let wait = current.lockSeconds(at: now) { return .locked(seconds: wait) }
                if matches {
                    if let upgrade {
                        try db.execute(sql: "UPDATE agent_pin SET hash = ?, keyed = 1 WHERE agent = ?", arguments: [Data(upgrade), agent])
                    }
                    if current.failures != 0 || current.lockedUntil != nil {
                        try db.execute(sql: "UPDATE agent_pin SET failures = 0, locked_until = NULL WHERE agent = ?", arguments: [agent])
                    }
                    return .accepted(name: name)
                }
                let count = current.failures + 1
                let delay = AgentPIN.lockDelay(afterFailures: count)
                let until: String? = delay > 0 ? AgentPIN.timestamp(now.addingTimeInterval(delay)) : nil
                try db.execute(sql: "UPDATE agent_pin SET failures = ?, locked_until = ? WHERE agent = ?",
                               arguments: [count, until, agent])
                return delay > 0 ? .locked(seconds: Int(delay)) : .wrong(attemptsLeft: AgentPIN.maximumFailures - count)
            }
            if let outcome { return outcome }
        }
        throw StoreError.busy
    }

    /// The coordinator's unlock: failures back to zero, no lock; the PIN is kept.
    public func unlockPIN(agent: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM agent WHERE code = ?", arguments: [agent]) != nil else {
                throw PINRefusal.unknownAgent(agent)
            }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM agent_pin WHERE agent = ?", arguments: [agent]) != nil else {
                throw PINRefusal.noPIN(agent)
            }
            try db.execute(sql: "UPDATE agent_pin SET failures = 0, locked_until = NULL WHERE agent = ?", arguments: [agent])
        }
    }

    /// Failures and lock of an agent's PIN, nil without a PIN (for `releve agent` and tests).
    public func pinStatus(agent: String) throws -> (failures: Int, lockedUntil: Date?)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT failures, locked_until FROM agent_pin WHERE agent = ?", arguments: [agent]).map { row in
                (row["failures"], (row["locked_until"] as String?).flatMap(AgentPIN.date))
            }
        }
    }
}

/// An agent's PIN row as read.
struct StoredPIN {
    var salt: [UInt8]
    var hash: [UInt8]
    var iterations: Int
    var failures: Int
    var lockedUntil: Date?
    /// Hashed with the installation key (every PIN set since issue 10).
    var keyed: Bool

    static func fetch(_ db: Database, agent: String) throws -> StoredPIN? {
        try Row.fetchOne(db, sql: "SELECT salt, hash, iterations, failures, locked_until, keyed FROM agent_pin WHERE agent = ?",
                         arguments: [agent]).map { row in
            let salt: Data = row["salt"], hash: Data = row["hash"]
            return StoredPIN(salt: Array(salt), hash: Array(hash), iterations: row["iterations"], failures: row["failures"],
                             lockedUntil: (row["locked_until"] as String?).flatMap(AgentPIN.date), keyed: row["keyed"])
        }
    }

    /// Seconds of lock left at `now`, nil when not locked.
    func lockSeconds(at now: Date) -> Int? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        return Int(lockedUntil.timeIntervalSince(now).rounded(.up))
    }
}
