import Foundation
import Testing
@testable import Documents
@testable import Domain

/// Documents address the mayor by name when the directory or the papers know it (rules.md §10).
@Suite(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
struct MayorByNameTests {
    @Test func theDirectorysMayorNamesTheAddressee() throws {
        let member = Fixtures.ecuisses
        #expect(member.membership.mayor == nil)
        let people = [Person(id: "P-1", name: "Claire Faure", role: .secretaire, member: member.code),
                      Person(id: "P-2", name: "Guy Martin", role: .maire, member: member.code)]
        let addressed = Directory.addressed(member, people: people)
        #expect(addressed.membership.mayor == "Guy Martin")
        // The papers' name wins over the directory's.
        var papers = member
        papers.membership.mayor = "Jean Dupont"
        #expect(Directory.addressed(papers, people: people).membership.mayor == "Jean Dupont")
        #expect(French.representative(addressed) == "Guy Martin, maire d'Écuisses")
        #expect(French.representative(member) == "Madame ou Monsieur le Maire")
        let letter = Poppler.flat(try Poppler.text(ReminderLetter.pdf(member: addressed, overdue: [], service: Fixtures.service,
                                                                     date: Fixtures.date("2023-03-01"))))
        #expect(letter.contains("Guy Martin, maire d'Écuisses"))
    }
}
