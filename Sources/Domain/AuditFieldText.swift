/// How a field of the audit trail reads in a record's history: its name in words
/// (`member_since` → "membre depuis") and its value in the form users type it (minutes as
/// `7:30`, cents as `210,00 €`, dates as `09/01/2023`, minutes of the day as `08:30`, 0/1 as
/// non/oui, weekdays by name). Unknown fields and values are shown as they are.
public enum AuditFieldText {
    static let frenchLabels: [String: String] = [
        "name": "nom", "kind": "type", "population": "population", "single_part_time_secretary": "secrétaire unique",
        "member_since": "membre depuis", "member_until": "membre jusqu'au", "referent_agent": "référente",
        "substitute_agent": "remplaçante attitrée", "last_summer_replacement": "dernier remplacement d'été",
        "weekly_minutes": "heures par semaine", "rtt_days_per_year": "jours de RTT", "annual_cost_cents": "coût annuel",
        "member": "commune", "agent": "agent", "weekday": "jour", "start_minute": "de", "end_minute": "à",
        "from_date": "du", "to_date": "au", "motive": "motif", "received": "reçue le", "start_date": "début",
        "end_date": "fin", "minutes_per_week": "heures par semaine", "exceptional": "exceptionnelle",
        "date": "date", "minutes": "heures", "request": "mission", "validated": "validée",
        "hourly_rate_cents": "taux horaire", "minutes_per_day": "heures par jour", "fee_exempt": "exonérée",
        "issued": "émise le", "due": "échéance", "total_cents": "montant", "paid": "payée le", "cancels": "annule",
        "reason": "motif", "role": "rôle", "opening_hours": "horaires d'ouverture", "absences": "absences",
        "rota": "tournée", "bands": "strates", "closed_by": "close par", "failures": "échecs", "locked_until": "bloqué jusqu'à",
        "missions": "missions", "assigned_agent": "affectée à", "invoice": "facture", "amount_cents": "montant",
        "reference": "référence",
    ]

    static let minuteFields: Set<String> = ["weekly_minutes", "minutes_per_week", "minutes", "minutes_per_day"]
    static let clockFields: Set<String> = ["start_minute", "end_minute"]
    static let moneyFields: Set<String> = ["annual_cost_cents", "hourly_rate_cents", "total_cents", "annual_fee_cents", "amount_cents"]
    static let dateFields: Set<String> = ["member_since", "member_until", "from_date", "to_date", "received", "start_date",
                                          "end_date", "date", "issued", "due", "paid"]
    static let flagFields: Set<String> = ["single_part_time_secretary", "exceptional", "validated", "fee_exempt"]

    /// Fields an observer never reads, by `entity.field`: an absence's kind (health data) and a
    /// request's motive (about the commune's secretary).
    public static func isPrivate(entity: String, field: String) -> Bool {
        (entity == "absence" && field == "kind") || (entity == "request" && field == "motive")
    }

    /// What was done: ajout, modification, suppression, import, émission, réouverture.
    public static func action(_ action: String, _ l: Language) -> String {
        switch action {
        case "insert": l.pick("ajout", "added")
        case "update": l.pick("modification", "changed")
        case "delete": l.pick("suppression", "deleted")
        case "import": l.pick("import", "import")
        case "issue": l.pick("émission", "issued")
        case "reopen": l.pick("réouverture", "reopened")
        default: action
        }
    }

    /// The field's name for a reader: French words, or the column name in English.
    public static func label(_ field: String, _ l: Language) -> String {
        l == .fr ? frenchLabels[field] ?? field.replacingUnderscores() : field.replacingUnderscores()
    }

    /// The value as a user would type it.
    public static func value(_ field: String, _ text: String, _ l: Language) -> String {
        let f = DisplayFormat(l)
        if minuteFields.contains(field), let minutes = Int(text) { return DurationText.format(minutes) }
        if clockFields.contains(field), let minute = Int(text) { return ClockText.format(minute) }
        if moneyFields.contains(field), let cents = Int(text) { return f.money(cents) }
        if dateFields.contains(field), let day = CalendarDate.parseISO(text) { return f.numericDate(day) }
        if flagFields.contains(field), let flag = Int(text) { return flag == 0 ? l.pick("non", "no") : l.pick("oui", "yes") }
        if field == "weekday", let number = Int(text), let day = Weekday(isoNumber: number) { return f.weekdayShort(day) }
        // Codes in words: "maternite" reads "maternité", "conges" "congés", "afp" its name.
        if field == "motive", let motive = Motive(rawValue: text) { return motive.label(in: l) }
        if field == "kind", let kind = AbsenceKind(rawValue: text) { return ReadPolicy.coordinator.absenceText(kind, l) }
        if field == "kind", let kind = MemberKind(rawValue: text) {
            switch kind {
            case .commune: return l.pick("commune", "commune")
            case .afp: return l.pick("association foncière pastorale", "pastoral land association")
            case .other: return l.pick("autre organisme", "other body")
            }
        }
        return text
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? " " : $0 }) }
}
