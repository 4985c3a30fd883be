/// What choosing an agent by hand for a request would do (issue: suggestions for the
/// coordinator): the minutes the request would gain and who would lose which minutes.
public struct AgentSuggestion: Hashable, Sendable {
    public struct Loss: Hashable, Sendable {
        public var request: String
        public var minutes: Int
        /// True when the change would end that request (pre-emption).
        public var preempted: Bool

        public init(request: String, minutes: Int, preempted: Bool) {
            self.request = request
            self.minutes = minutes
            self.preempted = preempted
        }
    }

    public var agent: String
    public var gainedMinutes: Int
    /// Other requests that would be served less, most minutes lost first.
    public var losses: [Loss]

    public var lostMinutes: Int { losses.reduce(0) { $0 + $1.minutes } }
}

public enum Suggestions {
    /// For a request that is not fully served: the agents who could cover more of it, each
    /// with what it would cost the others, best first (fewest minutes lost by others, then
    /// most gained, then code). Only the `limit` agents with the most free capacity over the
    /// request's span are tried (each try reruns the arbitration).
    public static func make(for requestID: String, territory: Territory, plan: Plan, limit: Int = 5) -> [AgentSuggestion] {
        guard let decision = plan.decision(requestID), decision.status != .refused, decision.status != .granted,
              decision.status != .preempted else { return [] }
        let calendar = territory.service.calendar
        let days = calendar.workingDays(from: decision.request.start, to: decision.effectiveEnd)
        var used: [String: Int] = [:]
        for allocation in plan.allocations where allocation.date >= decision.request.start && allocation.date <= decision.effectiveEnd {
            used[allocation.agent, default: 0] += allocation.minutes
        }
        // Agents present on the request's days, by free capacity over the span, then code.
        let candidates = territory.agents.map { agent -> (code: String, capacity: Int, free: Int) in
            let capacity = days.reduce(0) { total, day in
                guard agent.absence(on: day) == nil else { return total }
                let rota = agent.rota.filter { $0.day == day.weekday }.reduce(0) { $0 + $1.time.minutes }
                return total + max(0, agent.dailyMinutes - rota)
            }
            return (agent.code, capacity, capacity - (used[agent.code] ?? 0))
        }
        .filter { $0.capacity > 0 }
        .sorted { $0.free != $1.free ? $0.free > $1.free : $0.code.precedesInByteOrder($1.code) }
        .prefix(limit)

        let before = Dictionary(plan.decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var suggestions: [AgentSuggestion] = []
        for candidate in candidates {
            let trial = Arbitration.plan(territory, assignments: territory.assignments.filter { $0.request != requestID }
                + [ManualAssignment(request: requestID, agent: candidate.code)])
            guard let after = trial.decision(requestID) else { continue }
            let gained = after.servedMinutes - decision.servedMinutes
            guard gained > 0 else { continue }
            let losses = trial.decisions.compactMap { other -> AgentSuggestion.Loss? in
                guard other.id != requestID, let old = before[other.id] else { return nil }
                let lost = old.servedMinutes - other.servedMinutes
                guard lost > 0 else { return nil }
                return AgentSuggestion.Loss(request: other.id, minutes: lost,
                                            preempted: other.status == .preempted && old.status != .preempted)
            }.sorted { $0.minutes != $1.minutes ? $0.minutes > $1.minutes : $0.request.precedesInByteOrder($1.request) }
            suggestions.append(AgentSuggestion(agent: candidate.code, gainedMinutes: gained, losses: losses))
        }
        return suggestions.sorted {
            if $0.lostMinutes != $1.lostMinutes { return $0.lostMinutes < $1.lostMinutes }
            if $0.gainedMinutes != $1.gainedMinutes { return $0.gainedMinutes > $1.gainedMinutes }
            return $0.agent.precedesInByteOrder($1.agent)
        }
    }
}
