import ArgumentParser
import Documents
import Domain
import Foundation
import Store

/// `releve estimate REQUEST_ID`: the cost estimate of rules.md §6.1, before a mission.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate", abstract: "Coût prévisionnel d'une demande (heures nécessaires moins les heures prépayées restantes).")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @Option(help: "Écrit aussi le coût prévisionnel en PDF dans ce fichier, à faire signer par le maire.") var pdf: String?
    @Option(help: "Date du document PDF (sinon aujourd'hui).") var date: String?
    @OptionGroup var force: ForceOption
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let database = try options.openDatabase()
            if let pdf { try OutputFile.check(pdf, force: force.force, protecting: database.protectedFiles, option: "--pdf") }
            let territory = try database.loadTerritory()
            guard let decision = Arbitration.plan(territory).decision(requestID) else {
                throw CommandFailure(.invalidData, l.pick("demande « \(requestID) » inconnue", "unknown request \"\(requestID)\""))
            }
            if decision.status == .refused {
                let why = decision.reasons.compactMap { if case .refused(let r) = $0 { return r.label(in: l, convention: territory.service.convention) }; return nil }
                throw CommandFailure(.invalidData, l.pick("demande \(requestID) \(why.first ?? "refusée") : pas de coût prévisionnel",
                                                          "request \(requestID) \(why.first ?? "refused"): no cost estimate"))
            }
            let estimate: CostEstimate
            switch CostEstimate.evaluate(for: decision, territory: territory) {
            case .success(let found)?: estimate = found
            case .failure(let missing)?: throw CommandFailure(.invalidData, missing.message(l))
            case nil: throw CommandFailure(.invalidData, l.pick("demande \(requestID) : pas de coût prévisionnel", "request \(requestID): no cost estimate"))
            }
            if let pdf, let member = territory.addressedMember(estimate.member) {
                let day = try OptionValue.optionalDate(date, option: "--date") ?? Clock.today()
                let bytes = CostEstimateDocument.pdf(estimate: estimate, request: decision.request, member: member,
                                                     service: territory.service, issued: day,
                                                     policy: database.readPolicy)
                try OutputFile.write(bytes, to: pdf, force: force.force, protecting: database.protectedFiles, option: "--pdf")
                writeError(l.pick("Coût prévisionnel écrit dans \(pdf)\n", "Cost estimate written to \(pdf)\n"))
            }
            switch format {
            case .json: writeOut(Self.json(estimate, l).rendered())
            case .table: writeOut(Self.table(estimate, name: territory.members.first { $0.code == estimate.member }?.name ?? estimate.member, l))
            }
        }
    }
}

extension EstimateCommand {
    /// The JSON of cli.md (request, member, year, needed_minutes, prepaid_minutes_left,
    /// billed_minutes, hourly_rate, amount) with the scheme, its basis in words and the lines;
    /// `amount` is null when none is known before the mission (prorata_cost).
    static func json(_ e: CostEstimate, _ l: Language) -> JSONOutput {
        JSONOutput.object([
            ("request", .string(e.request)), ("member", .string(e.member)), ("year", .integer(e.year)),
            ("needed_minutes", .integer(e.neededMinutes)), ("prepaid_minutes_left", .integer(e.prepaidMinutesLeft)),
            ("billed_minutes", .integer(e.billedMinutes)), ("hourly_rate", .optional(e.hourlyRateCents.map(MoneyText.format))),
            ("amount", .optional(e.amountCents.map(MoneyText.format))),
            ("scheme", .string(e.scheme.rawValue)), ("basis", .string(e.basis(l))),
            ("lines", .array(e.lines.map { line in
                .object([("type", .string(line.kind.rawValue)), ("label", .string(line.label(l))),
                         ("minutes", .optional(line.minutes)), ("unit_price", .optional(line.unitPriceCents.map(MoneyText.format))),
                         ("amount", .optional(line.amountCents.map(MoneyText.format)))])
            })),
            ("notes", .array(e.notes(l).map(JSONOutput.string))),
        ])
    }

    /// The table: hours needed, then one row per line, the amount (or why there is none) and the basis.
    static func table(_ e: CostEstimate, name: String, _ l: Language) -> String {
        let f = DisplayFormat(l)
        var rows: [String] = [l.pick("Coût prévisionnel · demande \(e.request) · \(name)", "Cost estimate · request \(e.request) · \(name)")]
        func row(_ label: String, _ value: String) { rows.append("  " + label.padding(toLength: max(label.count + 2, 28), withPad: " ", startingAt: 0) + value) }
        row(l.pick("Base de calcul", "Basis"), e.basis(l))
        row(l.pick("Heures nécessaires", "Hours needed"), DurationText.format(e.neededMinutes))
        if e.scheme == .feeAndHourly {
            row(l.pick("Heures prépayées restantes", "Prepaid hours left"),
                "\(DurationText.format(e.prepaidMinutesLeft)) (" + l.pick("cotisation", "fee") + " \(e.year))")
            row(l.pick("Heures facturables", "Billable hours"),
                "\(DurationText.format(e.billedMinutes)) × \(f.money(e.hourlyRateCents ?? 0)) " + l.pick("de l'heure", "an hour"))
        } else {
            for line in e.lines where line.kind != .share {
                let minutes = line.minutes.map { DurationText.format($0) + " " } ?? ""
                row(line.label(l), minutes + (line.amountCents.map { "= " + f.money($0) } ?? ""))
            }
        }
        row(l.pick("Montant estimé", "Estimated amount"), e.amountCents.map(f.money) ?? l.pick("inconnu avant la fin de l'année", "unknown before year end"))
        for note in e.notes(l) { rows.append("  " + note) }
        return rows.joined(separator: "\n") + "\n\n"
    }
}
