import ArgumentParser
import Domain
import TUI

/// `releve keys`: every key of the interface, from the one table the interface uses.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Liste les touches de l'interface plein écran (la table même que l'interface utilise).")

    @Flag(help: "En tableau Markdown (celui du README).") var markdown = false
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { language in
            if markdown {
                writeLine(KeyMap.markdown(language))
                return
            }
            let rows = KeyMap.bindings.map { binding in
                [binding.keys.map { $0.label(language) }.joined(separator: " "),
                 binding.hintIn.isEmpty ? language.pick("partout", "everywhere")
                     : Pane.allCases.filter(binding.hintIn.contains).map { $0.title(language) }.joined(separator: ", "),
                 binding.description(language) + (binding.edits ? language.pick(" (modifie)", " (edits)") : "")]
            }
            writeOut(TextTable.render(header: [language.pick("Touches", "Keys"), language.pick("Où", "Where"), language.pick("Fait", "Does")],
                                      rows: rows, rightAligned: []))
        }
    }
}
