/// A record as a form (or the kiosk) read it, with its row version. A save claims the record at
/// that version (`UPDATE … SET version = version + 1 WHERE key = ? AND version = ?`): if another
/// session changed it meanwhile (a child row — absence, rota slot, opening range — bumps its
/// parent's version), nothing is written and `StaleEdit` says what it is now.
public enum ReadRecord: Equatable, Sendable {
    case member(Member, version: Int)
    case agent(Agent, version: Int)
    case request(ReplacementRequest, version: Int)
    /// An agent's own hours; `memberName` is how she reads the member.
    case timeEntry(TimeEntry, version: Int, memberName: String)
    case tariff(Tariff, version: Int)

    public var version: Int {
        switch self {
        case .member(_, let v), .agent(_, let v), .request(_, let v), .timeEntry(_, let v, _), .tariff(_, let v): v
        }
    }

    /// The audited entity (the table's name in the audit trail).
    public var entity: String {
        switch self {
        case .member: "member"
        case .agent: "agent"
        case .request: "request"
        case .timeEntry: "time_entry"
        case .tariff: "tariff"
        }
    }

    /// The record's key in its table: a code, a request id, an entry number, a year.
    public var key: String {
        switch self {
        case .member(let m, _): m.code
        case .agent(let a, _): a.code
        case .request(let r, _): r.id
        case .timeEntry(let t, _, _): String(t.id ?? 0)
        case .tariff(let t, _): String(t.year)
        }
    }

    /// "la commune Blanzy (71040)", "l'agent Élodie Ferrand (A1)", "la demande D-2026-004".
    func what(_ l: Language) -> String {
        switch self {
        case .member(let m, _): l.pick("la commune \(m.name) (\(m.code))", "member \(m.name) (\(m.code))")
        case .agent(let a, _): l.pick("l'agent \(a.name) (\(a.code))", "agent \(a.name) (\(a.code))")
        case .request(let r, _): l.pick("la demande \(r.id)", "request \(r.id)")
        case .timeEntry(let t, _, _): l.pick("la saisie n° \(t.id ?? 0)", "entry no. \(t.id ?? 0)")
        case .tariff(let t, _): l.pick("le tarif \(t.year)", "the \(t.year) tariff")
        }
    }

    /// The French past participle agreeing with `what` (la commune modifiée, l'agent modifié).
    fileprivate func participle(_ stem: String) -> String {
        switch self {
        case .agent, .tariff: stem
        case .member, .request, .timeEntry: stem + "e"
        }
    }

    /// The record's fields as the audit trail names and stores them (`population` → `6248`,
    /// dates in ISO), so that `AuditFieldText` says them; child rows in one line each.
    func fields(_ l: Language) -> [(field: String, value: String)] {
        func date(_ d: CalendarDate?) -> String { d?.iso ?? "" }
        func flag(_ b: Bool) -> String { b ? "1" : "0" }
        let f = DisplayFormat(l)
        switch self {
        case .member(let m, _):
            return [("name", m.name), ("kind", m.kind.rawValue), ("population", String(m.population)),
                    ("single_part_time_secretary", flag(m.singlePartTimeSecretary)), ("member_since", date(m.memberSince)),
                    ("member_until", date(m.memberUntil)), ("referent_agent", m.referentAgent ?? ""),
                    ("substitute_agent", m.substituteAgent ?? ""), ("last_summer_replacement", m.lastSummerReplacement.map(String.init) ?? ""),
                    ("opening_hours", OpeningHoursText.summary(m.openingHours, language: l))]
        case .agent(let a, _):
            let absences = a.absences.sorted().map { "\(f.numericDate($0.from))→\(f.numericDate($0.to)) \($0.kind.rawValue)" }
            let rota = a.rota.sorted().map { "\(f.weekdayShort($0.day)) \(OpeningHoursText.display($0.time)) \($0.member)" }
            return [("name", a.name), ("weekly_minutes", String(a.weeklyMinutes)), ("rtt_days_per_year", String(a.rttDaysPerYear)),
                    ("annual_cost_cents", a.annualCostCents.map(String.init) ?? ""),
                    ("absences", absences.isEmpty ? l.pick("aucune", "none") : absences.joined(separator: ", ")),
                    ("rota", rota.isEmpty ? l.pick("vide", "empty") : rota.joined(separator: ", "))]
        case .request(let r, _):
            return [("member", r.member), ("motive", r.motive.rawValue), ("received", date(r.received)), ("start_date", date(r.start)),
                    ("end_date", date(r.end)), ("minutes_per_week", String(r.minutesPerWeek)), ("exceptional", flag(r.exceptional))]
        case .timeEntry(let t, _, let memberName):
            return [("date", date(t.date)), ("minutes", String(t.minutes)), ("member", memberName), ("request", t.request ?? ""),
                    ("validated", flag(t.validated))]
        case .tariff(let t, _):
            let bands = t.bands.map { "\($0.minPopulation)–\($0.maxPopulation.map(String.init) ?? "…") : \(f.money($0.annualFeeCents)), \($0.prepaidDays) j" }
            return [("hourly_rate_cents", String(t.hourlyRateCents)), ("minutes_per_day", String(t.minutesPerDay)),
                    ("fee_exempt", flag(t.feeExempt)), ("bands", bands.joined(separator: ", "))]
        }
    }
}

/// A save refused because the record changed (or was deleted) in another session since it was
/// read: nothing was written, and the message says what changed, as it is now, in the words of
/// the record's history (`AuditFieldText`).
public struct StaleEdit: Error, Localized, Equatable {
    public let original: ReadRecord
    /// The record as it is now; nil when it was deleted.
    public let current: ReadRecord?

    public init(original: ReadRecord, current: ReadRecord?) {
        self.original = original
        self.current = current
    }

    /// "population : 6248 → 6300", one per field that differs.
    public func changes(in l: Language) -> [String] {
        guard let current else { return [] }
        let now = current.fields(l)
        return zip(original.fields(l), now).compactMap { before, after in
            guard before.value != after.value else { return nil }
            let old = before.value.isEmpty ? "—" : AuditFieldText.value(before.field, before.value, l)
            let new = after.value.isEmpty ? "—" : AuditFieldText.value(after.field, after.value, l)
            return "\(AuditFieldText.label(before.field, l)) : \(old) → \(new)"
        }
    }

    /// A form is opened again on the record as it is now; the kiosk shows her hours again by itself.
    private func again(_ l: Language) -> String {
        if case .timeEntry = original { return "" }
        return l.pick(", rouvrez le formulaire", ", open the form again")
    }

    public func message(in l: Language) -> String {
        let what = original.what(l)
        guard current != nil else {
            return l.pick("\(what) a été \(original.participle("supprimé")) entre-temps par une autre session : rien n'a été enregistré",
                          "\(what) was deleted meanwhile by another session: nothing was saved")
        }
        let changes = changes(in: l)
        // Only the version moved (a change undone, or one outside the fields shown).
        guard !changes.isEmpty else {
            return l.pick("\(what) a été \(original.participle("modifié")) entre-temps par une autre session : rien n'a été enregistré\(again(l))",
                          "\(what) was changed meanwhile by another session: nothing was saved\(again(l))")
        }
        let now = changes.joined(separator: " ; ")
        return l.pick("\(what) a été \(original.participle("modifié")) entre-temps par une autre session (\(now)) : rien n'a été enregistré\(again(l))",
                      "\(what) was changed meanwhile by another session (\(now)): nothing was saved\(again(l))")
    }
}

/// The row versions read with a snapshot, by key: what a form opened on it claims when saving.
public struct RecordVersions: Equatable, Sendable {
    public var members: [String: Int]
    public var agents: [String: Int]
    public var requests: [String: Int]
    public var tariffs: [String: Int]

    public init(members: [String: Int] = [:], agents: [String: Int] = [:], requests: [String: Int] = [:], tariffs: [String: Int] = [:]) {
        self.members = members
        self.agents = agents
        self.requests = requests
        self.tariffs = tariffs
    }
}
