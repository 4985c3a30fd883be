import Domain
import PropertyBased
import Testing

@Suite("Minutes, cents and their text")
struct UnitsTests {
    @Test(arguments: [("37:30", 2250), ("7:00", 420), ("0:45", 45), ("35:00", 2100), ("31:20", 1880), ("24:00", 1440)])
    func durationsInFiles(text: String, minutes: Int) {
        #expect(DurationText.parse(text) == minutes)
        #expect(DurationText.format(minutes) == text)
    }

    @Test(arguments: ["7:60", "7:5", "-1:00", "7", "7h00", "7.5", ":30", "7:", "", "a:bc", "7:300"])
    func malformedDurationsInFiles(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(arguments: [("3:30", 210), ("3h30", 210), ("3 h 30", 210), ("3h", 180), ("3,5", 210), ("3.5", 210),
                      ("3,25", 195), ("3", 180), ("0,75", 45), ("25:00", 1500)])
    func durationsTypedByPeople(text: String, minutes: Int) {
        #expect(DurationText.parseUserInput(text) == minutes)
    }

    @Test(arguments: ["3,333", "-2:00", "3h75", "trois", "", "3:5", "3,5,5"])
    func badDurationsTypedByPeople(text: String) {
        #expect(DurationText.parseUserInput(text) == nil)
    }

    @Test(arguments: [("30.00", 3000), ("1050.00", 105_000), ("0.05", 5), ("31.47", 3147), ("41000.00", 4_100_000)])
    func moneyInFiles(text: String, cents: Int) {
        #expect(MoneyText.parse(text) == cents)
        #expect(MoneyText.format(cents) == text)
    }

    @Test(arguments: ["30", "30.0", "30,00", "-5.00", "30.000", "1e3", "", ".50", "30.-1", " 30.00"])
    func malformedMoneyInFiles(text: String) {
        #expect(MoneyText.parse(text) == nil)
    }

    @Test func frenchDisplay() {
        let fr = DisplayFormat(.fr)
        #expect(fr.money(105_000) == "1 050,00 €")
        #expect(fr.money(3000) == "30,00 €")
        #expect(fr.money(123_456_789) == "1 234 567,89 €")
        #expect(fr.money(-5) == "-0,05 €")
        #expect(MoneyText.parseUserInput("1 050,00 €") == 105_000)
        #expect(MoneyText.parseUserInput("30,5") == 3050)
        let date = CalendarDate(year: 2023, month: 1, day: 9)
        #expect(date.map(fr.date) == "lun. 9 janv. 2023")
        #expect(date.map(DisplayFormat(.en).date) == "Mon 9 Jan 2023")
        #expect(CalendarDate(year: 2024, month: 8, day: 15).map(fr.date) == "jeu. 15 août 2024")
        #expect(DisplayFormat(.en).money(105_000) == "€1,050.00")
    }

    @Test func durationTextRoundTrips() async {
        await propertyCheck(input: Gen.int(in: 0...100_000)) { minutes in
            #expect(DurationText.parse(DurationText.format(minutes)) == minutes)
            #expect(DurationText.parseUserInput(DurationText.format(minutes)) == minutes)
        }
    }

    @Test func moneyTextRoundTrips() async {
        await propertyCheck(input: Gen.int(in: 0...1_000_000_000)) { cents in
            #expect(MoneyText.parse(MoneyText.format(cents)) == cents)
            #expect(MoneyText.parseUserInput(DisplayFormat(.fr).money(cents)) == cents)
        }
    }
}
