import Domain
import Foundation
import GRDB

/// One finding of `releve check`.
public struct IntegrityProblem: Sendable, Localized {
    public let what: String

    public func message(in language: Language) -> String { what }
}

extension AppDatabase {
    /// Checks the file (SQLite's own integrity check), the schema version, foreign keys and
    /// the domain invariants that the schema cannot express. Empty when all is well.
    public func integrityProblems(language: Language) throws -> [IntegrityProblem] {
        try read { db in
            var problems: [IntegrityProblem] = []
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                problems.append(IntegrityProblem(what: language.pick("fichier SQLite : \(line)", "SQLite file: \(line)")))
            }
            if try !Schema.migrator.hasCompletedMigrations(db) {
                problems.append(IntegrityProblem(what: language.pick(
                    "schéma incomplet ou plus récent que ce programme", "schema incomplete or newer than this program")))
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                problems.append(IntegrityProblem(what: language.pick(
                    "\(table) ligne \(rowid.map(String.init) ?? "?") : référence vers \(parent) introuvable",
                    "\(table) row \(rowid.map(String.init) ?? "?"): missing \(parent) reference")))
            }
            if let keyProblem { problems.append(IntegrityProblem(what: keyProblem.message(in: language))) }
            problems += try AuditTrail.problems(db, key: key, language: language)
            if let key {
                problems += try InvoiceSeal.problems(db, key: key, language: language)
                problems += try anchorProblems(db, key: key, language: language)
            }
            problems += filePermissionProblems(language: language)
            let territory = try TerritoryReader.read(db)
            for error in TerritoryValidation.problems(in: territory) {
                problems.append(IntegrityProblem(what: error.message(in: language)))
            }
            return problems
        }
    }

    /// The trail against its anchors: the file beside the database, and the one a backup carries.
    func anchorProblems(_ db: Database, key: InstallationKey, language l: Language) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        let isBackup = try db.tableExists("backup_anchor")
        if isBackup, let text = try String.fetchOne(db, sql: "SELECT anchor FROM backup_anchor WHERE id = 1") {
            if let anchor = AuditAnchor.parse(text, key: key) {
                problems += try AuditAnchor.problems(db, anchor: anchor, source: l.pick("à la sauvegarde", "at backup time"), language: l)
            } else {
                problems.append(IntegrityProblem(what: l.pick("sauvegarde : son ancre de journal d'audit a été modifiée", "backup: its audit anchor was edited")))
            }
        }
        guard let path else { return problems }
        let file = AuditAnchor.path(forDatabase: path)
        switch AuditAnchor.read(file, key: key) {
        case .anchor(let anchor):
            problems += try AuditAnchor.problems(db, anchor: anchor, source: l.pick("hors de la base", "outside the database"), language: l)
        case .forged:
            problems.append(IntegrityProblem(what: l.pick("ancre du journal d'audit (\(file)) modifiée ou illisible : elle n'est pas signée par la clé d'installation",
                                                          "audit anchor (\(file)) edited or unreadable: it is not signed by the installation key")))
        case .none:
            let keyed = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE hash LIKE 'k1:%'") ?? 0
            if keyed > 0 && !isBackup {
                problems.append(IntegrityProblem(what: l.pick("ancre du journal d'audit absente (\(file)) : supprimée, ou base copiée d'ailleurs sans elle ; la troncature du journal ne peut plus être exclue",
                                                              "audit anchor missing (\(file)): deleted, or the database was copied without it; a truncated trail can no longer be ruled out")))
            }
        }
        return problems
    }

    /// The database's folder and files (database, -wal, -shm, key, anchor) must be private to the
    /// account that owns the data: said with the command that fixes it.
    func filePermissionProblems(language l: Language) -> [IntegrityProblem] {
        guard let path else { return [] }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var info = stat()
        let folderOpen = stat(folder, &info) == 0 && info.st_mode & 0o077 != 0
        let files = [path, path + "-wal", path + "-shm", InstallationKey.path(forDatabase: path), AuditAnchor.path(forDatabase: path)]
        let openFiles = files.filter { stat($0, &info) == 0 && info.st_mode & 0o077 != 0 }
        // A folder others may list is said along with the files they may read, not on its own.
        guard !openFiles.isEmpty else { return [] }
        let exposed = (folderOpen ? [folder] : []) + openFiles
        var fix: [String] = []
        if folderOpen { fix.append("chmod 700 '\(folder)'") }
        if !openFiles.isEmpty { fix.append("chmod 600 " + openFiles.map { "'\($0)'" }.joined(separator: " ")) }
        return [IntegrityProblem(what: l.pick(
            "fichiers lisibles par d'autres comptes du serveur (\(exposed.joined(separator: ", "))) : les absences, les PIN et le journal y sont lisibles ; corrigez par : \(fix.joined(separator: " && "))",
            "files readable by other accounts of the server (\(exposed.joined(separator: ", "))): absences, PINs and the trail can be read there; fix with: \(fix.joined(separator: " && "))"))]
    }
}
