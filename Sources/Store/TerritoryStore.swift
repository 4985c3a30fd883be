import Domain
import GRDB

/// Raised when a territory (a file, a generated territory) breaks the rules: nothing was written.
public struct InvalidTerritory: Error, Localized {
    public let errors: [DataError]

    public init(_ errors: [DataError]) { self.errors = errors }

    /// The first problem, and how many more there are.
    public func message(in l: Language) -> String {
        guard let first = errors.first else { return "" }
        let more = errors.count - 1
        let tail = more == 0 ? "" : l.pick(" (et \(more) autre\(more > 1 ? "s" : "") erreur\(more > 1 ? "s" : ""))",
                                            " (and \(more) more error\(more > 1 ? "s" : ""))")
        return first.message(in: l) + tail
    }
}

/// Reads and writes whole territories: the single path by which `import`, `gen` and the demo
/// put data in, and by which `export` takes it out.
extension AppDatabase {
    /// Validates `territory` against the database and upserts it, all in one transaction:
    /// records are matched by code (or id) and updated, others are added, nothing is deleted.
    /// Throws `InvalidTerritory` (and writes nothing) when any rule is broken.
    public func save(_ territory: Territory) throws {
        try write { db in
            let known = try KnownRecords.fetch(db, naming: territory)
            let errors = TerritoryValidation.problems(in: territory, existing: known)
            guard errors.isEmpty else { throw InvalidTerritory(errors) }
            try TerritoryWriter(db: db).write(territory)
        }
    }

    /// The whole territory, every list in a stable order (codes, ids, dates).
    public func loadTerritory() throws -> Territory {
        try read { db in try TerritoryReader.read(db) }
    }

    /// What the arbitration needs: the territory without its hours (the largest table), and
    /// without opening hours unless asked (schedules need them, the arbitration does not).
    public func loadPlanningTerritory(openingHours: Bool = false) throws -> Territory {
        try read { db in try TerritoryReader.read(db, withHours: false, withOpeningHours: openingHours) }
    }

    /// What the database holds among the agents, members and requests a command names.
    public func knownRecords(agents: Set<String> = [], members: Set<String> = [], requests: Set<String> = []) throws -> KnownRecords {
        try read { db in try KnownRecords.fetch(db, agents: agents, members: members, requests: requests) }
    }
}

extension KnownRecords {
    /// The records the database holds among those `territory` names (its own codes and ids, and
    /// the agents, members and requests they refer to), read by code through the indexes: a
    /// write that names three records reads three, whatever the territory's size.
    static func fetch(_ db: Database, naming territory: Territory) throws -> KnownRecords {
        var agents = Set<String>(), members = Set<String>(), requests = Set<String>()
        for member in territory.members {
            members.insert(member.code)
            for agent in [member.referentAgent, member.substituteAgent].compactMap({ $0 }) { agents.insert(agent) }
        }
        for agent in territory.agents {
            agents.insert(agent.code)
            for entry in agent.rota { members.insert(entry.member) }
        }
        for request in territory.requests {
            members.insert(request.member)
            requests.insert(request.id)
            if let renewed = request.renews { requests.insert(renewed) }
        }
        for evaluation in territory.evaluations { requests.insert(evaluation.request) }
        for person in territory.people {
            if let member = person.member { members.insert(member) }
            if let agent = person.agent { agents.insert(agent) }
        }
        var people = Set<String>()
        for call in territory.helpline {
            if let member = call.member { members.insert(member) }
            for id in [call.caller, call.answeredBy].compactMap({ $0 }) { people.insert(id) }
        }
        if !people.isEmpty {
            var known = try fetch(db, agents: agents, members: members, requests: requests)
            known.people = Set(try String.fetchAll(db, sql: "SELECT id FROM person WHERE id IN (SELECT value FROM json_each(?))",
                                                   arguments: [PlanWindowReader.jsonArray(Array(people))]))
            return known
        }
        for assignment in territory.assignments { agents.insert(assignment.agent) }
        for entry in territory.timeEntries {
            agents.insert(entry.agent)
            members.insert(entry.member)
            if let request = entry.request { requests.insert(request) }
        }
        return try fetch(db, agents: agents, members: members, requests: requests)
    }

    /// The records among those one time entry names.
    static func fetch(_ db: Database, naming entry: TimeEntry) throws -> KnownRecords {
        try fetch(db, agents: [entry.agent], members: [entry.member], requests: Set([entry.request].compactMap { $0 }))
    }

    static func fetch(_ db: Database, agents: Set<String>, members: Set<String>, requests: Set<String>) throws -> KnownRecords {
        let known = Set(agents.isEmpty ? [] : try String.fetchAll(db, sql: "SELECT code FROM agent WHERE code IN (SELECT value FROM json_each(?))",
                                                                 arguments: [PlanWindowReader.jsonArray(Array(agents))]))
        var byCode: [String: Member] = [:]
        for member in try PlanWindowReader.members(db, Array(members)) { byCode[member.code] = member }
        var owners: [String: String] = [:]
        if !requests.isEmpty {
            for row in try Row.fetchAll(db, sql: "SELECT id, member FROM request WHERE id IN (SELECT value FROM json_each(?))",
                                        arguments: [PlanWindowReader.jsonArray(Array(requests))]) {
                owners[row[0]] = row[1]
            }
        }
        return KnownRecords(agents: known, members: byCode, requestMembers: owners)
    }
}

/// Writes a validated territory with prepared statements (fast enough for 35,000 members).
struct TerritoryWriter {
    let db: Database

    func write(_ t: Territory) throws {
        try writeService(t.service)
        for tariff in t.tariffs { try writeTariff(tariff) }
        // Agents first (members name them), then members, then what names both.
        for agent in t.agents { try writeAgentRow(agent) }
        for member in t.members { try writeMember(member) }
        for agent in t.agents { try writeRotaAndAbsences(agent) }
        for request in t.requests { try writeRequest(request) }
        try writeAssignments(t)
        for entry in t.timeEntries { try writeTimeEntry(entry) }
        for evaluation in t.evaluations { try writeEvaluation(evaluation) }
        for person in t.people { try writePerson(person) }
        for call in t.helpline { try writeHelplineCall(call) }
    }

    /// Inserts the evaluation of its request, or replaces the one recorded.
    func writePerson(_ p: Person) throws {
        try db.cachedStatement(sql: """
            INSERT INTO person (id, name, role, member, agent, phone, email, referent, domains)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, role = excluded.role, member = excluded.member,
                agent = excluded.agent, phone = excluded.phone, email = excluded.email, referent = excluded.referent,
                domains = excluded.domains, version = version + 1
            """).execute(arguments: [p.id, p.name, p.role.rawValue, p.member, p.agent, p.phone, p.email, p.referent,
                                     p.domains.map(\.rawValue).joined(separator: ",")])
    }

    func writeHelplineCall(_ c: HelplineCall) throws {
        try db.cachedStatement(sql: """
            INSERT INTO helpline_call (id, at, caller, member, domain, summary, answered_by, minutes, status, answer)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET at = excluded.at, caller = excluded.caller, member = excluded.member,
                domain = excluded.domain, summary = excluded.summary, answered_by = excluded.answered_by,
                minutes = excluded.minutes, status = excluded.status, answer = excluded.answer, version = version + 1
            """).execute(arguments: [c.id, c.at, c.caller, c.member, c.domain.rawValue, c.summary, c.answeredBy, c.minutes,
                                     c.status.rawValue, c.answer])
    }

    func writeEvaluation(_ e: Evaluation) throws {
        try db.cachedStatement(sql: """
            INSERT INTO evaluation (request, received, quality, adaptation, relations, punctuality, overall, again, comment)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(request) DO UPDATE SET received = excluded.received, quality = excluded.quality,
                adaptation = excluded.adaptation, relations = excluded.relations, punctuality = excluded.punctuality,
                overall = excluded.overall, again = excluded.again, comment = excluded.comment, version = version + 1
            """).execute(arguments: [e.request, e.received.iso, e.scores.quality, e.scores.adaptation, e.scores.relations,
                                     e.scores.punctuality, e.scores.overall, e.again, e.comment])
    }

    /// Each request of `t` gets the assignment `t` gives it, or none.
    func writeAssignments(_ t: Territory) throws {
        guard !t.requests.isEmpty else { return }
        var byRequest: [String: String] = [:]
        for a in t.assignments { byRequest[a.request] = a.agent }
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO assignment (request, agent) VALUES (?, ?) ON CONFLICT(request) DO UPDATE SET agent = excluded.agent
            WHERE agent IS NOT excluded.agent
            """)
        let remove = try db.cachedStatement(sql: "DELETE FROM assignment WHERE request = ?")
        for request in t.requests {
            if let agent = byRequest[request.id] { try upsert.execute(arguments: [request.id, agent]) } else {
                try remove.execute(arguments: [request.id])
            }
        }
    }

    func writeService(_ s: ServiceSettings) throws {
        try db.execute(sql: """
            UPDATE service SET name = ?, holidays = ?, billing = ?, annual_working_days = ?, epci = ?,
                issuer_name = ?, issuer_title = ?, legal_basis = ?, address = ?, payment_days = ?,
                accountant = ?, convention = json(?), convention_end = ?, version = version + 1
            WHERE id = 1
            """, arguments: [s.name, s.holidays.rawValue, s.billing.rawValue, s.annualWorkingDays, s.epci,
                             s.issuerName, s.issuerTitle, s.legalBasis, s.address, s.paymentDays, s.accountant,
                             TerritoryEncoder.storedConvention(s.convention), s.conventionEnd?.iso])
    }

    func writeTariff(_ t: Tariff) throws {
        try db.execute(sql: """
            INSERT INTO tariff (year, hourly_rate_cents, minutes_per_day, fee_exempt, day_rate_cents, day_minutes,
                                extra_hourly_rate_cents, cost_coefficient_hundredths, monthly_agent_fee_cents)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(year) DO UPDATE SET hourly_rate_cents = excluded.hourly_rate_cents,
                minutes_per_day = excluded.minutes_per_day, fee_exempt = excluded.fee_exempt,
                day_rate_cents = excluded.day_rate_cents, day_minutes = excluded.day_minutes,
                extra_hourly_rate_cents = excluded.extra_hourly_rate_cents,
                cost_coefficient_hundredths = excluded.cost_coefficient_hundredths,
                monthly_agent_fee_cents = excluded.monthly_agent_fee_cents,
                version = version + 1
            """, arguments: [t.year, t.hourlyRateCents, t.minutesPerDay, t.feeExempt, t.dayRate?.dayRateCents,
                             t.dayRate?.dayMinutes, t.dayRate?.extraHourlyRateCents, t.agentCost?.coefficientHundredths,
                             t.agentCost?.monthlyAgentFeeCents])
        try db.execute(sql: "DELETE FROM tariff_band WHERE year = ?", arguments: [t.year])
        for (position, band) in t.bands.enumerated() {
            try db.execute(sql: """
                INSERT INTO tariff_band (year, position, min_population, max_population, annual_fee_cents, prepaid_days)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [t.year, position, band.minPopulation, band.maxPopulation, band.annualFeeCents, band.prepaidDays])
        }
    }

    func writeAgentRow(_ a: Agent) throws {
        try db.cachedStatement(sql: """
            INSERT INTO agent (code, name, weekly_minutes, rtt_days_per_year, annual_cost_cents, hourly_cost_cents)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, weekly_minutes = excluded.weekly_minutes,
                rtt_days_per_year = excluded.rtt_days_per_year, annual_cost_cents = excluded.annual_cost_cents,
                hourly_cost_cents = excluded.hourly_cost_cents, version = version + 1
            """).execute(arguments: [a.code, a.name, a.weeklyMinutes, a.rttDaysPerYear, a.annualCostCents, a.hourlyCostCents])
    }

    func writeMember(_ m: Member) throws {
        let p = m.membership
        try db.cachedStatement(sql: """
            INSERT INTO member (code, name, kind, population, single_part_time_secretary, member_since, member_until,
                referent_agent, substitute_agent, last_summer_replacement, deliberation_date, hosts_immersion,
                referent_volunteer, non_recruitment_until, left_on, left_ground, mayor, address, phone, email)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                population = excluded.population, single_part_time_secretary = excluded.single_part_time_secretary,
                member_since = excluded.member_since, member_until = excluded.member_until,
                referent_agent = excluded.referent_agent, substitute_agent = excluded.substitute_agent,
                last_summer_replacement = excluded.last_summer_replacement,
                deliberation_date = excluded.deliberation_date, hosts_immersion = excluded.hosts_immersion,
                referent_volunteer = excluded.referent_volunteer, non_recruitment_until = excluded.non_recruitment_until,
                left_on = excluded.left_on, left_ground = excluded.left_ground, mayor = excluded.mayor,
                address = excluded.address, phone = excluded.phone, email = excluded.email, version = version + 1
            """).execute(arguments: [m.code, m.name, m.kind.rawValue, m.population, m.singlePartTimeSecretary,
                                     m.memberSince.iso, m.memberUntil?.iso, m.referentAgent, m.substituteAgent,
                                     m.lastSummerReplacement, p.deliberationDate?.iso, p.hostsImmersion,
                                     p.referentVolunteer, p.nonRecruitmentUntil?.iso, p.leftOn?.iso,
                                     p.leftGround?.rawValue, p.mayor, p.address, p.phone, p.email])
        try db.cachedStatement(sql: "DELETE FROM opening_range WHERE member = ?").execute(arguments: [m.code])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO opening_range (member, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)
            """)
        for day in Weekday.allCases {
            for range in m.openingHours.on(day) {
                try insert.execute(arguments: [m.code, day.isoNumber, range.start, range.end])
            }
        }
    }

    func writeRotaAndAbsences(_ a: Agent) throws {
        try db.cachedStatement(sql: "DELETE FROM rota_entry WHERE agent = ?").execute(arguments: [a.code])
        try db.cachedStatement(sql: "DELETE FROM absence WHERE agent = ?").execute(arguments: [a.code])
        let rota = try db.cachedStatement(sql: """
            INSERT INTO rota_entry (agent, member, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?, ?)
            """)
        for entry in a.rota {
            try rota.execute(arguments: [a.code, entry.member, entry.day.isoNumber, entry.time.start, entry.time.end])
        }
        let absence = try db.cachedStatement(sql: "INSERT INTO absence (agent, from_date, to_date, kind) VALUES (?, ?, ?, ?)")
        for entry in a.absences {
            try absence.execute(arguments: [a.code, entry.from.iso, entry.to.iso, entry.kind.rawValue])
        }
    }

    func writeRequest(_ r: ReplacementRequest) throws {
        try db.cachedStatement(sql: """
            INSERT INTO request (id, member, motive, received, start_date, end_date, minutes_per_week, exceptional, missions,
                                 renews, staff_fte, answer_date, answer_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET member = excluded.member, motive = excluded.motive,
                received = excluded.received, start_date = excluded.start_date, end_date = excluded.end_date,
                minutes_per_week = excluded.minutes_per_week, exceptional = excluded.exceptional,
                missions = excluded.missions, renews = excluded.renews, staff_fte = excluded.staff_fte,
                answer_date = excluded.answer_date, answer_text = excluded.answer_text,
                version = version + 1
            """).execute(arguments: [r.id, r.member, r.motive.rawValue, r.received.iso, r.start.iso, r.end.iso,
                                     r.minutesPerWeek, r.exceptional, r.missions, r.renews, r.staffFTE,
                                     r.answer?.date.iso, r.answer?.text])
    }

    /// Inserts an entry, or updates the one with the same id.
    func writeTimeEntry(_ e: TimeEntry) throws {
        guard e.id != nil else {
            // A new number above every one ever given (a deleted entry's number is not given again).
            try db.cachedStatement(sql: """
                INSERT INTO time_entry (id, agent, member, date, minutes, request, validated)
                VALUES (max(coalesce((SELECT max(id) FROM time_entry), 0), (SELECT high FROM time_entry_high WHERE id = 1)) + 1,
                        ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [e.agent, e.member, e.date.iso, e.minutes, e.request, e.validated])
            return
        }
        try db.cachedStatement(sql: """
            INSERT INTO time_entry (id, agent, member, date, minutes, request, validated) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET agent = excluded.agent, member = excluded.member, date = excluded.date,
                minutes = excluded.minutes, request = excluded.request, validated = excluded.validated,
                version = version + 1
            """).execute(arguments: [e.id, e.agent, e.member, e.date.iso, e.minutes, e.request, e.validated])
    }
}

/// Reads rows back into domain values.
enum TerritoryReader {
    static func read(_ db: Database, withHours: Bool = true, withOpeningHours: Bool = true) throws -> Territory {
        Territory(service: try service(db), tariffs: try tariffs(db),
                  members: try members(db, withOpeningHours: withOpeningHours), agents: try agents(db),
                  requests: try requests(db), timeEntries: withHours ? try TimeEntryQuery().fetch(db) : [],
                  assignments: try assignments(db), evaluations: try evaluations(db), people: try people(db),
                  helpline: try helpline(db))
    }

    /// The mayors' evaluations, by request id.
    static func evaluations(_ db: Database) throws -> [Evaluation] {
        try Row.fetchAll(db, sql: "SELECT * FROM evaluation ORDER BY request").map(evaluation)
    }

    /// The help line's questions, by id.
    static func helpline(_ db: Database) throws -> [HelplineCall] {
        try Row.fetchAll(db, sql: "SELECT * FROM helpline_call ORDER BY id").compactMap { row in
            let at: String = row["at"]
            guard let (day, minute) = HelplineCall.parseAt(at), let domain = ReferentDomain(rawValue: row["domain"]) else { return nil }
            return HelplineCall(id: row["id"], date: day, minute: minute, caller: row["caller"], member: row["member"], domain: domain,
                                summary: row["summary"], answeredBy: row["answered_by"], minutes: row["minutes"],
                                status: HelplineStatus(rawValue: row["status"]) ?? .open, answer: row["answer"])
        }
    }

    /// The directory, by id.
    static func people(_ db: Database) throws -> [Person] {
        try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY id").map { row in
            let domains: String = row["domains"]
            return Person(id: row["id"], name: row["name"], role: PersonRole(rawValue: row["role"]) ?? .secretaire, member: row["member"],
                          agent: row["agent"], phone: row["phone"], email: row["email"], referent: row["referent"],
                          domains: domains.split(separator: ",").compactMap { ReferentDomain(rawValue: String($0)) })
        }
    }

    /// The evaluation of one request, nil when none is recorded.
    static func evaluation(_ db: Database, request: String) throws -> Evaluation? {
        try Row.fetchOne(db, sql: "SELECT * FROM evaluation WHERE request = ?", arguments: [request]).map(evaluation)
    }

    private static func evaluation(_ row: Row) -> Evaluation {
        Evaluation(request: row["request"], received: date(row, "received"),
                   scores: EvaluationScores(quality: row["quality"], adaptation: row["adaptation"], relations: row["relations"],
                                            punctuality: row["punctuality"], overall: row["overall"]),
                   again: row["again"], comment: row["comment"])
    }

    /// The coordinator's assignments by hand, by request id.
    static func assignments(_ db: Database) throws -> [ManualAssignment] {
        try Row.fetchAll(db, sql: "SELECT request, agent FROM assignment ORDER BY request").map {
            ManualAssignment(request: $0[0], agent: $0[1])
        }
    }

    static func date(_ row: Row, _ column: String) -> CalendarDate {
        let text: String = row[column]
        return CalendarDate.stored(text)
    }

    static func optionalDate(_ row: Row, _ column: String) -> CalendarDate? {
        let text: String? = row[column]
        return text.flatMap(CalendarDate.parseISO)
    }

    static func service(_ db: Database) throws -> ServiceSettings {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM service WHERE id = 1") else {
            return ServiceSettings(name: ServiceSettings.defaultName)
        }
        return ServiceSettings(
            name: row["name"], holidays: HolidayRegime(rawValue: row["holidays"]) ?? .france,
            billing: BillingScheme(rawValue: row["billing"]) ?? .feeAndHourly,
            annualWorkingDays: row["annual_working_days"], epci: row["epci"], issuerName: row["issuer_name"],
            issuerTitle: row["issuer_title"], legalBasis: row["legal_basis"], address: row["address"],
            paymentDays: row["payment_days"], accountant: row["accountant"],
            convention: TerritoryDecoder.storedConvention(row["convention"]), conventionEnd: optionalDate(row, "convention_end"))
    }

    static func tariffs(_ db: Database) throws -> [Tariff] {
        var bands: [Int: [PopulationBand]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM tariff_band ORDER BY year, position") {
            bands[row["year"], default: []].append(PopulationBand(
                minPopulation: row["min_population"], maxPopulation: row["max_population"],
                annualFeeCents: row["annual_fee_cents"], prepaidDays: row["prepaid_days"]))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM tariff ORDER BY year").map { row in
            let year: Int = row["year"]
            var tariff = Tariff(year: year, hourlyRateCents: row["hourly_rate_cents"], minutesPerDay: row["minutes_per_day"],
                                feeExempt: row["fee_exempt"], bands: bands[year] ?? [])
            if let d: Int = row["day_rate_cents"], let m: Int = row["day_minutes"], let x: Int = row["extra_hourly_rate_cents"] {
                tariff.dayRate = DayRate(dayRateCents: d, dayMinutes: m, extraHourlyRateCents: x)
            }
            if let c: Int = row["cost_coefficient_hundredths"] {
                tariff.agentCost = AgentCostRate(coefficientHundredths: c, monthlyAgentFeeCents: row["monthly_agent_fee_cents"] ?? 0)
            }
            return tariff
        }
    }

    static func members(_ db: Database, withOpeningHours: Bool) throws -> [Member] {
        var opening: [String: OpeningHours] = [:]
        if withOpeningHours {
            // By position, through a cursor, one member after the other (some 200,000 rows at
            // national scale): each member's week is made once, not looked up at every row.
            let rows = try Row.fetchCursor(db, sql: "SELECT member, weekday, start_minute, end_minute FROM opening_range ORDER BY member, weekday, start_minute")
            var current: String?
            var week: [Weekday: [TimeRange]] = [:]
            while let row = try rows.next() {
                let member: String = row[0]
                if member != current {
                    if let current { opening[current] = OpeningHours(week) }
                    current = member
                    week = [:]
                }
                guard let day = Weekday(isoNumber: row[1]) else { continue }
                week[day, default: []].append(TimeRange(start: row[2], end: row[3]))
            }
            if let current { opening[current] = OpeningHours(week) }
        }
        // Columns by position, decoded as each row is stepped (no copy of 35,000 rows first):
        // this runs over every member of a national territory.
        var members: [Member] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(memberColumns) FROM member ORDER BY code")
        while let row = try rows.next() { members.append(member(row, openingHours: opening[row[0]] ?? OpeningHours())) }
        return members
    }

    /// The columns `member(_:openingHours:)` reads, by position.
    static let memberColumns = """
        code, name, kind, population, single_part_time_secretary, member_since, member_until, referent_agent,
        substitute_agent, last_summer_replacement, deliberation_date, hosts_immersion, referent_volunteer,
        non_recruitment_until, left_on, left_ground, mayor, address, phone, email
        """

    /// A member from a row of `memberColumns`, decoded by position (this runs over every member
    /// of a national territory).
    static func member(_ row: Row, openingHours: OpeningHours) -> Member {
        let since: String = row[5]
        func day(_ index: Int) -> CalendarDate? { (row[index] as String?).flatMap(CalendarDate.parseISO) }
        var member = Member(code: row[0], name: row[1], kind: MemberKind(rawValue: row[2]) ?? .other,
                            population: row[3], singlePartTimeSecretary: row[4],
                            memberSince: CalendarDate.stored(since), memberUntil: day(6),
                            referentAgent: row[7], substituteAgent: row[8], lastSummerReplacement: row[9],
                            openingHours: openingHours)
        member.membership = Membership(deliberationDate: day(10), hostsImmersion: row[11], referentVolunteer: row[12],
                                       nonRecruitmentUntil: day(13), leftOn: day(14),
                                       leftGround: (row[15] as String?).flatMap(LeavingGround.init(rawValue:)),
                                       mayor: row[16], address: row[17], phone: row[18], email: row[19])
        return member
    }

    static func agents(_ db: Database) throws -> [Agent] {
        var rota: [String: [RotaEntry]] = [:]
        let slots = try Row.fetchCursor(db, sql: """
            SELECT agent, member, weekday, start_minute, end_minute FROM rota_entry ORDER BY agent, weekday, start_minute, end_minute, member
            """)
        while let row = try slots.next() {
            guard let day = Weekday(isoNumber: row[2]) else { continue }
            rota[row[0], default: []].append(RotaEntry(member: row[1], day: day, time: TimeRange(start: row[3], end: row[4])))
        }
        var absences: [String: [Absence]] = [:]
        let absenceRows = try Row.fetchCursor(db, sql: "SELECT * FROM absence ORDER BY agent, from_date, to_date, kind")
        while let row = try absenceRows.next() {
            absences[row["agent"], default: []].append(Absence(
                from: date(row, "from_date"), to: date(row, "to_date"), kind: AbsenceKind(rawValue: row["kind"]) ?? .autre))
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM agent ORDER BY code").map { row in
            let code: String = row["code"]
            return Agent(code: code, name: row["name"], weeklyMinutes: row["weekly_minutes"],
                         rttDaysPerYear: row["rtt_days_per_year"], annualCostCents: row["annual_cost_cents"],
                         hourlyCostCents: row["hourly_cost_cents"], rota: rota[code] ?? [], absences: absences[code] ?? [])
        }
    }

    static func requests(_ db: Database) throws -> [ReplacementRequest] {
        var requests: [ReplacementRequest] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM request ORDER BY id")
        while let row = try rows.next() { requests.append(request(row)) }
        return requests
    }

    static func request(_ row: Row) -> ReplacementRequest {
        ReplacementRequest(id: row["id"], member: row["member"], motive: Motive(rawValue: row["motive"]) ?? .autreAbsence,
                           received: date(row, "received"), start: date(row, "start_date"), end: date(row, "end_date"),
                           minutesPerWeek: row["minutes_per_week"], exceptional: row["exceptional"], missions: row["missions"],
                           renews: row["renews"], staffFTE: row["staff_fte"],
                           answer: (row["answer_date"] as String?).flatMap(CalendarDate.parseISO).map {
                               RequestAnswer(date: $0, text: row["answer_text"] ?? "")
                           })
    }
}

extension AppDatabase {
    /// Saves one request typed in the interface, in one transaction, after the same checks as
    /// an import. A new request (`id` nil in the draft) gets the next number of its year,
    /// `D-2026-031`; the id actually used is returned.
    public func saveRequest(_ request: ReplacementRequest, isNew: Bool) throws -> String {
        try write { db in try saveRequestInTransaction(request, isNew: isNew, db: db) }
    }

    func saveRequestInTransaction(_ request: ReplacementRequest, isNew: Bool, db: Database) throws -> String {
        var saved = request
        if isNew {
            let prefix = "D-\(request.start.year)-"
            let ids = try String.fetchAll(db, sql: "SELECT id FROM request WHERE id LIKE ? || '%'", arguments: [prefix])
            let next = (ids.compactMap { Int($0.dropFirst(prefix.count)) }.max() ?? 0) + 1
            saved.id = prefix + (next < 100 ? String(repeating: "0", count: 3 - String(next).count) : "") + String(next)
        }
        let change = Territory(service: try TerritoryReader.service(db), requests: [saved])
        let errors = TerritoryValidation.problems(in: change, existing: try KnownRecords.fetch(db, naming: change))
        guard errors.isEmpty else { throw InvalidTerritory(errors) }
        try TerritoryWriter(db: db).writeRequest(saved)
        return saved.id
    }
}

/// Why a record cannot be deleted.
public struct DeletionRefused: Error, Localized {
    public let what: String
    public let requests: Int
    public let hours: Int
    public var invoices: Int = 0

    public func message(in l: Language) -> String {
        let bills = invoices == 0 ? "" : l.pick(", \(invoices) facture(s)", ", \(invoices) invoice(s)")
        return l.pick("impossible de supprimer \(what) : \(requests) demande(s)\(bills) et \(hours) saisie(s) d'heures y sont rattachées (indiquez plutôt une date de fin)",
                      "cannot delete \(what): \(requests) request(s)\(bills) and \(hours) time entries refer to it (set an end date instead)")
    }
}

extension AppDatabase {
    /// Deletes a member with its opening hours and rota slots, unless requests or hours refer to it.
    public func deleteMember(_ code: String) throws {
        try write { db in
            let requests = try Int.fetchOne(db, sql: "SELECT count(*) FROM request WHERE member = ?", arguments: [code]) ?? 0
            let hours = try Int.fetchOne(db, sql: "SELECT count(*) FROM time_entry WHERE member = ?", arguments: [code]) ?? 0
            let invoices = try Int.fetchOne(db, sql: "SELECT count(*) FROM invoice WHERE member = ?", arguments: [code]) ?? 0
            guard requests == 0, hours == 0, invoices == 0 else {
                throw DeletionRefused(what: code, requests: requests, hours: hours, invoices: invoices)
            }
            try db.execute(sql: "DELETE FROM member WHERE code = ?", arguments: [code])
        }
    }

    /// Deletes an agent with its rota and absences, unless hours refer to them.
    public func deleteAgent(_ code: String) throws {
        try write { db in
            let hours = try Int.fetchOne(db, sql: "SELECT count(*) FROM time_entry WHERE agent = ?", arguments: [code]) ?? 0
            guard hours == 0 else { throw DeletionRefused(what: code, requests: 0, hours: hours) }
            try db.execute(sql: "DELETE FROM agent WHERE code = ?", arguments: [code])
        }
    }
}

extension CalendarDate {
    /// A date as the store writes it (ISO); an unreadable text gives day 0.
    static func stored(_ text: String) -> CalendarDate {
        parseISO(text) ?? CalendarDate(dayNumber: 0)
    }
}

/// ISO dates read from many rows, each text parsed once (a national plan repeats each of its
/// 250 working days thousands of times), as `CalendarDate.stored`.
struct ISODates {
    private var known: [String: CalendarDate] = [:]

    mutating func callAsFunction(_ text: String) -> CalendarDate {
        if let day = known[text] { return day }
        let day = CalendarDate.stored(text)
        known[text] = day
        return day
    }
}
