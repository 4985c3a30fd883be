import Domain

/// The cost estimate (coût prévisionnel) sent to the mayor before a mission, to sign as
/// consent (rules.md §6.1; seed 002, article 5: "avant toute mission, … un coût prévisionnel …
/// afin de recueillir le consentement de la commune").
public enum CostEstimateDocument {
    /// The PDF of `estimate` for `request`, issued on `issued`.
    public static func pdf(estimate: CostEstimate, request: ReplacementRequest, member: Member, service: ServiceSettings,
                           issued: CalendarDate, policy: ReadPolicy = .coordinator) -> [UInt8] {
        var flow = PageFlow(title: "Coût prévisionnel – demande n° \(request.id) – \(member.name)",
                            footer: "\(service.epci ?? service.name) – coût prévisionnel – demande n° \(request.id) – \(member.name)")
        flow.letterhead(service, reference: [
            ("Demande n°", request.id),
            ("Établi le", French.numeric(issued)),
        ])
        flow.title("Coût prévisionnel de la mission", subtitle: "Service commun de remplacement – exercice \(estimate.year)")

        flow.addressBlock(caption: "Membre demandeur", lines: [
            (member.name, .bold),
            ("Code \(member.code) – \(French.kind(member.kind))", .regular),
            ("À l'attention de \(French.representative(member))", .regular),
        ])

        flow.heading("La mission demandée")
        flow.field("Demande", "n° \(request.id), reçue le \(French.long(request.received))")
        flow.field("Motif", policy.motiveText(request.motive, .fr))
        flow.field("Période", "du \(French.short(request.start)) au \(French.short(request.end))")
        flow.field("Durée hebdomadaire", "\(French.hours(request.minutesPerWeek)) par semaine")
        flow.space(4)

        flow.heading("Calcul du coût prévisionnel")
        flow.field("Base de calcul", estimate.basis(.fr))
        flow.space(2)
        let total = estimate.amountCents.map(French.money) ?? "inconnu avant la fin de l'année"
        if estimate.scheme == .feeAndHourly {
            let columns = [
                PageFlow.Column(title: "Élément", width: 345),
                PageFlow.Column(title: "Valeur", width: 150, align: .right),
            ]
            flow.table(columns, rows: [
                ["Heures nécessaires sur la période", French.hours(estimate.neededMinutes)],
                ["Heures prépayées restantes (cotisation \(estimate.year))", French.hours(estimate.prepaidMinutesLeft)],
                ["Heures facturables", French.hours(estimate.billedMinutes)],
                ["Coût horaire \(estimate.year)", French.money(estimate.hourlyRateCents ?? 0)],
            ], totals: [["Montant prévisionnel", total]], size: 10)
        } else {
            let columns = [
                PageFlow.Column(title: "Élément", width: 235),
                PageFlow.Column(title: "Heures", width: 65, align: .right),
                PageFlow.Column(title: "Prix unitaire", width: 90, align: .right),
                PageFlow.Column(title: "Montant", width: 105, align: .right),
            ]
            let rows = [["Heures nécessaires sur la période", French.hours(estimate.neededMinutes), "", ""]]
                + estimate.lines.map { line in
                    [line.label(.fr), line.minutes.map(French.hours) ?? "", line.unitPriceCents.map(French.money) ?? "",
                     line.amountCents.map(French.money) ?? "—"]
                }
            flow.table(columns, rows: rows, totals: [["Montant prévisionnel", "", "", total]], size: 9.5)
        }
        for sentence in explanation(estimate) { flow.paragraph(sentence, size: 9, after: 4) }
        if estimate.amountCents != nil {
            flow.paragraph("Ce montant est indicatif. Le montant définitif sera fixé à la fin de la mission sur la base du "
                + "relevé des heures effectuées, joint au titre de recettes.", size: 9, after: 12)
        } else {
            flow.paragraph("Le montant dû sera fixé en fin d'année sur la base du relevé des heures effectuées, "
                + "joint au titre de recettes.", size: 9, after: 12)
        }

        flow.heading("Accord du membre")
        flow.paragraph("Je soussigné(e), représentant \(member.kind == .commune ? "la commune" : "le membre") de "
            + "\(member.name), donne mon accord pour la mission décrite ci-dessus et "
            + (estimate.amountCents.map { "son coût prévisionnel de \(French.money($0))." }
               ?? "son mode de calcul (\(estimate.basis(.fr))).") , after: 10)
        flow.signatures([
            ["Pour le service commun,"] + French.signatory(service, fallback: "Le Président"),
            ["Bon pour accord", "À …………………………, le ……………………",
             member.kind == .commune ? "Le Maire (signature et cachet)" : "Le Président (signature et cachet)"],
        ])
        return flow.finish()
    }

    /// What the calculation is based on, in sentences, under the scheme (and what the breakdown needs said).
    static func explanation(_ estimate: CostEstimate) -> [String] {
        var sentences: [String]
        switch estimate.scheme {
        case .feeAndHourly:
            sentences = ["Les heures facturables sont les heures nécessaires diminuées des heures prépayées par la cotisation "
                + "annuelle et non encore utilisées ; le montant est le produit des heures facturables par le coût horaire "
                + "de l'année, arrondi au centime."]
        case .dayRate:
            sentences = ["Chaque jour ouvré de la mission compte ses heures nécessaires : jusqu'à la durée de la journée, "
                + "au prix de la journée (une journée incomplète au prorata de ses heures), au-delà au prix de l'heure ; "
                + "chaque ligne est arrondie au centime."]
        case .agentCost:
            sentences = ["Les heures prévues pour chaque agent sont facturées à son coût horaire chargé (salaire et charges) "
                + "multiplié par le coefficient de la convention, arrondi au centime par agent"
                + ((estimate.agentCost?.monthlyAgentFeeCents ?? 0) > 0
                   ? " ; s'y ajoutent les frais de bulletin de paie, par agent et par mois de la mission." : ".")]
        case .prorataCost:
            sentences = []
        }
        return sentences + estimate.notes(.fr)
    }
}
