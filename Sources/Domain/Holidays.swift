/// Which public holidays apply: the national list, or the Alsace-Moselle "régime local"
/// (rules.md §1).
public enum HolidayRegime: String, Sendable, CaseIterable {
    case france
    case alsaceMoselle = "alsace-moselle"
}

/// The French public-holiday calendar of rules.md §1.
public struct HolidayCalendar: Sendable {
    public let regime: HolidayRegime

    public init(_ regime: HolidayRegime) { self.regime = regime }

    /// Easter Sunday of `year` by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(dayNumber: CalendarDate.days(fromCivil: year, month, day))
    }

    /// The public holidays of `year`, each with its French name, in date order.
    public func holidays(in year: Int) -> [(date: CalendarDate, name: String)] {
        func fixed(_ month: Int, _ day: Int) -> CalendarDate {
            CalendarDate(dayNumber: CalendarDate.days(fromCivil: year, month, day))
        }
        let easter = HolidayCalendar.easterSunday(year)
        var list: [(CalendarDate, String)] = [
            (fixed(1, 1), "Jour de l'an"),
            (easter.adding(days: 1), "Lundi de Pâques"),
            (fixed(5, 1), "Fête du Travail"),
            (fixed(5, 8), "Victoire 1945"),
            (easter.adding(days: 39), "Ascension"),
            (easter.adding(days: 50), "Lundi de Pentecôte"),
            (fixed(7, 14), "Fête nationale"),
            (fixed(8, 15), "Assomption"),
            (fixed(11, 1), "Toussaint"),
            (fixed(11, 11), "Armistice 1918"),
            (fixed(12, 25), "Noël"),
        ]
        if regime == .alsaceMoselle {
            list.append((easter.adding(days: -2), "Vendredi saint"))
            list.append((fixed(12, 26), "Saint-Étienne"))
        }
        return list.sorted { $0.0 < $1.0 }.map { (date: $0.0, name: $0.1) }
    }

    /// The name of the holiday on `date`, or nil on an ordinary day.
    public func holidayName(on date: CalendarDate) -> String? {
        guard isHoliday(date) else { return nil }
        return holidays(in: date.year).first { $0.date == date }?.name
    }

    public func isHoliday(_ date: CalendarDate) -> Bool { holidayDays(in: date.year).contains(date.dayNumber) }

    /// The day numbers of `year`'s holidays, in order; from a table made once for the years a
    /// territory holds (the arbitration counts the working days of 40,000 requests).
    func holidayDays(in year: Int) -> [Int] {
        let table = regime == .france ? Self.franceDays : Self.alsaceMoselleDays
        let index = year - Self.tableFirstYear
        if table.indices.contains(index) { return table[index] }
        return holidays(in: year).map(\.date.dayNumber)
    }

    private static let tableFirstYear = 1900
    private static func table(_ regime: HolidayRegime) -> [[Int]] {
        (tableFirstYear...2200).map { year in HolidayCalendar(regime).holidays(in: year).map(\.date.dayNumber) }
    }
    private static let franceDays = table(.france)
    private static let alsaceMoselleDays = table(.alsaceMoselle)

    /// Monday to Friday and not a public holiday.
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.weekday.isWeekend && !isHoliday(date)
    }

    /// How many working days from `from` to `to`, both included, without listing them.
    public func workingDayCount(from: CalendarDate, to: CalendarDate) -> Int {
        guard from <= to else { return 0 }
        let days = from.days(to: to) + 1
        // Weekdays: whole weeks, then the days left counted one by one (at most 6).
        var count = (days / 7) * 5
        var day = from.adding(days: (days / 7) * 7)
        while day <= to {
            if !day.weekday.isWeekend { count += 1 }
            day = day.adding(days: 1)
        }
        for year in from.year...to.year {
            for day in holidayDays(in: year) where day >= from.dayNumber && day <= to.dayNumber
                && !CalendarDate(dayNumber: day).weekday.isWeekend {
                count -= 1
            }
        }
        return count
    }

    /// The working days from `from` to `to`, both included (empty when `to < from`).
    public func workingDays(from: CalendarDate, to: CalendarDate) -> [CalendarDate] {
        guard from <= to else { return [] }
        var days: [CalendarDate] = []
        var day = from
        while day <= to {
            if !day.weekday.isWeekend && !isHoliday(day) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }
}
