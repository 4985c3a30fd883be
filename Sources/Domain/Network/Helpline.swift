/// One question to the help line "Allô secrétaire de mairie" (rules.md §10, seed 003): when,
/// who called from which commune, in which domain, who answered, the minutes spent.
public struct HelplineCall: Hashable, Sendable {
    public var id: String
    /// The day and the minute of the day (minutes since midnight) of the call.
    public var date: CalendarDate
    public var minute: Int
    /// The caller, a person of the directory.
    public var caller: String?
    public var member: String?
    public var domain: ReferentDomain
    public var summary: String
    /// Who answered, a person of the directory (an agent or a referent).
    public var answeredBy: String?
    /// Minutes spent on the question.
    public var minutes: Int
    public var status: HelplineStatus
    public var answer: String?

    public init(id: String, date: CalendarDate, minute: Int, caller: String? = nil, member: String? = nil, domain: ReferentDomain,
                summary: String, answeredBy: String? = nil, minutes: Int = 0, status: HelplineStatus = .open, answer: String? = nil) {
        self.id = id
        self.date = date
        self.minute = minute
        self.caller = caller
        self.member = member
        self.domain = domain
        self.summary = summary
        self.answeredBy = answeredBy
        self.minutes = minutes
        self.status = status
        self.answer = answer
    }

    /// `2026-11-17T09:30`, as the file writes it.
    public var at: String { "\(date.iso)T\(ClockText.format(minute))" }

    /// The day and minute of `2026-11-17T09:30`; nil when it is not one.
    public static func parseAt(_ text: String) -> (CalendarDate, Int)? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = CalendarDate.parseISO(String(parts[0])), let minute = ClockText.parse(String(parts[1])) else { return nil }
        return (day, minute)
    }

    /// The longest a question may take, in minutes (a working day).
    public static let maximumMinutes = 12 * 60
}

public enum HelplineStatus: String, Sendable, CaseIterable {
    case open, answered

    public func label(in l: Language) -> String {
        self == .open ? l.pick("en attente", "open") : l.pick("répondue", "answered")
    }
}

extension Helpline {
    /// The calls whose summary, answer, domain, caller's or member's name contains `query`
    /// (folded); open questions first, then the newest.
    public static func search(_ calls: [HelplineCall], query: String = "", status: HelplineStatus? = nil,
                              personNames: [String: String], memberNames: [String: String]) -> [HelplineCall] {
        let needle = query.trimmingSpaces().folding()
        return calls.filter { c in
            if let status, c.status != status { return false }
            guard !needle.isEmpty else { return true }
            let words = [c.summary, c.answer ?? "", c.domain.label(in: .fr), c.caller.flatMap { personNames[$0] } ?? "",
                         c.member.flatMap { memberNames[$0] } ?? "", c.answeredBy.flatMap { personNames[$0] } ?? ""]
            return words.contains { $0.folding().contains(needle) }
        }.sorted { a, b in
            if a.status != b.status { return a.status == .open }
            return (a.date, a.minute, a.id) > (b.date, b.minute, b.id)
        }
    }

    /// The report's figures of the calls made in `from`…`to` (rules.md §9): how many, by domain
    /// (codes), and the lower median of the minutes spent on the answered ones.
    public static func figures(_ calls: [HelplineCall], from: CalendarDate, to: CalendarDate) -> (calls: Int, byDomain: [String: Int], median: Int?) {
        let inPeriod = calls.filter { $0.date >= from && $0.date <= to }
        var byDomain: [String: Int] = [:]
        for c in inPeriod { byDomain[c.domain.rawValue, default: 0] += 1 }
        let answered = inPeriod.filter { $0.status == .answered }.map(\.minutes).sorted()
        return (inPeriod.count, byDomain, answered.isEmpty ? nil : answered[(answered.count - 1) / 2])
    }
}

/// The help line's rules.
public enum Helpline {}
