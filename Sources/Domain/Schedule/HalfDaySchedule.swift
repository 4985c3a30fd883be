/// The service's working half-days (rules.md §5): morning and afternoon, and the travel
/// allowance between two town halls inside a split half-day.
public struct HalfDaySettings: Hashable, Sendable {
    public var morning: TimeRange
    public var afternoon: TimeRange
    public var travelMinutes: Int

    public init(morning: TimeRange = TimeRange(start: 8 * 60 + 30, end: 12 * 60),
                afternoon: TimeRange = TimeRange(start: 13 * 60 + 30, end: 17 * 60 + 30), travelMinutes: Int = 30) {
        self.morning = morning
        self.afternoon = afternoon
        self.travelMinutes = travelMinutes
    }

    /// Seed 002's: 08:30–12:00, 13:30–17:30, 30 minutes of travel.
    public static let standard = HalfDaySettings()

    public func window(_ half: Half) -> TimeRange { half == .am ? morning : afternoon }

    /// The half-day a range belongs to: the morning when it starts before the afternoon does.
    public func half(of range: TimeRange) -> Half { range.start < afternoon.start ? .am : .pm }
}

/// Morning or afternoon.
public enum Half: String, Sendable, CaseIterable, Comparable {
    case am, pm
    public static func < (a: Half, b: Half) -> Bool { a == .am && b == .pm }
}

/// One range of an agent's work in a half-day, at one member: for a request, or a rota slot
/// (`request` nil).
public struct PlacedHalfDay: Hashable, Sendable {
    public var date: CalendarDate
    public var half: Half
    public var agent: String
    public var member: String
    public var request: String?
    public var range: TimeRange
    /// Two members share the half-day (marker ½), the ranges the travel allowance apart.
    public var split: Bool
    /// Less than the half-day could hold: at most one per agent, member and week.
    public var partial: Bool

    public var minutes: Int { range.minutes }
}

/// Minutes the half-days could not hold, and why (never silently dropped).
public struct UnplacedMinutes: Hashable, Sendable {
    public enum Reason: String, Sendable {
        /// Every half-day of the request's days that week is taken.
        case noHalfDayLeft = "no_half_day_left"
        /// The member already has its one incomplete half-day of the week with this agent.
        case onePartialPerWeek = "one_partial_per_week"
    }
    public var date: CalendarDate
    public var agent: String
    public var request: String
    public var minutes: Int
    public var reason: Reason
}

/// Opening hours of a member with no secretary placed, on a day of a request's span.
public struct UncoveredOpening: Hashable, Sendable {
    public var date: CalendarDate
    public var member: String
    public var range: TimeRange
}

/// Two members wanting the same half-day of one agent: `members[0]` has it, `members[1]` was
/// placed where its town hall is closed; the proposal opens that town hall on the half-day it
/// got (members agreed to adapt their opening hours, seed 002 art. 3).
public struct HalfDayConflict: Hashable, Sendable {
    public struct Proposal: Hashable, Sendable {
        public var member: String
        public var weekday: Weekday
        public var range: TimeRange
    }
    public var date: CalendarDate
    public var half: Half
    public var agent: String
    public var members: [String]
    public var proposal: Proposal?
}

/// Consecutive weeks with the same pattern: one table of the contract.
public struct SchedulePeriod: Hashable, Sendable {
    public struct Entry: Hashable, Sendable, Comparable {
        public var weekday: Weekday
        public var half: Half
        public var agent: String
        public var member: String
        public var range: TimeRange
        public static func < (a: Entry, b: Entry) -> Bool {
            (a.weekday.isoNumber, a.half == .am ? 0 : 1, a.range.start, a.agent, a.member)
                < (b.weekday.isoNumber, b.half == .am ? 0 : 1, b.range.start, b.agent, b.member)
        }
    }
    public var from: CalendarDate
    public var to: CalendarDate
    public var pattern: [Entry]
}

/// A schedule in half-days over some weeks: of one request (all its agents) or of one agent
/// (all its members, rota slots included).
public struct HalfDaySchedule: Hashable, Sendable {
    public var request: String?
    public var agent: String?
    public var from: CalendarDate
    public var to: CalendarDate
    public var halfDays: [PlacedHalfDay]
    public var unplaced: [UnplacedMinutes]
    public var uncoveredOpening: [UncoveredOpening]
    public var conflicts: [HalfDayConflict]
    public var periods: [SchedulePeriod]

    public var placedMinutes: Int { halfDays.reduce(0) { $0 + $1.minutes } }
    public var unplacedMinutes: Int { unplaced.reduce(0) { $0 + $1.minutes } }
}

/// One agent's ISO week in half-days.
public struct AgentWeek: Hashable, Sendable {
    public var agent: String
    public var monday: CalendarDate
    public var halfDays: [PlacedHalfDay]
    public var unplaced: [UnplacedMinutes]
    public var conflicts: [HalfDayConflict]
}

/// Turns the arbitration's minutes per day into half-days (rules.md §5), one agent-week at a
/// time; a week's stability looks at the same agent's week before, so weeks are made in order
/// from the agent's first week of work and kept.
public final class HalfDayPlanner {
    public let settings: HalfDaySettings
    let calendar: HolidayCalendar
    let agents: [String: Agent]
    let members: [String: Member]
    let requestMember: [String: String]
    let rank: [String: Int]
    let requests: [String: ReplacementRequest]
    /// The plan's minutes by agent, then Monday's day number.
    let work: [String: [Int: [DayAllocation]]]
    private var made: [String: [Int: AgentWeek]] = [:]

    /// `settings` defaults to the service's convention's half-days and travel allowance.
    public init(territory: Territory, plan: Plan, settings: HalfDaySettings? = nil) {
        self.settings = settings ?? territory.service.convention.halfDays
        calendar = territory.service.calendar
        var agents: [String: Agent] = [:]
        for agent in territory.agents { agents[agent.code] = agent }
        self.agents = agents
        var members: [String: Member] = [:]
        for member in territory.members { members[member.code] = member }
        self.members = members
        var requestMember: [String: String] = [:]
        var rank: [String: Int] = [:]
        var requests: [String: ReplacementRequest] = [:]
        for (i, d) in plan.decisions.sorted(by: Self.placementOrder).enumerated() {
            requestMember[d.id] = d.request.member
            rank[d.id] = i
            requests[d.id] = d.request
        }
        self.requestMember = requestMember
        self.rank = rank
        self.requests = requests
        var work: [String: [Int: [DayAllocation]]] = [:]
        for a in plan.allocations where a.minutes > 0 {
            work[a.agent, default: [:]][a.date.mondayOfWeek.dayNumber, default: []].append(a)
        }
        self.work = work
    }

    /// The order in which requests take half-days: priority class, then id.
    static func placementOrder(_ a: RequestDecision, _ b: RequestDecision) -> Bool {
        a.priorityClass != b.priorityClass ? a.priorityClass < b.priorityClass : a.id.precedesInByteOrder(b.id)
    }

    /// `ranges` without the parts `busy` covers.
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

    /// The agents who work for `request` between the two Mondays, both included.
    func agents(of request: String, from: CalendarDate, to: CalendarDate) -> [String] {
        work.compactMap { agent, weeks in
            weeks.contains { monday, list in monday >= from.dayNumber && monday <= to.dayNumber && list.contains { $0.request == request } }
                ? agent : nil
        }.sorted()
    }

    /// Gives the planner a week placed before (by a planner of the same plan): the weeks after
    /// it read it for stability instead of placing the weeks before again.
    public func seed(_ week: AgentWeek) {
        made[week.agent, default: [:]][week.monday.dayNumber] = week
    }

    /// The agent's week that starts on `monday` (rota slots only when it has no work then).
    public func week(agent code: String, monday: CalendarDate) -> AgentWeek {
        if let week = made[code]?[monday.dayNumber] { return week }
        guard let agent = agents[code] else {
            return AgentWeek(agent: code, monday: monday, halfDays: [], unplaced: [], conflicts: [])
        }
        // The weeks before it with work, back to the last week without (stability reads the week before).
        var pending: [CalendarDate] = [monday]
        var back = monday.adding(days: -7)
        while work[code]?[back.dayNumber] != nil, made[code]?[back.dayNumber] == nil {
            pending.append(back)
            back = back.adding(days: -7)
        }
        for day in pending.reversed() {
            let previous = made[code]?[day.adding(days: -7).dayNumber]
            made[code, default: [:]][day.dayNumber] = place(agent, monday: day, previous: previous)
        }
        return made[code]?[monday.dayNumber] ?? AgentWeek(agent: code, monday: monday, halfDays: [], unplaced: [], conflicts: [])
    }

    // MARK: - One agent-week

    /// A half-day of the agent's week, as it fills.
    private struct Unit {
        var date: CalendarDate
        var half: Half
        var window: TimeRange
        /// Ranges placed so far, with their member.
        var taken: [(member: String, range: TimeRange, rota: Bool)] = []
        var members: [String] {
            var list: [String] = []
            for t in taken where !list.contains(t.member) { list.append(t.member) }
            return list
        }
        var isFree: Bool { taken.isEmpty }
    }

    private func place(_ agent: Agent, monday: CalendarDate, previous: AgentWeek?) -> AgentWeek {
        let allocations = work[agent.code]?[monday.dayNumber] ?? []
        var halfDays: [PlacedHalfDay] = []
        var unplaced: [UnplacedMinutes] = []
        var conflicts: [HalfDayConflict] = []
        var units: [Unit] = []
        var dayLeft: [Int: Int] = [:]
        // The days the agent works: working days without absence.
        for offset in 0..<5 {
            let date = monday.adding(days: offset)
            guard calendar.isWorkingDay(date), agent.absence(on: date) == nil else { continue }
            dayLeft[date.dayNumber] = agent.dailyMinutes
            var am = Unit(date: date, half: .am, window: settings.morning)
            var pm = Unit(date: date, half: .pm, window: settings.afternoon)
            for slot in agent.rota where slot.day == date.weekday {
                let half = settings.half(of: slot.time)
                halfDays.append(PlacedHalfDay(date: date, half: half, agent: agent.code, member: slot.member, request: nil,
                                              range: slot.time, split: false, partial: false))
                if half == .am { am.taken.append((slot.member, slot.time, true)) } else { pm.taken.append((slot.member, slot.time, true)) }
                dayLeft[date.dayNumber, default: 0] -= slot.time.minutes
            }
            units.append(am)
            units.append(pm)
        }
        // Last week's pattern: (member, weekday, half).
        var before: Set<String> = []
        for h in previous?.halfDays ?? [] { before.insert("\(h.member)|\(h.date.weekday.rawValue)|\(h.half.rawValue)") }

        // Each request's week: its minutes with this agent and the days it has them.
        var byRequest: [String: (minutes: Int, days: [CalendarDate])] = [:]
        for a in allocations {
            var entry = byRequest[a.request] ?? (0, [])
            entry.minutes += a.minutes
            if !entry.days.contains(a.date) { entry.days.append(a.date) }
            byRequest[a.request] = entry
        }
        let order = byRequest.keys.sorted { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
        var partialUsed: Set<String> = []
        // What the requests not placed yet were given each day: a request moving minutes onto a
        // day prefers days where that leaves the others their room.
        var claims: [Int: Int] = [:]
        for a in allocations { claims[a.date.dayNumber, default: 0] += a.minutes }

        for request in order {
            guard let (total, days) = byRequest[request] else { continue }
            let member = requestMember[request] ?? ""
            let opening = members[member]?.openingHours
            let dayNumbers = Set(days.map(\.dayNumber))
            for a in allocations where a.request == request { claims[a.date.dayNumber, default: 0] -= a.minutes }
            var left = total
            /// Minutes of `range` the member's town hall is open on `date`.
            func openMinutes(_ date: CalendarDate, _ range: TimeRange) -> Int {
                (opening?.on(date.weekday) ?? []).reduce(0) { $0 + max(0, min($1.end, range.end) - max($1.start, range.start)) }
            }
            func room(_ u: Unit) -> Int { min(u.window.minutes, dayLeft[u.date.dayNumber] ?? 0) }
            func score(_ i: Int) -> (Int, Int, Int, Int, Int, Int) {
                let u = units[i]
                let open = openMinutes(u.date, u.window)
                let steals = room(u) > (dayLeft[u.date.dayNumber] ?? 0) - (claims[u.date.dayNumber] ?? 0)
                let stable = before.contains("\(member)|\(u.date.weekday.rawValue)|\(u.half.rawValue)")
                let adjacent = units.indices.contains { j in
                    abs(j - i) == 1 && units[j].taken.contains { $0.member == member }
                }
                return (steals ? 1 : 0, open > 0 ? 0 : 1, stable ? 0 : 1, adjacent ? 0 : 1, -open, i)
            }
            func record(_ i: Int, _ range: TimeRange, split: Bool, partial: Bool) {
                units[i].taken.append((member, range, false))
                dayLeft[units[i].date.dayNumber, default: 0] -= range.minutes
                halfDays.append(PlacedHalfDay(date: units[i].date, half: units[i].half, agent: agent.code, member: member,
                                              request: request, range: range, split: split, partial: partial))
                left -= range.minutes
            }
            // Whole half-days first, in the order of preference.
            while left > 0 {
                // Whole: the half-day as long as the window and what the agent's day leaves allow.
                let candidates = units.indices.filter {
                    units[$0].isFree && dayNumbers.contains(units[$0].date.dayNumber) && room(units[$0]) > 0 && room(units[$0]) <= left
                }
                guard let best = candidates.min(by: { score($0) < score($1) }) else { break }
                let u = units[best]
                record(best, TimeRange(start: u.window.start, end: u.window.start + room(u)), split: false, partial: false)
            }
            guard left > 0 else { continue }
            // The rest: beside what the member already has in a half-day (its rota slot, or its
            // incomplete half-day from another request), else one incomplete half-day, else a split one.
            if let i = units.indices.first(where: { i in
                dayNumbers.contains(units[i].date.dayNumber) && units[i].members == [member]
                    && extensionRange(units[i], minutes: left, dayLeft: dayLeft) != nil
            }), let range = extensionRange(units[i], minutes: left, dayLeft: dayLeft) {
                record(i, range, split: false, partial: false)
                continue
            }
            guard !partialUsed.contains(member) else {
                unplaced.append(UnplacedMinutes(date: days.max() ?? monday, agent: agent.code, request: request, minutes: left,
                                                reason: .onePartialPerWeek))
                continue
            }
            // One incomplete half-day: a free one, else the far end of one other member's
            // (split); when none holds all of it, the one that holds most, the rest unplaced.
            func placeFree(_ i: Int, _ minutes: Int) {
                let u = units[i]
                // At one end of the half-day (the other end stays whole for a second member),
                // the end that meets more of the opening hours.
                let early = TimeRange(start: u.window.start, end: u.window.start + minutes)
                let late = TimeRange(start: u.window.end - minutes, end: u.window.end)
                record(i, openMinutes(u.date, late) > openMinutes(u.date, early) ? late : early, split: false, partial: true)
            }
            func placeSplit(_ i: Int, _ range: TimeRange) {
                for taken in units[i].taken {
                    for h in halfDays.indices where halfDays[h].date == units[i].date && halfDays[h].range == taken.range {
                        halfDays[h].split = true
                    }
                }
                record(i, range, split: true, partial: true)
            }
            let beforePartial = left
            let free = units.indices.filter { units[$0].isFree && dayNumbers.contains(units[$0].date.dayNumber) && room(units[$0]) > 0 }
            let split = splitPlace(units, days: dayNumbers, member: member, minutes: left, dayLeft: dayLeft)
            if let best = free.filter({ room(units[$0]) >= left }).min(by: { score($0) < score($1) }) {
                placeFree(best, left)
            } else if let (i, range) = split, range.minutes == left {
                placeSplit(i, range)
            } else {
                let roomiest = free.max { (room(units[$0]), -$0) < (room(units[$1]), -$1) }
                let freeRoom = roomiest.map { room(units[$0]) } ?? 0
                if let roomiest, freeRoom >= (split?.1.minutes ?? 0) {
                    placeFree(roomiest, freeRoom)
                } else if let (i, range) = split {
                    placeSplit(i, range)
                }
                if left > 0 {
                    unplaced.append(UnplacedMinutes(date: days.max() ?? monday, agent: agent.code, request: request, minutes: left,
                                                    reason: .noHalfDayLeft))
                }
            }
            if left < beforePartial { partialUsed.insert(member) }
        }
        // Conflicts: a member placed where its town hall is closed while one of its open
        // half-days on its days went to another member; each such half-day is paired with one
        // contested half-day, in order, and the proposal opens the town hall where it was placed.
        var closedPlacements: [String: [PlacedHalfDay]] = [:]
        for h in halfDays where h.request != nil {
            guard let opening = members[h.member]?.openingHours, !opening.on(h.date.weekday).contains(where: { $0.overlaps(h.range) }),
                  closedPlacements[h.member]?.contains(where: { $0.date == h.date && $0.half == h.half }) != true else { continue }
            closedPlacements[h.member, default: []].append(h)
        }
        for member in closedPlacements.keys.sorted() {
            guard let opening = members[member]?.openingHours else { continue }
            let days = Set(allocations.filter { requestMember[$0.request] == member }.map(\.date.dayNumber))
            let contested = units.filter { u in
                days.contains(u.date.dayNumber) && !u.taken.isEmpty && !u.members.contains(member)
                    && opening.on(u.date.weekday).contains { $0.overlaps(u.window) }
            }
            for (u, placed) in zip(contested, (closedPlacements[member] ?? []).sorted { ($0.date, $0.half) < ($1.date, $1.half) }) {
                conflicts.append(HalfDayConflict(date: u.date, half: u.half, agent: agent.code, members: [u.members[0], member],
                                                 proposal: .init(member: member, weekday: placed.date.weekday,
                                                                 range: settings.window(placed.half))))
            }
        }
        halfDays.sort { ($0.date, $0.range.start, $0.member) < ($1.date, $1.range.start, $1.member) }
        return AgentWeek(agent: agent.code, monday: monday, halfDays: halfDays, unplaced: unplaced, conflicts: conflicts)
    }

    /// Minutes added next to what a member already has in a half-day (its rota slot, or its range
    /// from another request), inside the window and the day.
    private func extensionRange(_ u: Unit, minutes: Int, dayLeft: [Int: Int]) -> TimeRange? {
        guard minutes <= (dayLeft[u.date.dayNumber] ?? 0) else { return nil }
        let busy = u.taken.map(\.range).sorted()
        guard let first = busy.first, let last = busy.last else { return nil }
        if last.end + minutes <= u.window.end { return TimeRange(start: last.end, end: last.end + minutes) }
        if first.start - minutes >= u.window.start { return TimeRange(start: first.start - minutes, end: first.start) }
        return nil
    }

    /// A half-day held by one other member, with room for `minutes` the travel allowance away:
    /// the first that holds them all, else the one that holds most (nil when none holds any).
    private func splitPlace(_ units: [Unit], days: Set<Int>, member: String, minutes: Int, dayLeft: [Int: Int]) -> (Int, TimeRange)? {
        var best: (Int, TimeRange)?
        for (i, u) in units.enumerated() where days.contains(u.date.dayNumber) && u.members.count == 1 && u.members[0] != member {
            let busy = u.taken.map(\.range).sorted()
            guard let first = busy.first, let last = busy.last else { continue }
            let day = dayLeft[u.date.dayNumber] ?? 0
            let after = min(day, minutes, u.window.end - last.end - settings.travelMinutes)
            let before = min(day, minutes, first.start - u.window.start - settings.travelMinutes)
            let range: TimeRange
            if after >= before, after > 0 {
                range = TimeRange(start: u.window.end - after, end: u.window.end)
            } else if before > 0 {
                range = TimeRange(start: u.window.start, end: u.window.start + before)
            } else {
                continue
            }
            if range.minutes == minutes { return (i, range) }
            if range.minutes > (best?.1.minutes ?? 0) { best = (i, range) }
        }
        return best
    }

    // MARK: - Schedules

    /// The half-days of `request` in the weeks from `from` to `to` (default: its whole span).
    public func schedule(request: String, from: CalendarDate? = nil, to: CalendarDate? = nil) -> HalfDaySchedule? {
        guard let r = requests[request] else { return nil }
        let first = from ?? r.start
        let last = to ?? r.end
        var halfDays: [PlacedHalfDay] = []
        var unplaced: [UnplacedMinutes] = []
        var conflicts: [HalfDayConflict] = []
        let firstMonday = first.mondayOfWeek
        let lastMonday = last.mondayOfWeek
        for agent in agents(of: request, from: firstMonday, to: lastMonday) {
            var monday = firstMonday
            while monday <= lastMonday {
                if work[agent]?[monday.dayNumber]?.contains(where: { $0.request == request }) == true {
                    let w = week(agent: agent, monday: monday)
                    halfDays += w.halfDays.filter { $0.request == request && $0.date >= first && $0.date <= last }
                    unplaced += w.unplaced.filter { $0.request == request }
                    conflicts += w.conflicts.filter { $0.members.contains(r.member) }
                }
                monday = monday.adding(days: 7)
            }
        }
        halfDays.sort { ($0.date, $0.range.start, $0.agent) < ($1.date, $1.range.start, $1.agent) }
        // Opening hours left without anyone, on the request's working days in the window.
        var uncovered: [UncoveredOpening] = []
        if let opening = members[r.member]?.openingHours {
            var day = max(first, r.start)
            while day <= min(last, r.end) {
                if calendar.isWorkingDay(day) {
                    let placed = halfDays.filter { $0.date == day }.map(\.range)
                    for range in Self.free(opening.on(day.weekday), minus: placed) {
                        uncovered.append(UncoveredOpening(date: day, member: r.member, range: range))
                    }
                }
                day = day.adding(days: 1)
            }
        }
        return HalfDaySchedule(request: request, agent: nil, from: first, to: last, halfDays: halfDays, unplaced: unplaced,
                               uncoveredOpening: uncovered, conflicts: conflicts,
                               periods: Self.periods(halfDays, from: first, to: last))
    }

    /// One agent's half-days from `from` to `to`, every member, rota slots included.
    public func schedule(agent: String, from: CalendarDate, to: CalendarDate) -> HalfDaySchedule {
        var halfDays: [PlacedHalfDay] = []
        var unplaced: [UnplacedMinutes] = []
        var conflicts: [HalfDayConflict] = []
        var monday = from.mondayOfWeek
        while monday <= to {
            let w = week(agent: agent, monday: monday)
            halfDays += w.halfDays.filter { $0.date >= from && $0.date <= to }
            unplaced += w.unplaced.filter { $0.date >= from && $0.date <= to }
            conflicts += w.conflicts.filter { $0.date >= from && $0.date <= to }
            monday = monday.adding(days: 7)
        }
        return HalfDaySchedule(request: nil, agent: agent, from: from, to: to, halfDays: halfDays, unplaced: unplaced,
                               uncoveredOpening: [], conflicts: conflicts, periods: Self.periods(halfDays, from: from, to: to))
    }

    /// Consecutive weeks with the same pattern (weekday, half, agent, member, range) merged.
    static func periods(_ halfDays: [PlacedHalfDay], from: CalendarDate, to: CalendarDate) -> [SchedulePeriod] {
        var byWeek: [Int: [SchedulePeriod.Entry]] = [:]
        for h in halfDays {
            byWeek[h.date.mondayOfWeek.dayNumber, default: []].append(
                .init(weekday: h.date.weekday, half: h.half, agent: h.agent, member: h.member, range: h.range))
        }
        var periods: [SchedulePeriod] = []
        var lastMonday = Int.min
        for monday in byWeek.keys.sorted() {
            let pattern = (byWeek[monday] ?? []).sorted()
            let start = max(from, CalendarDate(dayNumber: monday))
            let end = min(to, CalendarDate(dayNumber: monday + 4))
            if let last = periods.last, last.pattern == pattern, lastMonday == monday - 7 {
                periods[periods.count - 1].to = end
            } else {
                periods.append(SchedulePeriod(from: start, to: end, pattern: pattern))
            }
            lastMonday = monday
        }
        return periods
    }
}
