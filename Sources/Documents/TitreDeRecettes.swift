import Domain

/// The titre de recettes a member receives (rules.md §6.3), or the credit note (avoir) that
/// cancels one: issuer and ordonnateur, debtor, nature and legal basis of the debt, the
/// detailed calculation, payment terms, the routes and delays of appeal, and the hours statement
/// in annex.
public enum TitreDeRecettes {
    /// The PDF of `invoice` for `member`; `missionLabel` describes the mission of an hours
    /// invoice (motive and period), when there is one.
    public static func pdf(invoice: Invoice, member: Member, service: ServiceSettings, missionLabel: String?) -> [UInt8] {
        let credit = invoice.isCreditNote
        // A cancelled title printed again says so everywhere a reader looks: title, footer, payment.
        let cancelledBy = credit ? nil : invoice.cancelledBy
        let documentName = credit ? "Avoir" : (cancelledBy == nil ? "Titre de recettes" : "Titre de recettes ANNULÉ")
        var flow = PageFlow(title: "\(documentName) n° \(invoice.number) – \(member.name)",
                            footer: "\(service.epci ?? service.name) – \(documentName) n° \(invoice.number) – \(member.name)")

        var reference: [(label: String, value: String)] = [
            (credit ? "Avoir n°" : "Titre n°", invoice.number),
            ("Exercice", String(invoice.year)),
            ("Date d'émission :", French.numeric(invoice.issued)),
        ]
        if !credit { reference.append(("Date d'échéance :", French.numeric(invoice.due))) }
        flow.letterhead(service, reference: reference)
        flow.title(credit ? "Avoir" : documentName,
                   subtitle: credit ? "annule le titre n° \(invoice.cancels ?? "—")"
                       : cancelledBy.map { "annulé par l'avoir n° \($0) – ne pas payer" } ?? "Avis des sommes à payer")

        // Ordonnateur at the left, debtor at the right.
        let top = flow.y
        flow.put("Ordonnateur", x: PageFlow.left, size: 8, gray: 0.35, top: top + 8)
        let lines = French.signatory(service, fallback: "L'ordonnateur")
        var lineTop = top + 8 + PageFlow.lineHeight(8)
        for (index, text) in lines.enumerated() {
            for piece in PageFlow.wrap(text, width: 235, font: index == 0 ? .bold : .regular, size: 10) {
                flow.put(piece, x: PageFlow.left, font: index == 0 ? .bold : .regular, size: 10, top: lineTop)
                lineTop += PageFlow.lineHeight(10)
            }
        }
        flow.addressBlock(caption: credit ? "Bénéficiaire de l'avoir" : "Débiteur", lines: [
            (member.name, .bold),
            ("Code \(member.code) – \(French.kind(member.kind))", .regular),
            ("À l'attention de \(French.representative(member))", .regular),
        ])
        flow.y = max(flow.y, lineTop + 14)

        flow.heading(credit ? "Objet de l'avoir" : "Objet de la créance")
        var nature = invoice.kind.label(.fr)
        if let mission = invoice.request {
            nature += " – mission n° \(mission)"
            if let missionLabel, !missionLabel.isEmpty { nature += " (\(missionLabel))" }
        } else if let missionLabel, !missionLabel.isEmpty {
            nature += " (\(missionLabel))"
        }
        flow.field("Nature de la créance", nature)
        let basis = service.legalBasis.flatMap { $0.isEmpty ? nil : $0 } ?? "Convention d'adhésion au service commun"
        flow.field("Fondement juridique", basis)
        if credit {
            flow.field("Titre annulé", "Le présent avoir annule le titre n° \(invoice.cancels ?? "—").")
            flow.field("Motif", invoice.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "—")
        }
        flow.space(4)

        flow.heading("Bases de calcul de la liquidation")
        if let words = Self.basis(invoice, billing: service.billing) { flow.field("Base de calcul", words) }
        let columns = [
            PageFlow.Column(title: "Désignation", width: 235),
            PageFlow.Column(title: "Heures", width: 65, align: .right),
            PageFlow.Column(title: "Prix unitaire", width: 90, align: .right),
            PageFlow.Column(title: "Montant", width: 105, align: .right),
        ]
        let rows = invoice.lines.map { line in
            [line.label, line.minutes.map(French.hours) ?? "", French.money(line.unitPriceCents), French.money(line.amountCents)]
        }
        flow.table(columns, rows: rows,
                   totals: [[credit ? "Montant total de l'avoir" : (cancelledBy == nil ? "Montant total à payer" : "Montant total (annulé)"),
                             "", "", French.money(invoice.totalCents)]],
                   size: 9.5)
        for sentence in explanations(invoice.lines, billing: service.billing) { flow.paragraph(sentence, size: 9, after: 2) }
        flow.space(6)

        if credit {
            flow.heading("Règlement")
            flow.paragraph("Le présent avoir n'appelle aucun paiement : il annule le titre n° \(invoice.cancels ?? "—"), "
                + "dont la somme n'est plus due. Si elle a déjà été payée, elle sera remboursée par "
                + "le comptable public (\(accountant(service))).", after: 4)
        } else if let cancelledBy {
            flow.heading("Titre annulé")
            flow.paragraph("Ce titre est annulé par l'avoir n° \(cancelledBy) : la somme n'est plus due et n'est pas à payer. "
                + "Si elle a déjà été payée, elle sera remboursée par le comptable public (\(accountant(service))).", after: 4)
        } else {
            flow.heading("Paiement")
            flow.field("À payer avant le", "\(French.numeric(invoice.due)) (\(French.long(invoice.due)))", labelWidth: 110)
            flow.field("Payable auprès de :", accountant(service), labelWidth: 110)
            flow.field("Référence", "Rappeler le titre n° \(invoice.number) lors du paiement.", labelWidth: 110)
            if let state = paymentState(invoice) { flow.field("État du paiement", state, labelWidth: 110) }
            flow.space(4)
        }

        flow.space(10)
        let signer = [service.issuerTitle, service.issuerName].compactMap { $0 }.filter { !$0.isEmpty }
        flow.signatures([["Fait le \(French.long(invoice.issued)),", "L'ordonnateur,"] + signer])

        flow.ensure(70)
        flow.rule(width: 0.4, gray: 0.6)
        flow.space(6)
        flow.paragraph("Voies et délais de recours : dans un délai de deux mois suivant la notification du présent titre, "
            + "vous pouvez contester la somme mentionnée en saisissant le tribunal judiciaire ou le tribunal administratif "
            + "compétent selon la nature de la créance (article L. 1617-5 du code général des collectivités territoriales).",
            size: 8.5, after: 0)

        if !invoice.statement.isEmpty {
            flow.newPage()
            statement(invoice, member: member, into: &flow)
        }
        return flow.finish()
    }

    /// "payée le 15 décembre 2026", or "partiellement payée : 100,00 € sur 350,00 €, reste dû
    /// 250,00 €"; nil when nothing is paid.
    static func paymentState(_ invoice: Invoice) -> String? {
        if let paid = invoice.paid { return "payée le \(French.long(paid))" }
        guard invoice.paidCents > 0 else { return nil }
        return "partiellement payée : \(French.money(invoice.paidCents)) sur \(French.money(invoice.totalCents)), "
            + "reste dû \(French.money(invoice.leftDueCents))"
    }

    /// The public accountant named by the service, else the treasury.
    static func accountant(_ service: ServiceSettings) -> String {
        service.accountant.flatMap { $0.isEmpty ? nil : $0 } ?? "Trésorerie"
    }

    /// The scheme's basis in words, read from the invoice's own lines (frozen at issue, so a
    /// tariff changed later never changes what a title printed again says): "250,00 € la
    /// journée de 6 h, 50,00 € l'heure au-delà", "coût horaire de l'agent × 1,40, 25,00 € par
    /// agent et par mois (bulletin de paie)", "30,00 € de l'heure après les heures prépayées de
    /// la cotisation", "coût réel de l'agent partagé en fin d'année au prorata des heures".
    static func basis(_ invoice: Invoice, billing: BillingScheme) -> String? {
        let f = DisplayFormat(.fr)
        if invoice.kind == .prorataCost {
            return CostEstimate.basis(scheme: .prorataCost, tariff: nil, .fr)
        }
        if invoice.kind == .annualFee {
            return "cotisation annuelle forfaitaire selon la strate démographique du membre"
        }
        switch billing {
        case .dayRate:
            // The day line's label ends with the basis in brackets: "Journées de remplacement (…)".
            guard let label = invoice.lines.first(where: { $0.label.contains("Journées de remplacement (") })?.label,
                  let open = label.firstRange(of: "Journées de remplacement (")?.upperBound, label.hasSuffix(")") else { return nil }
            return String(label[open..<label.index(before: label.endIndex)])
        case .agentCost:
            guard let label = invoice.lines.first(where: { $0.label.contains(" de l'heure × ") })?.label,
                  let last = label.split(separator: "× ").last,
                  let coefficient = AgentCostRate.parseCoefficient(String(last.map { $0 == "," ? "." : $0 }))
            else { return nil }
            let fee = invoice.lines.first { $0.label.contains("Frais de bulletin de paie") }?.unitPriceCents ?? 0
            return AgentCostRate(coefficientHundredths: coefficient, monthlyAgentFeeCents: fee).basis(f)
        case .feeAndHourly:
            guard let hours = invoice.lines.first(where: { $0.kind == .hours || $0.label.contains("Heures de remplacement") }) else { return nil }
            return "\(f.money(hours.unitPriceCents)) de l'heure après les heures prépayées de la cotisation"
        case .prorataCost:
            return CostEstimate.basis(scheme: .prorataCost, tariff: nil, .fr)
        }
    }

    /// One sentence per kind of line present, saying what the line is based on.
    static func explanations(_ lines: [InvoiceLine], billing: BillingScheme = .feeAndHourly) -> [String] {
        var seen: Set<InvoiceLine.Kind> = []
        var sentences: [String] = []
        for line in lines where seen.insert(line.kind).inserted {
            switch line.kind {
            case .fee where billing == .agentCost:
                sentences.append("Frais de bulletin de paie : un forfait par agent et par mois au cours duquel il a travaillé "
                    + "pour le membre (\(French.money(line.unitPriceCents)) par mois-agent).")
            case .fee:
                sentences.append("Cotisation annuelle forfaitaire selon la strate démographique du membre ; "
                    + "elle donne droit à des jours de travail prépayés.")
            case .prepaid:
                let minutes = lines.filter { $0.kind == .prepaid }.reduce(0) { $0 + ($1.minutes ?? 0) }
                sentences.append("\(French.hours(minutes)) : heures couvertes par les jours prépayés de la cotisation, "
                    + "non facturées.")
            case .hours:
                sentences.append("Heures de remplacement effectuées, facturées au coût horaire de "
                    + "\(French.money(line.unitPriceCents)) (coût unitaire de fonctionnement multiplié par le nombre "
                    + "d'unités de fonctionnement, article D. 5211-16 du CGCT), selon le relevé d'heures joint.")
            case .rtt:
                sentences.append("RTT acquis par l'agent sur une mission de plus d'un mois, facturés au prorata "
                    + "des jours travaillés pour le membre.")
            case .cost where billing == .agentCost:
                sentences.append("Coût horaire chargé de l'agent (salaire et charges) multiplié par le coefficient de la "
                    + "convention, facturé sur les heures effectuées selon le relevé d'heures joint ; le prix unitaire est "
                    + "le coût de l'heure ainsi majoré.")
            case .cost:
                sentences.append("Coût réel annuel de l'agent (prix unitaire) réparti entre les membres au prorata "
                    + "des heures effectuées pour chacun.")
            case .day:
                sentences.append("Journées de remplacement : chaque jour où un agent a travaillé pour le membre compte pour "
                    + "une journée jusqu'à la durée de la journée, facturée \(French.money(line.unitPriceCents)) la journée, "
                    + "selon le relevé d'heures joint ; une journée incomplète est facturée au prorata de ses heures.")
            case .extra:
                sentences.append("Heures effectuées au-delà de la durée de la journée, facturées à l'heure "
                    + "(\(French.money(line.unitPriceCents)) l'heure).")
            case .complement:
                sentences.append("Complément : heures validées après la facturation de leur période, facturées une seule fois.")
            case .loan:
                sentences.append("Prêt de matériel du service : nombre de jours × prix de la journée.")
            }
        }
        return sentences
    }

    /// The annex: every statement row, with the total hours.
    static func statement(_ invoice: Invoice, member: Member, into flow: inout PageFlow) {
        flow.line("Annexe", font: .bold, size: 9, gray: 0.35)
        flow.line("Relevé d'heures", font: .bold, size: 15)
        flow.space(2)
        var subject = "\(invoice.isCreditNote ? "Avoir" : "Titre de recettes") n° \(invoice.number) – \(member.name)"
        if let mission = invoice.request { subject += " – mission n° \(mission)" }
        flow.paragraph(subject, size: 10, after: 2)
        flow.paragraph("Heures validées sur lesquelles repose la liquidation, telles qu'arrêtées à la date d'émission "
            + "(\(invoice.statement.count) saisie\(invoice.statement.count > 1 ? "s" : "")).", size: 9, after: 8)
        let columns = [
            PageFlow.Column(title: "Date", width: 120),
            PageFlow.Column(title: "Agent", width: 185),
            PageFlow.Column(title: "Mission", width: 110),
            PageFlow.Column(title: "Heures", width: 80, align: .right),
        ]
        let rows = invoice.statement.map { entry in
            [French.short(entry.date), entry.agentName, entry.request ?? "hors mission", French.hours(entry.minutes)]
        }
        let total = invoice.statement.reduce(0) { $0 + $1.minutes }
        flow.table(columns, rows: rows, totals: [["Total des heures", "", "", French.hours(total)]], size: 9)
    }
}
