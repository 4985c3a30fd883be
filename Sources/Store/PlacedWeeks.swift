import Domain
import Foundation

/// The half-day weeks (rules.md §5) placed for the planning grid's agents, kept between
/// windows while the stored plan stays the same: a week further on reads only the days after
/// the last week kept (stability reads it), so moving through the weeks costs one week of the
/// agents on screen, never their whole history again. Thread-safe.
public final class PlacedWeeks: @unchecked Sendable {
    private let lock = NSLock()
    private var placed: [String: [Int: AgentWeek]] = [:]
    private var planVersion = -1

    public init() {}

    /// The weeks of `agents` from the Monday of `from` to `to`, by agent then Monday's day
    /// number: the same weeks as a planner of the whole territory gives.
    public func weeks(of agents: [Agent], service: ServiceSettings, from: CalendarDate, to: CalendarDate,
                      in database: AppDatabase) throws -> [String: [Int: AgentWeek]] {
        lock.lock()
        defer { lock.unlock() }
        let codes = agents.map(\.code)
        let monday = from.mondayOfWeek
        for attempt in 0..<2 {
            // The last week kept before the first one asked, for every agent.
            let kept = codes.map { code in placed[code]?.keys.filter { $0 < monday.dayNumber }.max() }
            let seeded = attempt == 0 && !kept.contains(nil)
            let start = seeded ? CalendarDate(dayNumber: (kept.compactMap { $0 }.min() ?? 0) + 7) : CalendarDate(dayNumber: 0)
            let history = try database.storedAgentWork(agents: codes, from: start, to: to)
            if history.planVersion != planVersion {
                placed = [:]
                planVersion = history.planVersion
                if seeded { continue }
            }
            let planner = HalfDayPlanner(territory: Territory(service: service, members: history.members, agents: agents),
                                         plan: Plan(decisions: history.decisions, allocations: history.allocations))
            if seeded {
                for (code, day) in zip(codes, kept) { if let day, let week = placed[code]?[day] { planner.seed(week) } }
            }
            var result: [String: [Int: AgentWeek]] = [:]
            var week = monday
            while week <= to {
                for code in codes {
                    let placedWeek = placed[code]?[week.dayNumber] ?? planner.week(agent: code, monday: week)
                    result[code, default: [:]][week.dayNumber] = placedWeek
                    placed[code, default: [:]][week.dayNumber] = placedWeek
                }
                week = week.adding(days: 7)
            }
            return result
        }
        return [:]
    }
}
