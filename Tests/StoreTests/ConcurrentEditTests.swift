import Domain
import GRDB
import Store
import Testing

@Suite("Concurrent edits are refused, never silently overwritten (issue 5)")
struct ConcurrentEditTests {
    static func database() throws -> (AppDatabase, Territory) {
        let database = try AppDatabase.inMemory()
        try database.saveInBulk(InvoiceStoreTests.territory(), description: "test")
        return (database, try database.loadTerritory())
    }

    @Test func aMemberChangedMeanwhileIsNotOverwritten() throws {
        let (database, loaded) = try Self.database()
        guard var mine = loaded.members.first else { Issue.record("no member"); return }
        let original = mine
        // Another session renames it first.
        try database.write { db in try db.execute(sql: "UPDATE member SET name = 'Saint-Bérain-sur-Dheune' WHERE code = ?", arguments: [original.code]) }
        mine.population = 999
        do {
            try database.save(Territory(service: loaded.service, members: [mine]), originalMembers: [original], originalAgents: [])
            Issue.record("the stale edit was saved")
        } catch let conflict as ConcurrentEdit {
            let message = conflict.message(in: .fr)
            #expect(message.contains("modifié(e) entre-temps"))
            #expect(message.contains("Saint-Bérain-sur-Dheune"))
        }
        let now = try database.loadTerritory().members.first { $0.code == original.code }
        #expect(now?.name == "Saint-Bérain-sur-Dheune")
        #expect(now?.population == original.population)
        // Read again, the edit goes through.
        guard var fresh = now else { return }
        fresh.population = 999
        try database.save(Territory(service: loaded.service, members: [fresh]), originalMembers: [now].compactMap { $0 }, originalAgents: [])
        #expect(try database.loadTerritory().members.first { $0.code == original.code }?.population == 999)
    }

    @Test func anAbsenceAddedElsewhereIsNotLostByAnotherAddition() throws {
        let (database, loaded) = try Self.database()
        guard let original = loaded.agents.first else { Issue.record("no agent"); return }
        var elsewhere = original
        elsewhere.absences.append(Absence(from: CalendarDate(year: 2023, month: 3, day: 6) ?? CalendarDate(dayNumber: 0),
                                          to: CalendarDate(year: 2023, month: 3, day: 10) ?? CalendarDate(dayNumber: 0), kind: .conges))
        try database.save(Territory(service: loaded.service, agents: [elsewhere]), originalMembers: [], originalAgents: [original])
        var mine = original
        mine.absences.append(Absence(from: CalendarDate(year: 2023, month: 4, day: 3) ?? CalendarDate(dayNumber: 0),
                                     to: CalendarDate(year: 2023, month: 4, day: 4) ?? CalendarDate(dayNumber: 0), kind: .formation))
        #expect(throws: ConcurrentEdit.self) {
            try database.save(Territory(service: loaded.service, agents: [mine]), originalMembers: [], originalAgents: [original])
        }
        #expect(try database.loadTerritory().agents.first { $0.code == original.code }?.absences.count == 1)
    }

    @Test func aRequestChangedOrDeletedMeanwhileIsNotOverwritten() throws {
        let (database, loaded) = try Self.database()
        guard let original = loaded.requests.first else { Issue.record("no request"); return }
        try database.write { db in try db.execute(sql: "UPDATE request SET minutes_per_week = 600 WHERE id = ?", arguments: [original.id]) }
        var mine = original
        mine.minutesPerWeek = 900
        #expect(throws: ConcurrentEdit.self) { try database.saveRequest(mine, isNew: false, original: original) }
        #expect(try database.loadTerritory().requests.first?.minutesPerWeek == 600)
    }
}
