import ArgumentParser
import Domain
import Foundation
import Store

/// `releve import FILE`: loads a `releve/1` territory, all or nothing.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Charge un fichier de territoire releve/1 (tout ou rien ; les codes existants sont mis à jour).")

    @Argument(help: "Fichier JSON au format releve/1.")
    var file: String

    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure(.invalidData, language.pick("fichier « \(file) » introuvable ou illisible",
                                                                 "file \"\(file)\" not found or unreadable"))
            }
            let territory: Territory
            do {
                territory = try TerritoryDecoder.decode(data)
            } catch let error as InvalidTerritory {
                throw CommandFailure(.invalidData, "\(file) : " + error.message(in: language))
            }
            let database = try options.openDatabase()
            do {
                try database.saveInBulk(territory, description: file)
            } catch let error as InvalidTerritory {
                throw CommandFailure(.invalidData, "\(file) : " + error.message(in: language))
            }
            writeLine(language.pick(
                "Importé : \(territory.members.count) membres, \(territory.agents.count) agents, \(territory.requests.count) demandes, \(territory.timeEntries.count) saisies d'heures.",
                "Imported: \(territory.members.count) members, \(territory.agents.count) agents, \(territory.requests.count) requests, \(territory.timeEntries.count) time entries."))
        }
    }
}

/// `releve export`: the whole territory as `releve/1` JSON.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Écrit tout le territoire au format releve/1.")

    @Option(name: .shortAndLong, help: "Fichier de sortie (sinon la sortie standard).")
    var output: String?

    @OptionGroup var force: ForceOption

    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            let database = try options.openDatabase()
            try options.requireWholeCopy(database, what: language.pick("l'export", "export"))
            if let output { try OutputFile.check(output, force: force.force, protecting: database.protectedFiles) }
            let json = TerritoryEncoder.encode(try database.loadTerritory())
            guard let output else { writeOut(json); return }
            try OutputFile.write(Array(json.utf8), to: output, force: force.force, protecting: database.protectedFiles)
        }
    }
}
