import Foundation
import Testing
@testable import Documents
@testable import Domain

/// Chart primitives: round ticks, values in French, and vector charts that poppler reads and
/// renders.
@Suite struct ChartTests {
    @Test(arguments: [
        // (maximum, scale, ticks)
        (0, 1, [0, 1]),
        (1, 1, [0, 1]),
        (6, 1, [0, 1, 2, 3, 4, 5, 6]),
        (7, 1, [0, 2, 4, 6, 8]),
        (10, 1, [0, 2, 4, 6, 8, 10]),
        (12, 1, [0, 2, 4, 6, 8, 10, 12]),
        (13, 1, [0, 5, 10, 15]),
        (31, 1, [0, 10, 20, 30, 40]),
        (99, 1, [0, 20, 40, 60, 80, 100]),
        (12_345, 1, [0, 5_000, 10_000, 15_000]),
        (-5, 1, [0, 1]),
        // 130 h 30 in minutes: steps of 50 h.
        (7_830, 60, [0, 3_000, 6_000, 9_000]),
        // 45 minutes: the axis still steps by whole hours.
        (45, 60, [0, 60]),
        // 100 % in per mille: steps of 20 %.
        (1_000, 10, [0, 200, 400, 600, 800, 1_000]),
        (925, 10, [0, 200, 400, 600, 800, 1_000]),
    ])
    func ticksAreRoundSteps(maximum: Int, scale: Int, expected: [Int]) {
        #expect(Charts.ticks(upTo: maximum, scale: scale) == expected)
    }

    @Test func ticksStepOneTwoOrFiveTimesAPowerOfTen() {
        for maximum in [1, 3, 8, 17, 42, 64, 150, 999, 1_001, 27_000, 400_000] {
            let ticks = Charts.ticks(upTo: maximum)
            let step = ticks[1]
            var mantissa = step
            while mantissa % 10 == 0 { mantissa /= 10 }
            #expect([1, 2, 5].contains(mantissa), "step \(step) for \(maximum)")
            #expect(ticks.first == 0 && ticks.last! >= maximum && ticks.last! - step < maximum)
            #expect(ticks.count - 1 <= 6)
        }
    }

    @Test func valuesReadInFrench() {
        #expect(Poppler.flat(ChartUnit.count.text(1_200)) == "1 200")
        #expect(ChartUnit.count.text(1_200) == "1\u{00A0}200")
        #expect(Poppler.flat(ChartUnit.minutes.text(750)) == "12 h 30")
        #expect(Poppler.flat(ChartUnit.minutes.text(3_000)) == "50 h")
        #expect(Poppler.flat(ChartUnit.perMille.text(930)) == "93 %")
        #expect(Poppler.flat(ChartUnit.perMille.text(925)) == "92,5 %")
        #expect(Poppler.flat(ChartUnit.perMille.text(1_000)) == "100 %")
        #expect(Poppler.flat(ChartUnit.perMille.text(-5)) == "-0,5 %")
    }

    @Test func seriesTakeDistinctFills() {
        #expect((0..<3).map(ChartFill.of(series:)) == [.dark, .hatched, .light])
        #expect(ChartFill.of(series: 3) == .dark)
    }

    /// The hatching is clipped to its rectangle and drawn as one stroked path.
    @Test func aHatchedRectangleIsClippedLines() throws {
        var writer = PDFWriter()
        writer.hatchRect(x: 100, y: 200, width: 30, height: 12, spacing: 3, lineWidth: 0.5, gray: 0.2)
        let pdf = writer.render()
        try PDFWriterTests.checkStructure(pdf)
        #expect(PDFWriterTests.find("q 100 200 30 12 re W n 0.5 w 0.2 G 88 200 m 100 212 l 91 200 m 103 212 l ", in: pdf) != nil)
        #expect(PDFWriterTests.find("127 200 m 139 212 l S Q\n", in: pdf) != nil)
        #expect(PDFWriterTests.find("130 200 m", in: pdf) == nil, "no line starts past the right edge")
        var empty = PDFWriter()
        empty.newPage()
        empty.hatchRect(x: 0, y: 0, width: 0, height: 10)
        #expect(PDFWriterTests.find(" re W n", in: empty.render()) == nil)
    }

    /// A report page: needed against served hours by month, requests by motive, agents' use.
    static func chartPage() -> [UInt8] {
        var flow = PageFlow(title: "Graphiques", footer: "Rapport d'activité – graphiques")
        flow.columnChart(title: "Heures nécessaires et effectuées par mois", labels: ["janv.", "févr.", "mars", "avr.", "mai", "juin"],
                         series: [ChartSeries(name: "Heures nécessaires", values: [4_200, 7_830, 6_000, 3_000, 9_000, 1_200]),
                                  ChartSeries(name: "Heures effectuées", values: [4_200, 6_000, 5_400, 3_000, 7_000])],
                         unit: .minutes)
        flow.barChart(title: "Demandes reçues par motif",
                      labels: ["maladie", "maternité", "congés d'été", "surcroît d'activité", "mission particulière"],
                      values: [12, 3, 7, 1, 0], unit: .count)
        flow.barChart(title: "Taux d'utilisation des agents", labels: ["Camille Lefèvre", "Élodie Perrin", "Jean Œillet"],
                      values: [930, 725, 412], unit: .perMille, scaleMax: 1_000, fill: .hatched)
        return flow.finish()
    }

    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func chartsSayTheirTitlesLegendsAxesAndValues() throws {
        let pdf = Self.chartPage()
        try PDFWriterTests.checkStructure(pdf)
        let text = Poppler.flat(try Poppler.text(pdf))
        DocumentTextTests.expectAll([
            "Heures nécessaires et effectuées par mois", "Heures nécessaires", "Heures effectuées",
            // The y axis in round hours, the month labels, each bar's value.
            "150 h", "100 h", "50 h", "0 h", "janv.", "févr.", "juin", "130 h 30", "116 h 40",
            "Demandes reçues par motif", "maladie 12", "maternité 3", "surcroît d'activité 1", "mission particulière 0",
            "Taux d'utilisation des agents", "Camille Lefèvre 93 %", "Élodie Perrin 72,5 %", "Jean Œillet 41,2 %",
            // (pdftotext may drop the narrow gap of the first tick's "0 %".)
            "20 % 40 % 60 % 80 % 100 %",
        ], in: text)
    }

    /// Twelve months leave bars too narrow for some values: then no bar says its value, rather
    /// than some.
    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func narrowBarsSayNoValue() throws {
        var flow = PageFlow(title: "Graphiques", footer: "essai")
        let months = (1...12).map { French.format.monthName($0) }
        flow.columnChart(title: "Heures par mois", labels: months,
                         series: [ChartSeries(name: "Heures nécessaires", values: [7_830] + Array(repeating: 600, count: 11)),
                                  ChartSeries(name: "Heures effectuées", values: Array(repeating: 600, count: 12))],
                         unit: .minutes)
        let text = Poppler.flat(try Poppler.text(flow.finish()))
        DocumentTextTests.expectAll(["Heures par mois", "janvier", "décembre", "150 h"], in: text)
        #expect(!text.contains("130 h 30") && !text.contains("10 h"))
    }

    /// pdftoppm renders the page; the bars are where the values put them: the tallest column
    /// (150 h, May's needed hours) reaches the top tick, June's served hours draw nothing, and
    /// the hatched bars are greyer than the solid ones but not white.
    @Test(.enabled(if: Poppler.canRender, "needs pdftoppm (apt-get install poppler-utils)"))
    func chartsRenderWhereTheirValuesSay() throws {
        let pdf = Self.chartPage()
        let image = try Poppler.gray(pdf, resolution: 72)
        #expect(image.width == 595 && image.height == 842)
        #expect(image.pixels.count == image.width * image.height)
        func darkness(x: ClosedRange<Int>, y: ClosedRange<Int>) -> Double {
            var sum = 0, count = 0
            for row in y { for column in x { sum += 255 - Int(image.pixels[row * image.width + column]); count += 1 } }
            return Double(sum) / Double(count) / 255
        }
        let words = try Poppler.words(pdf, page: 1)
        let top = try #require(words.first { $0.text == "150" })
        let may = try #require(words.first { $0.text == "mai" })
        let june = try #require(words.first { $0.text == "juin" })
        // May's solid bar, just under the top tick's level and just above the axis.
        let mayX = Int(may.xMin) - 12
        let solid = darkness(x: mayX...(mayX + 4), y: (Int(top.yMin) + 8)...(Int(may.yMin) - 8))
        #expect(solid > 0.6, "May's needed hours: a dark column up to 150 h (\(solid))")
        // Above the top tick there is no bar.
        #expect(darkness(x: mayX...(mayX + 4), y: (Int(top.yMin) - 16)...(Int(top.yMin) - 10)) < 0.05)
        // May's hatched bar, at the right of the solid one.
        let hatchX = Int(may.xMax) + 4
        let hatched = darkness(x: hatchX...(hatchX + 6), y: (Int(may.yMin) - 60)...(Int(may.yMin) - 10))
        #expect(hatched > 0.15 && hatched < solid - 0.15, "hatched (\(hatched)) between white and solid (\(solid))")
        // June: 20 h needed, nothing served (above the "0 h" that says so).
        let juneServed = darkness(x: (Int(june.xMax) + 4)...(Int(june.xMax) + 10), y: (Int(june.yMin) - 40)...(Int(june.yMin) - 16))
        #expect(juneServed < 0.05)
    }
}
