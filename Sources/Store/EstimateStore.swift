import Domain
import GRDB

extension AppDatabase {
    /// The estimate of rules.md §6.1 for `decision` under the service's scheme, read from the
    /// database for its member alone (the year's tariff, the member, its validated hours of the
    /// year) and, under agent_cost, the agents' names and hourly costs: what `releve estimate`
    /// says, without reading the whole territory. Nil when the request is refused; the failure
    /// says what the scheme lacks (a tariff, its amounts, an agent's hourly cost).
    public func costEstimateResult(for decision: RequestDecision) throws -> Result<CostEstimate, CostEstimateMissing>? {
        try read { db in
            let year = decision.request.start.year
            let tariffs = try TerritoryReader.tariffs(db)
            guard let member = try PlanWindowReader.members(db, [decision.request.member]).first else { return nil }
            let service = try TerritoryReader.service(db)
            var entries: [TimeEntry] = []
            if service.billing == .feeAndHourly {
                for row in try Row.fetchAll(db, sql: """
                    SELECT minutes, date FROM time_entry WHERE member = ? AND validated = 1 AND date BETWEEN ? AND ?
                    """, arguments: [member.code, "\(year)-01-01", "\(year)-12-31"]) {
                    entries.append(TimeEntry(agent: "", member: member.code, date: CalendarDate.stored(row[1] as String), minutes: row[0], validated: true))
                }
            }
            var agents: [Agent] = []
            if service.billing == .agentCost {
                for row in try Row.fetchAll(db, sql: "SELECT code, name, weekly_minutes, hourly_cost_cents FROM agent ORDER BY code") {
                    agents.append(Agent(code: row[0], name: row[1], weeklyMinutes: row[2], hourlyCostCents: row[3]))
                }
            }
            let small = Territory(service: service, tariffs: tariffs, members: [member], agents: agents, timeEntries: entries)
            return CostEstimate.evaluate(for: decision, territory: small)
        }
    }

    /// The estimate of `decision`; nil when it is refused or the data lacks what the scheme needs.
    public func costEstimate(for decision: RequestDecision) throws -> CostEstimate? {
        try costEstimateResult(for: decision).flatMap { try? $0.get() }
    }
}

extension AppDatabase {
    /// The tariffs of every year, by year.
    public func tariffs() throws -> [Tariff] { try read { db in try TerritoryReader.tariffs(db) } }
}
