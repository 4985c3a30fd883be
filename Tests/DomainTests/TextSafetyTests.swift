import Domain
import Testing

@Suite("Control characters and long input (issue 10)")
struct TextSafetyTests {
    @Test(arguments: ["\u{1B}[2J", "a\u{0}b", "\u{7F}", "\u{9B}31m", "abc\u{202E}", "\u{2066}x", "tab\there", "ligne\nsuivante"])
    func controlCharactersAreRefused(text: String) {
        #expect(TextSafety.containsControl(text))
        guard case .control? = TextSafety.problem(in: text, limit: 100) else {
            Issue.record("not refused: \(text.debugDescription)")
            return
        }
    }

    @Test func accentsEmojisAndNoBreakSpacesAreText() {
        for text in ["Écuisses", "Saint-Martin-d'Écuisses", "1 050,00 €", "Marie-Hélène 👩‍💼", "l'Œuvre"] {
            #expect(TextSafety.problem(in: text, limit: 100) == nil, "\(text)")
        }
    }

    @Test func theProblemSaysWhichCharacterWhereAndTheLimit() {
        #expect(TextSafety.problem(in: "Mairie\u{1B}[2J", limit: 100) == .control(position: 7, code: 0x1B))
        #expect(TextSafety.Problem.control(position: 7, code: 0x1B).message(in: .fr)
                == "caractère de contrôle U+001B en position 7 : retirez-le (aucun caractère de contrôle n'est accepté)")
        #expect(TextSafety.problem(in: String(repeating: "a", count: 201), limit: 200) == .tooLong(count: 201, limit: 200))
        #expect(TextSafety.Problem.tooLong(count: 201, limit: 200).message(in: .fr) == "201 caractères, 200 au plus")
    }

    @Test func outputNeutralisesControlsButKeepsWhatItIsAskedTo() {
        #expect(TextSafety.neutralised("A\u{1B}]0;PWN\u{7}B") == "A\u{FFFD}]0;PWN\u{FFFD}B")
        #expect(TextSafety.neutralised("a\u{0}b") == "a\u{FFFD}b")
        #expect(TextSafety.neutralised("l1\nl2\t|", keeping: ["\n", "\t"]) == "l1\nl2\t|")
        #expect(TextSafety.neutralised("Écuisses") == "Écuisses")
    }

    @Test func excerptsAreShortAndSafe() {
        let long = String(repeating: "x", count: 100_000)
        #expect(TextExcerpt.short(long) == String(repeating: "x", count: 40) + "…")
        #expect(TextExcerpt.short("court") == "court")
        #expect(TextExcerpt.short("a\u{1B}b") == "a\u{FFFD}b")
        let message = DataProblem.invalidUserDate(long).message(in: .fr)
        #expect(message.count < 200)
    }
}
