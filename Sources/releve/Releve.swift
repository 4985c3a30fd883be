import ArgumentParser
import Domain
import Foundation

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
            Demo.self, Import.self, Export.self, PlanCommand.self, ScheduleCommand.self, ContractCommand.self, SuggestCommand.self, AssignCommand.self, EstimateCommand.self, ConventionCommand.self, InvoiceCommand.self, ReportCommand.self, Hours.self, AgentCommand.self, KioskCommand.self, UserCommand.self, AuditCommand.self, Check.self, Backup.self, Gen.self, Bench.self, KeysCommand.self, RenewCommand.self, AnswerCommand.self, RenewalsCommand.self, EvaluationCommand.self, DirectoryCommand.self,
        ])

    @OptionGroup var options: CommonOptions

    /// Parses and runs, saying usage errors in one French line (exit 64) rather than
    /// swift-argument-parser's English ones; `--help` is left as it is.
    static func main() {
        // Everything Relève creates (database, -wal, -shm, key, backups, documents, exports) is
        // private to the account that owns the data: files 0600, directories 0700.
        umask(0o077)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            let arguments = CommandLine.arguments
            let english = arguments.contains("--lang=en")
                || zip(arguments, arguments.dropFirst()).contains { $0 == "--lang" && $1 == "en" }
            let language: Language = english ? .en : .fr
            let message = UsageMessage.translate(Self.message(for: error), to: language)
            let hint = language.pick("voir releve --help", "see releve --help")
            writeError((language.pick("releve : erreur : ", "releve: error: ") + "\(message) (\(hint))\n"))
            exit(withError: ExitCode(64))
        }
        do {
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch where exitCode(for: error) == .success {
            Self.exit(withError: error)  // --help, --version
        } catch {
            // Commands report their own failures; anything else is a bug: exit 70, in one line.
            writeError("releve : erreur interne : \(error)\n")
            Self.exit(withError: ExitCode(70))
        }
    }

    @OptionGroup var interface: InterfaceOptions

    func run() throws {
        try options.reporting { language in
            try Interface.run(database: try options.openDatabase(), options: interface, language: language)
        }
    }
}

/// French wording of swift-argument-parser's usage messages.
enum UsageMessage {
    static func translate(_ english: String, to language: Language) -> String {
        let line = english.split(separator: "\n").first.map(String.init) ?? english
        guard language == .fr else { return line }
        let table: [(String, String)] = [
            ("Missing expected argument", "argument attendu manquant"),
            ("Missing value for", "valeur manquante pour"),
            ("Unknown option", "option inconnue"),
            ("Unexpected argument", "argument inattendu"),
            ("Unexpected arguments", "arguments inattendus"),
            ("The value", "la valeur"),
            ("is invalid for", "n'est pas valable pour"),
            (". Please provide one of", " ; valeurs possibles :"),
            ("' and '", "' et '"),
            ("Error: ", ""),
        ]
        var text = line
        for (en, fr) in table { text = text.replacingOccurrences(of: en, with: fr) }
        return text
    }
}
