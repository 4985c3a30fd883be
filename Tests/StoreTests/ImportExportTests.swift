import Domain
import Foundation
import Store
import Testing

@Suite("releve/1 import and export")
struct ImportExportTests {
    @Test func oisansRoundTripsExactly() throws {
        let original = try Fixtures.text("oisans.json")
        let first = try Fixtures.database()
        try Fixtures.importJSON(original, into: first)
        let exported = TerritoryEncoder.encode(try first.loadTerritory())
        let second = try Fixtures.database()
        try Fixtures.importJSON(exported, into: second)
        let again = TerritoryEncoder.encode(try second.loadTerritory())
        #expect(exported == again)
        // Same content as the hand-written file (it has no time entries, so no ids are added).
        let a = try JSONSerialization.jsonObject(with: Data(original.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? NSDictionary
        #expect(a == b)
    }

    @Test func timeEntriesGetIdsAndAreMatchedByThem() throws {
        let database = try Fixtures.database()
        var territory = try Fixtures.oisans()
        let day = try #require(CalendarDate.parseISO("2024-03-05"))
        territory.timeEntries = [TimeEntry(agent: "B", member: "38052", date: day, minutes: 420, request: "2024-01", validated: true)]
        try database.save(territory)
        let stored = try database.loadTerritory().timeEntries
        #expect(stored.count == 1)
        let id = try #require(stored.first?.id)
        territory.timeEntries = [TimeEntry(id: id, agent: "B", member: "38052", date: day, minutes: 240,
                                           request: "2024-01", validated: false)]
        try database.save(territory)
        let updated = try database.loadTerritory().timeEntries
        #expect(updated.count == 1)
        #expect(updated.first?.minutes == 240)
        #expect(updated.first?.validated == false)
        // Exported with ids, re-imported into an empty database, exported again: identical.
        let json = TerritoryEncoder.encode(try database.loadTerritory())
        #expect(json.contains("\"id\": \(id)"))
        let copy = try Fixtures.database()
        try Fixtures.importJSON(json, into: copy)
        #expect(TerritoryEncoder.encode(try copy.loadTerritory()) == json)
    }

    @Test func importUpdatesByCodeAndKeepsOthers() throws {
        let database = try Fixtures.database()
        try Fixtures.importJSON(try Fixtures.text("oisans.json"), into: database)
        let renamed = try Fixtures.text("oisans.json").replacingFirst("\"Auris\"", with: "\"Auris-en-Oisans\"")
        try Fixtures.importJSON(renamed, into: database)
        let territory = try database.loadTerritory()
        #expect(territory.members.count == 4)
        #expect(territory.members.first { $0.code == "38018" }?.name == "Auris-en-Oisans")
        #expect(territory.agents.first { $0.code == "A" }?.rota.count == 1)
        #expect(territory.agents.first { $0.code == "A" }?.absences.count == 1)
    }

    @Test func optionalServiceFieldsRoundTrip() throws {
        let json = try Fixtures.text("oisans.json").replacingFirst(
            "\"annual_working_days\": 228",
            with: "\"annual_working_days\": 228, \"epci\": \"CC de l'Oisans\", \"payment_days\": 45, \"legal_basis\": \"Convention du 1er juillet 2022\"")
        let database = try Fixtures.database()
        try Fixtures.importJSON(json, into: database)
        let service = try database.loadTerritory().service
        #expect(service.epci == "CC de l'Oisans")
        #expect(service.paymentDays == 45)
        #expect(service.issuerName == nil)
        let exported = TerritoryEncoder.encode(try database.loadTerritory())
        #expect(exported.contains("\"legal_basis\": \"Convention du 1er juillet 2022\""))
        #expect(!exported.contains("issuer_name"))
    }

    /// Each malformed variant of a valid file: what to change, and the JSON path the message must name.
    static let malformed: [(String, String, String)] = [
        ("\"population\": 200", "\"population\": -200", "members[0].population"),
        ("\"population\": 200", "\"populaton\": 200", "members[0].populaton"),
        ("\"member_since\": \"2022-07-01\"", "\"member_since\": \"2023-02-30\"", "members[0].member_since"),
        ("\"start\": \"2024-03-04\"", "\"start\": \"2024-02-30\"", "requests[0].start"),
        ("\"code\": \"38040\"", "\"code\": \"38018\"", "members[1].code"),
        ("\"substitute_agent\": \"B\"", "\"substitute_agent\": \"Z\"", "members[0].substitute_agent"),
        ("\"member\": \"38052\"", "\"member\": \"99999\"", "requests[0].member"),
        ("\"hourly_rate\": \"31.47\"", "\"hourly_rate\": \"31,47\"", "tariffs[0].hourly_rate"),
        ("\"annual_fee\": \"210.00\"", "\"annual_fee\": 210", "tariffs[0].bands[0].annual_fee"),
        ("\"weekly_hours\": \"35:00\"", "\"weekly_hours\": \"35h\"", "agents[0].weekly_hours"),
        ("\"hours_per_week\": \"35:00\"", "\"hours_per_week\": \"35:75\"", "requests[0].hours_per_week"),
        ("\"motive\": \"maladie\"", "\"motive\": \"grippe\"", "requests[1].motive"),
        ("\"format\": \"releve/1\"", "\"format\": \"releve/2\"", "format"),
        ("\"kind\": \"formation\"", "\"kind\": \"vacances\"", "agents[0].absences[0].kind"),
        ("\"day\": \"tue\"", "\"day\": \"mardi\"", "agents[0].rota[0].day"),
        ("\"from\": \"08:30\"", "\"from\": \"8h30\"", "agents[0].rota[0].from"),
        ("\"exceptional\": false", "\"exceptional\": \"non\"", "requests[0].exceptional"),
        ("\"single_part_time_secretary\": true", "\"single_part_time_secretary\": 1", "members[0].single_part_time_secretary"),
        ("\"fee_exempt\": false,", "", "tariffs[0].fee_exempt"),
        ("\"holidays\": \"france\"", "\"holidays\": \"belgique\"", "service.holidays"),
        ("\"mon\": \"09:00-12:00,14:00-17:00\"", "\"mon\": \"12:00-09:00\"", "members[0].opening_hours.mon"),
        ("\"time_entries\": []", "\"time_entries\": [{\"agent\": \"A\", \"member\": \"38018\", \"date\": \"2024-03-05\", \"hours\": \"25:00\", \"request\": null, \"validated\": false}]", "time_entries[0].hours"),
        ("\"time_entries\": []", "\"time_entries\": [{\"agent\": \"A\", \"member\": \"38018\", \"date\": \"2021-03-05\", \"hours\": \"2:00\", \"request\": null, \"validated\": false}]", "time_entries[0].date"),
        ("\"time_entries\": []", "\"time_entries\": {}", "time_entries"),
    ]

    @Test(arguments: malformed)
    func malformedFilesNameThePathAndChangeNothing(change: (String, String, String)) throws {
        let database = try Fixtures.database()
        let before = TerritoryEncoder.encode(try database.loadTerritory())
        let json = try Fixtures.text("oisans.json").replacingFirst(change.0, with: change.1)
        let error = try #require(throws: InvalidTerritory.self) { try Fixtures.importJSON(json, into: database) }
        #expect(error.errors.first?.location == change.2, "\(error.message(in: .fr))")
        let message = error.message(in: .fr)
        #expect(message.hasPrefix(change.2))
        #expect(!message.contains("\n"))
        #expect(TerritoryEncoder.encode(try database.loadTerritory()) == before)
    }

    @Test(arguments: ["", "{", "{\"format\": \"releve/1\", \"service\": {", "[1, 2", "null", "{\"format\": \"releve/1\"} trailing"])
    func truncatedOrMalformedJSON(text: String) throws {
        let error = try #require(throws: InvalidTerritory.self) { try TerritoryDecoder.decode(Data(text.utf8)) }
        #expect(!error.message(in: .fr).isEmpty)
    }

    @Test func truncatedFileSaysSoInFrench() throws {
        let full = try Fixtures.text("oisans.json")
        let cut = String(full.prefix(full.count / 2))
        let error = try #require(throws: InvalidTerritory.self) { try TerritoryDecoder.decode(Data(cut.utf8)) }
        #expect(error.message(in: .fr).hasPrefix("JSON mal formé ou tronqué"))
    }

    @Test func invalidFileChangesNothingInAFullDatabase() throws {
        let database = try Fixtures.database()
        try Fixtures.importJSON(try Fixtures.text("oisans.json"), into: database)
        let before = TerritoryEncoder.encode(try database.loadTerritory())
        // A valid first record (renaming Auris) followed by an invalid one: all or nothing.
        let json = try Fixtures.text("oisans.json")
            .replacingFirst("\"Auris\"", with: "\"Auris-renommée\"")
            .replacingFirst("\"population\": 3300", with: "\"population\": -1")
        #expect(throws: InvalidTerritory.self) { try Fixtures.importJSON(json, into: database) }
        #expect(TerritoryEncoder.encode(try database.loadTerritory()) == before)
    }
}
