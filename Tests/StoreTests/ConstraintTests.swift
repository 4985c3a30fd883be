import Domain
import Foundation
import GRDB
@testable import Store
import Testing

@Suite("Store constraints and hours logging")
struct ConstraintTests {
    func seeded() throws -> AppDatabase {
        let database = try Fixtures.database()
        try database.save(try Fixtures.oisans())
        return database
    }

    /// Raw SQL that bypasses the domain must still be refused by the schema.
    @Test(arguments: [
        "UPDATE member SET population = -1 WHERE code = '38018'",
        "UPDATE member SET member_since = '2023-02-30' WHERE code = '38018'",
        "UPDATE member SET kind = 'village' WHERE code = '38018'",
        "UPDATE member SET member_until = '2020-01-01' WHERE code = '38018'",
        "UPDATE member SET substitute_agent = 'nobody' WHERE code = '38018'",
        "INSERT INTO request (id, member, motive, received, start_date, end_date, minutes_per_week, exceptional) VALUES ('X', '38018', 'grippe', '2024-01-01', '2024-01-02', '2024-01-10', 600, 0)",
        "INSERT INTO request (id, member, motive, received, start_date, end_date, minutes_per_week, exceptional) VALUES ('X', 'none', 'maladie', '2024-01-01', '2024-01-02', '2024-01-10', 600, 0)",
        "INSERT INTO time_entry (agent, member, date, minutes) VALUES ('A', '38018', '2024-03-05', 1500)",
        "INSERT INTO time_entry (agent, member, date, minutes) VALUES ('A', '38018', '2024-03-05', 0)",
        "INSERT INTO time_entry (agent, member, date, minutes) VALUES ('A', '38018', '2024-13-05', 60)",
        "INSERT INTO absence (agent, from_date, to_date, kind) VALUES ('A', '2024-05-10', '2024-05-01', 'conges')",
        "INSERT INTO rota_entry (agent, member, weekday, start_minute, end_minute) VALUES ('A', '38018', 8, 600, 700)",
        "UPDATE agent SET weekly_minutes = 0 WHERE code = 'A'",
        "UPDATE service SET billing = 'free'",
        "INSERT INTO service (id, name, holidays, billing, annual_working_days) VALUES (2, 'x', 'france', 'fee_and_hourly', 228)",
    ])
    func schemaRefusesInvalidRows(sql: String) throws {
        let database = try seeded()
        #expect(throws: (any Error).self) { try database.writer.write { try $0.execute(sql: sql) } }
    }

    @Test func noAgentWorksMoreThanADay() throws {
        let database = try seeded()
        try database.writer.write { db in
            try db.execute(sql: "INSERT INTO time_entry (agent, member, date, minutes) VALUES ('A', '38018', '2024-03-05', 1000)")
        }
        #expect(throws: (any Error).self) {
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO time_entry (agent, member, date, minutes) VALUES ('A', '38040', '2024-03-05', 500)")
            }
        }
    }

    func entry(agent: String = "A", member: String = "38018", date: String = "2024-03-05", minutes: Int = 210,
               request: String? = nil) -> TimeEntry {
        TimeEntry(agent: agent, member: member, date: CalendarDate.parseISO(date) ?? CalendarDate(dayNumber: 0),
                  minutes: minutes, request: request)
    }

    @Test func logsValidHours() throws {
        let database = try seeded()
        // Mission 2024-03 runs from 11 March: hours of the 5th for it are refused, saying so.
        #expect(throws: InvalidTerritory.self) { try database.logHours(entry(request: "2024-03")) { "--\($0)" } }
        let stored = try database.logHours(entry(date: "2024-03-12", request: "2024-03")) { "--\($0)" }
        #expect(stored.id != nil)
        let listed = try database.timeEntries(TimeEntryQuery(member: "38018"))
        #expect(listed == [stored])
        #expect(try database.timeEntries(TimeEntryQuery(agent: "B")).isEmpty)
        #expect(try database.timeEntries(TimeEntryQuery(from: CalendarDate.parseISO("2024-03-13"))).isEmpty)
    }

    @Test(arguments: [
        ("unknown agent", "--agent"), ("unknown member", "--member"), ("too long", "--hours"),
        ("not a member yet", "--date"), ("other member's mission", "--request"), ("unknown mission", "--request"),
    ])
    func refusesBadHoursAndWritesNothing(label: String, option: String) throws {
        let database = try seeded()
        let bad: TimeEntry
        switch label {
        case "unknown agent": bad = entry(agent: "ZZ")
        case "unknown member": bad = entry(member: "00000")
        case "too long": bad = entry(minutes: 25 * 60)
        case "not a member yet": bad = entry(date: "2021-06-01")
        case "other member's mission": bad = entry(request: "2024-01")
        default: bad = entry(request: "D-404")
        }
        let error = try #require(throws: InvalidTerritory.self) { try database.logHours(bad) { "--\($0)" } }
        #expect(error.errors.first?.location == option, "\(label)")
        #expect(try database.timeEntries(TimeEntryQuery()).isEmpty)
    }

    @Test func refusesADayOverTwentyFourHours() throws {
        let database = try seeded()
        _ = try database.logHours(entry(minutes: 20 * 60)) { "--\($0)" }
        let error = try #require(throws: InvalidTerritory.self) {
            try database.logHours(entry(member: "38040", minutes: 5 * 60)) { "--\($0)" }
        }
        #expect(error.message(in: .fr).contains("plus de 24:00"))
        #expect(try database.timeEntries(TimeEntryQuery()).count == 1)
    }

    @Test func integrityCheckPassesOnAHealthyDatabase() throws {
        let database = try seeded()
        #expect(try database.integrityProblems(language: .fr).isEmpty)
        #expect(try !database.isEmpty())
        #expect(try Fixtures.database().isEmpty())
    }

    @Test func fileDatabaseUsesWALAndSurvivesReopen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("releve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("sub/releve.sqlite").path
        do {
            let database = try AppDatabase.open(path: path)
            try database.save(try Fixtures.oisans())
            let mode = try database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
        }
        let reopened = try AppDatabase.open(path: path)
        #expect(try reopened.loadTerritory().members.count == 4)
        let backup = directory.appendingPathComponent("copy.sqlite").path
        try reopened.backup(to: backup)
        #expect(try AppDatabase.open(path: backup).loadTerritory() == reopened.loadTerritory())
    }
}

@Suite("Saving a request from the interface")
struct SaveRequestTests {
    @Test func newRequestsAreNumberedPerYearAndChecked() throws {
        let database = try Fixtures.database()
        try database.save(try Fixtures.oisans())
        let day = try #require(CalendarDate.parseISO("2024-09-02"))
        let request = ReplacementRequest(id: "(nouvelle)", member: "38018", motive: .retraite, received: day, start: day,
                                         end: day.adding(days: 11), minutesPerWeek: 1050)
        #expect(try database.saveRequest(request, isNew: true) == "D-2024-001")
        #expect(try database.saveRequest(request, isNew: true) == "D-2024-002")
        var edited = request
        edited.id = "D-2024-001"
        edited.minutesPerWeek = 700
        #expect(try database.saveRequest(edited, isNew: false) == "D-2024-001")
        #expect(try database.loadTerritory().requests.first { $0.id == "D-2024-001" }?.minutesPerWeek == 700)
        var unknown = request
        unknown.member = "00000"
        #expect(throws: InvalidTerritory.self) { try database.saveRequest(unknown, isNew: true) }
        #expect(try database.loadTerritory().requests.count == 7)
    }
}

@Suite("Deleting members and agents")
struct DeletionTests {
    @Test func onlyWhatNothingRefersToCanBeDeleted() throws {
        let database = try Fixtures.database()
        try database.save(try Fixtures.oisans())
        let error = try #require(throws: DeletionRefused.self) { try database.deleteMember("38018") }
        #expect(error.message(in: .fr).contains("indiquez plutôt une date de fin"))
        var added = try Fixtures.oisans()
        added.members = [Member(code: "99999", name: "Oz-en-Oisans", population: 230, singlePartTimeSecretary: true,
                                memberSince: try #require(CalendarDate.parseISO("2024-01-01")))]
        added.agents = []
        added.requests = []
        try database.save(added)
        try database.deleteMember("99999")
        #expect(try database.loadTerritory().members.count == 4)
        let day = try #require(CalendarDate.parseISO("2024-03-05"))
        _ = try database.logHours(TimeEntry(agent: "B", member: "38040", date: day, minutes: 60)) { $0 }
        #expect(throws: DeletionRefused.self) { try database.deleteAgent("B") }
        try database.deleteAgent("A")
        #expect(try database.loadTerritory().agents.map(\.code) == ["B"])
    }
}
