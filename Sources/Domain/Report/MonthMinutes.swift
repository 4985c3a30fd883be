/// The minutes needed and served in one month of a report's period (the board's chart).
public struct MonthMinutes: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let needed: Int
    public let served: Int

    public init(year: Int, month: Int, needed: Int, served: Int) {
        self.year = year
        self.month = month
        self.needed = needed
        self.served = served
    }
}

extension ActivityReport {
    /// Each month of the period: the requests' daily need on its working days and the minutes
    /// served on its days (they add up to the period's `needed` and `served`).
    public func months(calendar: HolidayCalendar) -> [MonthMinutes] {
        var months: [MonthMinutes] = []
        var start = CalendarDate(year: period.from.year, month: period.from.month, day: 1) ?? period.from
        while start <= period.to {
            let end = start.addingMonths(1).adding(days: -1)
            let from = max(start, period.from), to = min(end, period.to)
            var needed = 0, served = 0
            for line in current.requestLines {
                if line.neededMinutes > 0 && line.start <= to && line.end >= from {
                    needed += line.dailyNeed * calendar.workingDayCount(from: max(line.start, from), to: min(line.end, to))
                }
                for day in line.served where day.date >= from && day.date <= to { served += day.minutes }
            }
            months.append(MonthMinutes(year: start.year, month: start.month, needed: needed, served: served))
            start = start.addingMonths(1)
        }
        return months
    }
}
