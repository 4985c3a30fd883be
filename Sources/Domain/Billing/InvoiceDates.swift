/// The dates an invoice may carry (issue 10): never before what it bills or follows, never
/// later than a month after today. A typo such as `1970-01-01` or `9999-12-31` is refused
/// rather than printed on a titre de recettes.
public enum InvoiceDates {
    /// How far ahead of today a date may be set (a payment announced, an issue prepared).
    public static let daysAhead = 31

    /// What the date is for.
    public enum Use: Sendable, Equatable {
        case issue(year: Int)
        case cancel(number: String)
        case payment(number: String)
    }

    /// Nil when `date` lies in `[earliest, today + daysAhead]`, else the allowed window.
    public static func window(for date: CalendarDate, earliest: CalendarDate, today: CalendarDate)
        -> (earliest: CalendarDate, latest: CalendarDate)? {
        let latest = today.adding(days: daysAhead)
        return date < earliest || date > latest ? (earliest, latest) : nil
    }

    /// The first day of the billed year: an invoice of year Y is never issued before it.
    public static func start(ofYear year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 1, day: 1) ?? CalendarDate(dayNumber: 0)
    }

    /// "date d'émission 01/01/1970 hors de la période permise (du 01/01/2026 au 05/01/2027)".
    public static func message(_ use: Use, date: CalendarDate, earliest: CalendarDate, latest: CalendarDate, _ l: Language) -> String {
        let f = DisplayFormat(l)
        let what: String
        switch use {
        case .issue(let year): what = l.pick("date d'émission des factures \(year)", "issue date of the \(year) invoices")
        case .cancel(let number): what = l.pick("date de l'avoir annulant \(number)", "date of the credit note cancelling \(number)")
        case .payment(let number): what = l.pick("date de paiement de \(number)", "payment date of \(number)")
        }
        let why = date < earliest
            ? l.pick("avant le \(f.numericDate(earliest))", "before \(f.numericDate(earliest))")
            : l.pick("plus d'un mois après aujourd'hui", "more than a month after today")
        return l.pick("\(what) \(f.numericDate(date)) refusée (\(why)) : elle doit être du \(f.numericDate(earliest)) au \(f.numericDate(latest))",
                      "\(what) \(f.numericDate(date)) refused (\(why)): it must be from \(f.numericDate(earliest)) to \(f.numericDate(latest))")
    }
}
