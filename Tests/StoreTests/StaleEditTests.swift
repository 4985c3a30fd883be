import Domain
import GRDB
@testable import Store
import Testing

@Suite("One optimistic lock: a record changed meanwhile is refused, never silently overwritten")
struct StaleEditTests {
    static func database() throws -> (AppDatabase, Territory) {
        let database = try AppDatabase.inMemory()
        try database.saveInBulk(InvoiceStoreTests.territory(), description: "test")
        return (database, try database.loadTerritory())
    }

    @Test func aMemberChangedMeanwhileIsNotOverwrittenAndTheChangeIsSaidInWords() throws {
        let (database, loaded) = try Self.database()
        guard var mine = loaded.members.first else { Issue.record("no member"); return }
        let opened = try database.readMember(mine.code)
        // Another session renames it and changes its population first.
        try database.write { db in
            try db.execute(sql: "UPDATE member SET name = 'Saint-Bérain-sur-Dheune', population = population + 1 WHERE code = ?", arguments: [mine.code])
        }
        let original = mine
        mine.population = 999
        do {
            try database.save(Territory(service: loaded.service, members: [mine]), reads: [opened])
            Issue.record("the stale edit was saved")
        } catch let stale as StaleEdit {
            #expect(stale.message(in: .fr) == "la commune \(original.name) (\(original.code)) a été modifiée entre-temps par une autre session (nom : \(original.name) → Saint-Bérain-sur-Dheune ; population : \(original.population) → \(original.population + 1)) : rien n'a été enregistré, rouvrez le formulaire")
            #expect(stale.message(in: .en).hasPrefix("member \(original.name) (\(original.code)) was changed meanwhile by another session (name : "))
        }
        let now = try #require(try database.loadTerritory().members.first { $0.code == original.code })
        #expect(now.name == "Saint-Bérain-sur-Dheune")
        #expect(now.population == original.population + 1)
        // Read again, the edit goes through.
        var fresh = now
        fresh.population = 999
        try database.save(Territory(service: loaded.service, members: [fresh]), reads: [try database.readMember(now.code)])
        #expect(try database.loadTerritory().members.first { $0.code == original.code }?.population == 999)
    }

    @Test func anAbsenceAddedElsewhereIsNotLostByAnotherAddition() throws {
        let (database, loaded) = try Self.database()
        guard let original = loaded.agents.first else { Issue.record("no agent"); return }
        let opened = try database.readAgent(original.code)
        var elsewhere = original
        elsewhere.absences.append(Absence(from: CalendarDate(year: 2023, month: 3, day: 6) ?? CalendarDate(dayNumber: 0),
                                          to: CalendarDate(year: 2023, month: 3, day: 10) ?? CalendarDate(dayNumber: 0), kind: .conges))
        try database.save(Territory(service: loaded.service, agents: [elsewhere]), reads: [opened])
        var mine = original
        mine.absences.append(Absence(from: CalendarDate(year: 2023, month: 4, day: 3) ?? CalendarDate(dayNumber: 0),
                                     to: CalendarDate(year: 2023, month: 4, day: 4) ?? CalendarDate(dayNumber: 0), kind: .formation))
        do {
            try database.save(Territory(service: loaded.service, agents: [mine]), reads: [opened])
            Issue.record("the stale edit was saved")
        } catch let stale as StaleEdit {
            #expect(stale.changes(in: .fr) == ["absences : aucune → 06/03/2023→10/03/2023 conges"])
        }
        #expect(try database.loadTerritory().agents.first { $0.code == original.code }?.absences.count == 1)
    }

    @Test func aRequestChangedOrDeletedMeanwhileIsNotOverwritten() throws {
        let (database, loaded) = try Self.database()
        guard let original = loaded.requests.first else { Issue.record("no request"); return }
        let opened = ReadRecord.request(original, version: try #require(try database.recordVersions().requests[original.id]))
        try database.write { db in try db.execute(sql: "UPDATE request SET minutes_per_week = 600 WHERE id = ?", arguments: [original.id]) }
        var mine = original
        mine.minutesPerWeek = 900
        do {
            _ = try database.saveRequest(mine, isNew: false, read: opened)
            Issue.record("the stale edit was saved")
        } catch let stale as StaleEdit {
            #expect(stale.changes(in: .fr) == ["heures par semaine : \(DurationText.format(original.minutesPerWeek)) → 10:00"])
        }
        #expect(try database.loadTerritory().requests.first?.minutesPerWeek == 600)
        // Deleted meanwhile: said so.
        let now = ReadRecord.request(original, version: try #require(try database.recordVersions().requests[original.id]))
        try database.write { db in
            try db.execute(sql: "DELETE FROM time_entry WHERE request = ?", arguments: [original.id])
            try db.execute(sql: "DELETE FROM request WHERE id = ?", arguments: [original.id])
        }
        #expect(throws: StaleEdit(original: now, current: nil)) { _ = try database.saveRequest(mine, isNew: false, read: now) }
        #expect(StaleEdit(original: now, current: nil).message(in: .fr)
            == "la demande \(original.id) a été supprimée entre-temps par une autre session : rien n'a été enregistré")
    }

    @Test func everyChildRowBumpsItsParentsVersion() throws {
        let (database, loaded) = try Self.database()
        let agent = try #require(loaded.agents.first), member = try #require(loaded.members.first)
        let tariff = try #require(loaded.tariffs.first)
        func versions() throws -> RecordVersions { try database.recordVersions() }
        var before = try versions()
        try database.write { db in
            try db.execute(sql: "INSERT INTO absence (agent, from_date, to_date, kind) VALUES (?, '2023-05-01', '2023-05-02', 'conges')", arguments: [agent.code])
        }
        #expect(try versions().agents[agent.code] == before.agents[agent.code].map { $0 + 1 })
        before = try versions()
        try database.write { db in try db.execute(sql: "DELETE FROM absence WHERE agent = ? AND from_date = '2023-05-01'", arguments: [agent.code]) }
        #expect(try versions().agents[agent.code] == before.agents[agent.code].map { $0 + 1 })
        before = try versions()
        try database.write { db in
            try db.execute(sql: "INSERT INTO opening_range (member, weekday, start_minute, end_minute) VALUES (?, 7, 600, 660)", arguments: [member.code])
        }
        #expect(try versions().members[member.code] == before.members[member.code].map { $0 + 1 })
        before = try versions()
        try database.write { db in
            try db.execute(sql: "UPDATE tariff_band SET prepaid_days = prepaid_days + 1 WHERE year = ? AND position = 0", arguments: [tariff.year])
        }
        #expect(try versions().tariffs[String(tariff.year)] == before.tariffs[String(tariff.year)].map { $0 + 1 })
        // Another agent, member or tariff is untouched.
        #expect(try versions().agents.filter { $0.key != agent.code } == before.agents.filter { $0.key != agent.code })
    }
}

@Suite("What another session changed, from the audit trail")
struct ChangesSinceAMarkTests {
    @Test func hoursLoggedElsewhereAreNamedByIdAndReadAlone() throws {
        let database = try oisansDatabase()
        let mark = try database.changes(after: -1).mark
        let date = CalendarDate(year: 2024, month: 3, day: 12) ?? CalendarDate(dayNumber: 0)
        let logged = try database.logHours(TimeEntry(agent: "A", member: "38018", date: date, minutes: 90)) { $0 }
        let id = try #require(logged.id)
        let changes = try database.changes(after: mark)
        #expect(changes.entities.contains("time_entry"))
        #expect(changes.entries == [id])
        #expect(try database.timeEntries(ids: [id]).map(\.minutes) == [90])
        try database.write { db in try db.execute(sql: "DELETE FROM time_entry WHERE id = ?", arguments: [id]) }
        #expect(try database.timeEntries(ids: [id]).isEmpty)
        #expect(try database.changes(after: changes.mark).entries == [id])
    }
}
