import ArgumentParser
import Domain
import Foundation
import Store

/// `releve gen`: a large synthetic territory, identical for the same seed.
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Génère un grand territoire synthétique réaliste (même graine, même territoire).")

    @Option(help: "Nombre de membres.") var members: Int
    @Option(help: "Nombre d'agents.") var agents: Int
    @Option(help: "Nombre d'années.") var years: Int = 1
    @Option(help: "Graine du générateur.") var seed: UInt64 = 1
    @Option(name: .customLong("first-year"), help: "Première année générée.") var firstYear: Int = 2025
    @OptionGroup var options: CommonOptions

    func validate() throws {
        guard (1...200_000).contains(members) else { throw ValidationError("--members : entre 1 et 200 000") }
        guard (1...20_000).contains(agents) else { throw ValidationError("--agents : entre 1 et 20 000") }
        guard (1...10).contains(years) else { throw ValidationError("--years : entre 1 et 10") }
        guard (1990...2100).contains(firstYear) else { throw ValidationError("--first-year : entre 1990 et 2100") }
    }

    func run() throws {
        try options.reporting { language in
            let database = try options.openDatabase()
            guard try database.isEmpty() else {
                throw CommandFailure(.invalidData, language.pick(
                    "la base \(try options.databasePath()) contient déjà des données : générez dans une base neuve (--db)",
                    "database \(try options.databasePath()) already holds data: generate into a new one (--db)"))
            }
            let started = Date()
            let territory = SyntheticTerritory.make(members: members, agents: agents, years: years, seed: seed,
                                                    firstYear: firstYear)
            try database.saveInBulk(territory, description: "releve gen --members \(members) --agents \(agents) --years \(years) --seed \(seed)")
            let seconds = Date().timeIntervalSince(started)
            writeLine(language.pick(
                "Généré en \(String(format: "%.1f", seconds)) s : \(territory.members.count) membres, \(territory.agents.count) agents, \(territory.requests.count) demandes, \(territory.timeEntries.count) saisies d'heures.",
                "Generated in \(String(format: "%.1f", seconds)) s: \(territory.members.count) members, \(territory.agents.count) agents, \(territory.requests.count) requests, \(territory.timeEntries.count) time entries."))
        }
    }
}

/// `releve demo`: fills an empty database with the demo service, then says how to open it.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Crée un territoire de démonstration si la base est vide, puis ouvre l'interface.")

    @Option(help: "Le modèle de convention de départ : cucm (par défaut), oisans, val-de-drome, cdg63, cdg03 ou cdg51.")
    var preset: String?
    @OptionGroup var options: CommonOptions
    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        try options.reporting { language in
            let model = try preset.map { name in
                guard let p = ConventionPreset(rawValue: name.lowercased()) else {
                    throw CommandFailure(.usage, language.pick("--preset : modèle « \(name) » inconnu ; cucm, oisans, val-de-drome, cdg63, cdg03 ou cdg51",
                                                               "--preset: unknown preset \"\(name)\"; cucm, oisans, val-de-drome, cdg63, cdg03 or cdg51"))
                }
                return p
            }
            let day = try OptionValue.optionalDate(interface.today, option: "--today") ?? Clock.today()
            let database = try options.openDatabase(announcingNew: false)
            let path = try options.databasePath()
            if try database.isEmpty() {
                let territory = DemoTerritory.make(today: day, preset: model)
                if let model { writeLine(model.source(language)) }
                try database.saveInBulk(territory, description: "releve demo")
                writeLine(language.pick(
                    "Territoire de démonstration créé dans \(path) : \(territory.members.count) communes membres, \(territory.agents.count) agents, \(territory.requests.count) demandes, \(territory.timeEntries.count) saisies d'heures.",
                    "Demo territory created in \(path): \(territory.members.count) members, \(territory.agents.count) agents, \(territory.requests.count) requests, \(territory.timeEntries.count) time entries."))
            } else {
                writeLine(language.pick("La base \(path) contient déjà des données : rien n'a été ajouté.",
                                    "Database \(path) already holds data: nothing was added."))
            }
            if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 {
                try Interface.run(database: database, options: interface, language: language)
            } else {
                writeLine(language.pick("Pour l'ouvrir dans un terminal : releve --db \"\(path)\"",
                                    "To open it in a terminal: releve --db \"\(path)\""))
            }
        }
    }
}

/// The real clock, read only at the edge (the domain never reads it).
enum Clock {
    static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: 0)
    }
}
