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
            "Heures couvertes par les jours prépayés 7:00 30,00 € 0,00 €",
            "Heures de remplacement 10:45 30,00 € 322,50 €",
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
            "lun. 9 janv. 2023 Camille Lefèvre 2023-R-004 7:30",
            "mar. 10 janv. 2023 Camille Lefèvre 2023-R-004 7:00",
            "jeu. 12 janv. 2023 Élodie Perrin 2023-R-004 3:15",
            "Total des heures 17:45",
            "Page 1 / 2", "Page 2 / 2",
        ], in: flat)
        // The statement total is the sum of its rows, and it is on the annex page.
        let annex = Poppler.flat(try Poppler.text(pdf, pages: 2...2))
        #expect(annex.contains("Total des heures \(DurationText.format(Fixtures.statement.reduce(0) { $0 + $1.minutes }))"))
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
        let hourEnds = words.filter { ($0.text == "7:00" || $0.text == "10:45") && $0.xMin > 280 }.map(\.xMax)
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
            let row = "\(DisplayFormat(.fr).date(entry.date)) \(entry.agentName) 2023-R-010 \(DurationText.format(entry.minutes))"
            #expect(lines.filter { $0 == row }.count == 1, "row « \(row) » once")
        }
        let total = invoice.statement.reduce(0) { $0 + $1.minutes }
        #expect(lines.contains("Total des heures \(DurationText.format(total))"))
        #expect(flat.contains("Jean Œillet"))
    }

    @Test func costEstimateShowsTheCalculationAndTheConsentLine() throws {
        let text = Poppler.flat(try Poppler.text(CostEstimateDocument.pdf(
            estimate: Fixtures.estimate, request: Fixtures.request, member: Fixtures.ecuisses, service: Fixtures.service,
            issued: Fixtures.date("2023-01-06"))))
        Self.expectAll([
            "Coût prévisionnel de la mission", "Communauté urbaine Creusot Montceau", "Demande n° 2023-R-004",
            "Établi le 06/01/2023", "Écuisses", "Motif maladie",
            "Période du lun. 9 janv. 2023 au ven. 20 janv. 2023", "Durée hebdomadaire 17:30 par semaine",
            "Heures nécessaires sur la période 35:00", "Heures prépayées restantes (cotisation 2023) 7:00",
            "Heures facturables 28:00", "Coût horaire 2023 30,00 €", "Montant prévisionnel 840,00 €",
            "Bon pour accord", "Le Maire", "David MARTI", "Page 1 / 1",
        ], in: text)
    }

    @Test func serviceContractHasPartiesMissionWeeklyTableAndConflicts() throws {
        let pdf = ServiceContractDocument.pdf(schedule: Fixtures.schedule, request: Fixtures.request, member: Fixtures.ecuisses,
                                              service: Fixtures.service, agentNames: Fixtures.agentNames,
                                              estimate: Fixtures.estimate)
        let text = try Poppler.text(pdf)
        let flat = Poppler.flat(text)
        Self.expectAll([
            "Contrat de service", "annexe 2", "Communauté urbaine Creusot Montceau", "représenté par le Président David MARTI",
            "la commune d'Écuisses, code 71185", "son maire en exercice", "Vu l'article L. 5211-4-2",
            "reçue le 5 janvier 2023", "durée prévisionnelle de 2 semaines",
            "Motif maladie", "Période du lun. 9 janv. 2023 au ven. 20 janv. 2023", "Heures par semaine 17:30",
            "Camille Lefèvre et Élodie Perrin", "semaine du 9 janvier 2023",
            "Jour", "Agent", "Travail", "matin", "après-midi", "Ouverture", "mairie matin", "mairie après-midi",
            "Total 10:00", "840,00 €", "mise en œuvre",
            "mar. 10 janv. 2023 : 0:30 de Camille Lefèvre ne tiennent pas dans les horaires d'ouverture ; "
                + "proposition : ouvrir aussi la mairie de 12:00–12:30 ce jour-là.",
            "Pour le service commun,", "Pour la commune,", "Le Maire", "Le Président",
        ], in: flat)
        // Each day of the schedule is one table row: date, agent, work, hours, opening.
        let rows = text.split(separator: "\n").map { Poppler.flat(String($0)) }
        Self.expectAll([
            "lun. 9 janv. 2023 Camille Lefèvre 09:00–12:00 14:00–14:30 3:30 09:00–12:00 14:00–17:00",
            "mar. 10 janv. 2023 Camille Lefèvre 09:00–12:00 3:00 09:00–12:00",
            "jeu. 12 janv. 2023 Élodie Perrin 14:00–17:30 3:30 14:00–18:00",
        ], in: rows.joined(separator: "\n"))
    }
}
