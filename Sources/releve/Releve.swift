import ArgumentParser

/// `releve`: the command line of Relève. With no subcommand it opens the interface.
@main
struct Releve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "releve",
        abstract: "Relève — planning, heures et facturation d'un service commun de secrétariat de mairie.",
        discussion: """
            Base de données : --db CHEMIN, sinon $RELEVE_DB, sinon $XDG_DATA_HOME/releve/releve.sqlite.
            Codes de sortie : 0 succès, 64 usage, 65 données invalides, 69 base occupée ou illisible, 70 erreur interne.
            """,
        subcommands: [
            Demo.self, Import.self, Export.self, PlanCommand.self, Hours.self, Check.self, Backup.self, Gen.self, Bench.self,
        ])

    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            let path = try options.databasePath()
            print(language.pick("""
                L'interface plein écran de Relève n'est pas encore disponible dans cette version.
                Base de données : \(path)
                En attendant, utilisez les commandes : releve --help
                """, """
                Relève's full-screen interface is not available in this version yet.
                Database: \(path)
                Meanwhile, use the commands: releve --help
                """))
        }
    }
}
