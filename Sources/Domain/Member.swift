/// What kind of body a member is (seed 000: pastoral land associations are members too).
public enum MemberKind: String, Sendable, CaseIterable {
    case commune
    case afp
    case other
}

/// A span of minutes within a day, `start` included, `end` excluded (`09:00-12:00`).
public struct TimeRange: Hashable, Comparable, Sendable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var minutes: Int { end - start }

    public func overlaps(_ other: TimeRange) -> Bool { start < other.end && other.start < end }

    /// `09:00-12:00`.
    public var text: String { "\(ClockText.format(start))-\(ClockText.format(end))" }

    public static func < (a: TimeRange, b: TimeRange) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }
}

/// A town hall's opening hours: for each weekday, its opening ranges in order.
public struct OpeningHours: Hashable, Sendable {
    public var ranges: [Weekday: [TimeRange]]

    public init(_ ranges: [Weekday: [TimeRange]] = [:]) {
        self.ranges = ranges.filter { !$0.value.isEmpty }.mapValues { $0.sorted() }
    }

    public func on(_ day: Weekday) -> [TimeRange] { ranges[day] ?? [] }

    /// Minutes open in a week.
    public var weeklyMinutes: Int { ranges.values.joined().reduce(0) { $0 + $1.minutes } }

    /// Parses one day's text, `09:00-12:00,14:00-17:00`: ranges in order, none overlapping.
    public static func parseDay(_ text: String) -> [TimeRange]? {
        var result: [TimeRange] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = piece.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let start = ClockText.parse(String(bounds[0])),
                  let end = ClockText.parse(String(bounds[1])), start < end else { return nil }
            if let last = result.last, last.end > start { return nil }
            result.append(TimeRange(start: start, end: end))
        }
        return result.isEmpty ? nil : result
    }

    /// One day's text, as in files.
    public func text(_ day: Weekday) -> String { on(day).map(\.text).joined(separator: ",") }
}

/// A member of the service commun: a commune, an AFP or another body.
public struct Member: Hashable, Sendable {
    public var code: String
    public var name: String
    public var kind: MemberKind
    public var population: Int
    /// Employs a single part-time administrative agent as secretary.
    public var singlePartTimeSecretary: Bool
    public var memberSince: CalendarDate
    /// Last day of membership, nil while still a member.
    public var memberUntil: CalendarDate?
    public var referentAgent: String?
    public var substituteAgent: String?
    /// Year of the last summer replacement, nil if never (tour de rôle, rules.md §3.3.4).
    public var lastSummerReplacement: Int?
    public var openingHours: OpeningHours
    /// The membership papers (annex 1): deliberation, bulletin, commitments, leaving, mayor.
    public var membership: Membership = Membership()

    public init(code: String, name: String, kind: MemberKind = .commune, population: Int,
                singlePartTimeSecretary: Bool, memberSince: CalendarDate, memberUntil: CalendarDate? = nil,
                referentAgent: String? = nil, substituteAgent: String? = nil,
                lastSummerReplacement: Int? = nil, openingHours: OpeningHours = OpeningHours()) {
        self.code = code
        self.name = name
        self.kind = kind
        self.population = population
        self.singlePartTimeSecretary = singlePartTimeSecretary
        self.memberSince = memberSince
        self.memberUntil = memberUntil
        self.referentAgent = referentAgent
        self.substituteAgent = substituteAgent
        self.lastSummerReplacement = lastSummerReplacement
        self.openingHours = openingHours
    }

    /// Whether the member belongs to the service on `date`.
    public func isMember(on date: CalendarDate) -> Bool {
        date >= memberSince && (memberUntil.map { date <= $0 } ?? true)
    }
}
