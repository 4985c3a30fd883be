import Domain
import PropertyBased
import Testing

@Suite("Public holidays (rules.md §1)")
struct HolidayTests {
    func day(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate.parseISO(iso) else {
            Issue.record("bad test date \(iso)")
            return CalendarDate(dayNumber: 0)
        }
        return date
    }

    @Test(arguments: [
        (2000, "2000-04-23"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"),
        (2020, "2020-04-12"), (2021, "2021-04-04"), (2022, "2022-04-17"), (2023, "2023-04-09"),
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2038, "2038-04-25"), (2285, "2285-03-22"),
    ])
    func easterSundayByComputus(year: Int, expected: String) {
        #expect(HolidayCalendar.easterSunday(year) == day(expected))
    }

    @Test(arguments: [
        (2023, ["2023-01-01", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-18", "2023-05-29",
                "2023-07-14", "2023-08-15", "2023-11-01", "2023-11-11", "2023-12-25"]),
        (2024, ["2024-01-01", "2024-04-01", "2024-05-01", "2024-05-08", "2024-05-09", "2024-05-20",
                "2024-07-14", "2024-08-15", "2024-11-01", "2024-11-11", "2024-12-25"]),
        (2025, ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09",
                "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"]),
    ])
    func nationalHolidays(year: Int, expected: [String]) {
        let list = HolidayCalendar(.france).holidays(in: year).map(\.date.iso)
        #expect(list == expected)
    }

    @Test func alsaceMoselleAddsGoodFridayAndSaintStephen() {
        let france = Set(HolidayCalendar(.france).holidays(in: 2024).map(\.date))
        let alsace = Set(HolidayCalendar(.alsaceMoselle).holidays(in: 2024).map(\.date))
        #expect(alsace.subtracting(france) == [day("2024-03-29"), day("2024-12-26")])
        #expect(france.isSubset(of: alsace))
        #expect(HolidayCalendar(.alsaceMoselle).isHoliday(day("2023-04-07")))
        #expect(!HolidayCalendar(.france).isHoliday(day("2023-04-07")))
        #expect(HolidayCalendar(.alsaceMoselle).holidayName(on: day("2025-12-26")) == "Saint-Étienne")
    }

    @Test func workingDaysSkipWeekendsAndHolidays() {
        let calendar = HolidayCalendar(.france)
        // 2024: 262 weekdays, 10 holidays on a weekday (14 July is a Sunday).
        #expect(calendar.workingDays(from: day("2024-01-01"), to: day("2024-12-31")).count == 252)
        // The example's Easter Monday 1 April 2024 and Ascension 9 May 2024.
        #expect(!calendar.isWorkingDay(day("2024-04-01")))
        #expect(!calendar.isWorkingDay(day("2024-05-09")))
        #expect(calendar.isWorkingDay(day("2024-05-10")))
        #expect(!calendar.isWorkingDay(day("2024-03-16")))
        #expect(calendar.workingDays(from: day("2024-03-11"), to: day("2024-03-15")).count == 5)
        #expect(calendar.workingDays(from: day("2024-03-15"), to: day("2024-03-11")).isEmpty)
        // Alsace-Moselle: Good Friday 2024 is not worked.
        #expect(HolidayCalendar(.alsaceMoselle).workingDays(from: day("2024-03-25"), to: day("2024-03-29")).count == 4)
    }
}

@Suite("Working-day counting")
struct WorkingDayCountTests {
    @Test func countMatchesTheListForAnyRange() async {
        await propertyCheck(input: Gen.int(in: 18_000...21_000), Gen.int(in: -5...800)) { start, length in
            let from = CalendarDate(dayNumber: start)
            let to = from.adding(days: length)
            for regime in HolidayRegime.allCases {
                let calendar = HolidayCalendar(regime)
                #expect(calendar.workingDayCount(from: from, to: to) == calendar.workingDays(from: from, to: to).count)
            }
        }
    }
}

@Suite("Holiday table")
struct HolidayTableTests {
    /// `isHoliday` reads a table made once for 1900–2200 and computes other years: both say
    /// exactly the named holidays of `holidays(in:)`, on every day of the years at the edges.
    @Test(arguments: [1850, 1899, 1900, 2026, 2200, 2201, 2300])
    func theTableSaysTheNamedHolidays(year: Int) {
        for regime in HolidayRegime.allCases {
            let calendar = HolidayCalendar(regime)
            let named = Set(calendar.holidays(in: year).map(\.date))
            guard let first = CalendarDate(year: year, month: 1, day: 1), let last = CalendarDate(year: year, month: 12, day: 31) else {
                Issue.record("no such year \(year)")
                return
            }
            var found: Set<CalendarDate> = []
            var day = first
            while day <= last {
                if calendar.isHoliday(day) {
                    found.insert(day)
                    #expect(calendar.holidayName(on: day) != nil)
                } else {
                    #expect(calendar.holidayName(on: day) == nil)
                }
                day = day.adding(days: 1)
            }
            #expect(found == named, "\(regime) \(year)")
        }
    }
}
