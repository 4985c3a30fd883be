import Domain
import PropertyBased
import Testing

@Suite("Calendar dates")
struct CalendarTests {
    @Test(arguments: [
        ("2023-01-09", true), ("2024-02-29", true), ("2023-02-29", false), ("2023-02-30", false),
        ("2023-04-31", false), ("2023-13-01", false), ("2023-00-10", false), ("2023-1-09", false),
        ("23-01-09", false), ("2023-01-9", false), ("2023/01/09", false), ("", false), ("abcd-ef-gh", false),
        ("1900-02-29", false), ("2000-02-29", true),
    ])
    func strictISOParsing(text: String, valid: Bool) {
        #expect((CalendarDate.parseISO(text) != nil) == valid)
    }

    @Test(arguments: [
        ("09/01/2023", "2023-01-09"), ("9/1/2023", "2023-01-09"), ("09/01/23", "2023-01-09"),
        ("2023-01-09", "2023-01-09"), (" 31/12/2024 ", "2024-12-31"),
    ])
    func userInputParsing(text: String, iso: String) {
        #expect(CalendarDate.parseUserInput(text)?.iso == iso)
    }

    @Test(arguments: ["30/02/2023", "31/04/2023", "29/02/2023", "00/01/2023", "1/13/2023", "lundi", "12/2023"])
    func impossibleUserDatesAreRefused(text: String) {
        #expect(CalendarDate.parseUserInput(text) == nil)
    }

    @Test func weekdays() {
        #expect(CalendarDate(year: 2023, month: 1, day: 9)?.weekday == .mon)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.weekday == .thu)
        #expect(CalendarDate(year: 2024, month: 3, day: 31)?.weekday == .sun)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)?.weekday == .wed)
    }

    @Test(arguments: [
        ("2024-03-11", 2, "2024-05-11"), ("2023-01-31", 1, "2023-03-01"), ("2024-01-31", 1, "2024-03-01"),
        ("2023-12-15", 2, "2024-02-15"), ("2023-10-31", 2, "2023-12-31"),
    ])
    func addingMonths(start: String, months: Int, expected: String) {
        #expect(CalendarDate.parseISO(start)?.addingMonths(months).iso == expected)
    }

    @Test func isoRoundTripsForEveryDay() async {
        await propertyCheck(input: Gen.int(in: -50_000...120_000)) { number in
            let date = CalendarDate(dayNumber: number)
            #expect(CalendarDate.parseISO(date.iso) == date)
            #expect(CalendarDate(year: date.year, month: date.month, day: date.day) == date)
            #expect(date.adding(days: 1).weekday.isoNumber == date.weekday.isoNumber % 7 + 1)
        }
    }
}
