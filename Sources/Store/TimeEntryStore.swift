import Domain
import GRDB

/// Which hours to list; every filter is optional.
public struct TimeEntryQuery: Sendable {
    public var agent: String?
    public var member: String?
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// Only the hours the coordinator validated (those billed).
    public var validatedOnly: Bool

    public init(agent: String? = nil, member: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil,
                validatedOnly: Bool = false) {
        self.agent = agent
        self.member = member
        self.from = from
        self.to = to
        self.validatedOnly = validatedOnly
    }

    /// The matching entries by date, agent, member and id.
    func fetch(_ db: Database) throws -> [TimeEntry] {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let agent { clauses.append("agent = ?"); arguments += [agent] }
        if let member { clauses.append("member = ?"); arguments += [member] }
        if let from { clauses.append("date >= ?"); arguments += [from.iso] }
        if let to { clauses.append("date <= ?"); arguments += [to.iso] }
        if validatedOnly { clauses.append("validated = 1") }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        // Columns by position: exports read every entry of a national territory.
        let sql = "SELECT id, agent, member, date, minutes, request, validated FROM time_entry \(filter) ORDER BY id"
        var entries: [TimeEntry] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let date: String = row[3]
            entries.append(TimeEntry(id: row[0], agent: row[1], member: row[2],
                                     date: CalendarDate.stored(date), minutes: row[4],
                                     request: row[5], validated: row[6]))
        }
        return entries
    }
}

extension AppDatabase {
    /// Records hours worked, after checking them against the database (agent, member and
    /// membership that day, mission, at most 24:00 a day for the agent), in one transaction.
    /// `location` names the option of each field for messages (`--agent`, `--hours`...).
    /// Returns the stored entry with its id.
    public func logHours(_ entry: TimeEntry, location: @escaping @Sendable (String) -> String) throws -> TimeEntry {
        try write { db in
            let known = try KnownRecords.fetch(db, naming: entry)
            var errors = TerritoryValidation.problems(of: entry, known: known, path: location)
            if errors.isEmpty, let problem = try Self.missionSpanProblem(db, entry, location: location) { errors.append(problem) }
            if errors.isEmpty {
                let already = try Int.fetchOne(db, sql: "SELECT coalesce(sum(minutes), 0) FROM time_entry WHERE agent = ? AND date = ?",
                                               arguments: [entry.agent, entry.date.iso]) ?? 0
                if already + entry.minutes > TimeEntry.maximumMinutes {
                    errors.append(DataError(location("hours"), .dayOverfull(agent: entry.agent, date: entry.date, minutes: already + entry.minutes)))
                }
            }
            guard errors.isEmpty else { throw InvalidTerritory(errors) }
            var stored = entry
            stored.id = nil
            try TerritoryWriter(db: db).writeTimeEntry(stored)
            stored.id = db.lastInsertedRowID
            return stored
        }
    }

    /// What the stored plan gives `agent` at `member` on `date` (its minutes there and its rota
    /// slots, none when away or on a holiday), and the minutes logged there that day.
    public func dayAtMember(agent: String, member: String, date: CalendarDate) throws -> (planned: Int, logged: Int) {
        try ensurePlan()
        return try read { db in
            let work = try PlanWindowReader.allocations(db, agents: [agent], from: date, to: date)
            var planned = work.filter { $0.member == member }.reduce(0) { $0 + $1.allocation.minutes }
            if let record = try PlanWindowReader.agents(db, [agent]).first, record.absence(on: date) == nil,
               try TerritoryReader.service(db).calendar.isWorkingDay(date) {
                planned += record.rota.filter { $0.member == member && $0.day == date.weekday }.reduce(0) { $0 + $1.time.minutes }
            }
            let logged = try Int.fetchOne(db, sql: "SELECT coalesce(sum(minutes), 0) FROM time_entry WHERE agent = ? AND member = ? AND date = ?",
                                          arguments: [agent, member, date.iso]) ?? 0
            return (planned, logged)
        }
    }

    /// Hours logged for a mission must fall within its span (issue 12): an entry dated before
    /// the mission starts or after it ends is refused, saying the mission's dates. Imports of
    /// whole territories are not checked this way (their history is what it is).
    static func missionSpanProblem(_ db: Database, _ entry: TimeEntry, location: (String) -> String) throws -> DataError? {
        guard let request = entry.request,
              let row = try Row.fetchOne(db, sql: "SELECT start_date, end_date FROM request WHERE id = ?", arguments: [request]) else { return nil }
        let start = CalendarDate.stored(row[0] as String), end = CalendarDate.stored(row[1] as String)
        guard entry.date < start || entry.date > end else { return nil }
        return DataError(location("date"), .outsideMission(request: request, date: entry.date, start: start, end: end))
    }

    /// The hours matching `query`, by id.
    public func timeEntries(_ query: TimeEntryQuery) throws -> [TimeEntry] {
        try read { db in try query.fetch(db) }
    }

    /// The entries of `ids` as they are now (a deleted one is absent), by primary key.
    public func timeEntries(ids: Set<Int64>) throws -> [TimeEntry] {
        guard !ids.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, agent, member, date, minutes, request, validated FROM time_entry
                WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id
                """, arguments: ["[" + ids.map(String.init).joined(separator: ",") + "]"]).map { row in
                let date: String = row[3]
                return TimeEntry(id: row[0], agent: row[1], member: row[2], date: CalendarDate.stored(date),
                                 minutes: row[4], request: row[5], validated: row[6])
            }
        }
    }

    /// Names of agents and members by code, for readable listings.
    public func names() throws -> (agents: [String: String], members: [String: String]) {
        try read { db in
            var agents: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, name FROM agent") { agents[row["code"]] = row["name"] }
            var members: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, name FROM member") { members[row["code"]] = row["name"] }
            return (agents, members)
        }
    }
}

extension AppDatabase {
    /// What `HoursWarnings` needs about one agent's day, without reading the whole territory:
    /// the service (its holidays), the agent with its absences, and the members named (for
    /// their names), each read by code.
    public func warningContext(agent code: String, members: [String] = []) throws -> Territory {
        try read { db in
            let agents = try PlanWindowReader.agents(db, [code])
            return Territory(service: try TerritoryReader.service(db), members: try PlanWindowReader.members(db, members), agents: agents)
        }
    }
}
