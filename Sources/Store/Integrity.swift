import Domain
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
            problems += try AuditTrail.problems(db, language: language)
            let territory = try TerritoryReader.read(db)
            for error in TerritoryValidation.problems(in: territory) {
                problems.append(IntegrityProblem(what: error.message(in: language)))
            }
            return problems
        }
    }
}
