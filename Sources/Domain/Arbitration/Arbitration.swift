/// The priority arbitration of rules.md §3: one working day at a time, capacity handed out
/// to urgent requests first (small communes first, shared fairly), then to running
/// replacements, then to new ones, summer requests last by tour de rôle.
public enum Arbitration {
    /// Decides every request of `territory` (implicit rota requests included), in id order,
    /// with the coordinator's assignments by hand it holds.
    public static func plan(_ territory: Territory) -> Plan {
        plan(territory, assignments: territory.assignments)
    }

    /// The plan when the coordinator has put some requests in an agent's hands by hand: on
    /// each day, such a request takes its need from that agent before anything else.
    public static func plan(_ territory: Territory, assignments: [ManualAssignment]) -> Plan {
        var engine = Engine(territory, assignments: assignments)
        engine.run()
        return engine.result()
    }
}

/// A coordinator's choice: this agent covers this request, before the rules share the rest.
public struct ManualAssignment: Hashable, Sendable {
    public var request: String
    public var agent: String

    public init(request: String, agent: String) {
        self.request = request
        self.agent = agent
    }
}

/// The mutable state of one run. Requests and agents are addressed by index for speed;
/// agent indices follow code order so "lowest code" is "lowest index".
private struct Engine {
    struct RequestState {
        let request: ReplacementRequest
        let isImplicit: Bool
        let small: Bool
        let admission: Admission
        let dailyNeed: Int
        let neededMinutes: Int
        let substitute: Int?
        /// The member's slot in `lastSummer` (its derived last summer replacement).
        let memberSlot: Int
        /// The agent the coordinator put in charge by hand, if any.
        var assigned: Int?
        /// Position in (received, id) order.
        var rank = 0
        var served = 0
        var started = false
        var preemptedOn: CalendarDate?
        var preemptedBy: String?
        var sharedWith: Set<String> = []
        /// Requests served before this one on days it was left short (at most five, the first
        /// in the day's order first): who went first, to say it by name.
        var wentFirst: [Int] = []
        var short = false
        var active = false
        /// The agent who gave the most minutes on the last served day.
        var preferredAgent: Int?
        /// The request this one renews (rules.md §8): until it is served itself, its preferred
        /// agent is the one who served the renewed request on its last served day.
        var renewed: Int?
        var open: [(agent: Int, from: Int, to: Int, minutes: Int)] = []
        var closed: [(agent: Int, from: Int, to: Int, minutes: Int)] = []
    }

    let calendar: HolidayCalendar
    let agents: [Agent]
    var requests: [RequestState] = []
    var days: [CalendarDate] = []
    var allocations: [DayAllocation] = []
    /// Capacity of each agent on each weekday before absences (daily minutes − rota minutes).
    var weekdayCapacity: [[Int]] = []
    var absentByDay: [Int: [Int]] = [:]
    /// Each member's last summer replacement as of the day being decided (rules.md §3.3.4): the
    /// stored year, or a later year in which one of its P4 requests received minutes on an
    /// earlier day; never replaced (−1) before any year. Indexed by `memberSlot`.
    var lastSummer: [Int] = []

    init(_ territory: Territory, assignments: [ManualAssignment] = []) {
        calendar = territory.service.calendar
        let convention = territory.service.convention
        agents = territory.agents.sorted { $0.code.precedesInByteOrder($1.code) }
        var agentIndex: [String: Int] = [:]
        for (i, agent) in agents.enumerated() { agentIndex[agent.code] = i }
        var members: [String: Member] = [:]
        for member in territory.members { members[member.code] = member }

        var slots: [String: Int] = [:]
        func slot(_ code: String) -> Int {
            if let known = slots[code] { return known }
            slots[code] = lastSummer.count
            lastSummer.append(members[code]?.lastSummerReplacement ?? -1)
            return lastSummer.count - 1
        }
        let implicit = ImplicitRotaRequests.make(agents: agents, calendar: calendar)
        requests.reserveCapacity(territory.requests.count + implicit.count)
        for request in territory.requests + implicit {
            let member = members[request.member]
            let isImplicit = ImplicitRotaRequests.isImplicit(request.id)
            let admission = isImplicit
                ? Admission(refusal: nil, effectiveEnd: request.end, capped: false, shortNotice: false, dailyNeed: request.dailyNeed)
                : Admission.check(request, member: member, calendar: calendar, convention: convention)
            let lastDay = admission.refusal == nil ? admission.effectiveEnd : request.end
            let workingDays = calendar.workingDayCount(from: request.start, to: lastDay)
            requests.append(RequestState(
                request: request, isImplicit: isImplicit, small: member.map(convention.isSmall) ?? false, admission: admission,
                dailyNeed: admission.dailyNeed,
                neededMinutes: admission.refusal == .invalidPeriod ? 0 : admission.dailyNeed * workingDays,
                substitute: member?.substituteAgent.flatMap { agentIndex[$0] },
                memberSlot: slot(request.member)))
        }
        let byReceived = requests.indices.sorted {
            let a = requests[$0].request, b = requests[$1].request
            return a.received != b.received ? a.received < b.received : a.id.precedesInByteOrder(b.id)
        }
        for (rank, i) in byReceived.enumerated() { requests[i].rank = rank }
        let renewals = territory.requests.contains { $0.renews != nil }
        if renewals || !assignments.isEmpty {
            var index: [String: Int] = [:]
            for (i, r) in requests.enumerated() { index[r.request.id] = i }
            for i in requests.indices {
                if let renews = requests[i].request.renews, let k = index[renews], k != i { requests[i].renewed = k }
            }
            for assignment in assignments {
                if let i = index[assignment.request], let agent = agentIndex[assignment.agent] { requests[i].assigned = agent }
            }
        }

        weekdayCapacity = Weekday.allCases.map { day in
            agents.map { agent in
                let rota = agent.rota.filter { $0.day == day }.reduce(0) { $0 + $1.time.minutes }
                return max(0, agent.dailyMinutes - rota)
            }
        }
        let admitted = requests.filter { $0.admission.refusal == nil }
        if let first = admitted.map(\.request.start).min(), let last = admitted.map(\.admission.effectiveEnd).max() {
            days = calendar.workingDays(from: first, to: last)
            for (i, agent) in agents.enumerated() {
                for absence in agent.absences where absence.to >= first && absence.from <= last {
                    var day = max(absence.from, first)
                    while day <= min(absence.to, last) {
                        absentByDay[day.dayNumber, default: []].append(i)
                        day = day.adding(days: 1)
                    }
                }
            }
        }
    }

    mutating func run() {
        let pending = requests.indices
            .filter { requests[$0].admission.refusal == nil && requests[$0].dailyNeed > 0 }
            .sorted { requests[$0].request.start < requests[$1].request.start }
        var next = 0
        var active: [Int] = []
        for (dayIndex, day) in days.enumerated() {
            var added = false
            while next < pending.count, requests[pending[next]].request.start <= day {
                active.append(pending[next])
                next += 1
                added = true
            }
            active.removeAll { requests[$0].admission.effectiveEnd < day || requests[$0].preemptedOn != nil }
            if added { active.sort { requests[$0].rank < requests[$1].rank } }
            arbitrate(day: day, dayIndex: dayIndex, active: active)
        }
    }

    /// Hands out one day's capacity in the order of rules.md §3.3.
    mutating func arbitrate(day: CalendarDate, dayIndex: Int, active: [Int]) {
        var capacity = weekdayCapacity[day.weekday.isoNumber - 1]
        for agent in absentByDay[day.dayNumber] ?? [] { capacity[agent] = 0 }
        var pool = CapacityHeap(capacity: capacity)
        var left = capacity.reduce(0, +)
        var given: [Int: [(agent: Int, minutes: Int)]] = [:]
        let groups = DayGroups(active, requests)
        // The order the day's capacity is handed out in: requests of one fair-share group share
        // a step; one served in an earlier step went first.
        var steps: [(request: Int, step: Int)] = []
        var step = 0
        func served(_ list: [Int], together: Bool) {
            for i in list {
                steps.append((i, step))
                if !together { step += 1 }
            }
            if together { step += 1 }
        }

        // 0. Requests the coordinator assigned by hand take from their agent first.
        for i in groups.assigned {
            let taken = pool.take(requests[i].dailyNeed, from: requests[i].assigned ?? 0)
            left -= taken
            given[i] = taken > 0 ? [(requests[i].assigned ?? 0, taken)] : []
        }
        served(groups.assigned, together: false)

        // 1. Urgent requests, small communes first, each size group shared fairly.
        var urgentTakers: [String] = []
        for group in [groups.urgentSmall, groups.urgentOther] {
            share(group, &pool, &left, &given)
            served(group, together: true)
            for i in group where !requests[i].isImplicit && (given[i]?.isEmpty == false) {
                urgentTakers.append(requests[i].request.id)
            }
        }
        let preemptor = urgentTakers.min { $0.precedesInByteOrder($1) }

        // 2. Running non-urgent replacements, one at a time; cut short by an urgent one, they end.
        for i in groups.running.sorted(by: { order($0) < order($1) }) {
            served([i], together: false)
            let need = requests[i].dailyNeed
            if left < need, let preemptor {
                requests[i].preemptedOn = day
                requests[i].preemptedBy = preemptor
                continue
            }
            given[i] = take(min(need, left), for: i, &pool, &left)
        }

        // 3. New absence and mission requests, by class, small communes first, shared fairly.
        for group in [groups.absenceSmall, groups.absenceOther, groups.missionSmall, groups.missionOther] {
            share(group, &pool, &left, &given)
            served(group, together: true)
        }

        // 4. New summer requests by tour de rôle, no sharing.
        let summer = groups.summer.sorted {
            (lastSummer[requests[$0].memberSlot], requests[$0].rank) < (lastSummer[requests[$1].memberSlot], requests[$1].rank)
        }
        for i in summer { given[i] = take(min(requests[i].dailyNeed, left), for: i, &pool, &left) }
        served(summer, together: false)

        record(day: day, dayIndex: dayIndex, active: active, given: given)
        noteWhoWentFirst(steps, given)
    }

    /// For each request left short today, the requests served in an earlier step that took
    /// minutes (up to five per request over its whole span, the earliest steps first).
    mutating func noteWhoWentFirst(_ steps: [(request: Int, step: Int)], _ given: [Int: [(agent: Int, minutes: Int)]]) {
        for (position, entry) in steps.enumerated() {
            let i = entry.request
            guard requests[i].preemptedOn == nil, requests[i].wentFirst.count < 5 else { continue }
            let total = (given[i] ?? []).reduce(0) { $0 + $1.minutes }
            guard total < requests[i].dailyNeed else { continue }
            for earlier in steps[..<position] where earlier.step < entry.step && requests[i].wentFirst.count < 5 {
                guard given[earlier.request]?.isEmpty == false, !requests[i].wentFirst.contains(earlier.request) else { continue }
                requests[i].wentFirst.append(earlier.request)
            }
        }
    }

    /// The day's active requests split in the groups of rules.md §3.3, each in received order.
    struct DayGroups {
        var urgentSmall: [Int] = [], urgentOther: [Int] = [], running: [Int] = []
        var absenceSmall: [Int] = [], absenceOther: [Int] = [], missionSmall: [Int] = [], missionOther: [Int] = []
        var summer: [Int] = [], assigned: [Int] = []

        init(_ active: [Int], _ requests: [RequestState]) {
            // Fields read in place: copying a request's state (its texts, periods, sets) for
            // every active request of every day was a tenth of the national arbitration.
            for i in active {
                if requests[i].assigned != nil {
                    assigned.append(i)
                    continue
                }
                let small = requests[i].small
                switch requests[i].request.priorityClass {
                case .urgent: small ? urgentSmall.append(i) : urgentOther.append(i)
                case _ where requests[i].started: running.append(i)
                case .absence: small ? absenceSmall.append(i) : absenceOther.append(i)
                case .mission: small ? missionSmall.append(i) : missionOther.append(i)
                case .summer: summer.append(i)
                }
            }
        }
    }

    func order(_ i: Int) -> (Int, Int, Int) { (requests[i].request.priorityClass.rawValue, requests[i].small ? 0 : 1, requests[i].rank) }

    /// Max-min fair sharing of what is left among `group` (already in received order). A
    /// request left short shares its agents' hours with the others of the group that took
    /// minutes from the same agents that day (`SHARED_WITH`).
    mutating func share(_ group: [Int], _ pool: inout CapacityHeap, _ left: inout Int,
                        _ given: inout [Int: [(agent: Int, minutes: Int)]]) {
        guard !group.isEmpty else { return }
        let shares = FairShare.share(left, among: group.map { requests[$0].dailyNeed })
        for (i, minutes) in zip(group, shares) { given[i] = take(minutes, for: i, &pool, &left) }
        let short = zip(group, shares).filter { $0.1 < requests[$0.0].dailyNeed }.map(\.0)
        guard !short.isEmpty, group.count > 1 else { return }
        var takers: [Int: [Int]] = [:]
        for i in group {
            for part in given[i] ?? [] { takers[part.agent, default: []].append(i) }
        }
        for i in short {
            for part in given[i] ?? [] {
                for j in takers[part.agent] ?? [] where j != i {
                    requests[i].sharedWith.insert(requests[j].request.id)
                }
            }
        }
    }

    /// Takes `minutes` for request `i`: its agent of the last served day, then the member's
    /// designated substitute, then repeatedly the agent with the most capacity left.
    mutating func take(_ minutes: Int, for i: Int, _ pool: inout CapacityHeap, _ left: inout Int) -> [(agent: Int, minutes: Int)] {
        var remaining = minutes
        var parts: [(agent: Int, minutes: Int)] = []
        func from(_ agent: Int) {
            let taken = pool.take(remaining, from: agent)
            guard taken > 0 else { return }
            remaining -= taken
            left -= taken
            if let k = parts.firstIndex(where: { $0.agent == agent }) { parts[k].minutes += taken } else {
                parts.append((agent, taken))
            }
        }
        if let preferred = requests[i].preferredAgent ?? requests[i].renewed.flatMap({ requests[$0].preferredAgent }) {
            from(preferred)
        }
        if remaining > 0, let substitute = requests[i].substitute { from(substitute) }
        while remaining > 0, let agent = pool.top { from(agent) }
        return parts
    }

    /// Books the day: totals, shortfalls, continuity agent and served periods.
    mutating func record(day: CalendarDate, dayIndex: Int, active: [Int], given: [Int: [(agent: Int, minutes: Int)]]) {
        for i in active where requests[i].preemptedOn == nil {
            let parts = given[i] ?? []
            let total = parts.reduce(0) { $0 + $1.minutes }
            if total < requests[i].dailyNeed { requests[i].short = true }
            guard total > 0 else { continue }
            requests[i].served += total
            requests[i].started = true
            // The tour de rôle moves on: from the next day, this member was replaced this summer.
            if requests[i].request.priorityClass == .summer {
                let m = requests[i].memberSlot
                lastSummer[m] = max(lastSummer[m], day.year)
            }
            requests[i].preferredAgent = parts.max { ($0.minutes, -$0.agent) < ($1.minutes, -$1.agent) }?.agent
            for part in parts {
                allocations.append(DayAllocation(date: day, agent: agents[part.agent].code,
                                                 request: requests[i].request.id, minutes: part.minutes))
                if let k = requests[i].open.firstIndex(where: { $0.agent == part.agent }) {
                    let period = requests[i].open[k]
                    if period.to == dayIndex - 1 && period.minutes == part.minutes {
                        requests[i].open[k].to = dayIndex
                        continue
                    }
                    requests[i].closed.append(period)
                    requests[i].open.remove(at: k)
                }
                requests[i].open.append((part.agent, dayIndex, dayIndex, part.minutes))
            }
        }
    }

    func result() -> Plan {
        let decisions = requests.map(decision).sorted { $0.id.precedesInByteOrder($1.id) }
        return Plan(decisions: decisions, allocations: allocations)
    }

    func decision(_ r: RequestState) -> RequestDecision {
        var reasons: [ReasonCode] = []
        if r.request.priorityClass == .urgent { reasons.append(.urgent) }
        if r.small { reasons.append(.smallCommune) }
        let status: DecisionStatus
        if let refusal = r.admission.refusal {
            reasons.append(.refused(refusal))
            status = .refused
        } else {
            if r.admission.shortNotice { reasons.append(.shortNotice) }
            if r.admission.capped { reasons.append(.capped) }
            if r.admission.cappedWeekly { reasons.append(.cappedWeekly) }
            if !r.sharedWith.isEmpty { reasons.append(.sharedWith(r.sharedWith.sorted { $0.precedesInByteOrder($1) })) }
            if let by = r.preemptedBy { reasons.append(.preemptedBy(by)) }
            if r.request.priorityClass == .summer { reasons.append(.tourDeRole) }
            if r.short { reasons.append(.noCapacity) }
            if r.preemptedOn != nil {
                status = .preempted
            } else if r.served >= r.neededMinutes {
                status = .granted
            } else {
                status = r.served == 0 ? .unserved : .partial
            }
        }
        let periods = (r.closed + r.open).map { p in
            ServedPeriod(from: days[p.from], to: days[p.to], agent: agents[p.agent].code, minutesPerDay: p.minutes)
        }.sorted { ($0.from, $0.agent) < ($1.from, $1.agent) }
        return RequestDecision(
            request: r.request, isImplicit: r.isImplicit, small: r.small, status: status,
            neededMinutes: r.neededMinutes, servedMinutes: r.served, preemptedOn: r.preemptedOn,
            capped: r.admission.capped, effectiveEnd: r.admission.effectiveEnd, reasons: reasons, periods: periods,
            wentFirst: r.wentFirst.map { requests[$0].request.id })
    }
}
