import ArgumentParser
import Domain
import Foundation
import Store

/// `releve check`: integrity of the file, the schema, the references and the rules.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vérifie l'intégrité de la base (fichier, schéma, références, règles).")

    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            let problems = try options.openDatabase().integrityProblems(language: language)
            guard problems.isEmpty else {
                for problem in problems { writeLine("✗ " + problem.message(in: language)) }
                throw CommandFailure(.invalidData, language.pick(
                    "\(problems.count) problème(s) d'intégrité : restaurez une sauvegarde ou corrigez les données",
                    "\(problems.count) integrity problem(s): restore a backup or fix the data"))
            }
            writeLine(language.pick("Base intègre : fichier, schéma, références, règles, journal d'audit et son ancre, sceaux des factures, clé et droits des fichiers vérifiés.",
                                    "Database sound: file, schema, references, rules, audit trail and its anchor, invoice seals, key and file permissions checked."))
        }
    }
}

/// `releve backup FILE`: a consistent copy taken while others keep working.
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Sauvegarde la base à chaud dans un fichier.")

    @Argument(help: "Fichier de sauvegarde à créer.")
    var file: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            let database = try options.openDatabase()
            try options.requireWholeCopy(database, what: language.pick("la sauvegarde", "backup"))
            try OutputFile.check(file, force: true, protecting: database.protectedFiles, option: "FICHIER")
            var info = stat()
            if lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                throw CommandFailure(.cannotCreate, language.pick(
                    "« \(file) » existe déjà : choisissez un autre nom (une sauvegarde n'en écrase jamais une autre)",
                    "\"\(file)\" already exists: choose another name (a backup never overwrites another)"))
            }
            // Into a private temporary file beside the target, synced, then renamed: a failed or
            // interrupted backup leaves nothing, and the live database is never the target.
            try OutputFile.replace(file, force: false, protecting: database.protectedFiles, option: "FICHIER") { temporary in
                do {
                    try database.backup(to: temporary)
                } catch let error as StoreError {
                    throw OutputRefusal.writeFailed(file, reason: error.message(in: language))
                }
            }
            writeLine(language.pick("Sauvegarde écrite : \(file)", "Backup written: \(file)"))
        }
    }
}
