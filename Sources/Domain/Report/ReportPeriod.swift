/// The days an activity report covers (rules.md §9), both included.
public struct ReportPeriod: Hashable, Sendable {
    public let from: CalendarDate
    public let to: CalendarDate

    /// Nil when `to` is before `from`.
    public init?(from: CalendarDate, to: CalendarDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    public func contains(_ date: CalendarDate) -> Bool { date >= from && date <= to }

    /// Calendar days, both ends included.
    public var dayCount: Int { from.days(to: to) + 1 }

    /// True when the period runs from the first day of a month to the last day of a month.
    public var isWholeMonths: Bool { from.day == 1 && to.adding(days: 1).day == 1 }

    /// Whole months in the period when `isWholeMonths` (1 Jan–30 Jun: 6).
    var monthCount: Int {
        let next = to.adding(days: 1)
        return (next.year * 12 + next.month) - (from.year * 12 + from.month)
    }

    /// The previous period of the same length, ending the day before `from`: the same number of
    /// whole months when the period is made of whole months (1 Jan–30 Jun 2026 → 1 Jul–31 Dec
    /// 2025, as cli.md's example shows), else the same number of days.
    public var previous: ReportPeriod {
        let end = from.adding(days: -1)
        let start = isWholeMonths ? from.addingMonths(-monthCount) : from.adding(days: -dayCount)
        return ReportPeriod(unchecked: start, end)
    }

    /// The next period of the same length, starting the day after `to` (the reverse of
    /// `previous`: `period.next.previous == period`).
    public var next: ReportPeriod {
        let start = to.adding(days: 1)
        let end = isWholeMonths ? start.addingMonths(monthCount).adding(days: -1) : to.adding(days: dayCount)
        return ReportPeriod(unchecked: start, end)
    }

    private init(unchecked from: CalendarDate, _ to: CalendarDate) {
        self.from = from
        self.to = to
    }

    /// The last whole period of `months` months ended before `today` (rules.md §9: "the last
    /// whole half-year" with `report_months` 6: 1 Jan–30 Jun or 1 Jul–31 Dec). When `months`
    /// divides 12 the periods are aligned on 1 January (quarters, half-years, years); otherwise
    /// they are the `months` whole months before today's month.
    public static func lastWhole(months: Int, before today: CalendarDate) -> ReportPeriod {
        let months = max(1, months)
        let monthIndex = today.year * 12 + (today.month - 1)
        // The first month after the period: the start of the block holding today, or today's month.
        let endIndex = 12 % months == 0 ? monthIndex - monthIndex % months : monthIndex
        let startIndex = endIndex - months
        let start = CalendarDate(year: startIndex / 12, month: startIndex % 12 + 1, day: 1) ?? today
        let after = CalendarDate(year: endIndex / 12, month: endIndex % 12 + 1, day: 1) ?? today
        return ReportPeriod(unchecked: start, after.adding(days: -1))
    }
}

/// A ratio or an average written with two decimals, rounded half up (rules.md §9: "0.93"),
/// kept in integer hundredths: never floating point.
public struct Hundredths: Hashable, Sendable, Comparable {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    /// `numerator / denominator` in hundredths, rounded half up; nil when the denominator is 0.
    /// Both are counts or minutes (never negative).
    public static func ratio(_ numerator: Int, _ denominator: Int) -> Hundredths? {
        guard denominator > 0 else { return nil }
        // floor(100 n / d + 1/2) = floor((200 n + d) / 2d)
        return Hundredths((200 * numerator + denominator) / (2 * denominator))
    }

    /// `"0.93"`, `"3.50"`, `"1.00"`.
    public var text: String {
        let sign = value < 0 ? "-" : ""
        let v = abs(value)
        return "\(sign)\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)"
    }

    public static func < (a: Hundredths, b: Hundredths) -> Bool { a.value < b.value }
}
