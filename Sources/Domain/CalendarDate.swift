/// A day of the civil calendar (Europe/Paris), with no time and no time zone.
///
/// Stored as a day number (days since 1970-01-01) so that comparing, adding days and
/// computing weekdays never go through `Foundation.Date` and its time-zone surprises.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (which is day 0, a Thursday).
    public let dayNumber: Int

    public init(dayNumber: Int) { self.dayNumber = dayNumber }

    /// The date of `year-month-day`, or nil when that day does not exist (2023-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        dayNumber = CalendarDate.days(fromCivil: year, month, day)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// The weekday, Monday first.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
        let index = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday.allCases[index]
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// The Monday of this date's week (the date itself on a Monday).
    public var mondayOfWeek: CalendarDate { adding(days: -(weekday.isoNumber - 1)) }

    /// The ISO 8601 week number (the week holding the year's first Thursday is week 1).
    public var isoWeek: Int {
        let thursday = adding(days: 4 - weekday.isoNumber)
        let january1 = CalendarDate(year: thursday.year, month: 1, day: 1) ?? thursday
        return january1.days(to: thursday) / 7 + 1
    }

    /// The number of days from `self` to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The same day of the month `months` months later. When that day does not exist
    /// (31 January + 1 month), the day after the last day of the target month (1 March), so
    /// that "the day before" it is always the last day of that month.
    public func addingMonths(_ months: Int) -> CalendarDate {
        let (y, m, d) = civil
        let total = (y * 12 + (m - 1)) + months
        let ny = total / 12
        let nm = total % 12 + 1
        let last = CalendarDate.daysIn(month: nm, year: ny)
        if d <= last {
            return CalendarDate(dayNumber: CalendarDate.days(fromCivil: ny, nm, d))
        }
        // The day does not exist in the target month: the day after its last day.
        return CalendarDate(dayNumber: CalendarDate.days(fromCivil: ny, nm, last) + 1)
    }

    /// ISO 8601 `YYYY-MM-DD` (written byte by byte: exports format hundreds of thousands).
    public var iso: String {
        let (y, m, d) = civil
        // Written in place: a plan's store formats a few hundred thousand dates.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(48 + value % 10) }
            buffer[0] = digit(y / 1000)
            buffer[1] = digit(y / 100)
            buffer[2] = digit(y / 10)
            buffer[3] = digit(y)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(m / 10)
            buffer[6] = digit(m)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(d / 10)
            buffer[9] = digit(d)
            return 10
        }
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's civil-from-days / days-from-civil algorithms (proleptic Gregorian).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    var civil: (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension CalendarDate {
    /// Parses the strict ISO form `YYYY-MM-DD` used in files; nil when malformed or impossible.
    /// Reads bytes directly: it runs for every date of a national territory.
    public static func parseISO(_ text: String) -> CalendarDate? {
        var contiguous = text
        return contiguous.withUTF8(parseISOBytes)
    }

    public static func parseISOBytes(_ b: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        // Digits read in place (no array per date: this runs for every stored date read).
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let digit = Int(b[i]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// Parses what a person types: `2023-01-09`, `9/1/2023`, `09/01/2023` or `09/01/23`.
    public static func parseUserInput(_ text: String) -> CalendarDate? {
        let trimmed = text.trimmingSpaces()
        if let iso = parseISO(trimmed) { return iso }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              parts[2].count == 4 || parts[2].count == 2,
              let d = digits(parts[0]), let m = digits(parts[1]), var y = digits(parts[2])
        else { return nil }
        if parts[2].count == 2 { y += 2000 }
        return CalendarDate(year: y, month: m, day: d)
    }

    static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// A day of the week, Monday first, with the codes of the `releve/1` format.
public enum Weekday: String, CaseIterable, Sendable, Comparable, Codable {
    case mon, tue, wed, thu, fri, sat, sun

    /// 1 for Monday … 7 for Sunday (ISO 8601).
    public var isoNumber: Int { (Weekday.allCases.firstIndex(of: self) ?? 0) + 1 }

    public init?(isoNumber: Int) {
        guard (1...7).contains(isoNumber) else { return nil }
        self = Weekday.allCases[isoNumber - 1]
    }

    public var isWeekend: Bool { self == .sat || self == .sun }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.isoNumber < b.isoNumber }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    /// Order by UTF-8 bytes: the order SQLite uses for codes and ids, and much faster than
    /// Swift's Unicode-aware `<` on large sorts (same result for ASCII codes).
    @inlinable
    public func precedesInByteOrder(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}

extension String {
    /// Lowercased without French accents, so that "ecuisses" finds "Écuisses".
    public func folding() -> String {
        let lower = lowercased()
        // Codes, ids and most names are plain ASCII: nothing to fold (this runs over every
        // name of a national territory at each load).
        if lower.utf8.allSatisfy({ $0 < 0x80 }) { return lower }
        var result = ""
        result.reserveCapacity(lower.utf8.count)
        for character in lower {
            if let plain = foldedLetters[character] { result += plain } else { result.append(character) }
        }
        return result
    }
}

/// The letters `folding` replaces (compared as characters, so a decomposed "é" matches too).
private let foldedLetters: [Character: String] = [
    "à": "a", "â": "a", "ä": "a", "á": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
    "î": "i", "ï": "i", "í": "i", "ô": "o", "ö": "o", "ó": "o", "ù": "u", "û": "u", "ü": "u", "ú": "u",
    "ÿ": "y", "œ": "oe", "æ": "ae",
]
