/// The requests born of a rota agent's absence (rules.md §4): on each working day of the
/// absence that is a rota day, the member gets a one-day request for the rota minutes.
public enum ImplicitRotaRequests {
    /// The prefix of implicit request ids: `ROTA:<agent>:<member>:<date>`.
    public static let prefix = "ROTA:"

    /// Every implicit request of `agents`, one per agent, member and working day.
    public static func make(agents: [Agent], calendar: HolidayCalendar) -> [ReplacementRequest] {
        var requests: [ReplacementRequest] = []
        for agent in agents where !agent.rota.isEmpty {
            for absence in agent.absences {
                let motive: Motive
                switch absence.kind {
                case .maladie: motive = .maladie
                case .maternite: motive = .maternite
                case .accident: motive = .accident
                case .conges, .formation, .autre: motive = .autreAbsence
                }
                for day in calendar.workingDays(from: absence.from, to: absence.to) {
                    var minutesByMember: [String: Int] = [:]
                    for entry in agent.rota where entry.day == day.weekday {
                        minutesByMember[entry.member, default: 0] += entry.time.minutes
                    }
                    for (member, minutes) in minutesByMember.sorted(by: { $0.key < $1.key }) {
                        // One day at `minutes` a day: minutes per week = 5 × the day's need.
                        requests.append(ReplacementRequest(
                            id: "\(prefix)\(agent.code):\(member):\(day.iso)", member: member, motive: motive,
                            received: absence.from, start: day, end: day, minutesPerWeek: minutes * 5,
                            exceptional: true))
                    }
                }
            }
        }
        return requests
    }

    public static func isImplicit(_ id: String) -> Bool { id.hasPrefix(prefix) }

    /// The absent agent whose rota an implicit request covers (`ROTA:<agent>:<member>:<date>`).
    public static func agent(of id: String) -> String? {
        guard isImplicit(id) else { return nil }
        let parts = id.split(separator: ":")
        return parts.count > 1 ? String(parts[1]) : nil
    }
}
