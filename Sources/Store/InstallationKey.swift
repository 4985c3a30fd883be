import Crypto
import Domain
import Foundation

/// The per-installation secret (issue 10): 32 random bytes in `releve.key`, mode 0600, in the
/// database's folder, never in the database. It keys the audit chain's HMACs, the seals of
/// issued invoices, the outside anchor, and the PIN hashes, so that a copied database gives
/// neither an offline PIN search nor a way to rewrite the trail unnoticed. A backup restored on
/// another machine needs this file too.
public struct InstallationKey: @unchecked Sendable {
    /// Immutable once made (swift-crypto's key is a value type not marked Sendable).
    let key: SymmetricKey

    /// The file beside a database.
    public static func path(forDatabase database: String) -> String {
        URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("releve.key").path
    }

    /// A fresh key, kept in memory only (in-memory databases, tests).
    static func ephemeral() -> InstallationKey { InstallationKey(key: SymmetricKey(size: .bits256)) }

    /// The key in `path`, nil when the file does not exist; throws when it is unreadable or not a key.
    static func load(_ path: String) throws -> InstallationKey? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), data.count == 32 else {
            throw InstallationKeyProblem.unreadable(path)
        }
        return InstallationKey(key: SymmetricKey(data: data))
    }

    /// Creates the key file, whole or not at all: written and synced under a temporary name,
    /// then linked to its name, which fails if another process created it meanwhile (then that
    /// one is used).
    static func create(_ path: String) throws -> InstallationKey {
        let fresh = SymmetricKey(size: .bits256)
        let bytes = fresh.withUnsafeBytes { Array($0) }
        let temporary = path + ".new-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw InstallationKeyProblem.unreadable(path) }
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        defer { unlink(temporary) }
        guard written == bytes.count, synced else { throw InstallationKeyProblem.unreadable(path) }
        if link(temporary, path) != 0 {
            if errno == EEXIST, let existing = try load(path) { return existing }
            throw InstallationKeyProblem.unreadable(path)
        }
        return InstallationKey(key: fresh)
    }

    /// HMAC-SHA256 of `text`, in hexadecimal.
    func mac(_ text: String) -> String {
        AuditTrail.hex(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    func mac(_ bytes: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: bytes, using: key))
    }

    /// What the database records to recognise its key (never the key itself).
    var identifier: String { String(mac("releve key identifier").prefix(16)) }
}

/// Why the installation key cannot be used.
public enum InstallationKeyProblem: Error, Localized, Equatable {
    case missing(String)
    case different(String)
    case unreadable(String)

    public func message(in l: Language) -> String {
        switch self {
        case .missing(let path):
            return l.pick("clé d'installation absente (\(path)) : cette base a été scellée avec une clé qui n'est pas là ; remettez le fichier releve.key du serveur d'origine (sans lui, ni les PIN ni le journal d'audit ne peuvent être vérifiés)",
                          "installation key missing (\(path)): this database was sealed with a key that is not here; put back the releve.key file of the original server (without it neither PINs nor the audit trail can be checked)")
        case .different(let path):
            return l.pick("clé d'installation différente (\(path)) : ce n'est pas celle qui a scellé cette base ; remettez le fichier releve.key du serveur d'origine",
                          "different installation key (\(path)): it is not the one that sealed this database; put back the original releve.key")
        case .unreadable(let path):
            return l.pick("clé d'installation illisible ou invalide (\(path)) : 32 octets attendus, mode 0600",
                          "installation key unreadable or invalid (\(path)): 32 bytes expected, mode 0600")
        }
    }
}
