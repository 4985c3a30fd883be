import Domain

/// The reminder letter (lettre de relance) a member receives when titres de recettes are past
/// due with something left to pay: from the service (letterhead, signatory), to the mayor (or
/// president) of the member, dated, listing each overdue invoice with what was paid and what is
/// left due, and asking that the sum left due be paid to the public accountant within 15 days.
public enum ReminderLetter {
    /// The days the member is given to pay.
    public static let delayDays = 15

    /// The PDF of the reminder to `member` for `overdue` (oldest due first), dated `date`.
    public static func pdf(member: Member, overdue: [OverdueInvoice], service: ServiceSettings, date: CalendarDate) -> [UInt8] {
        let invoices = overdue.map(\.invoice)
        let leftDue = invoices.reduce(0) { $0 + $1.leftDueCents }
        let numbers = invoices.map(\.number)
        var flow = PageFlow(title: "Lettre de relance – \(member.name) – \(French.numeric(date))",
                            footer: "\(service.epci ?? service.name) – lettre de relance du \(French.numeric(date)) – \(member.name)")
        flow.letterhead(service, reference: [
            ("Lettre de relance du", French.numeric(date)),
            ("Membre", member.code),
            (numbers.count > 1 ? "Titres n°" : "Titre n°", numbers.count > 3 ? "\(numbers[0]) et \(numbers.count - 1) autres" : numbers.joined(separator: ", ")),
        ])

        flow.addressBlock(caption: "Destinataire", lines: addressee(member).map { ($0, $0 == addressee(member).first ? .bold : .regular) })
        flow.line(placeAndDate(service, date), x: PageFlow.right, align: .right)
        flow.space(14)

        let object = numbers.count > 1
            ? "Objet : relance – titres de recettes n° \(numbers.joined(separator: ", ")) restant à payer"
            : "Objet : relance – titre de recettes n° \(numbers.first ?? "—") restant à payer"
        flow.paragraph(object, font: .bold, size: 10.5, after: 12)

        flow.paragraph("\(salutation(member)),", after: 8)
        let debtor = member.kind == .commune ? "la commune \(DisplayFormat.de(member.name))" : member.name
        let plural = invoices.count > 1
        flow.paragraph("Sauf erreur ou omission de notre part, \(plural ? "les titres de recettes suivants, émis" : "le titre de recettes suivant, émis") "
            + "à l'ordre de \(debtor) au titre du service commun, \(plural ? "restent" : "reste") impayé\(plural ? "s" : "") "
            + "à ce jour alors que \(plural ? "leur" : "sa") date d'échéance est dépassée :", after: 8)

        let columns = [
            PageFlow.Column(title: "Titre n°", width: 80),
            PageFlow.Column(title: "Émis le", width: 70),
            PageFlow.Column(title: "Échéance", width: 70),
            PageFlow.Column(title: "Montant", width: 95, align: .right),
            PageFlow.Column(title: "Déjà payé", width: 85, align: .right),
            PageFlow.Column(title: "Reste dû", width: 95, align: .right),
        ]
        let rows = invoices.map { i in
            [i.number, French.numeric(i.issued), French.numeric(i.due), French.money(i.totalCents), French.money(i.paidCents),
             French.money(i.leftDueCents)]
        }
        flow.table(columns, rows: rows, totals: [["Total", "", "",
                                                  French.money(invoices.reduce(0) { $0 + $1.totalCents }),
                                                  French.money(invoices.reduce(0) { $0 + $1.paidCents }), French.money(leftDue)]],
                   size: 9.5)

        let accountant = service.accountant.flatMap { $0.isEmpty ? nil : $0 }
        let payee = accountant.map { "auprès du comptable public, \($0)," } ?? "auprès du comptable public assignataire"
        flow.paragraph("Je vous remercie de bien vouloir faire procéder au règlement de la somme de \(French.money(leftDue)) "
            + "\(payee) dans un délai de quinze jours à compter de la réception de la présente lettre, en rappelant "
            + "\(plural ? "les numéros des titres" : "le numéro du titre") lors du paiement.", after: 8)
        if let basis = service.legalBasis, !basis.isEmpty {
            flow.paragraph("\(plural ? "Ces sommes sont dues" : "Cette somme est due") en application de : \(basis).", after: 8)
        }
        flow.paragraph("À défaut de règlement dans ce délai, le comptable public pourra en poursuivre le recouvrement. "
            + "Si ce règlement est intervenu entre-temps, je vous prie de ne pas tenir compte de la présente relance.", after: 8)
        flow.paragraph("Je vous prie d'agréer, \(salutation(member)), l'expression de ma considération distinguée.", after: 16)
        signature(French.signatory(service, fallback: "Le Président"), into: &flow)
        return flow.finish()
    }

    /// The signatory at the right (title, then name), with room to sign under it.
    static func signature(_ lines: [String], into flow: inout PageFlow) {
        let text = lines.enumerated().map { $0.offset == 0 ? $0.element + "," : $0.element }
        let font = { (index: Int) -> PDFFont in index == 0 ? .bold : .regular }
        let widest = text.enumerated().map { font($0.offset).width($0.element, size: 10) }.max() ?? 0
        let x = min(PageFlow.right - 220, PageFlow.right - widest)
        flow.ensure(Double(text.count) * PageFlow.lineHeight(10) + 60)
        for (index, line) in text.enumerated() {
            flow.put(line, x: x, font: font(index), size: 10)
            flow.space(PageFlow.lineHeight(10))
        }
        flow.space(60)
    }

    /// "Madame ou Monsieur le Maire d'Écuisses", then the member's name and code.
    static func addressee(_ member: Member) -> [String] {
        let first = member.membership.mayor.map { !$0.isEmpty } == true ? French.representative(member) : member.kind == .commune
            ? "Madame ou Monsieur le Maire \(DisplayFormat.de(member.name))"
            : "Madame ou Monsieur le Président – \(member.name)"
        return [first, member.kind == .commune ? "Mairie – \(member.name)" : member.name, "Code \(member.code) – \(French.kind(member.kind))"]
    }

    /// "Madame, Monsieur le Maire" (or le Président).
    static func salutation(_ member: Member) -> String {
        member.kind == .commune ? "Madame, Monsieur le Maire" : "Madame, Monsieur le Président"
    }

    /// "Le Creusot, le 7 décembre 2026": the town of the service's address (its last line, postal
    /// code aside), else "Le 7 décembre 2026".
    static func placeAndDate(_ service: ServiceSettings, _ date: CalendarDate) -> String {
        let last = service.address?.split(whereSeparator: { $0 == "\n" || $0 == "," }).last.map(String.init) ?? ""
        var words = last.split(separator: " ").map(String.init)
        if let first = words.first, first.count == 5, first.allSatisfy(\.isNumber) { words.removeFirst() }
        if words.last?.lowercased() == "cedex" { words.removeLast() }
        // A postal code is needed to tell a town from a street or a post-office box.
        let place = last.contains(where: \.isNumber) ? words.joined(separator: " ") : ""
        return place.isEmpty ? "Le \(French.long(date))" : "\(place), le \(French.long(date))"
    }
}
