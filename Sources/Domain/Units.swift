/// Durations are integer minutes and money integer cents throughout the domain: these are the
/// only places where they are turned into text and back.

/// Durations written `H:MM` (`"37:30"`, `"7:00"`, `"0:45"`), as in `releve/1` files.
public enum DurationText {
    /// Parses the strict file form `H:MM`; nil unless hours are digits and minutes are 00–59.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...4).contains(parts[0].count),
              let hours = CalendarDate.digits(parts[0]), let minutes = CalendarDate.digits(parts[1]),
              minutes < 60 else { return nil }
        return hours * 60 + minutes
    }

    /// Parses what a person types: `3:30`, `3h30`, `3 h 30`, `3h`, `3,5`, `3.5` or `3`.
    /// Decimal hours must land on a whole minute (`3,25` is 3 h 15; `3,333` is refused).
    public static func parseUserInput(_ text: String) -> Int? {
        let compact = text.trimmingSpaces().lowercased().filter { $0 != " " }
        guard !compact.isEmpty else { return nil }
        if let minutes = parse(compact) { return minutes }
        if let hIndex = compact.firstIndex(of: "h") {
            let hours = compact[..<hIndex]
            let rest = compact[compact.index(after: hIndex)...]
            guard let h = CalendarDate.digits(hours), h <= 9999 else { return nil }
            if rest.isEmpty { return h * 60 }
            guard rest.count <= 2, let m = CalendarDate.digits(rest), m < 60 else { return nil }
            return h * 60 + m
        }
        let normalized = compact.replacingComma()
        let parts = normalized.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let h = CalendarDate.digits(parts[0]), h <= 9999 else { return nil }
        guard parts.count == 2 else { return h * 60 }
        let fraction = parts[1]
        guard let f = CalendarDate.digits(fraction), fraction.count <= 4 else { return nil }
        var scale = 1
        for _ in 0..<fraction.count { scale *= 10 }
        let numerator = f * 60
        guard numerator % scale == 0 else { return nil }
        return h * 60 + numerator / scale
    }

    /// `H:MM`, the file form (`450` → `"7:30"`). Negative durations get a leading minus.
    public static func format(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let value = abs(minutes)
        return "\(sign)\(value / 60):\(pad(value % 60, 2))"
    }
}

/// Times of day written `HH:MM` (`"09:00"`), as minutes since midnight.
public enum ClockText {
    /// Parses `HH:MM` (or `H:MM`) from 00:00 to 24:00; nil otherwise.
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = CalendarDate.digits(parts[0]), let m = CalendarDate.digits(parts[1]),
              m < 60, h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }

    /// `HH:MM` (`540` → `"09:00"`).
    public static func format(_ minuteOfDay: Int) -> String {
        "\(pad(minuteOfDay / 60, 2)):\(pad(minuteOfDay % 60, 2))"
    }
}

/// Money written `"1050.00"` in files (a dot and exactly two decimals, never negative there).
public enum MoneyText {
    /// Parses the strict file form; nil when malformed (`"30"`, `"30.0"`, `"30,00"`, `"-5.00"`).
    public static func parse(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...12).contains(parts[0].count),
              let units = CalendarDate.digits(parts[0]), let cents = CalendarDate.digits(parts[1])
        else { return nil }
        return units * 100 + cents
    }

    /// Parses what a person types: `1050`, `1 050,00`, `1050.5`, `30,00 €`.
    public static func parseUserInput(_ text: String) -> Int? {
        var compact = text.filter { !$0.isWhitespace && $0 != "\u{202F}" && $0 != "\u{A0}" && $0 != "€" }
        compact = compact.replacingComma()
        let parts = compact.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let units = CalendarDate.digits(parts[0]),
              parts[0].count <= 12 else { return nil }
        guard parts.count == 2 else { return units * 100 }
        guard (1...2).contains(parts[1].count), let decimals = CalendarDate.digits(parts[1]) else { return nil }
        return units * 100 + (parts[1].count == 1 ? decimals * 10 : decimals)
    }

    /// The file form with a dot: `105000` → `"1050.00"`; negative amounts get a leading minus.
    public static func format(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        return "\(sign)\(value / 100).\(pad(value % 100, 2))"
    }
}

extension String {
    func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }

    /// `1050.00` → `1050,00`: the French decimal comma, for form fields and French CSV.
    public func replacingDot() -> String { String(map { $0 == "." ? "," : $0 }) }
}
