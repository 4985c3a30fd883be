import Domain
import Testing

@Suite("Weeks of the calendar (one helper for every pane)")
struct CalendarWeekTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    @Test func theMondayOfAWeek() {
        #expect(Self.day("2026-12-05").mondayOfWeek == Self.day("2026-11-30"))
        #expect(Self.day("2026-11-30").mondayOfWeek == Self.day("2026-11-30"))
        #expect(Self.day("2026-12-06").mondayOfWeek == Self.day("2026-11-30"))
        #expect(Self.day("2027-01-01").mondayOfWeek == Self.day("2026-12-28"))
    }

    @Test func isoWeekNumbers() {
        #expect(Self.day("2026-01-01").isoWeek == 1)
        #expect(Self.day("2027-01-01").isoWeek == 53)
        #expect(Self.day("2026-12-31").isoWeek == 53)
        #expect(Self.day("2025-12-29").isoWeek == 1)
        #expect(Self.day("2023-01-09").isoWeek == 2)
    }
}

@Suite("Folding names for search and order")
struct FoldingTests {
    @Test func accentsAndCaseGoAsciiStaysAsItIs() {
        #expect("Écuisses".folding() == "ecuisses")
        #expect("SAINT-BÉRAIN-SOUS-SANVIGNES".folding() == "saint-berain-sous-sanvignes")
        #expect("Cœur d'Œuvre".folding() == "coeur d'oeuvre")
        #expect("71040".folding() == "71040")
        #expect("D-2026-004".folding() == "d-2026-004")
        // A decomposed é (e + combining acute) folds like the composed one.
        #expect("Be\u{301}rain".folding() == "berain")
        #expect("Ångström".folding() == "ångstrom")
    }
}
