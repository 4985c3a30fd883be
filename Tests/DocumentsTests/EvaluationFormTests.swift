import Foundation
import Testing
@testable import Documents
@testable import Domain

/// The mayor's evaluation form of a served mission (rules.md §8), as pdftotext reads it.
@Suite(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
struct EvaluationFormTests {
    /// Écuisses' sick-leave mission of January 2023, served by two agents.
    static func content(mayor: String? = "Jean Dupont") -> EvaluationFormContent {
        var member = Fixtures.ecuisses
        member.membership.mayor = mayor
        return EvaluationFormContent(request: Fixtures.request, member: member, firstDay: Fixtures.date("2023-01-09"),
                                     lastDay: Fixtures.date("2023-01-20"), agents: ["Camille Lefèvre", "Élodie Perrin"],
                                     servedMinutes: 750)
    }

    static func pdf(_ content: EvaluationFormContent, service: ServiceSettings = Fixtures.service) -> [UInt8] {
        EvaluationForm.pdf(content, service: service, issued: Fixtures.date("2023-01-23"))
    }

    @Test func theFormIsPrefilledWithTheMission() throws {
        let pdf = Self.pdf(Self.content())
        try PDFWriterTests.checkStructure(pdf)
        let text = Poppler.flat(try Poppler.text(pdf))
        DocumentTextTests.expectAll([
            "Communauté urbaine Creusot Montceau", "Château de la Verrerie", "Demande n° 2023-R-004", "Établie le 23/01/2023",
            "Fiche d'évaluation de la mission", "à remplir par le maire à l'issue de la mission",
            "Jean Dupont, maire d'Écuisses", "Mairie – Écuisses", "Code 71185 – commune",
            "Motif maladie", "du 9 janvier 2023 au 20 janvier 2023", "Agents Camille Lefèvre et Élodie Perrin",
            "Heures effectuées 12 h 30",
            "1 2 3 4", "insuffisant à améliorer satisfaisant très satisfaisant",
            "La commune ferait-elle de nouveau appel au service ? oui non",
            "Commentaire, observations", "Fait à", "Le Maire, Jean Dupont", "(signature et cachet de la mairie)",
            "Fiche à retourner au service commun à l'issue de la mission ou de ses périodes de reconduction : "
                + "Communauté urbaine Creusot Montceau, Château de la Verrerie, 71200 Le Creusot.",
        ], in: text)
        #expect(PDFWriterTests.find("/Count 1 ", in: pdf) != nil, "one page")
    }

    /// The five criteria in the order of `EvaluationCriterion`, each on its own row.
    @Test func theFiveCriteriaComeInOrder() throws {
        let text = try Poppler.text(Self.pdf(Self.content()))
        var cursor = text.startIndex
        for criterion in EvaluationCriterion.allCases {
            let label = ServiceContractDocument.capitalized(criterion.label(in: .fr))
            let found = try #require(text.range(of: label, range: cursor..<text.endIndex), "missing « \(label) »")
            cursor = found.upperBound
        }
    }

    /// Without the mayor's name the form addresses "Madame, Monsieur le Maire"; a renewal says
    /// which request it renews; a return date is said.
    @Test func anUnknownMayorARenewalAndAReturnDate() throws {
        var content = Self.content(mayor: nil)
        content.request.renews = "2023-R-001"
        content.agents = ["Camille Lefèvre"]
        content.returnBy = Fixtures.date("2023-02-06")
        let text = Poppler.flat(try Poppler.text(Self.pdf(content, service: Fixtures.bareService)))
        #expect(EvaluationForm.addressee(content.member) == "Madame, Monsieur le Maire d'Écuisses")
        // Both columns wrap here, and pdftotext reads their lines side by side.
        DocumentTextTests.expectAll([
            "Madame, Monsieur le Maire", "n° 2023-R-004 (renouvellement de la n°", "2023-R-001)",
            "Agent Camille Lefèvre", "Le Maire (signature",
            "Fiche à retourner au service commun au plus tard le 6 février 2023 : "
                + "Service commun de remplacement des secrétaires de mairie.",
        ], in: text)
        #expect(!text.contains("Dupont"))
    }

    @Test(arguments: [(MemberKind.commune, String?("Jean Dupont"), "Jean Dupont, maire du Breuil"),
                      (.commune, nil, "Madame, Monsieur le Maire du Breuil"),
                      (.afp, "Anne Roux", "Anne Roux, président – Le Breuil"),
                      (.afp, nil, "Madame, Monsieur le Président")])
    func theFormAddressesTheMayorByNameWhenKnown(kind: MemberKind, mayor: String?, expected: String) {
        var member = Fixtures.ecuisses
        member.name = "Le Breuil"
        member.kind = kind
        member.membership.mayor = mayor
        #expect(EvaluationForm.addressee(member) == expected)
    }

    /// From the demo plan: the served days, the agents by name (never a code alone) and the
    /// hours the arbitration served.
    @Test func theDemoMissionsFormNamesItsAgents() throws {
        let (territory, plan) = Fixtures.demo
        let decision = try #require(plan.decisions.first { d in Set(d.periods.map(\.agent)).count > 1 && d.servedMinutes > 0 })
        let content = try #require(EvaluationFormContent.make(requestID: decision.id, territory: territory, plan: plan))
        #expect(content.firstDay == decision.periods.map(\.from).min())
        #expect(content.lastDay == decision.periods.map(\.to).max())
        #expect(content.servedMinutes == decision.servedMinutes)
        let names = territory.agentNames
        #expect(Set(content.agents) == Set(decision.periods.compactMap { names[$0.agent] }))
        let pdf = Self.pdf(content, service: territory.service)
        #expect(PDFWriterTests.find("/Count 1 ", in: pdf) != nil, "one page")
        let text = Poppler.flat(try Poppler.text(pdf))
        for name in content.agents { #expect(text.contains(name)) }
        for code in Set(decision.periods.map(\.agent)) { #expect(!text.contains(" \(code) "), "agent code \(code) printed") }
        #expect(text.contains("Heures effectuées \(Poppler.flat(French.hours(decision.servedMinutes)))"))
        #expect(text.contains("du \(French.long(content.firstDay)) au \(French.long(content.lastDay))"))
    }

    /// A request the plan did not serve has no form.
    @Test func anUnservedRequestHasNoForm() throws {
        let (territory, plan) = Fixtures.demo
        if let unserved = plan.decisions.first(where: { $0.servedMinutes == 0 }) {
            #expect(EvaluationFormContent.make(decision: unserved, territory: territory) == nil)
        }
        #expect(EvaluationFormContent.make(requestID: "no-such-request", territory: territory, plan: plan) == nil)
    }
}
