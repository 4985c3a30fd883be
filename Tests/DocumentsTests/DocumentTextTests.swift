import Foundation
import Testing
@testable import Documents
@testable import Domain

/// What a reader of each document finds in it, as poppler's `pdftotext` extracts it.
@Suite(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
struct DocumentTextTests {
    static func expectAll(_ mentions: [String], in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for mention in mentions {
            #expect(text.contains(mention), "missing « \(mention) »", sourceLocation: sourceLocation)
        }
    }

    /// A cancelled title printed again says it is cancelled, by which credit note, and that
    /// nothing is to be paid (issue 12).
    @Test func aCancelledTitreSaysSoWhenPrintedAgain() throws {
        var invoice = Fixtures.hoursInvoice
        invoice.cancelledBy = "AV-2023-0001"
        let text = Poppler.flat(try Poppler.text(TitreDeRecettes.pdf(invoice: invoice, member: Fixtures.ecuisses,
                                                                    service: Fixtures.service, missionLabel: nil)))
        Self.expectAll(["Titre de recettes ANNULÉ", "annulé par l'avoir n° AV-2023-0001 – ne pas payer",
                        "Montant total (annulé) 322,50 €", "n'est pas à payer"], in: text)
        #expect(!text.contains("À payer avant le"))
    }

    @Test func titreDeRecettesCarriesEveryMandatoryMention() throws {
        let pdf = TitreDeRecettes.pdf(invoice: Fixtures.hoursInvoice, member: Fixtures.ecuisses, service: Fixtures.service,
                                      missionLabel: "maladie, du 9 au 20 janv. 2023")
        let text = try Poppler.text(pdf)
        let flat = Poppler.flat(text)
        Self.expectAll([
            // Issuer and ordonnateur.
            "Communauté urbaine Creusot Montceau", "Service commun de remplacement des secrétaires de mairie",
            "Château de la Verrerie", "71200 Le Creusot", "Ordonnateur", "Le Président", "David MARTI",
            // Title, number, dates.
            "Titre de recettes", "Titre n° 2023-0007", "Exercice 2023", "Date d'émission : 01/02/2023",
            "Date d'échéance : 03/03/2023",
            // Debtor.
            "Débiteur", "Écuisses", "Code 71185 – commune",
            // Nature and legal basis.
            "Heures de remplacement – mission n° 2023-R-004 (maladie, du 9 au 20 janv. 2023)",
            "Convention cadre de mise en œuvre du service commun du 30 juin 2022",
            // Calculation.
            "Désignation", "Heures", "Prix unitaire", "Montant",
            "Heures couvertes par les jours prépayés 7 h 30,00 € 0,00 €",
            "Heures de remplacement 10 h 45 30,00 € 322,50 €",
            "Montant total à payer 322,50 €",
            "heures couvertes par les jours prépayés de la cotisation",
            // Payment.
            "À payer avant le 03/03/2023 (3 mars 2023)",
            "Payable auprès de : Service de gestion comptable de Montceau-les-Mines",
            "Fait le 1er février 2023",
            // Recourse.
            "Voies et délais de recours : dans un délai de deux mois suivant la notification du présent titre, vous pouvez "
                + "contester la somme mentionnée en saisissant le tribunal judiciaire ou le tribunal administratif compétent "
                + "selon la nature de la créance (article L. 1617-5 du code général des collectivités territoriales).",
            // Annex.
            "Relevé d'heures", "Date Agent Mission Heures",
            "lun. 9 janv. 2023 Camille Lefèvre 2023-R-004 7 h 30",
            "mar. 10 janv. 2023 Camille Lefèvre 2023-R-004 7 h",
            "jeu. 12 janv. 2023 Élodie Perrin 2023-R-004 3 h 15",
            "Total des heures 17 h 45",
            "Page 1 / 2", "Page 2 / 2",
        ], in: flat)
        // The statement total is the sum of its rows, and it is on the annex page.
        let annex = Poppler.flat(try Poppler.text(pdf, pages: 2...2))
        #expect(annex.contains("Total des heures \(DisplayFormat(.fr).hours(Fixtures.statement.reduce(0) { $0 + $1.minutes }))"))
        #expect(!annex.contains("Voies et délais"))
    }

    @Test func amountsAndHoursAreRightAligned() throws {
        let words = try Poppler.words(TitreDeRecettes.pdf(invoice: Fixtures.hoursInvoice, member: Fixtures.ecuisses,
                                                          service: Fixtures.service, missionLabel: nil), page: 1)
        // The Montant column (from x = 440) ends every line at the same x, total included.
        let amountEnds = words.filter { $0.text == "€" && $0.xMin > 445 }.map(\.xMax)
        #expect(amountEnds.count == 3)
        #expect((amountEnds.max() ?? 0) - (amountEnds.min() ?? 0) < 0.5)
        #expect((amountEnds.max() ?? 0) <= 545 + 0.5)
        // The Heures column too, whatever the number of digits.
        // "7 h" and "10 h 45" end with their last word ("h", "45").
        let pieces = words.filter { ($0.text == "h" || $0.text == "45") && $0.xMin > 280 && $0.xMin < 360 }
        let hourEnds = Dictionary(grouping: pieces, by: \.yMin).values.map { $0.map(\.xMax).max() ?? 0 }
        #expect(hourEnds.count == 2)
        #expect((hourEnds.max() ?? 0) - (hourEnds.min() ?? 0) < 0.5)
    }

    @Test func annualFeeWithoutLegalBasisOrAccountantUsesTheDefaults() throws {
        let text = Poppler.flat(try Poppler.text(TitreDeRecettes.pdf(
            invoice: Fixtures.feeInvoice, member: Fixtures.saintBerain, service: Fixtures.bareService, missionLabel: nil)))
        Self.expectAll([
            "Saint-Bérain-sous-Sanvignes", "Cotisation annuelle", "Convention d'adhésion au service commun",
            "Cotisation annuelle 2023 (10 000 hab. et plus) 1 050,00 € 1 050,00 €", "Montant total à payer 1 050,00 €",
            "Payable auprès de : Trésorerie", "À payer avant le 08/02/2023", "L'ordonnateur", "Page 1 / 1",
        ], in: text)
        #expect(!text.contains("Relevé d'heures"), "no annex without a statement")
    }

    @Test func creditNoteSaysWhichTitleItCancelsAndWhy() throws {
        let text = Poppler.flat(try Poppler.text(TitreDeRecettes.pdf(
            invoice: Fixtures.creditNote, member: Fixtures.saintBerain, service: Fixtures.service, missionLabel: nil)))
        Self.expectAll([
            "Avoir", "Avoir n° AV-2023-0001", "annule le titre n° 2023-0001", "Avoir (annulation)",
            "Motif Strate démographique erronée : la commune compte 1 200 habitants",
            "Montant total de l'avoir -1 050,00 €", "Saint-Bérain-sous-Sanvignes",
        ], in: text)
        #expect(!text.contains("À payer avant"))
    }

    @Test func longStatementBreaksPagesRepeatingTheHeader() throws {
        let invoice = Fixtures.longInvoice(rows: 200)
        let pdf = TitreDeRecettes.pdf(invoice: invoice, member: Fixtures.ecuisses, service: Fixtures.service, missionLabel: nil)
        let text = try Poppler.text(pdf)
        let flat = Poppler.flat(text)
        let pages = try #require(flat.firstMatch(of: /Page 1 \/ (\d+)/).flatMap { Int($0.1) })
        #expect(pages >= 4)
        #expect(flat.contains("Page 2 / \(pages)"))
        for page in 2...pages {
            let pageText = Poppler.flat(try Poppler.text(pdf, pages: page...page))
            #expect(pageText.contains("Date Agent Mission Heures"), "header on page \(page)")
            #expect(pageText.contains("Page \(page) / \(pages)"))
        }
        let lines = text.split(separator: "\n").map { Poppler.flat(String($0)) }
        for entry in invoice.statement {
            let row = "\(DisplayFormat(.fr).date(entry.date)) \(entry.agentName) 2023-R-010 \(DisplayFormat(.fr).hours(entry.minutes))"
            #expect(lines.filter { $0 == row }.count == 1, "row « \(row) » once")
        }
        let total = invoice.statement.reduce(0) { $0 + $1.minutes }
        #expect(lines.contains("Total des heures \(DisplayFormat(.fr).hours(total))"))
        #expect(flat.contains("Jean Œillet"))
    }

    @Test func costEstimateShowsTheCalculationAndTheConsentLine() throws {
        let text = Poppler.flat(try Poppler.text(CostEstimateDocument.pdf(
            estimate: Fixtures.estimate, request: Fixtures.request, member: Fixtures.ecuisses, service: Fixtures.service,
            issued: Fixtures.date("2023-01-06"))))
        Self.expectAll([
            "Coût prévisionnel de la mission", "Communauté urbaine Creusot Montceau", "Demande n° 2023-R-004",
            "Établi le 06/01/2023", "Écuisses", "Motif maladie",
            "Période du lun. 9 janv. 2023 au ven. 20 janv. 2023", "Durée hebdomadaire 17 h 30 par semaine",
            "Heures nécessaires sur la période 35 h", "Heures prépayées restantes (cotisation 2023) 7 h",
            "Heures facturables 28 h", "Coût horaire 2023 30,00 €", "Montant prévisionnel 840,00 €",
            "Bon pour accord", "Le Maire", "David MARTI", "Page 1 / 1",
        ], in: text)
    }

    /// Annex 2 complete: a mission served by several agents over weeks names each agent in its
    /// half-days, one table per period of the schedule, a total equal to what the plan gives,
    /// and every article of the seed's contract.
    @Test func contractOfAMissionServedBySeveralAgentsNamesEachAndAddsUp() throws {
        let demo = Fixtures.demo
        var checked = 0
        for decision in demo.plan.decisions where !decision.isImplicit && decision.servedMinutes > 0 {
            let contract = try #require(Fixtures.contract(decision.id))
            // What the tables hold plus what is left to place is what the arbitration gave.
            #expect(contract.plannedMinutes == decision.servedMinutes, "\(decision.id)")
            guard contract.agentsInOrder.count >= 3, contract.weeks >= 3 else { continue }
            checked += 1
            let text = try Poppler.text(ServiceContractDocument.pdf(contract, service: Fixtures.service, version: Fixtures.version))
            let flat = Poppler.flat(text)
            let member = contract.member
            Self.expectAll([
                "Contrat de prestation", "annexe 2", "Version 2 du 7 décembre 2026, remplace celle du 2 décembre 2026.",
                "la commune \(DisplayFormat.de(member.name)), code \(member.code)", "son maire en exercice",
                "à laquelle la commune a adhéré en date du \(French.long(member.memberSince))",
                "en date du \(French.long(decision.request.received))",
                "Article 1 : Objet et identification du besoin", "Article 2 : Remplacement", "Article 3 : Missions",
                "Article 4 : Renouvellement ou prolongation", "dans un délai de 72 heures",
                "Article 5 : Évaluation de la prestation", "document d'évaluation",
                "Article 6 : Autres dispositions",
                "Au total, le service commun assure \(French.hours(contract.schedule.placedMinutes)) de travail",
                "Pour le service commun,", "Pour la commune,", "Le Maire",
            ], in: flat)
            for agent in contract.agentsInOrder {
                let name = try #require(demo.territory.agentNames[agent])
                #expect(flat.contains(name), "\(decision.id): \(name) missing")
            }
            // One table per period, each headed by its dates, each of its half-days with its agent.
            for period in contract.schedule.periods {
                #expect(flat.contains("du \(French.short(period.from)) au \(French.short(period.to))"), "\(decision.id)")
            }
            let rows = text.split(separator: "\n").map { Poppler.flat(String($0)) }
            for entry in contract.schedule.periods[0].pattern {
                let cell = "\(ServiceContractDocument.ranges([entry.range])) \(demo.territory.agentNames[entry.agent] ?? "")"
                #expect(rows.contains { $0.contains(cell) }, "\(decision.id): \(cell)")
            }
        }
        #expect(checked > 0)
    }

    /// The wording fits the motive: extra workload is not an absence; sick leave is provisional.
    @Test func contractWordingFitsTheMotive() throws {
        let demo = Fixtures.demo
        let surcroit = try #require(demo.plan.decisions.first { $0.request.motive == .surcroit && $0.servedMinutes > 0 })
        let text = Poppler.flat(try Poppler.text(ServiceContractDocument.pdf(
            try #require(Fixtures.contract(surcroit.id)), service: Fixtures.service, version: Fixtures.version)))
        Self.expectAll(["afin de faire face à un surcroît d'activité", "Pour faire face à ce surcroît d'activité", "Durée fixe"], in: text)
        #expect(!text.contains("pallier cette absence"))
        #expect(!text.contains("prévisionnelle"))
        let sick = try #require(demo.plan.decisions.first { $0.request.motive == .maladie && $0.servedMinutes > 0 })
        let sickText = Poppler.flat(try Poppler.text(ServiceContractDocument.pdf(
            try #require(Fixtures.contract(sick.id)), service: Fixtures.service, version: Fixtures.version)))
        Self.expectAll(["Pour pallier cette absence", "Durée prévisionnelle", "pour une durée prévisionnelle de"], in: sickText)
    }

    /// Article 3 says the job description the member gave, when there is one.
    @Test func contractSaysTheMissionsGiven() throws {
        var contract = try #require(Fixtures.contract("D-2026-027"))
        contract.request.missions = "Paie des agents ; état civil ; accueil du public"
        let text = Poppler.flat(try Poppler.text(ServiceContractDocument.pdf(contract, service: Fixtures.service, version: Fixtures.version)))
        #expect(text.contains("selon la fiche de poste fournie par la commune : Paie des agents ; état civil ; accueil du public"))
        #expect(text.contains("à l'exclusion de l'encadrement des personnels"))
        #expect(contract.fingerprint != (try #require(Fixtures.contract("D-2026-027"))).fingerprint, "a new description is a new version")
    }

    /// A first version says nothing replaced; a draft (read-only role, plan changed) says so.
    @Test func contractVersionLines() throws {
        let contract = try #require(Fixtures.contract("D-2026-027"))
        let first = Poppler.flat(try Poppler.text(ServiceContractDocument.pdf(
            contract, service: Fixtures.service, version: .init(number: 1, date: Fixtures.date("2026-12-02"), replaces: nil))))
        #expect(first.contains("Version 1 du 2 décembre 2026."))
        #expect(!first.contains("remplace celle"))
        let draft = Poppler.flat(try Poppler.text(ServiceContractDocument.pdf(
            contract, service: Fixtures.service,
            version: .init(number: 0, date: Fixtures.date("2026-12-07"), replaces: Fixtures.date("2026-12-02"), recorded: false))))
        #expect(draft.contains("Projet du 7 décembre 2026 : le plan a changé depuis la dernière version imprimée (celle du 2 décembre 2026)"))
    }
}
