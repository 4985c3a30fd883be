import Testing
import TUI

@Suite("Display width")
struct TextWidthTests {
    @Test(arguments: [
        ("Écuisses", 8), ("Saint-Bérain-sous-Sanvignes", 27), ("e\u{301}", 1), ("日本", 4), ("", 0), ("a\tb", 2),
    ])
    func width(text: String, columns: Int) {
        #expect(TextWidth.of(text) == columns)
    }

    @Test func truncateKeepsWithinWidth() {
        #expect(TextWidth.truncate("Saint-Bérain-sous-Sanvignes", to: 20) == "Saint-Bérain-sous-S…")
        #expect(TextWidth.of(TextWidth.truncate("Saint-Bérain-sous-Sanvignes", to: 20)) == 20)
        #expect(TextWidth.truncate("Mary", to: 20) == "Mary")
        #expect(TextWidth.truncate("日本語", to: 4) == "日…")
        #expect(TextWidth.truncate("abc", to: 0) == "")
    }
}

@Suite("ASCII fallback")
struct AsciiFallbackTests {
    @Test func everyCharacterKeepsItsWidth() {
        let text = "Élodie Ferrand · Saint-Bérain… ½ ✗ 1 050,00 € │┌─┐"
        let ascii = AsciiFallback.ascii(text)
        #expect(ascii == "Elodie Ferrand . Saint-Berain. / x 1 050,00 E |+-+")
        #expect(ascii.count == text.count)
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }
}
