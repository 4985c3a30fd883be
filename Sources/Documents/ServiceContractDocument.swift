import Domain

/// The service contract (contrat de prestation, seed 002 annex 2) signed by the mayor and the
/// president before a mission: the parties and the membership, the need (motive, fixed or
/// provisional duration), one weekly table per period of the half-day schedule (working hours
/// set against the town hall's opening hours, the agent of every half-day named), the estimate,
/// the missions, the renewal and evaluation clauses, and the signature blocks.
public enum ServiceContractDocument {
    /// The PDF of `contract`, as printed in `version`.
    public static func pdf(_ contract: ServiceContract, service: ServiceSettings, version: ServiceContract.Version,
                           policy: ReadPolicy = .coordinator) -> [UInt8] {
        let request = contract.request, member = contract.member
        let body = French.body(service)
        var flow = PageFlow(title: "Contrat de service – demande n° \(request.id) – \(member.name)",
                            footer: "\(body) – contrat de prestation n° \(request.id) – "
                                + versionText(version, short: true))
        flow.letterhead(service, reference: [
            ("Demande n°", request.id),
            ("Du", French.numeric(request.start)),
            ("Au", French.numeric(contract.end)),
        ])
        flow.title("Contrat de prestation",
                   subtitle: "Remplacement de secrétaire de mairie – annexe 2 de la convention cadre du service commun")
        flow.paragraph(versionText(version, short: false), font: .bold, size: 9.5, after: 6)

        let commune = member.kind == .commune
        // The mayor by name when known (rules.md §10), else the office alone.
        let mayor = member.membership.mayor.flatMap { $0.isEmpty ? nil : $0 }
        let party = commune ? "la commune \(DisplayFormat.de(member.name))" : "\(member.name) (\(French.kind(member.kind)))"
        let shortParty = commune ? "la commune" : "le membre"
        let signatory = French.signatory(service, fallback: "son président")
        let represented = service.issuerName.map { name in
            "représenté par \(service.issuerTitle.map { inSentence($0) + ", " } ?? "")\(name)"
        } ?? "représenté par son président"
        flow.paragraph("Entre,", after: 2)
        flow.paragraph("\(body)\(service.epci == nil ? "" : " (\(service.name))")"
            + "\(service.address.map { ", " + $0.split(separator: "\n").joined(separator: ", ") } ?? ""), \(represented), "
            + "ci-après dénommé «\u{00A0}le service commun\u{00A0}», d'une part,", after: 2)
        flow.paragraph("et \(party), code \(member.code), représenté\(commune ? "e" : "") par "
            + "\(commune ? "son maire en exercice" : "son président")\(mayor.map { ", " + $0 } ?? ""), habilité à signer le présent contrat, "
            + "ci-après dénommé\(commune ? "e" : "") «\u{00A0}\(shortParty)\u{00A0}», d'autre part.", after: 6)

        let basis = service.legalBasis.flatMap { $0.isEmpty ? nil : $0 } ?? "la convention d'adhésion au service commun"
        let weeks = contract.weeks
        flow.paragraph("Vu l'article L. 5211-4-2 du code général des collectivités territoriales relatif aux services communs ;",
                       size: 9.5, after: 1)
        flow.paragraph("Vu les actes fondant le service commun : \(basis) ;", size: 9.5, after: 1)
        flow.paragraph("Vu la convention cadre du service commun, à laquelle \(shortParty) a adhéré en date du "
            + "\(French.long(member.memberSince)) ;", size: 9.5, after: 1)
        flow.paragraph("Vu la demande \(commune ? "de la commune" : "du membre") en date du \(French.long(request.received)) "
            + "sollicitant le bénéfice du service commun afin de faire face \(need(request.motive, policy)) pour une durée "
            + "\(contract.duration == .fixed ? "" : "prévisionnelle ")de \(weeks) semaine\(weeks > 1 ? "s" : "") ;", size: 9.5, after: 4)
        flow.paragraph("Le présent contrat est un document de mise en œuvre du service commun ; il est indissociable des "
            + "clauses de la convention cadre qu'il complète. Ceci étant exposé, il a été convenu ce qui suit :", size: 9.5, after: 4)

        // Article 1
        flow.heading("Article 1 : Objet et identification du besoin")
        flow.paragraph("Le présent contrat est un contrat de prestation de remplacement conclu dans le cadre de l'article "
            + "L. 5211-4-2 du code général des collectivités territoriales.", size: 9.5, after: 3)
        flow.field("Demande", "n° \(request.id), reçue le \(French.long(request.received))", labelWidth: 120)
        flow.field("Motif", policy.motiveText(request.motive, .fr) + (request.exceptional ? " (cas exceptionnel)" : ""), labelWidth: 120)
        switch contract.duration {
        case .fixed:
            flow.field("Durée fixe", "du \(French.long(request.start)) au \(French.long(contract.end))", labelWidth: 120)
        case .provisional:
            flow.field("Durée prévisionnelle", "\(weeks) semaine\(weeks > 1 ? "s" : ""), à compter du \(French.long(request.start)) "
                + "(fin prévue le \(French.long(contract.end)))", labelWidth: 120)
        }
        flow.field("Besoin", "\(French.hours(request.minutesPerWeek)) par semaine", labelWidth: 120)
        if contract.decision.capped {
            flow.paragraph("La demande courait jusqu'au \(French.long(request.end)) ; le contrat est limité à deux mois. "
                + "La suite fera l'objet d'une demande de renouvellement (article 4).", size: 9.5, after: 2)
        }
        flow.space(4)

        // Article 2
        flow.heading("Article 2 : Remplacement")
        let agents = contract.agentsInOrder.map { contract.agentNames[$0] ?? $0 }
        let who = agents.isEmpty ? "un agent du service" : list(agents)
        let plural = agents.count > 1
        flow.paragraph("\(purpose(request.motive)), le service commun met à la disposition de \(shortParty) "
            + "\(who) du \(French.long(request.start)) au \(French.long(contract.end)), sur les plages horaires suivantes. "
            + "Le temps de déplacement entre deux mairies n'est pas du temps de travail\(plural ? " ; chaque demi-journée nomme l'agent qui la tient" : "").",
            size: 9.5, after: 6)
        let periods = contract.schedule.periods
        for (index, period) in periods.enumerated() {
            let count = weekCount(period)
            let minutes = period.pattern.reduce(0) { $0 + $1.range.minutes }
            let label = periods.count > 1 ? "Période \(index + 1) : " : ""
            flow.paragraph("\(label)du \(French.short(period.from)) au \(French.short(period.to))"
                + (count > 1 ? " (\(count) semaines identiques)" : "")
                + " – \(French.hours(minutes)) par semaine", font: .bold, size: 9.5, after: 3)
            flow.table(weekColumns, rows: weekRows(period, member: member, names: contract.agentNames,
                                                           settings: service.convention.halfDays),
                       totals: [["Semaine", "", "", French.hours(minutes), "", ""]], size: 8.5)
        }
        let placed = contract.schedule.placedMinutes, unplaced = contract.schedule.unplacedMinutes
        flow.paragraph("Au total, le service commun assure \(French.hours(placed)) de travail sur la période"
            + (unplaced > 0 ? ", et \(French.hours(unplaced)) restent à placer en accord avec \(shortParty) (\(French.hours(placed + unplaced)) "
                + "attribuées par le service)" : "") + "."
            + (contract.decision.servedMinutes < contract.decision.neededMinutes
                ? " La demande portait sur \(French.hours(contract.decision.neededMinutes)) : le service ne peut en assurer que "
                    + "\(French.hours(contract.decision.servedMinutes)), les autres membres ayant des besoins prioritaires "
                    + "(article 3 de la convention cadre)."
                : ""), size: 9.5, after: 4)

        let uncovered = contract.schedule.uncoveredOpening
        if !uncovered.isEmpty {
            var byDay: [String] = []
            for (weekday, ranges) in uncoveredByWeekday(uncovered) {
                byDay.append("\(French.format.weekdayLong(weekday)) \(self.ranges(ranges))")
            }
            flow.paragraph("Horaires d'ouverture sans secrétaire : \(byDay.joined(separator: " ; ")). Conformément à l'article 3 "
                + "de la convention cadre, \(shortParty) s'engage à adapter ses horaires d'ouverture afin de dégager les marges "
                + "de souplesse nécessaires.", size: 9.5, after: 4)
        }
        for conflict in contract.schedule.conflicts {
            let who = list(conflict.members.map { contract.memberNames[$0] ?? $0 })
            let agent = contract.agentNames[conflict.agent] ?? conflict.agent
            let fix = conflict.proposal.map { p in
                "proposition : que la mairie \(DisplayFormat.de(contract.memberNames[p.member] ?? p.member)) ouvre aussi le "
                    + "\(French.format.weekdayLong(p.weekday)) \(ranges([p.range])), afin que chacun ait sa demi-journée"
            } ?? "aucun changement d'horaires ne permet de servir les deux ce jour-là"
            flow.paragraph("• Le \(French.short(conflict.date)) (\(conflict.half == .am ? "matin" : "après-midi")), \(who) attendent "
                + "\(agent) à la même heure ; \(fix).", size: 9.5, after: 2)
        }

        flow.paragraph(estimateSentence(contract), size: 9.5, after: 3)
        flow.paragraph("Le montant définitif dû par \(shortParty) sera fixé à la fin de la mission sur la base d'un relevé "
            + "d'heures établi par le service commun, en lien avec \(shortParty), et joint à l'appui du titre de recettes émis.",
            size: 9.5)

        // Article 3
        flow.heading("Article 3 : Missions")
        if let described = request.missions?.trimmingSpaces(), !described.isEmpty {
            // The job description the member gave, as it gave it.
            flow.paragraph("Les missions de l'agent de remplacement sont les suivantes, selon la fiche de poste fournie par "
                + "\(shortParty) : \(described)", size: 9.5, after: 3)
            flow.paragraph("Elles s'entendent à l'exclusion de l'encadrement des personnels et de la signature de documents dans "
                + "le cadre d'une délégation de signature consentie par un élu.", size: 9.5)
        } else {
            flow.paragraph("Les missions de l'agent de remplacement \(missions(request.motive)), à l'exclusion de "
                + "l'encadrement des personnels et de la signature de documents dans le cadre d'une délégation de signature "
                + "consentie par un élu. À cet effet, \(shortParty) fournit la fiche de poste, qui reste annexée au présent contrat.",
                size: 9.5)
        }

        // Article 4
        flow.heading("Article 4 : Renouvellement ou prolongation")
        let convention = service.convention
        let ask = contract.end.adding(days: -convention.renewalReminderDays)
        let before = convention.renewalReminderDays == 7 ? "Une semaine"
            : convention.renewalReminderDays == 1 ? "Un jour" : "\(convention.renewalReminderDays) jours"
        flow.paragraph("\(before) avant l'échéance du présent contrat, soit au plus tard le \(French.long(ask)), \(shortParty) "
            + "prend contact avec le service de remplacement pour exprimer son besoin de renouvellement ou de prolongation, "
            + "en prenant soin de justifier sa démarche.", size: 9.5, after: 3)
        flow.paragraph("En fonction des demandes formulées par les autres membres et des priorités définies à l'article 3 de la "
            + "convention cadre, le service commun informe \(shortParty), dans un délai de \(convention.renewalAnswerHours) heures, de la possibilité "
            + "d'accéder à sa requête en renouvelant ou en prolongeant le contrat.", size: 9.5)

        // Article 5, when the convention asks an evaluation after each mission
        var article = 5
        if convention.evaluationAfterMission {
            flow.heading("Article 5 : Évaluation de la prestation")
            flow.paragraph("À l'issue de la mission ou de ses périodes de reconduction, \(shortParty) d'accueil transmet au service "
                + "commun le document d'évaluation qui lui est fourni, afin de mesurer son niveau de satisfaction et, si besoin, "
                + "d'améliorer le niveau des services rendus par les agents chargés des remplacements.", size: 9.5)
            article += 1
        }

        // Article 6 (5 without an evaluation)
        flow.heading("Article \(article) : Autres dispositions")
        flow.paragraph("Il est rappelé que toutes les dispositions figurant dans la convention cadre du service commun "
            + "s'appliquent.", size: 9.5, after: 8)

        flow.signatures([
            ["Pour le service commun,"] + signatory,
            [commune ? "Pour la commune," : "Pour le membre,", commune ? "Le Maire" : "Le Président"] + (mayor.map { [$0] } ?? []) + [member.name],
        ], note: "Fait en deux exemplaires originaux, dont un pour \(shortParty) et un pour le service commun, "
            + "à …………………………, le …………………… .")
        return flow.finish()
    }

    // MARK: - Wording that fits the motive

    /// "à l'absence de son secrétaire de mairie …", after "afin de faire face".
    static func need(_ motive: Motive, _ policy: ReadPolicy) -> String {
        switch motive.priorityClass {
        case .urgent, .absence:
            return motive == .retraite
                ? "au départ à la retraite de son secrétaire de mairie ou de l'un de ses agents administratifs"
                : "à l'absence de son secrétaire de mairie ou de l'un de ses agents administratifs"
        case .mission:
            return motive == .surcroit ? "à un surcroît d'activité de son secrétariat" : "à une mission particulière de son secrétariat"
        case .summer:
            return "aux congés d'été de son secrétaire de mairie"
        }
    }

    /// The opening of article 2: "Pour pallier cette absence" only when someone is absent.
    static func purpose(_ motive: Motive) -> String {
        switch motive.priorityClass {
        case .urgent, .absence: return motive == .retraite ? "Pour pallier ce départ" : "Pour pallier cette absence"
        case .mission: return motive == .surcroit ? "Pour faire face à ce surcroît d'activité" : "Pour mener à bien cette mission"
        case .summer: return "Pendant ces congés"
        }
    }

    /// What the agent does, after "Les missions de l'agent de remplacement".
    static func missions(_ motive: Motive) -> String {
        switch motive.priorityClass {
        case .urgent, .absence, .summer: return "sont similaires à celles exercées par l'agent communal absent"
        case .mission: return motive == .surcroit
            ? "sont celles que le surcroît d'activité demande au secrétariat de mairie"
            : "sont celles de la mission particulière décrite par la fiche de poste"
        }
    }

    /// "version 2 du 7 décembre 2026, remplace celle du 2 décembre 2026".
    /// The estimate paragraph of article 2: the amount and the scheme's basis in words, or why
    /// there is no amount (prorata_cost: known at year end; a tariff or an hourly cost missing).
    static func estimateSentence(_ contract: ServiceContract) -> String {
        let year = contract.request.start.year
        guard let estimate = contract.estimate else {
            switch contract.estimateMissing {
            case .hourlyCost?:
                return "Le coût horaire de l'agent n'est pas encore renseigné : le coût prévisionnel sera communiqué dès qu'il le sera."
            case .incompleteTariff?, .noTariff?, nil:
                return "Le tarif \(year) n'est pas encore fixé : le coût prévisionnel sera communiqué dès son adoption."
            }
        }
        let opening = "Pour information, et à titre prévisionnel, cette prestation de remplacement coûtera, selon le tarif "
            + "\(estimate.year) en vigueur (\(estimate.basis(.fr))), "
        switch estimate.scheme {
        case .feeAndHourly:
            return opening + "la somme de \(French.money(estimate.amountCents ?? 0)) correspondant à \(French.hours(estimate.billedMinutes)) de travail"
                + (estimate.prepaidMinutesLeft > 0 && estimate.billedMinutes < estimate.neededMinutes
                    ? ", après déduction de \(French.hours(estimate.neededMinutes - estimate.billedMinutes)) comprises dans la cotisation annuelle"
                    : "") + "."
        case .dayRate:
            let days = estimate.lines.first { $0.kind == .day }?.count ?? 0
            return opening + "la somme de \(French.money(estimate.amountCents ?? 0)) correspondant à \(French.hours(estimate.billedMinutes)) "
                + "de travail sur \(days) journée\(days > 1 ? "s" : "")."
        case .agentCost:
            let unserved = estimate.lines.first { $0.kind == .unserved }?.minutes ?? 0
            return opening + "la somme de \(French.money(estimate.amountCents ?? 0)) correspondant à \(French.hours(estimate.billedMinutes)) de travail"
                + (unserved > 0 ? ", dont \(French.hours(unserved)) sans agent désigné, estimées au coût horaire moyen des agents du service" : "")
                + "."
        case .prorataCost:
            return "Pour information, le coût de cette prestation de remplacement (\(French.hours(estimate.neededMinutes)) de travail "
                + "prévues) ne peut être connu à l'avance : il sera établi en fin d'année selon la convention "
                + "(\(estimate.basis(.fr)))."
        }
    }

    static func versionText(_ v: ServiceContract.Version, short: Bool) -> String {
        guard v.recorded else {
            return short ? "projet du \(French.numeric(v.date))"
                : "Projet du \(French.long(v.date)) : le plan a changé depuis la dernière version imprimée"
                    + (v.replaces.map { " (celle du \(French.long($0)))" } ?? "") + " ; seul le coordinateur peut l'établir."
        }
        if short { return "version \(v.number) du \(French.numeric(v.date))" }
        return "Version \(v.number) du \(French.long(v.date))" + (v.replaces.map { ", remplace celle du \(French.long($0))" } ?? "") + "."
    }

    // MARK: - The weekly table

    static let weekColumns = [
        PageFlow.Column(title: "Jour", width: 50),
        PageFlow.Column(title: "Travail matin", width: 128),
        PageFlow.Column(title: "Travail après-midi", width: 128),
        PageFlow.Column(title: "Heures", width: 37, align: .right),
        PageFlow.Column(title: "Ouverture matin", width: 76),
        PageFlow.Column(title: "Ouverture après-midi", width: 76),
    ]

    /// Monday to Friday: each half-day's range with its agent's name, the day's hours, and the
    /// town hall's opening hours split at the afternoon window.
    static func weekRows(_ period: SchedulePeriod, member: Member, names: [String: String],
                         settings: HalfDaySettings) -> [[String]] {
        return Weekday.allCases.filter { !$0.isWeekend }.map { day in
            let entries = period.pattern.filter { $0.weekday == day }
            func work(_ half: Half) -> String {
                let here = entries.filter { $0.half == half }
                return here.isEmpty ? "—" : here.map { "\(ranges([$0.range])) \(names[$0.agent] ?? $0.agent)" }.joined(separator: " ; ")
            }
            let open = member.openingHours.on(day)
            let am = open.filter { settings.half(of: $0) == .am }, pm = open.filter { settings.half(of: $0) == .pm }
            let minutes = entries.reduce(0) { $0 + $1.range.minutes }
            return [capitalized(French.format.weekdayLong(day)), work(.am), work(.pm), minutes == 0 ? "—" : French.hours(minutes),
                    am.isEmpty ? "fermée" : ranges(am), pm.isEmpty ? "fermée" : ranges(pm)]
        }
    }

    /// Mondays from the period's first to its last day.
    static func weekCount(_ p: SchedulePeriod) -> Int {
        (p.from.mondayOfWeek.days(to: p.to.mondayOfWeek)) / 7 + 1
    }

    /// Uncovered opening ranges by weekday, each range once (a mayor reads a weekly pattern).
    static func uncoveredByWeekday(_ list: [UncoveredOpening]) -> [(Weekday, [TimeRange])] {
        var by: [Weekday: Set<TimeRange>] = [:]
        for u in list { by[u.date.weekday, default: []].insert(u.range) }
        return Weekday.allCases.compactMap { day in by[day].map { (day, $0.sorted()) } }
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// `09:00–12:00, 14:00–16:30`.
    static func ranges(_ list: [TimeRange]) -> String {
        list.map { "\(ClockText.format($0.start))–\(ClockText.format($0.end))" }.joined(separator: ", ")
    }

    /// `Camille, Élodie et Jean`.
    static func list(_ names: [String]) -> String {
        guard names.count > 1, let last = names.last else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " et " + last
    }

    /// `Le Président` → `le Président`, `Vice-président délégué` → `le Vice-président délégué`,
    /// for use inside a sentence.
    static func inSentence(_ text: String) -> String {
        for article in ["Le ", "La ", "Les ", "L'", "L’"] where text.hasPrefix(article) {
            return article.lowercased() + text.dropFirst(article.count)
        }
        return "le " + text
    }
}
