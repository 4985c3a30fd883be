/// The weekly table of a service contract (rules.md §5, seed 002 annex 2): for each day of a
/// week, when the agent works at the member, placed inside the town hall's opening hours,
/// never in two places at once; and the conflicts with the opening-hours change that solves them.
public struct WeeklySchedule: Hashable, Sendable {
    /// One agent's work for the request on one day.
    public struct Slot: Hashable, Sendable {
        public var date: CalendarDate
        public var agent: String
        /// Minutes the arbitration gave that day.
        public var minutes: Int
        /// Where they were placed (may cover less than `minutes` when there is a conflict).
        public var ranges: [TimeRange]
        /// The member's opening hours that weekday.
        public var opening: [TimeRange]

        public var placedMinutes: Int { ranges.reduce(0) { $0 + $1.minutes } }
        public var morning: [TimeRange] { ranges.filter { $0.start < WeeklySchedule.noon } }
        public var afternoon: [TimeRange] { ranges.filter { $0.start >= WeeklySchedule.noon } }
    }

    /// Minutes that found no place, and the opening-hours change that would make room.
    public struct Conflict: Hashable, Sendable {
        public var date: CalendarDate
        public var agent: String
        public var member: String
        public var missingMinutes: Int
        /// A range to add to the member's opening hours that day (nil when the agent's day is full).
        public var proposedOpening: TimeRange?
    }

    public var request: String
    public var member: String
    /// Monday of the week shown.
    public var week: CalendarDate
    public var slots: [Slot]
    public var conflicts: [Conflict]

    /// Mornings end and afternoons start at 12:30.
    public static let noon = 12 * 60 + 30
    /// The span of a working day in which an opening-hours change may be proposed.
    public static let workingWindow = TimeRange(start: 8 * 60, end: 19 * 60)

    /// The schedule of `requestID` for the week containing `date` (default: the first week it
    /// is served). Nil when the request received no minutes that week.
    public static func make(requestID: String, plan: Plan, territory: Territory, weekOf date: CalendarDate? = nil) -> WeeklySchedule? {
        let own = plan.allocations.filter { $0.request == requestID }
        guard let first = own.first?.date, let decision = plan.decision(requestID) else { return nil }
        let anchor = date ?? first
        let monday = anchor.mondayOfWeek
        let sunday = monday.adding(days: 6)
        guard own.contains(where: { $0.date >= monday && $0.date <= sunday }) else { return nil }

        var members: [String: Member] = [:]
        for member in territory.members { members[member.code] = member }
        var agents: [String: Agent] = [:]
        for agent in territory.agents { agents[agent.code] = agent }
        var rank: [String: Int] = [:]
        for (i, d) in plan.decisions.sorted(by: placementOrder).enumerated() { rank[d.id] = i }
        let requestMember = Dictionary(plan.decisions.map { ($0.id, $0.request.member) }, uniquingKeysWith: { a, _ in a })

        var slots: [Slot] = []
        var conflicts: [Conflict] = []
        let involved = Set(own.map(\.agent))
        let week = plan.allocations.filter { $0.date >= monday && $0.date <= sunday && involved.contains($0.agent) }
        for day in (0..<7).map({ monday.adding(days: $0) }) {
            for agentCode in involved.sorted() {
                let duties = week.filter { $0.date == day && $0.agent == agentCode }
                    .sorted { (rank[$0.request] ?? 0) < (rank[$1.request] ?? 0) }
                guard duties.contains(where: { $0.request == requestID }) else { continue }
                // The rota is fixed; each request's minutes go in turn into its member's
                // opening hours, earliest first, around what the agent already does.
                var busy = (agents[agentCode]?.rota ?? []).filter { $0.day == day.weekday }.map(\.time)
                for duty in duties {
                    let memberCode = requestMember[duty.request] ?? ""
                    let opening = members[memberCode]?.openingHours.on(day.weekday) ?? []
                    let placed = place(duty.minutes, in: opening, avoiding: busy)
                    busy += placed
                    guard duty.request == requestID else { continue }
                    slots.append(Slot(date: day, agent: agentCode, minutes: duty.minutes, ranges: placed, opening: opening))
                    let missing = duty.minutes - placed.reduce(0) { $0 + $1.minutes }
                    if missing > 0 {
                        conflicts.append(Conflict(date: day, agent: agentCode, member: memberCode, missingMinutes: missing,
                                                  proposedOpening: proposal(missing, opening: opening, busy: busy)))
                    }
                }
            }
        }
        return WeeklySchedule(request: requestID, member: decision.request.member, week: monday, slots: slots, conflicts: conflicts)
    }

    /// Urgent first, then by class and id: who gets the best hours when an agent's day is split.
    public static func placementOrder(_ a: RequestDecision, _ b: RequestDecision) -> Bool {
        a.priorityClass != b.priorityClass ? a.priorityClass < b.priorityClass : a.id.precedesInByteOrder(b.id)
    }

    /// Free parts of `ranges` once `busy` is taken out, in order.
    static func free(_ ranges: [TimeRange], minus busy: [TimeRange]) -> [TimeRange] {
        var pieces = ranges.sorted()
        for taken in busy {
            pieces = pieces.flatMap { piece -> [TimeRange] in
                guard piece.overlaps(taken) else { return [piece] }
                var rest: [TimeRange] = []
                if piece.start < taken.start { rest.append(TimeRange(start: piece.start, end: taken.start)) }
                if taken.end < piece.end { rest.append(TimeRange(start: taken.end, end: piece.end)) }
                return rest
            }
        }
        return pieces
    }

    /// Up to `minutes` placed in `opening`, earliest first, outside `busy`.
    public static func place(_ minutes: Int, in opening: [TimeRange], avoiding busy: [TimeRange]) -> [TimeRange] {
        var left = minutes
        var placed: [TimeRange] = []
        for piece in free(opening, minus: busy) where left > 0 {
            let length = min(left, piece.minutes)
            placed.append(TimeRange(start: piece.start, end: piece.start + length))
            left -= length
        }
        return placed
    }

    /// The opening-hours change that makes room for `missing` minutes: a range where the agent
    /// is free, next to the current opening hours when possible, else the earliest one.
    static func proposal(_ missing: Int, opening: [TimeRange], busy: [TimeRange]) -> TimeRange? {
        let candidates = free([workingWindow], minus: busy + opening).filter { $0.minutes >= missing }
        let adjacent = candidates.compactMap { gap -> TimeRange? in
            if opening.contains(where: { $0.end == gap.start }) { return TimeRange(start: gap.start, end: gap.start + missing) }
            if opening.contains(where: { $0.start == gap.end }) { return TimeRange(start: gap.end - missing, end: gap.end) }
            return nil
        }
        if let best = adjacent.first { return best }
        return candidates.first.map { TimeRange(start: $0.start, end: $0.start + missing) }
    }
}
