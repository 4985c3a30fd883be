/// How dates, money and durations read in the interface and in documents, in French
/// (`lun. 9 janv. 2023`, `1 050,00 €`, `7 h 30`) or in English.
public struct DisplayFormat: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    static let frenchWeekdaysShort = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    static let frenchWeekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let frenchMonthsShort = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août",
                                    "sept.", "oct.", "nov.", "déc."]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                               "septembre", "octobre", "novembre", "décembre"]
    static let englishWeekdaysShort = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let englishMonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                     "Oct", "Nov", "Dec"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    /// `mardi` / `Tuesday`.
    public func weekdayLong(_ weekday: Weekday) -> String {
        let i = weekday.isoNumber - 1
        return language == .fr ? Self.frenchWeekdays[i]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][i]
    }

    /// Short weekday name: `lun.` / `Mon`.
    public func weekdayShort(_ weekday: Weekday) -> String {
        let i = weekday.isoNumber - 1
        return language == .fr ? Self.frenchWeekdaysShort[i] : Self.englishWeekdaysShort[i]
    }

    /// A month as stored ("2025-03") said as people say it: `mars 2025` / `March 2025`.
    public func month(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, (1...12).contains(parts[1]) else { return iso }
        return "\(monthName(parts[1])) \(parts[0])"
    }

    /// The month after "le mois", elided in French: `de mars 2025`, `d'avril 2025`; in English
    /// the month alone (`March 2025`).
    public func ofMonth(_ iso: String) -> String {
        language == .fr ? Self.de(month(iso)) : month(iso)
    }

    /// Full month name: `janvier` / `January`.
    public func monthName(_ month: Int) -> String {
        language == .fr ? Self.frenchMonths[month - 1] : Self.englishMonths[month - 1]
    }

    /// `lun. 9 janv. 2023` / `Mon 9 Jan 2023`.
    public func date(_ date: CalendarDate) -> String {
        let w = weekdayShort(date.weekday)
        let m = date.month - 1
        return language == .fr
            ? "\(w) \(date.day == 1 ? "1er" : String(date.day)) \(Self.frenchMonthsShort[m]) \(date.year)"
            : "\(w) \(date.day) \(Self.englishMonthsShort[m]) \(date.year)"
    }

    /// `09/01/2023` (day first in both languages, as in French administrative documents).
    public func numericDate(_ date: CalendarDate) -> String {
        "\(pad(date.day, 2))/\(pad(date.month, 2))/\(date.year)"
    }

    /// `1 050,00 €` (plain spaces, as users type and read them) / `€1,050.00`.
    public func money(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let value = abs(cents)
        let units = String(value / 100)
        var grouped = ""
        for (i, ch) in units.enumerated() {
            if i > 0 && (units.count - i) % 3 == 0 { grouped += language == .fr ? " " : "," }
            grouped.append(ch)
        }
        let decimals = pad(value % 100, 2)
        return language == .fr ? "\(sign)\(grouped),\(decimals) €" : "\(sign)€\(grouped).\(decimals)"
    }

    /// "de Camille" or "d'Élodie": the French preposition elided before a vowel, and joined to
    /// an article that starts the name: "du Breuil", "des Bizots", "de la Chapelle", "de l'Oisans".
    public static func de(_ name: String) -> String {
        for (article, joined) in [("Le ", "du "), ("Les ", "des "), ("La ", "de la "), ("L'", "de l'"), ("L’", "de l’")]
        where name.hasPrefix(article) {
            return joined + name.dropFirst(article.count)
        }
        guard let first = name.first else { return "de " }
        return "aeiouyh".contains(String(first).folding().prefix(1)) ? "d'\(name)" : "de \(name)"
    }

    /// `8 743` — an integer with thousands grouped by spaces (French) or commas (English).
    public func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped += language == .fr ? " " : "," }
            grouped.append(ch)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// `7:30` — the hours:minutes form used in tables.
    public func duration(_ minutes: Int) -> String { DurationText.format(minutes) }

    /// `52 h`, `3 h 30`, `0 h 05` — hours as documents say them (thousands grouped).
    public func hours(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : ""
        let whole = abs(minutes) / 60, rest = abs(minutes) % 60
        return "\(sign)\(integer(whole)) h" + (rest == 0 ? "" : " \(pad(rest, 2))")
    }
}
