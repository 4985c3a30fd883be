import Foundation
import Testing
@testable import Documents

/// The file structure: header, objects where the cross-reference table says, trailer.
@Suite struct PDFWriterTests {
    /// Byte offset of the first occurrence of `needle` at or after `start`.
    static func find(_ needle: String, in bytes: [UInt8], from start: Int = 0) -> Int? {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0] && Array(bytes[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }

    /// Checks header, trailer and that every xref entry points at its `N 0 obj`.
    static func checkStructure(_ pdf: [UInt8]) throws {
        #expect(Array(pdf.prefix(9)) == Array("%PDF-1.4\n".utf8))
        #expect(Array(pdf.suffix(6)) == Array("%%EOF\n".utf8))
        let startxref = try #require(find("startxref\n", in: pdf, from: max(0, pdf.count - 64)))
        let tail = String(decoding: pdf[(startxref + 10)...], as: UTF8.self)
        let xref = try #require(Int(tail.prefix { $0.isNumber }))
        #expect(Array(pdf[xref..<(xref + 5)]) == Array("xref\n".utf8))
        let table = String(decoding: pdf[xref...], as: UTF8.self)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[1].split(separator: " ")
        let count = try #require(Int(header[1]))
        #expect(lines[2] == "0000000000 65535 f ")
        for number in 1..<count {
            let entry = lines[2 + number]
            #expect(entry.utf8.count == 19, "xref entries are 20 bytes with their line feed")
            #expect(entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            let object = Array("\(number) 0 obj\n".utf8)
            #expect(Array(pdf[offset..<(offset + object.count)]) == object, "object \(number) at \(offset)")
        }
        #expect(table.contains("trailer\n<< /Size \(count) /Root 1 0 R /Info 5 0 R >>"))
        // Every stream's /Length is the byte count between `stream\n` and `\nendstream`.
        var cursor = 0
        while let start = find("/Length ", in: pdf, from: cursor) {
            let rest = String(decoding: pdf[(start + 8)..<(start + 20)], as: UTF8.self)
            let length = try #require(Int(rest.prefix { $0.isNumber }))
            let body = try #require(find(">>\nstream\n", in: pdf, from: start)) + 10
            #expect(Array(pdf[(body + length)..<(body + length + 10)]) == Array("\nendstream".utf8))
            cursor = body + length
        }
    }

    @Test func emptyAndDrawnDocumentsAreWellFormed() throws {
        try Self.checkStructure(PDFWriter().render())
        var writer = PDFWriter(title: "Essai – Écuisses")
        writer.newPage()
        writer.text("Bonjour (Écuisses) \\ 1 050,00 €", x: 50, y: 800)
        writer.line(from: (50, 790), to: (545, 790))
        writer.fillRect(x: 50, y: 700, width: 100, height: 20, gray: 0.9)
        writer.newPage()
        writer.text("Page deux", x: 50, y: 800, font: .bold, size: 12, align: .right)
        let pdf = writer.render()
        try Self.checkStructure(pdf)
        #expect(Self.find("/Count 2", in: pdf) != nil)
        #expect(Self.find("/BaseFont /Helvetica /Encoding /WinAnsiEncoding", in: pdf) != nil)
        #expect(Self.find("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding", in: pdf) != nil)
        #expect(Self.find("/MediaBox [0 0 595 842]", in: pdf) != nil)
    }

    @Test func stringsAreEscaped() {
        let literal = PDFWriter.literal(WinAnsi.encode("a(b)c\\d"))
        #expect(literal == Array("(a\\(b\\)c\\\\d)".utf8))
    }

    @Test func numbersHaveAtMostTwoDecimals() {
        #expect(PDFWriter.number(595) == "595")
        #expect(PDFWriter.number(12.5) == "12.5")
        #expect(PDFWriter.number(0.05) == "0.05")
        #expect(PDFWriter.number(-3.456) == "-3.46")
        #expect(PDFWriter.number(-0.001) == "0")
        #expect(PDFWriter.number(841.999) == "842")
    }

    @Test func documentsAreWellFormedAndDeterministic() throws {
        let documents = [
            TitreDeRecettes.pdf(invoice: Fixtures.hoursInvoice, member: Fixtures.ecuisses, service: Fixtures.service,
                                missionLabel: "maladie"),
            TitreDeRecettes.pdf(invoice: Fixtures.longInvoice(rows: 200), member: Fixtures.ecuisses, service: Fixtures.service,
                                missionLabel: nil),
            CostEstimateDocument.pdf(estimate: Fixtures.estimate, request: Fixtures.request, member: Fixtures.ecuisses,
                                     service: Fixtures.service, issued: Fixtures.date("2023-01-06")),
            ServiceContractDocument.pdf(try #require(Fixtures.contract("D-2026-012")), service: Fixtures.service,
                                        version: Fixtures.version),
        ]
        for pdf in documents { try Self.checkStructure(pdf) }
        let again = TitreDeRecettes.pdf(invoice: Fixtures.hoursInvoice, member: Fixtures.ecuisses, service: Fixtures.service,
                                        missionLabel: "maladie")
        #expect(again == documents[0])
    }
}

@Suite struct WinAnsiTests {
    @Test func widthTablesCoverTheWholeRange() {
        #expect(WinAnsi.helvetica.count == 224)
        #expect(WinAnsi.helveticaBold.count == 224)
    }

    @Test(arguments: [
        ("€", 0x80), ("’", 0x92), ("–", 0x96), ("—", 0x97), ("œ", 0x9C), ("Œ", 0x8C), ("«", 0xAB), ("»", 0xBB),
        ("\u{00A0}", 0xA0), ("\u{202F}", 0xA0), ("É", 0xC9), ("é", 0xE9), ("è", 0xE8), ("ê", 0xEA), ("à", 0xE0),
        ("ç", 0xE7), ("ù", 0xF9), ("û", 0xFB), ("ô", 0xF4), ("î", 0xEE), ("ï", 0xEF), ("ë", 0xEB), ("ü", 0xFC),
        ("ÿ", 0xFF), ("Ÿ", 0x9F), ("À", 0xC0), ("Ç", 0xC7), ("Ê", 0xCA), ("Î", 0xCE), ("Ô", 0xD4), ("Û", 0xDB),
        ("°", 0xB0), ("e\u{301}", 0xE9), ("漢", 0x3F), ("🙂", 0x3F), ("\n", 0x20), ("A", 0x41),
    ] as [(String, Int)])
    func frenchCharactersMapToWinAnsi(character: String, byte: Int) {
        #expect(WinAnsi.encode(character) == [UInt8(byte)])
    }

    @Test func widthsAreHelveticaAFMWidths() {
        // H 722 + e 556 + l 222 + l 222 + o 556 = 2278 thousandths.
        #expect(abs(PDFFont.regular.width("Hello", size: 10) - 22.78) < 0.0001)
        // Bold: H 722 + e 556 + l 278 + l 278 + o 611 = 2445.
        #expect(abs(PDFFont.bold.width("Hello", size: 10) - 24.45) < 0.0001)
        #expect(PDFFont.regular.width("€", size: 1000) == 556)
        #expect(PDFFont.regular.width("—", size: 1000) == 1000)
        #expect(PDFFont.bold.width("œ", size: 1000) == 944)
        #expect(PDFFont.regular.width("W", size: 1000) == 944)
        #expect(PDFFont.bold.width("@", size: 1000) == 975)
    }

    @Test func wrappingKeepsLinesWithinWidthAndNonBreakingSpacesTogether() {
        let text = "Les heures couvertes par les jours prépayés de la cotisation ne sont pas facturées : 1\u{A0}050,00\u{A0}€."
        let lines = PageFlow.wrap(text, width: 120, font: .regular, size: 10)
        #expect(lines.count > 2)
        for line in lines { #expect(PDFFont.regular.width(line, size: 10) <= 120) }
        #expect(lines.joined(separator: " ") == text)
        #expect(lines.contains { $0.contains("1\u{A0}050,00\u{A0}€") })
    }
}

/// `RELEVE_DOCUMENTS_OUT=/dir swift test --filter DocumentsTests` writes sample documents there,
/// to look at them.
@Suite struct SampleDocuments {
    @Test func writeSamples() throws {
        guard let directory = ProcessInfo.processInfo.environment["RELEVE_DOCUMENTS_OUT"] else { return }
        let samples: [(String, [UInt8])] = [
            ("titre.pdf", TitreDeRecettes.pdf(invoice: Fixtures.hoursInvoice, member: Fixtures.ecuisses,
                                              service: Fixtures.service, missionLabel: "maladie, du 9 au 20 janv. 2023")),
            ("titre-long.pdf", TitreDeRecettes.pdf(invoice: Fixtures.longInvoice(rows: 200), member: Fixtures.ecuisses,
                                                   service: Fixtures.service, missionLabel: nil)),
            ("cotisation.pdf", TitreDeRecettes.pdf(invoice: Fixtures.feeInvoice, member: Fixtures.saintBerain,
                                                   service: Fixtures.bareService, missionLabel: nil)),
            ("avoir.pdf", TitreDeRecettes.pdf(invoice: Fixtures.creditNote, member: Fixtures.saintBerain,
                                              service: Fixtures.service, missionLabel: nil)),
            ("estimation.pdf", CostEstimateDocument.pdf(estimate: Fixtures.estimate, request: Fixtures.request,
                                                        member: Fixtures.ecuisses, service: Fixtures.service,
                                                        issued: Fixtures.date("2023-01-06"))),
            ("contrat.pdf", ServiceContractDocument.pdf(try #require(Fixtures.contract("D-2026-012")),
                                                        service: Fixtures.service, version: Fixtures.version)),
        ]
        for (name, bytes) in samples {
            try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
    }
}
