import Domain
import Testing

/// The months of a report's period (the board's chart of hours needed and served by month):
/// each month's share of the period's figures, adding up to them.
@Suite struct MonthMinutesTests {
    /// February–March 2026: R3 (70 a day from 12 January, capped to 11 March) needs 20 February
    /// days (1400) and 8 March days (560); R1 (140 a day from 16 March) 12 March days (1680); the
    /// rota cover of 3 March 210. Every need is served.
    @Test func theMonthsAddUpToThePeriod() throws {
        let s = ActivityReportTests.scenario()
        let period = ActivityReportTests.period("2026-02-01", "2026-03-31")
        let report = ActivityReportTests.report(s, period)
        let months = report.months(calendar: s.territory.service.calendar)
        #expect(months == [MonthMinutes(year: 2026, month: 2, needed: 1400, served: 1400),
                           MonthMinutes(year: 2026, month: 3, needed: 1680 + 560 + 210, served: 1680 + 560 + 210)])
        #expect(months.reduce(0) { $0 + $1.needed } == report.current.minutes.needed)
        #expect(months.reduce(0) { $0 + $1.served } == report.current.minutes.served)
    }

    /// A period that starts and ends inside months keeps only its own days of them.
    @Test func partMonthsCountOnlyTheirDaysInThePeriod() throws {
        let s = ActivityReportTests.scenario()
        let report = ActivityReportTests.report(s, ActivityReportTests.period("2026-03-30", "2026-04-03"))
        let months = report.months(calendar: s.territory.service.calendar)
        // R1 alone: 30–31 March (2 days), 1–3 April (3 days), 140 a day.
        #expect(months == [MonthMinutes(year: 2026, month: 3, needed: 280, served: 280),
                           MonthMinutes(year: 2026, month: 4, needed: 420, served: 420)])
        #expect(months.reduce(0) { $0 + $1.needed } == report.current.minutes.needed)
    }
}
