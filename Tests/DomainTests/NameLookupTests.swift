import Domain
import Testing

@Suite("Forgiving lookups (issue 12)")
struct NameLookupTests {
    static let day = CalendarDate(year: 2026, month: 1, day: 1) ?? CalendarDate(dayNumber: 0)
    static func member(_ code: String, _ name: String) -> Member {
        Member(code: code, name: name, population: 300, singlePartTimeSecretary: true, memberSince: day)
    }
    static let members = [member("71040", "Saint-Bérain-sous-Sanvignes"), member("71211", "Génelard"),
                          member("21001", "Mirebeau"), member("86001", "Mirebeau"), member("71300", "Saint-Bérain-sur-Dheune")]

    func find(_ text: String) -> NameLookup.Match<Member> {
        NameLookup.find(text, in: Self.members, code: \.code, folded: { $0.name.folding() })
    }

    @Test func aCommuneIsFoundByAnyPartOfItsNameAccentsAndCaseIgnored() {
        guard case .one(let found) = find("genelard") else { Issue.record("génelard"); return }
        #expect(found.code == "71211")
        guard case .one(let part) = find("SANVIGNES") else { Issue.record("sanvignes"); return }
        #expect(part.code == "71040")
        guard case .one(let code) = find(" 71211 ") else { Issue.record("code"); return }
        #expect(code.name == "Génelard")
        guard case .none = find("Paris") else { Issue.record("paris"); return }
    }

    /// Several matches are listed with their codes (namesakes told apart), never one picked.
    @Test func severalMatchesAreListedWithTheirCodes() {
        guard case .several(let berain) = find("berain") else { Issue.record("berain"); return }
        #expect(berain.map(\.code) == ["71040", "71300"])
        guard case .several(let mirebeau) = find("Mirebeau") else { Issue.record("mirebeau"); return }
        #expect(NameLookup.listing(mirebeau.map { ($0.code, $0.name) }, .fr) == "Mirebeau (21001), Mirebeau (86001)")
        #expect(NameLookup.listing(Self.members.map { ($0.code, $0.name) }, shown: 2, .fr).hasSuffix(" et 3 autres"))
    }

    /// The request form reads the commune the same way: a part of the name is enough, and an
    /// ambiguous one is refused with the choices, nothing picked silently.
    @Test func theRequestFormUsesTheSameLookup() {
        var draft = RequestDraft()
        draft[.received] = "01/01/2026"
        draft[.exceptional] = "non"
        draft[.member] = "sanvignes"
        draft[.motive] = "maladie"
        draft[.start] = "12/01/2026"
        draft[.end] = "30/01/2026"
        draft[.hoursPerWeek] = "7:00"
        #expect(draft.parse(members: Self.members, newID: "D-1").request?.member == "71040")
        draft[.member] = "mirebeau"
        let refused = draft.parse(members: Self.members, newID: "D-1")
        #expect(refused.request == nil)
        #expect(refused.problems[.member]?.contains("Mirebeau (21001), Mirebeau (86001)") == true)
    }
}
