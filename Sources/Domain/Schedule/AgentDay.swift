/// One agent's working day as the planning grid shows it: which members (and requests) fall in
/// the morning and which in the afternoon, and how many minutes the members' opening hours
/// cannot hold. Pure: the caller gives the day's stored minutes and how to find members.
public enum AgentDay {
    /// Work at one member in a half-day: a rota slot (`request` nil) or a request's minutes.
    public struct Part: Equatable, Sendable {
        public var member: String
        public var request: String?
        /// The rota slot's hours, for a rota part.
        public var rota: TimeRange?
    }

    /// Rota first at its own time (before or after `WeeklySchedule.noon`), then the
    /// arbitration's minutes in priority order, morning first until half the agent's day is
    /// filled; a request that straddles noon is in both halves.
    public static func split(agent: Agent, day: CalendarDate, work: [(request: String, minutes: Int)],
                             memberOf: (String) -> String) -> (morning: [Part], afternoon: [Part]) {
        var morning: [Part] = [], afternoon: [Part] = []
        var morningLeft = agent.dailyMinutes / 2
        for entry in agent.rota where entry.day == day.weekday {
            let part = Part(member: entry.member, request: nil, rota: entry.time)
            if entry.time.start < WeeklySchedule.noon {
                morning.append(part)
                morningLeft -= entry.time.minutes
            } else {
                afternoon.append(part)
            }
        }
        for item in work {
            let part = Part(member: memberOf(item.request), request: item.request, rota: nil)
            if morningLeft > 0 {
                morning.append(part)
                morningLeft -= item.minutes
                if morningLeft < 0 { afternoon.append(part) }
            } else {
                afternoon.append(part)
            }
        }
        return (morning, afternoon)
    }

    /// Minutes of the agent's day that cannot be placed in the members' opening hours around
    /// her rota, if any; members without opening hours on record are not judged.
    public static func openingConflict(agent: Agent, day: CalendarDate, duties: [(decision: RequestDecision, minutes: Int)],
                                       member: (String) -> Member?) -> Int? {
        var busy = agent.rota.filter { $0.day == day.weekday }.map(\.time)
        var missing = 0
        for (decision, minutes) in duties.sorted(by: { WeeklySchedule.placementOrder($0.decision, $1.decision) }) {
            guard let member = member(decision.request.member), member.openingHours.weeklyMinutes > 0 else { continue }
            let placed = WeeklySchedule.place(minutes, in: member.openingHours.on(day.weekday), avoiding: busy)
            busy += placed
            missing += minutes - placed.reduce(0) { $0 + $1.minutes }
        }
        return missing > 0 ? missing : nil
    }
}
