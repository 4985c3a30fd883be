import Domain
import Testing

/// Builds small territories for arbitration tests, in the words of the rules.
final class Scenario {
    var territory = Territory(service: ServiceSettings(name: "Test"))

    static func day(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate.parseISO(iso) else {
            Issue.record("bad date \(iso)")
            return CalendarDate(dayNumber: 0)
        }
        return date
    }

    @discardableResult
    func member(_ code: String, population: Int = 300, single: Bool = true, since: String = "2020-01-01",
                         substitute: String? = nil, lastSummer: Int? = nil, opening: [Weekday: String] = [:]) -> Self {
        territory.members.append(Member(code: code, name: "Commune \(code)", population: population,
                                        singlePartTimeSecretary: single, memberSince: Self.day(since),
                                        substituteAgent: substitute, lastSummerReplacement: lastSummer,
                                        openingHours: OpeningHours(opening.compactMapValues(OpeningHours.parseDay))))
        return self
    }

    @discardableResult
    func agent(_ code: String, weekly: Int = 2100, rota: [RotaEntry] = [], absences: [Absence] = []) -> Self {
        territory.agents.append(Agent(code: code, name: "Agent \(code)", weeklyMinutes: weekly, rota: rota, absences: absences))
        return self
    }

    @discardableResult
    func request(_ id: String, _ member: String, _ motive: Motive, received: String, start: String, end: String,
                          weekly: Int, exceptional: Bool = false) -> Self {
        territory.requests.append(ReplacementRequest(
            id: id, member: member, motive: motive, received: Self.day(received), start: Self.day(start),
            end: Self.day(end), minutesPerWeek: weekly, exceptional: exceptional))
        return self
    }

    func plan() -> Plan { Arbitration.plan(territory) }

    /// The decision on `id` (a failed expectation when missing).
    func decision(_ id: String) -> RequestDecision? {
        let found = plan().decision(id)
        if found == nil { Issue.record("no decision for \(id)") }
        return found
    }

    /// Minutes given to `request` on `date`, by agent code.
    func given(_ request: String, on date: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for allocation in plan().allocations where allocation.request == request && allocation.date == Self.day(date) {
            result[allocation.agent, default: 0] += allocation.minutes
        }
        return result
    }
}
