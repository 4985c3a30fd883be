import Domain
import Foundation
import GRDB

/// The audit chain's head kept outside the database (issue 10): `<database>.anchor`, 0600, beside
/// it, rewritten after every sealing write (never backwards: several processes write), and
/// MAC'd with the installation key. A database whose trail no longer contains the anchored head
/// was truncated, wiped, or replaced by an older copy. A backup carries its own anchor inside
/// (table `backup_anchor`), as of the moment it was taken.
struct AuditAnchor: Equatable {
    var lastID: Int64
    var lastHash: String
    var at: String

    static func path(forDatabase database: String) -> String { database + ".anchor" }

    func text(_ key: InstallationKey) -> String {
        let body = "releve-anchor 1\n\(lastID)\n\(lastHash)\n\(at)"
        return body + "\n" + key.mac(body) + "\n"
    }

    static func parse(_ text: String, key: InstallationKey) -> AuditAnchor? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 5, lines[0] == "releve-anchor 1", let id = Int64(lines[1]) else { return nil }
        let body = lines[0...3].joined(separator: "\n")
        guard key.mac(body) == lines[4] else { return nil }
        return AuditAnchor(lastID: id, lastHash: lines[2], at: lines[3])
    }

    enum Reading { case none, forged, anchor(AuditAnchor) }

    static func read(_ path: String, key: InstallationKey) -> Reading {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .none }
        return parse(text, key: key).map(Reading.anchor) ?? .forged
    }

    /// Writes `anchor` unless the file already holds a later head; atomically, under the
    /// database's lock file unless the caller holds it already.
    static func advance(_ path: String, to anchor: AuditAnchor, key: InstallationKey, lock: String?) {
        let held = lock.map(FileLock.init)
        defer { held?.release() }
        if case .anchor(let current) = read(path, key: key), current.lastID >= anchor.lastID { return }
        try? OutputFile.write(Array(anchor.text(key).utf8), to: path, force: true, protecting: [])
    }


    /// The head as the database holds it.
    static func head(_ db: Database) throws -> AuditAnchor? {
        guard let row = try Row.fetchOne(db, sql: "SELECT last_id, last_hash FROM audit_head WHERE id = 1") else { return nil }
        let at = try String.fetchOne(db, sql: "SELECT at FROM audit WHERE id = ?", arguments: [row["last_id"] as Int64]) ?? ""
        return AuditAnchor(lastID: row["last_id"], lastHash: row["last_hash"], at: at)
    }

    /// Whether the trail still holds the anchored head (equal, or ahead of it).
    static func problems(_ db: Database, anchor: AuditAnchor, source: String, language l: Language) throws -> [IntegrityProblem] {
        let hash = try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [anchor.lastID])
        guard hash != anchor.lastHash else { return [] }
        let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit")
        let now = last.map { l.pick("la base s'arrête à la ligne \($0)", "the database stops at row \($0)") }
            ?? l.pick("la base n'a plus aucune ligne", "the database has no row left")
        return [IntegrityProblem(what: l.pick(
            "journal d'audit : la tête connue \(source) (ligne \(anchor.lastID), du \(AuditTrail.when(anchor.at))) n'y est plus — \(now) : lignes supprimées, journal vidé ou copie plus ancienne remise en place",
            "audit trail: the head known \(source) (row \(anchor.lastID), of \(AuditTrail.when(anchor.at))) is gone — \(now): rows deleted, trail wiped, or an older copy put back"))]
    }
}


/// An exclusive `flock` on a small private file beside the database (`<database>.lock`): it
/// serialises what SQLite's own locks do not cover, the first creation and migration of a
/// database by several processes at once, and the anchor's rewrites.
final class FileLock {
    private let fd: Int32

    init(_ path: String) {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd >= 0 { flock(fd, LOCK_EX) }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
    }

    static func path(forDatabase database: String) -> String { database + ".lock" }
}
