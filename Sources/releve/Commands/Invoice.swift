import ArgumentParser
import Domain
import Documents
import Foundation
import Store

/// `releve invoice`: the year's invoices (rules.md §6): dry run, issue, list, show, cancel by a
/// credit note, record a payment, PDF and CSV.
struct InvoiceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice", abstract: "Factures (titres de recettes) : simulation, émission, avoirs, paiements, PDF et CSV.",
        subcommands: [Run.self, List.self, Show.self, Cancel.self, Pay.self, Overdue.self, Reminder.self, Pdf.self, Export.self])

    /// `releve invoice run --year Y [--issue]`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Calcule les factures d'une période (--year, --month ou --ended-by) ; simulation sauf avec --issue, qui les numérote et les enregistre.")

        @Option(help: "Année facturée (cotisations et heures de l'année).") var year: Int?
        @Option(help: "Mois facturé, AAAA-MM : les heures validées de ce mois.") var month: String?
        @Option(name: .customLong("ended-by"), help: "Facture chaque mission terminée au plus tard ce jour (AAAA-MM-JJ ou JJ/MM/AAAA).")
        var endedBy: String?
        @Flag(help: "Émet les factures : numéros sans trou, tout ou rien, plus jamais modifiées.") var issue = false
        @Option(help: "Date d'émission avec --issue (AAAA-MM-JJ ou JJ/MM/AAAA ; sinon aujourd'hui).") var date: String?
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let scope = try self.scope(l)
                let database = try options.openDatabase()
                if issue {
                    let day = try OptionValue.optionalDate(date, option: "--date") ?? Clock.today()
                    let outcome = try database.issueInvoices(scope, on: day, today: Clock.today())
                    switch format {
                    case .json:
                        writeOut(InvoiceReport.json(scope: scope, issued: outcome.issued, today: day, alreadyIssued: outcome.alreadyIssued))
                    case .table:
                        let names = try database.names().members
                        if !outcome.issued.isEmpty {
                            writeOut(InvoiceTable.issued(outcome.issued, names: names, today: day, language: l) + "\n")
                        }
                        writeOut(l.pick(
                            "\(outcome.issued.count) facture\(outcome.issued.count > 1 ? "s" : "") émise\(outcome.issued.count > 1 ? "s" : "") le \(DisplayFormat(l).date(day))"
                                + (outcome.alreadyIssued.isEmpty ? "" : " ; \(outcome.alreadyIssued.count) déjà émise(s) auparavant, inchangée(s)")
                                + (outcome.zeroTotal == 0 ? "" : " ; \(outcome.zeroTotal) à 0,00 € non émise(s)") + ".\n",
                            "\(outcome.issued.count) invoice(s) issued on \(DisplayFormat(l).date(day))"
                                + (outcome.alreadyIssued.isEmpty ? "" : "; \(outcome.alreadyIssued.count) issued earlier, unchanged")
                                + (outcome.zeroTotal == 0 ? "" : "; \(outcome.zeroTotal) at 0.00 not issued") + ".\n"))
                    }
                    return
                }
                let runs = try database.billingDrafts(scope)
                switch format {
                case .json: writeOut(InvoiceReport.json(scope: scope, runs: runs.map { ($0.year, $0.drafts) }))
                case .table:
                    let names = runs.first?.territory.memberNames ?? [:]
                    writeOut(InvoiceTable.drafts(runs.flatMap(\.drafts), scope: scope, names: names, language: l))
                }
            }
        }

        /// The one period asked: `--year`, `--month` or `--ended-by`.
        func scope(_ l: Language) throws -> BillingScope {
            let given = [year != nil, month != nil, endedBy != nil].filter { $0 }.count
            guard given == 1 else {
                throw CommandFailure(.usage, l.pick("indiquez une période : --year AAAA, --month AAAA-MM ou --ended-by DATE (une seule)",
                                                    "give one period: --year YYYY, --month YYYY-MM or --ended-by DATE"))
            }
            if let year { return .year(year) }
            if let month {
                let parts = month.split(separator: "-")
                guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m),
                      (1900...2200).contains(y) else {
                    throw CommandFailure(.usage, l.pick("--month : « \(month) » invalide, AAAA-MM attendu (ex. 2026-03)",
                                                        "--month: invalid \"\(month)\", expected YYYY-MM (e.g. 2026-03)"))
                }
                return .month(year: y, month: m)
            }
            return .endedBy(try OptionValue.date(endedBy ?? "", option: "--ended-by"))
        }
    }

    /// `releve invoice list [--year Y]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les factures et avoirs émis, avec leur état (payée, en retard, annulée).")

        @Option(help: "Seulement cette année.") var year: Int?
        @OptionGroup var asOf: AsOfOption
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let day = try asOf.day()
                let invoices = try database.invoices(year: year)
                switch format {
                case .json: writeOut(InvoiceReport.json(year: year, issued: invoices, today: day))
                case .table:
                    if invoices.isEmpty {
                        writeOut(l.pick("Aucune facture émise\(year.map { " pour \($0)" } ?? "") : simulez avec releve invoice run --year AAAA, puis émettez avec --issue.\n",
                                        "No invoice issued\(year.map { " for \($0)" } ?? ""): dry-run with releve invoice run --year YYYY, then issue with --issue.\n"))
                    } else {
                        writeOut(InvoiceTable.issued(invoices, names: try database.names().members, today: day, language: l))
                    }
                }
            }
        }
    }

    /// `releve invoice show NUMBER`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Montre une facture : lignes, total, échéance et relevé d'heures.")

        @Argument(help: "Numéro de la facture (2023-0001) ou de l'avoir (AV-2024-0001).") var number: String
        @OptionGroup var asOf: AsOfOption
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let day = try asOf.day()
                let invoice = try database.invoice(number)
                switch format {
                case .json: writeOut(InvoiceReport.json(invoice, today: day))
                case .table:
                    let name = try database.invoiceMemberName(number) ?? invoice.member
                    writeOut(InvoiceTable.detail(invoice, memberName: name, today: day, language: l))
                }
            }
        }
    }

    /// `releve invoice cancel NUMBER --reason …`.
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Annule une facture émise par un avoir (série AV-AAAA-NNNN) qui la référence.")

        @Argument(help: "Numéro de la facture à annuler.") var number: String
        @Option(help: "Motif de l'annulation (obligatoire).") var reason: String
        @Option(help: "Date de l'avoir (sinon aujourd'hui).") var date: String?
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let day = try OptionValue.optionalDate(date, option: "--date") ?? Clock.today()
                let credit = try options.openDatabase().cancelInvoice(number, reason: reason, on: day, today: Clock.today())
                writeOut(l.pick("Avoir \(credit.number) émis : annule la facture \(number) (\(DisplayFormat(l).money(credit.totalCents))).\n",
                                "Credit note \(credit.number) issued: cancels invoice \(number) (\(DisplayFormat(l).money(credit.totalCents))).\n"))
            }
        }
    }

    /// `releve invoice pay NUMBER --date D [--amount 250,00] [--reference T]` (also `invoice paid`,
    /// its name before partial payments).
    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pay",
            abstract: "Enregistre un paiement d'une facture, en tout ou en partie (sans --amount : ce qui reste dû).",
            aliases: ["paid"])

        @Argument(help: "Numéro de la facture payée.") var number: String
        @Option(help: "Date du paiement (sinon aujourd'hui).") var date: String?
        @Option(help: "Montant payé (250,00 ou 250.00 ; sinon tout ce qui reste dû).") var amount: String?
        @Option(help: "Référence du comptable (n° de mandat ou de bordereau).") var reference: String?
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let f = DisplayFormat(l)
                let day = try OptionValue.optionalDate(date, option: "--date") ?? Clock.today()
                let cents = try amount.map { try OptionValue.money($0, option: "--amount", language: l) }
                let invoice = try options.openDatabase().recordPayment(number, on: day, amountCents: cents, reference: reference,
                                                                       today: Clock.today())
                let paidNow = invoice.payments.last { $0.date == day }?.amountCents ?? invoice.paidCents
                if invoice.paid != nil {
                    writeOut(l.pick("Facture \(number) payée le \(f.date(day)) (\(f.money(invoice.totalCents))).\n",
                                    "Invoice \(number) paid on \(f.date(day)) (\(f.money(invoice.totalCents))).\n"))
                } else {
                    writeOut(l.pick("Paiement de \(f.money(paidNow)) enregistré le \(f.date(day)) sur la facture \(number) : "
                                        + "\(invoice.paymentText(l) ?? "").\n",
                                    "Payment of \(f.money(paidNow)) recorded on \(f.date(day)) on invoice \(number): "
                                        + "\(invoice.paymentText(l) ?? "").\n"))
                }
            }
        }
    }

    /// `releve invoice overdue [--today D] [--format json|table]`.
    struct Overdue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste les factures échues qui restent à payer, la plus ancienne échéance d'abord.")

        @OptionGroup var today: TodayOptions
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let day = try today.day()
                let overdue = try database.overdueInvoices(today: day)
                switch format {
                case .json: writeOut(InvoiceReport.overdueJSON(overdue, today: day))
                case .table:
                    if overdue.isEmpty {
                        writeOut(l.pick("Aucune facture en retard au \(DisplayFormat(l).numericDate(day)).\n",
                                        "No overdue invoice on \(DisplayFormat(l).numericDate(day)).\n"))
                    } else {
                        writeOut(InvoiceTable.overdue(overdue, today: day, language: l))
                    }
                }
            }
        }
    }

    /// `releve invoice reminder MEMBER --output FILE [--today D]`.
    struct Reminder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrit la lettre de relance (PDF) d'une commune pour ses factures échues qui restent à payer.")

        @Argument(help: "Code de la commune (ou du membre).") var member: String
        @Option(help: "Fichier PDF à écrire.") var output: String
        @OptionGroup var today: TodayOptions
        @OptionGroup var force: ForceOption
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let day = try today.day()
                try OutputFile.check(output, force: force.force, protecting: database.protectedFiles)
                let (letter, bytes) = try DocumentText.reminderPDF(member: member, today: day, database: database)
                try OutputFile.write(bytes, to: output, force: force.force, protecting: database.protectedFiles)
                let f = DisplayFormat(l)
                let count = letter.overdue.count
                let left = f.money(letter.overdue.reduce(0) { $0 + $1.invoice.leftDueCents })
                writeOut(l.pick("Lettre de relance \(DisplayFormat.de(letter.member.name)) (\(count) facture\(count > 1 ? "s" : ""), \(left) restant dû) écrite dans \(output)\n",
                                "Reminder letter to \(letter.member.name) (\(count) invoice(s), \(left) left due) written to \(output)\n"))
            }
        }
    }

    /// `releve invoice pdf NUMBER --output FILE`.
    struct Pdf: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Écrit le titre de recettes (ou l'avoir) en PDF, avec le relevé d'heures en annexe.")

        @Argument(help: "Numéro de la facture ou de l'avoir.") var number: String
        @Option(help: "Fichier PDF à écrire.") var output: String
        @OptionGroup var force: ForceOption
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                try OutputFile.check(output, force: force.force, protecting: database.protectedFiles)
                let (invoice, bytes) = try DocumentText.invoicePDF(number, database: database)
                try OutputFile.write(bytes, to: output, force: force.force, protecting: database.protectedFiles)
                writeOut(l.pick("\(invoice.isCreditNote ? "Avoir" : "Titre de recettes") \(number) écrit dans \(output)\n",
                                "\(invoice.isCreditNote ? "Credit note" : "Invoice") \(number) written to \(output)\n"))
            }
        }
    }

    /// `releve invoice export --format csv`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Exporte les factures et avoirs émis en CSV pour le logiciel comptable.")

        enum Format: String, ExpressibleByArgument { case csv }

        @Option(help: "csv (séparateur ;, virgule décimale, UTF-8).") var format: Format = .csv
        @Option(help: "Seulement cette année.") var year: Int?
        @Option(help: "Fichier à écrire (sinon la sortie standard).") var output: String?
        @Flag(help: "Commence le fichier par une marque d'ordre des octets (BOM) UTF-8, pour qu'un tableur (Excel) lise les accents.") var bom = false
        @OptionGroup var force: ForceOption
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                let day = try asOf.day()
                let text = (bom ? "\u{FEFF}" : "")
                    + InvoiceReport.csv(try database.invoices(year: year), memberNames: try database.names().members, today: day)
                if let output {
                    try OutputFile.write(Array(text.utf8), to: output, force: force.force, protecting: database.protectedFiles)
                } else {
                    writeOut(text)
                }
            }
        }
    }
}

/// `--as-of DATE`: the day on which overdue invoices are judged (`--today` belongs to the root
/// command's interface options, which swift-argument-parser gives precedence).
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Date à laquelle juger les retards (sinon aujourd'hui ; --today est réservé à l'interface).")
    var value: String?

    func day() throws -> CalendarDate { try OptionValue.optionalDate(value, option: "--as-of") ?? Clock.today() }
}

/// `--today DATE` (or `--as-of DATE`): the day on which overdue invoices are judged and the
/// reminder dated. swift-argument-parser gives `--today` to the root command's interface options;
/// a command that declares the same option group receives the value the root decoded.
struct TodayOptions: ParsableArguments {
    @OptionGroup var interface: InterfaceOptions
    @OptionGroup var asOf: AsOfOption

    func day() throws -> CalendarDate {
        try OptionValue.optionalDate(interface.today, option: "--today") ?? asOf.day()
    }
}

/// Phrases and documents the command line and the interface share.
enum DocumentText {
    /// The mayor's evaluation form of `request`, prefilled with the mission, printed on `today`;
    /// refused (in French) for an unknown request or one never served.
    static func evaluationFormPDF(request: String, today: CalendarDate, database: AppDatabase) throws -> [UInt8] {
        let territory = try database.loadTerritory()
        let plan = try database.storedPlan()
        guard plan.decisions.contains(where: { $0.id == request && !$0.isImplicit }) else {
            throw InvalidTerritory([DataError("REQUEST_ID", .unknownRequest(request))])
        }
        guard let content = EvaluationFormContent.make(requestID: request, territory: territory, plan: plan) else {
            throw InvalidTerritory([DataError("REQUEST_ID", .evaluationOfUnserved(request))])
        }
        return EvaluationForm.pdf(content, service: territory.service, issued: today, policy: database.readPolicy)
    }

    /// The reminder letter (lettre de relance) of `member` on `today`, with what it lists.
    static func reminderPDF(member code: String, today: CalendarDate, database: AppDatabase)
        throws -> ((member: Member, overdue: [OverdueInvoice]), [UInt8]) {
        let (found, overdue, service) = try database.reminder(member: code, today: today)
        let member = Directory.addressed(found, people: try database.people())
        return ((member, overdue), ReminderLetter.pdf(member: member, overdue: overdue, service: service, date: today))
    }

    /// The titre de recettes (or credit note) `number` as a PDF, with the debtor's name as it
    /// was printed when the invoice was issued.
    static func invoicePDF(_ number: String, database: AppDatabase) throws -> (Invoice, [UInt8]) {
        let invoice = try database.invoice(number)
        let territory = try database.loadPlanningTerritory()
        var member = territory.addressedMember(invoice.member)
            ?? Member(code: invoice.member, name: invoice.member, population: 0, singlePartTimeSecretary: false,
                      memberSince: invoice.issued)
        if let name = try database.invoiceMemberName(number) { member.name = name }
        let mission = invoice.request.flatMap { id in territory.requests.first { $0.id == id } }.map { missionLabel($0, policy: database.readPolicy) }
        return (invoice, TitreDeRecettes.pdf(invoice: invoice, member: member, service: territory.service, missionLabel: mission))
    }

    /// "remplacement pour maladie du 9 janv. 2023 au 3 févr. 2023".
    static func missionLabel(_ request: ReplacementRequest, policy: ReadPolicy) -> String {
        let f = DisplayFormat(.fr)
        return "\(policy.motiveText(request.motive, .fr).lowercased()), du \(f.date(request.start)) au \(f.date(request.end))"
    }
}

/// How invoices print as tables.
enum InvoiceTable {
    static func drafts(_ invoices: [InvoiceDraft], scope: BillingScope, names: [String: String], language l: Language) -> String {
        let money = DisplayFormat(l)
        var rows: [[String]] = []
        for invoice in invoices {
            for line in invoice.lines {
                rows.append([names[invoice.member] ?? invoice.member, invoice.request ?? "", line.label,
                             line.minutes.map(DurationText.format) ?? "", money.money(line.amountCents)])
            }
        }
        let total = invoices.reduce(0) { $0 + $1.totalCents }
        let period: String
        switch scope {
        case .year(let y): period = String(y)
        case .month: period = scope.period.map(money.ofMonth) ?? ""
        case .endedBy(let d): period = l.pick("des missions terminées au \(money.date(d))", "of missions ended by \(money.date(d))")
        }
        if case .year = scope {
            rows.append(["", "", l.pick("Total de l'année", "Year total"), "", money.money(total)])
        } else {
            rows.append(["", "", "Total", "", money.money(total)])
        }
        return l.pick("Simulation de la facturation \(period) (rien n'est émis) : \(invoices.count) facture\(invoices.count > 1 ? "s" : "")\n\n",
                      "Billing dry run \(period) (nothing issued): \(invoices.count) invoices\n\n")
            + TextTable.render(header: [l.pick("Commune", "Member"), "Mission", l.pick("Ligne", "Line"),
                                        l.pick("Heures", "Hours"), l.pick("Montant", "Amount")],
                               rows: rows, rightAligned: [3, 4])
    }

    static func issued(_ invoices: [Invoice], names: [String: String], today: CalendarDate, language l: Language) -> String {
        let f = DisplayFormat(l)
        let rows = invoices.map { i in
            [i.number, names[i.member] ?? i.member, i.kind.label(l) + (i.request.map { " \($0)" } ?? "") + (i.complement ? l.pick(" (complément)", " (complement)") : ""),
             f.numericDate(i.issued), f.numericDate(i.due), f.money(i.totalCents), i.status(on: today).label(l)
                + (i.cancelledBy.map { " (\($0))" } ?? "") + (i.cancels.map { l.pick(" (annule \($0))", " (cancels \($0))") } ?? "")]
        }
        return TextTable.render(header: [l.pick("Numéro", "Number"), l.pick("Commune", "Member"), l.pick("Objet", "Subject"),
                                         l.pick("Émise", "Issued"), l.pick("Échéance", "Due"), l.pick("Montant", "Amount"),
                                         l.pick("État", "Status")],
                                rows: rows, rightAligned: [5])
    }

    static func detail(_ i: Invoice, memberName: String, today: CalendarDate, language l: Language) -> String {
        let f = DisplayFormat(l)
        var out = l.pick(i.isCreditNote ? "Avoir" : "Titre de recettes", i.isCreditNote ? "Credit note" : "Invoice")
            + " \(i.number) · \(memberName) (\(i.member)) · \(i.kind.label(l))\(i.request.map { " \($0)" } ?? "")\n"
        out += i.isCreditNote
            ? l.pick("Émis le \(f.date(i.issued))", "Issued \(f.date(i.issued))")
            : l.pick("Émis le \(f.date(i.issued)), à payer avant le \(f.date(i.due)) · \(i.status(on: today).label(l))",
                     "Issued \(f.date(i.issued)), due \(f.date(i.due)) · \(i.status(on: today).label(l))")
        if let paid = i.paid { out += l.pick(" le \(f.date(paid))", " on \(f.date(paid))") }
        else if i.isPartiallyPaid, let text = i.paymentText(l) { out += " · " + text }
        if let by = i.cancelledBy { out += l.pick(" par l'avoir \(by)", " by credit note \(by)") }
        if let cancels = i.cancels { out += l.pick(" · annule \(cancels) : \(i.reason ?? "")", " · cancels \(cancels): \(i.reason ?? "")") }
        out += "\n\n"
        var rows = i.lines.map { [$0.label, $0.minutes.map(DurationText.format) ?? "", f.money($0.unitPriceCents), f.money($0.amountCents)] }
        rows.append([l.pick("Total", "Total"), "", "", f.money(i.totalCents)])
        out += TextTable.render(header: [l.pick("Ligne", "Line"), l.pick("Heures", "Hours"), l.pick("Prix unitaire", "Unit price"),
                                         l.pick("Montant", "Amount")], rows: rows, rightAligned: [1, 2, 3])
        if !i.payments.isEmpty {
            out += l.pick("\nPaiements\n", "\nPayments\n")
            var payments = i.payments.map { [f.date($0.date), $0.reference ?? "", f.money($0.amountCents)] }
            payments.append([l.pick("Total payé", "Total paid"), "", f.money(i.paidCents)])
            payments.append([l.pick("Reste dû", "Left due"), "", f.money(i.leftDueCents)])
            out += TextTable.render(header: ["Date", l.pick("Référence", "Reference"), l.pick("Montant", "Amount")],
                                    rows: payments, rightAligned: [2])
        }
        if !i.statement.isEmpty {
            out += l.pick("\nRelevé d'heures\n", "\nHours statement\n")
            var entries = i.statement.map { [f.date($0.date), $0.agentName, $0.request ?? "", DurationText.format($0.minutes)] }
            entries.append([l.pick("Total", "Total"), "", "", DurationText.format(i.statement.reduce(0) { $0 + $1.minutes })])
            out += TextTable.render(header: ["Date", "Agent", "Mission", l.pick("Heures", "Hours")], rows: entries, rightAligned: [3])
        }
        return out
    }

    /// `invoice overdue`: one row per invoice, oldest due first, then the sum left due.
    static func overdue(_ overdue: [OverdueInvoice], today: CalendarDate, language l: Language) -> String {
        let f = DisplayFormat(l)
        var rows = overdue.map { o in
            [o.invoice.number, o.memberName, f.numericDate(o.invoice.issued), f.numericDate(o.invoice.due), f.integer(o.daysLate),
             f.money(o.invoice.totalCents), f.money(o.invoice.paidCents), f.money(o.invoice.leftDueCents)]
        }
        rows.append([l.pick("Total", "Total"), "", "", "", "", f.money(overdue.reduce(0) { $0 + $1.invoice.totalCents }),
                     f.money(overdue.reduce(0) { $0 + $1.invoice.paidCents }), f.money(overdue.reduce(0) { $0 + $1.invoice.leftDueCents })])
        return l.pick("Factures en retard au \(f.numericDate(today)) : \(overdue.count)\n\n", "Overdue invoices on \(f.numericDate(today)): \(overdue.count)\n\n")
            + TextTable.render(header: [l.pick("Numéro", "Number"), l.pick("Commune", "Member"), l.pick("Émise", "Issued"),
                                        l.pick("Échéance", "Due"), l.pick("Jours de retard", "Days late"), l.pick("Montant", "Amount"),
                                        l.pick("Payé", "Paid"), l.pick("Reste dû", "Left due")],
                               rows: rows, rightAligned: [4, 5, 6, 7])
    }
}
