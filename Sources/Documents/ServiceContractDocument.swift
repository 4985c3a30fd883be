import Domain

/// The service contract (contrat de prestation, seed 002 annex 2) signed by the mayor and the
/// president before a mission: the parties, the need (motive, period), the agents and their
/// weekly working hours set against the town hall's opening hours, the conflicts with the
/// opening-hours change that solves them, and the signature blocks.
public enum ServiceContractDocument {
    /// The PDF of the contract for `request`, with the weekly table of `schedule`; agents are
    /// named through `agentNames` (code → name). With `estimate`, article 2 also states the
    /// forecast cost, as annex 2 asks.
    public static func pdf(schedule: WeeklySchedule, request: ReplacementRequest, member: Member, service: ServiceSettings,
                           agentNames: [String: String], estimate: CostEstimate? = nil,
                           policy: ReadPolicy = .coordinator) -> [UInt8] {
        let body = service.epci.flatMap { $0.isEmpty ? nil : $0 } ?? service.name
        var flow = PageFlow(title: "Contrat de service – demande n° \(request.id) – \(member.name)",
                            footer: "\(body) – contrat de service – demande n° \(request.id) – \(member.name)")
        flow.letterhead(service, reference: [
            ("Demande n°", request.id),
            ("Semaine du", French.numeric(schedule.week)),
        ])
        flow.title("Contrat de service",
                   subtitle: "Contrat de prestation de remplacement (annexe 2 de la convention cadre du service commun)")

        let commune = member.kind == .commune
        let party = commune ? "la commune \(DisplayFormat.de(member.name))" : "\(member.name) (\(French.kind(member.kind)))"
        let shortParty = commune ? "la commune" : "le membre"
        let signatory = French.signatory(service, fallback: "son président")
        let represented = service.issuerName.map { name in
            "représenté par \(service.issuerTitle.map { lowercasedArticle($0) + " " } ?? "")\(name)"
        } ?? "représenté par son président"
        flow.paragraph("Entre,", after: 2)
        flow.paragraph("\(body)\(service.epci == nil ? "" : " (\(service.name))")"
            + "\(service.address.map { ", " + $0.split(separator: "\n").joined(separator: ", ") } ?? ""), \(represented), "
            + "ci-après dénommé «\u{00A0}le service commun\u{00A0}», d'une part,", after: 2)
        flow.paragraph("et \(party), code \(member.code), représenté\(commune ? "e" : "") par "
            + "\(commune ? "son maire en exercice" : "son président"), ci-après dénommé\(commune ? "e" : "") «\u{00A0}\(shortParty)\u{00A0}», "
            + "d'autre part.", after: 6)

        let basis = service.legalBasis.flatMap { $0.isEmpty ? nil : $0 } ?? "la convention d'adhésion au service commun"
        let days = request.start.days(to: request.end) + 1
        let weeks = (days + 6) / 7
        flow.paragraph("Vu l'article L. 5211-4-2 du code général des collectivités territoriales relatif aux services communs ;",
                       size: 9.5, after: 1)
        flow.paragraph("Vu les actes fondant le service commun : \(basis) ;", size: 9.5, after: 1)
        flow.paragraph("Vu la demande \(commune ? "de la commune" : "du membre") reçue le \(French.long(request.received)) "
            + "sollicitant le bénéfice du service commun pour une durée prévisionnelle de \(weeks) semaine\(weeks > 1 ? "s" : "") ;",
            size: 9.5, after: 4)
        flow.paragraph("Le présent contrat est un document de mise en œuvre du service commun ; il est indissociable des "
            + "clauses de la convention cadre qu'il complète. Il a été convenu ce qui suit :", size: 9.5, after: 4)

        flow.heading("Article 1 : Objet et identification du besoin")
        flow.field("Demande", "n° \(request.id), reçue le \(French.long(request.received))", labelWidth: 120)
        flow.field("Motif", policy.motiveText(request.motive, .fr) + (request.exceptional ? " (cas exceptionnel)" : ""), labelWidth: 120)
        flow.field("Période", "du \(French.short(request.start)) au \(French.short(request.end))", labelWidth: 120)
        flow.field("Heures par semaine", French.hours(request.minutesPerWeek), labelWidth: 120)
        flow.space(4)

        flow.heading("Article 2 : Remplacement")
        var agents: [String] = []
        for slot in schedule.slots where !agents.contains(slot.agent) { agents.append(slot.agent) }
        let names = agents.map { agentNames[$0] ?? $0 }
        let who = names.isEmpty ? "un agent du service" : list(names)
        flow.paragraph("Pour pallier cette absence, le service commun met à la disposition de \(shortParty) \(who), "
            + "sur les plages horaires suivantes (semaine du \(French.long(schedule.week))) :", after: 6)
        let columns = [
            PageFlow.Column(title: "Jour", width: 88),
            PageFlow.Column(title: "Agent", width: 82),
            PageFlow.Column(title: "Travail matin", width: 60),
            PageFlow.Column(title: "Travail après-midi", width: 60),
            PageFlow.Column(title: "Heures", width: 42, align: .right),
            PageFlow.Column(title: "Ouverture de la mairie matin", width: 80),
            PageFlow.Column(title: "Ouverture de la mairie après-midi", width: 83),
        ]
        let rows = schedule.slots.map { slot -> [String] in
            let openMorning = slot.opening.filter { $0.start < WeeklySchedule.noon }
            let openAfternoon = slot.opening.filter { $0.start >= WeeklySchedule.noon }
            return [French.short(slot.date), agentNames[slot.agent] ?? slot.agent,
                    ranges(slot.morning), ranges(slot.afternoon), French.hours(slot.placedMinutes),
                    slot.opening.isEmpty ? "fermée" : ranges(openMorning), slot.opening.isEmpty ? "fermée" : ranges(openAfternoon)]
        }
        let placed = schedule.slots.reduce(0) { $0 + $1.placedMinutes }
        flow.table(columns, rows: rows, totals: [["Total", "", "", "", French.hours(placed), "", ""]], size: 9)

        flow.paragraph("Conflits avec les horaires d'ouverture", font: .bold, size: 10, after: 2)
        if schedule.conflicts.isEmpty {
            flow.paragraph("Aucun : toutes les heures de travail tiennent dans les horaires d'ouverture de la mairie.", size: 9.5)
        } else {
            for conflict in schedule.conflicts {
                let name = agentNames[conflict.agent] ?? conflict.agent
                let fix = conflict.proposedOpening.map { "proposition : ouvrir aussi la mairie de \(ranges([$0])) ce jour-là" }
                    ?? "aucun créneau libre dans la journée de l'agent"
                flow.paragraph("• \(French.short(conflict.date)) : \(French.hours(conflict.missingMinutes)) \(DisplayFormat.de(name)) "
                    + "ne tiennent pas dans les horaires d'ouverture ; \(fix).", size: 9.5, after: 2)
            }
            flow.paragraph("Conformément à l'article 3 de la convention cadre, \(shortParty) s'engage à adapter ses horaires "
                + "d'ouverture afin de dégager les marges de souplesse nécessaires.", size: 9.5)
        }
        if let estimate {
            flow.paragraph("Pour information, et à titre prévisionnel, cette prestation de remplacement coûtera, selon le tarif "
                + "en vigueur, la somme de \(French.money(estimate.amountCents)) correspondant à "
                + "\(French.hours(estimate.billedMinutes)) heures de travail facturables.", size: 9.5)
        }
        flow.paragraph("Le montant définitif dû sera fixé à la fin de la mission sur la base d'un relevé d'heures établi par le "
            + "service commun, en lien avec \(shortParty), et joint à l'appui du titre de recettes émis.", size: 9.5)

        flow.heading("Article 3 : Missions")
        flow.paragraph("Les missions de l'agent de remplacement sont similaires à celles de l'agent absent, à l'exclusion de "
            + "l'encadrement des personnels et de la signature de documents dans le cadre d'une délégation de signature "
            + "consentie par un élu.", size: 9.5)

        flow.heading("Article 4 : Renouvellement ou prolongation")
        flow.paragraph("Une semaine avant l'échéance du présent contrat, \(shortParty) prend contact avec le service de "
            + "remplacement pour exprimer, en le justifiant, son besoin de renouvellement ou de prolongation. Toutes les "
            + "dispositions de la convention cadre du service commun s'appliquent.", size: 9.5, after: 8)

        flow.signatures([
            ["Pour le service commun,"] + signatory,
            [commune ? "Pour la commune," : "Pour le membre,", commune ? "Le Maire" : "Le Président", member.name],
        ], note: "Fait en deux exemplaires originaux, à …………………………, le …………………… .")
        return flow.finish()
    }

    /// `09:00–12:00, 14:00–16:30`.
    static func ranges(_ list: [TimeRange]) -> String {
        list.map { "\(ClockText.format($0.start))–\(ClockText.format($0.end))" }.joined(separator: ", ")
    }

    /// `Camille, Élodie et Jean`.
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " et " + last
    }

    /// `Le Président` → `le Président`, for use inside a sentence.
    static func lowercasedArticle(_ text: String) -> String {
        for article in ["Le ", "La ", "Les ", "L'", "L’"] where text.hasPrefix(article) {
            return article.lowercased() + text.dropFirst(article.count)
        }
        return text
    }
}
