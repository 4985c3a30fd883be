import Domain
import GRDB

extension AppDatabase {
    /// The estimate of rules.md §6.1 for `decision`, read from the database for its member
    /// alone (the year's tariff, the member, its validated hours of the year): what `releve
    /// estimate` says, without reading the whole territory. Nil when the year has no tariff.
    public func costEstimate(for decision: RequestDecision) throws -> CostEstimate? {
        try read { db in
            let year = decision.request.start.year
            let tariffs = try TerritoryReader.tariffs(db)
            guard tariffs.contains(where: { $0.year == year }),
                  let member = try PlanWindowReader.members(db, [decision.request.member]).first else { return nil }
            var entries: [TimeEntry] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT minutes, date FROM time_entry WHERE member = ? AND validated = 1 AND date BETWEEN ? AND ?
                """, arguments: [member.code, "\(year)-01-01", "\(year)-12-31"]) {
                entries.append(TimeEntry(agent: "", member: member.code, date: CalendarDate.stored(row[1] as String), minutes: row[0], validated: true))
            }
            let small = Territory(service: try TerritoryReader.service(db), tariffs: tariffs, members: [member], timeEntries: entries)
            return CostEstimate.make(for: decision, territory: small)
        }
    }
}

extension AppDatabase {
    /// The tariffs of every year, by year.
    public func tariffs() throws -> [Tariff] { try read { db in try TerritoryReader.tariffs(db) } }
}
