import Foundation
import Testing
@testable import Documents
@testable import Domain

/// The reminder letter (lettre de relance) and the payment state of a titre, as pdftotext reads them.
@Suite(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
struct ReminderLetterTests {
    /// Écuisses owes the hours of 2023-0007 (100,00 € of 322,50 € paid) and a fee of 1 050,00 €.
    static let overdue: [OverdueInvoice] = {
        var hours = Fixtures.hoursInvoice
        hours.paidCents = 10_000
        var fee = Fixtures.feeInvoice
        fee.member = Fixtures.ecuisses.code
        fee.number = "2023-0011"
        fee.issued = Fixtures.date("2023-02-10")
        fee.due = Fixtures.date("2023-03-12")
        let today = Fixtures.date("2026-12-07")
        return [hours, fee].map { OverdueInvoice(invoice: $0, memberName: "Écuisses", daysLate: $0.daysLate(on: today)) }
    }()

    @Test func theLetterNamesTheMayorTheInvoicesTheSumAndTheAccountant() throws {
        let pdf = ReminderLetter.pdf(member: Fixtures.ecuisses, overdue: Self.overdue, service: Fixtures.service,
                                     date: Fixtures.date("2026-12-07"))
        let text = Poppler.flat(try Poppler.text(pdf))
        DocumentTextTests.expectAll([
            // From the service, to the mayor, dated.
            "Communauté urbaine Creusot Montceau", "Château de la Verrerie", "71200 Le Creusot",
            "Lettre de relance du 07/12/2026", "Madame ou Monsieur le Maire d'Écuisses", "Code 71185 – commune",
            "Le Creusot, le 7 décembre 2026",
            "Objet : relance – titres de recettes n° 2023-0007, 2023-0011 restant à payer",
            "Madame, Monsieur le Maire,",
            "à l'ordre de la commune d'Écuisses",
            // Each invoice: number, issue, due, total, paid, left due; then the sum.
            "Titre n° Émis le Échéance Montant Déjà payé Reste dû",
            "2023-0007 01/02/2023 03/03/2023 322,50 € 100,00 € 222,50 €",
            "2023-0011 10/02/2023 12/03/2023 1 050,00 € 0,00 € 1 050,00 €",
            "Total 1 372,50 € 100,00 € 1 272,50 €",
            // What is asked, of whom, within what delay, on what basis.
            "règlement de la somme de 1 272,50 € auprès du comptable public, Service de gestion comptable de Montceau-les-Mines,",
            "dans un délai de quinze jours à compter de la réception de la présente lettre",
            "Ces sommes sont dues en application de : Convention cadre de mise en œuvre du service commun du 30 juin 2022",
            "l'expression de ma considération distinguée",
            "Le Président, David MARTI",
        ], in: text)
    }

    /// A service that set neither accountant, legal basis nor address still writes a sound
    /// letter; one invoice is said in the singular.
    @Test func aBareServiceWritesASoundLetterInTheSingular() throws {
        let pdf = ReminderLetter.pdf(member: Fixtures.ecuisses, overdue: [Self.overdue[0]], service: Fixtures.bareService,
                                     date: Fixtures.date("2026-12-07"))
        let text = Poppler.flat(try Poppler.text(pdf))
        DocumentTextTests.expectAll([
            "Le 7 décembre 2026", "titre de recettes n° 2023-0007 restant à payer", "le titre de recettes suivant",
            "reste impayé", "auprès du comptable public assignataire", "le numéro du titre", "Le Président,",
        ], in: text)
        #expect(!text.contains("en application de"))
    }

    @Test(arguments: [("Château de la Verrerie\n71200 Le Creusot", "Le Creusot, le 7 décembre 2026"),
                      ("Château de la Verrerie, BP 90069, 71206 Le Creusot Cedex", "Le Creusot, le 7 décembre 2026"),
                      ("Rue de la Mairie", "Le 7 décembre 2026")])
    func theLetterIsDatedFromTheServicesTown(address: String, expected: String) {
        var service = Fixtures.bareService
        service.address = address
        #expect(ReminderLetter.placeAndDate(service, Fixtures.date("2026-12-07")) == expected)
    }

    /// A titre printed again says how far it is paid.
    @Test func aTitreSaysItsPaymentState() throws {
        var partial = Fixtures.hoursInvoice
        partial.paidCents = 10_000
        var text = Poppler.flat(try Poppler.text(TitreDeRecettes.pdf(invoice: partial, member: Fixtures.ecuisses,
                                                                    service: Fixtures.service, missionLabel: nil)))
        #expect(text.contains("État du paiement partiellement payée : 100,00 € sur 322,50 €, reste dû 222,50 €"))
        var paid = Fixtures.hoursInvoice
        paid.paid = Fixtures.date("2023-03-01")
        paid.paidCents = paid.totalCents
        text = Poppler.flat(try Poppler.text(TitreDeRecettes.pdf(invoice: paid, member: Fixtures.ecuisses,
                                                                service: Fixtures.service, missionLabel: nil)))
        #expect(text.contains("État du paiement payée le 1er mars 2023"))
        text = Poppler.flat(try Poppler.text(TitreDeRecettes.pdf(invoice: Fixtures.hoursInvoice, member: Fixtures.ecuisses,
                                                                service: Fixtures.service, missionLabel: nil)))
        #expect(!text.contains("État du paiement"))
    }
}
