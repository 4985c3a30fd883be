import ArgumentParser
import Domain
import Store
import TUI

/// `releve invoice`: the year's invoices (rules.md §6).
struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice", abstract: "Factures (titres de recettes) de l'année.", subcommands: [Run.self])

    /// `releve invoice run --year Y`: the dry run of the year's billing.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calcule les factures de l'année (simulation : rien n'est émis ni enregistré).")

        @Option(help: "Année facturée.") var year: Int
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let territory = try options.openDatabase().loadTerritory()
                guard territory.service.billing == .prorataCost || territory.tariffs.contains(where: { $0.year == year }) else {
                    throw CommandFailure(.invalidData, l.pick(
                        "aucun tarif pour \(year) : ajoutez-le au territoire (tariffs[] du fichier releve/1)",
                        "no tariff for \(year): add it to the territory (tariffs[] of the releve/1 file)"))
                }
                let invoices = Billing.run(territory, year: year)
                switch format {
                case .json: writeOut(InvoiceReport.json(year: year, invoices: invoices))
                case .table:
                    let names = territory.memberNames
                    let money = DisplayFormat(l)
                    var rows: [[String]] = []
                    for invoice in invoices {
                        for line in invoice.lines {
                            rows.append([names[invoice.member] ?? invoice.member, invoice.request ?? "", line.label,
                                         line.minutes.map(DurationText.format) ?? "", money.money(line.amountCents)])
                        }
                    }
                    let total = invoices.reduce(0) { $0 + $1.totalCents }
                    rows.append(["", "", l.pick("Total de l'année", "Year total"), "", money.money(total)])
                    writeOut(l.pick("Simulation de la facturation \(year) (rien n'est émis) : \(invoices.count) factures\n\n",
                                    "Billing dry run \(year) (nothing issued): \(invoices.count) invoices\n\n"))
                    writeOut(TextTable.render(header: [l.pick("Commune", "Member"), l.pick("Mission", "Mission"), l.pick("Ligne", "Line"),
                                                       l.pick("Heures", "Hours"), l.pick("Montant", "Amount")],
                                              rows: rows, rightAligned: [3, 4]))
                }
            }
        }
    }
}
