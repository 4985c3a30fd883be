/// When invoices are made (rules.md §6.6).
public enum BillingPeriod: String, Sendable, CaseIterable {
    /// At year end, "au réel" (seeds 000 and 002).
    case year
    /// Each month, on the signed statement (CDG 03).
    case month
    /// Once a mission has ended (seed 002 annex 2 art. 2).
    case mission
}

/// Every number of the service's framework agreement, as data (rules.md §7): seed 002's values
/// by default. The arbitration, the checks, the schedule and the documents read them.
public struct Convention: Hashable, Sendable {
    /// The settings by their names in the `releve/1` file (`service.convention`), in the order of
    /// rules.md §7.
    public enum Key: String, Sendable, CaseIterable {
        case billingPeriod = "billing_period"
        case minWorkingDays = "min_working_days"
        case maxMonths = "max_months"
        case maxHoursPerWeek = "max_hours_per_week"
        case noticeDays = "notice_days"
        case smallPopulationBelow = "small_population_below"
        case smallNeedsSinglePartTimeSecretary = "small_needs_single_part_time_secretary"
        case renewalReminderDays = "renewal_reminder_days"
        case renewalAnswerHours = "renewal_answer_hours"
        case evaluationAfterMission = "evaluation_after_mission"
        case reportMonths = "report_months"
        case halfDays = "half_days"
        case travelMinutes = "travel_minutes"
    }

    public var billingPeriod: BillingPeriod = .year
    /// Fewer working days are refused unless exceptional (0: no minimum).
    public var minWorkingDays: Int = 5
    /// The span is cut to this many months unless exceptional (nil: no cap).
    public var maxMonths: Int? = 2
    /// A request asking more minutes a week is capped to this (nil: no cap).
    public var maxMinutesPerWeek: Int?
    public var noticeDays: Int = 7
    public var smallPopulationBelow: Int = 600
    public var smallNeedsSinglePartTimeSecretary: Bool = true
    public var renewalReminderDays: Int = 7
    public var renewalAnswerHours: Int = 72
    public var evaluationAfterMission: Bool = true
    public var reportMonths: Int = 6
    public var halfDays: HalfDaySettings = .standard
    /// The keys the service set itself: the ones a `releve/1` export writes (a file without
    /// `service.convention` round-trips as it was).
    public var given: [Key] = []

    public init() {}

    /// Seed 002's convention (the CUCM's).
    public static let standard = Convention()

    /// Small communes go first (rules.md §2): under the population threshold and, when the
    /// convention asks it, a single part-time secretary.
    public func isSmall(_ member: Member) -> Bool {
        member.population < smallPopulationBelow && (!smallNeedsSinglePartTimeSecretary || member.singlePartTimeSecretary)
    }

    /// The minutes a request's days need: its hours a week, capped by `max_hours_per_week`, / 5.
    public func dailyNeed(_ request: ReplacementRequest) -> Int {
        weeklyNeed(request) / 5
    }

    /// A request's hours a week after the weekly cap.
    public func weeklyNeed(_ request: ReplacementRequest) -> Int {
        maxMinutesPerWeek.map { min($0, request.minutesPerWeek) } ?? request.minutesPerWeek
    }

    /// Whether the weekly cap cuts this request (reason `CAPPED_WEEKLY`).
    public func capsWeekly(_ request: ReplacementRequest) -> Bool {
        maxMinutesPerWeek.map { request.minutesPerWeek > $0 } ?? false
    }
}

// MARK: - Text forms

/// A setting's value as the file and the command line carry it.
public enum ConventionValue: Hashable, Sendable {
    case integer(Int)
    case bool(Bool)
    case text(String)
    case null
}

/// Why a setting's value was refused.
public struct ConventionProblem: Error, Hashable, Sendable {
    public var key: Convention.Key
    public var given: String

    public func message(in l: Language) -> String {
        l.pick("\(key.rawValue) : « \(given) » n'est pas valable ; attendu \(key.expected(in: l))",
               "\(key.rawValue): \"\(given)\" is not valid; expected \(key.expected(in: l))")
    }
}

extension Convention.Key {
    /// What a value of this setting looks like, for error messages and help.
    public func expected(in l: Language) -> String {
        switch self {
        case .billingPeriod: return l.pick("année, mois ou mission (year, month, mission)", "year, month or mission")
        case .minWorkingDays: return l.pick("un nombre de jours ouvrés de 0 à 260", "a number of working days from 0 to 260")
        case .maxMonths: return l.pick("un nombre de mois de 1 à 36, ou null (pas de plafond)", "a number of months from 1 to 36, or null (no cap)")
        case .maxHoursPerWeek: return l.pick("une durée H:MM de 0:05 à 60:00, ou null (pas de plafond)", "a duration H:MM from 0:05 to 60:00, or null (no cap)")
        case .noticeDays: return l.pick("un nombre de jours de 0 à 365", "a number of days from 0 to 365")
        case .smallPopulationBelow: return l.pick("un nombre d'habitants de 0 à 1 000 000", "a population from 0 to 1,000,000")
        case .smallNeedsSinglePartTimeSecretary, .evaluationAfterMission: return l.pick("true ou false", "true or false")
        case .renewalReminderDays: return l.pick("un nombre de jours de 0 à 365", "a number of days from 0 to 365")
        case .renewalAnswerHours: return l.pick("un nombre d'heures de 1 à 2 000", "a number of hours from 1 to 2,000")
        case .reportMonths: return l.pick("un nombre de mois de 1 à 24", "a number of months from 1 to 24")
        case .halfDays: return l.pick("deux plages HH:MM-HH:MM,HH:MM-HH:MM, le matin avant l'après-midi", "two ranges HH:MM-HH:MM,HH:MM-HH:MM, morning before afternoon")
        case .travelMinutes: return l.pick("un nombre de minutes de 0 à 240", "a number of minutes from 0 to 240")
        }
    }

    /// What the setting means, as `convention show` and the form say it.
    public func meaning(in l: Language) -> String {
        switch self {
        case .billingPeriod: return l.pick("période de facturation", "billing period")
        case .minWorkingDays: return l.pick("durée minimale (jours ouvrés)", "minimum duration (working days)")
        case .maxMonths: return l.pick("durée maximale (mois)", "maximum duration (months)")
        case .maxHoursPerWeek: return l.pick("heures par semaine au plus", "hours a week at most")
        case .noticeDays: return l.pick("délai de prévenance (jours)", "notice (days)")
        case .smallPopulationBelow: return l.pick("petite commune : moins de (hab.)", "small commune: fewer than (inhabitants)")
        case .smallNeedsSinglePartTimeSecretary: return l.pick("petite si une seule secrétaire à temps partiel", "small only with a single part-time secretary")
        case .renewalReminderDays: return l.pick("renouvellement demandé avant la fin (jours)", "renewal asked before the end (days)")
        case .renewalAnswerHours: return l.pick("réponse au renouvellement sous (heures)", "renewal answered within (hours)")
        case .evaluationAfterMission: return l.pick("évaluation après chaque mission", "evaluation after each mission")
        case .reportMonths: return l.pick("rapport d'activité tous les (mois)", "activity report every (months)")
        case .halfDays: return l.pick("demi-journées de travail", "working half-days")
        case .travelMinutes: return l.pick("trajet entre deux mairies (minutes)", "travel between two town halls (minutes)")
        }
    }
}

extension Convention {
    /// The value of `key` as the file writes it.
    public func value(_ key: Key) -> ConventionValue {
        switch key {
        case .billingPeriod: return .text(billingPeriod.rawValue)
        case .minWorkingDays: return .integer(minWorkingDays)
        case .maxMonths: return maxMonths.map(ConventionValue.integer) ?? .null
        case .maxHoursPerWeek: return maxMinutesPerWeek.map { .text(DurationText.format($0)) } ?? .null
        case .noticeDays: return .integer(noticeDays)
        case .smallPopulationBelow: return .integer(smallPopulationBelow)
        case .smallNeedsSinglePartTimeSecretary: return .bool(smallNeedsSinglePartTimeSecretary)
        case .renewalReminderDays: return .integer(renewalReminderDays)
        case .renewalAnswerHours: return .integer(renewalAnswerHours)
        case .evaluationAfterMission: return .bool(evaluationAfterMission)
        case .reportMonths: return .integer(reportMonths)
        case .halfDays:
            let r = [halfDays.morning, halfDays.afternoon].map { "\(ClockText.format($0.start))-\(ClockText.format($0.end))" }
            return .text(r.joined(separator: ","))
        case .travelMinutes: return .integer(halfDays.travelMinutes)
        }
    }

    /// The value of `key` as people read it ("14:00", "aucun", "oui").
    public func displayValue(_ key: Key, _ l: Language) -> String {
        switch value(key) {
        case .integer(let n): return String(n)
        case .bool(let b): return b ? l.pick("oui", "yes") : l.pick("non", "no")
        case .null: return l.pick("aucun", "none")
        case .text(let t):
            if key == .billingPeriod { return billingPeriod.label(l) }
            if key == .halfDays { return t.split(separator: ",").joined(separator: l.pick(" et ", " and ")) }
            return t
        }
    }

    /// Sets `key` from a file value; the key is then given (exported). Refused values change nothing.
    public mutating func set(_ key: Key, _ value: ConventionValue) throws(ConventionProblem) {
        var next = self
        func problem() -> ConventionProblem {
            let shown: String
            switch value {
            case .integer(let n): shown = String(n)
            case .bool(let b): shown = b ? "true" : "false"
            case .text(let t): shown = t
            case .null: shown = "null"
            }
            return ConventionProblem(key: key, given: shown)
        }
        func integer(_ range: ClosedRange<Int>) throws(ConventionProblem) -> Int {
            guard case .integer(let n) = value, range.contains(n) else { throw problem() }
            return n
        }
        func bool() throws(ConventionProblem) -> Bool {
            guard case .bool(let b) = value else { throw problem() }
            return b
        }
        switch key {
        case .billingPeriod:
            guard case .text(let t) = value, let period = BillingPeriod(rawValue: t) else { throw problem() }
            next.billingPeriod = period
        case .minWorkingDays: next.minWorkingDays = try integer(0...260)
        case .maxMonths:
            if value == .null { next.maxMonths = nil } else { next.maxMonths = try integer(1...36) }
        case .maxHoursPerWeek:
            if value == .null { next.maxMinutesPerWeek = nil } else {
                guard case .text(let t) = value, let m = DurationText.parse(t), (5...3600).contains(m) else { throw problem() }
                next.maxMinutesPerWeek = m
            }
        case .noticeDays: next.noticeDays = try integer(0...365)
        case .smallPopulationBelow: next.smallPopulationBelow = try integer(0...1_000_000)
        case .smallNeedsSinglePartTimeSecretary: next.smallNeedsSinglePartTimeSecretary = try bool()
        case .renewalReminderDays: next.renewalReminderDays = try integer(0...365)
        case .renewalAnswerHours: next.renewalAnswerHours = try integer(1...2000)
        case .evaluationAfterMission: next.evaluationAfterMission = try bool()
        case .reportMonths: next.reportMonths = try integer(1...24)
        case .halfDays:
            guard case .text(let t) = value, let (morning, afternoon) = Self.halfDayRanges(t) else { throw problem() }
            next.halfDays.morning = morning
            next.halfDays.afternoon = afternoon
        case .travelMinutes: next.halfDays.travelMinutes = try integer(0...240)
        }
        // The keys given, in the order of rules.md §7.
        let given = next.given + [key]
        next.given = Key.allCases.filter(given.contains)
        self = next
    }

    /// Sets `key` from what a person types: numbers, `14:00` or `14h`, `oui`/`non`, `aucun`/`null`.
    public mutating func set(_ key: Key, typed text: String) throws(ConventionProblem) {
        let t = text.trimmingSpaces()
        let lower = t.lowercased()
        let value: ConventionValue
        if ["null", "aucun", "aucune", "none", "-", ""].contains(lower), [.maxMonths, .maxHoursPerWeek].contains(key) {
            value = .null
        } else {
            switch key {
            case .smallNeedsSinglePartTimeSecretary, .evaluationAfterMission:
                if ["true", "oui", "yes", "o", "y", "1"].contains(lower) { value = .bool(true) }
                else if ["false", "non", "no", "n", "0"].contains(lower) { value = .bool(false) }
                else { throw ConventionProblem(key: key, given: t) }
            case .maxHoursPerWeek:
                guard let m = DurationText.parseUserInput(t) else { throw ConventionProblem(key: key, given: t) }
                value = .text(DurationText.format(m))
            case .billingPeriod:
                let periods = ["annee": "year", "année": "year", "an": "year", "mois": "month", "mensuelle": "month"]
                value = .text(periods[lower] ?? lower)
            case .halfDays:
                let words = t.split(separator: " ").filter { $0 != "et" && $0 != "and" }
                value = .text(words.joined(separator: ",").split(separator: ",").joined(separator: ","))
            default:
                guard let n = Int(lower.filter { $0 != " " && $0 != "\u{202F}" }) else { throw ConventionProblem(key: key, given: t) }
                value = .integer(n)
            }
        }
        do { try set(key, value) } catch { throw ConventionProblem(key: key, given: t) }
    }

    /// `08:30-12:00,13:30-17:30`: two non-empty ranges, the morning's ending before the afternoon's starts.
    static func halfDayRanges(_ text: String) -> (TimeRange, TimeRange)? {
        let ranges = text.split(separator: ",", omittingEmptySubsequences: false).map { part -> TimeRange? in
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let a = ClockText.parse(String(ends[0])), let b = ClockText.parse(String(ends[1])), a < b else { return nil }
            return TimeRange(start: a, end: b)
        }
        guard ranges.count == 2, let m = ranges[0], let p = ranges[1], m.end <= p.start else { return nil }
        return (m, p)
    }
}

extension BillingPeriod {
    public func label(_ l: Language) -> String {
        switch self {
        case .year: return l.pick("à l'année", "by year")
        case .month: return l.pick("au mois", "by month")
        case .mission: return l.pick("à la fin de chaque mission", "at the end of each mission")
        }
    }
}
