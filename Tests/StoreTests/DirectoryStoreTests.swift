import Domain
import Foundation
import GRDB
import Store
import Testing

/// The directory of the network in the file and the database (issue 15, schema v17).
@Suite struct DirectoryStoreTests {
    static let people = """
        "people": [
          {"id": "P-1", "name": "Guy Martin", "role": "maire", "member": "38018", "agent": null, "phone": "04 76 80 00 00", "email": "maire@auris.fr", "referent": false, "domains": []},
          {"id": "P-2", "name": "Claire Faure", "role": "secretaire", "member": "38018", "agent": null, "phone": "+33 4 76 80 00 01", "email": "secretariat@auris.fr", "referent": true, "domains": ["paie", "urbanisme"]}
        ]
        """

    static func oisansWithPeople(_ people: String = people) throws -> String {
        let json = try Fixtures.text("oisans.json")
        return String(json[..<json.lastIndex(of: "}")!]) + ", " + people + "}"
    }

    @Test func peopleRoundTripByteForByte() throws {
        let first = try Fixtures.database()
        try Fixtures.importJSON(try Self.oisansWithPeople(), into: first)
        let territory = try first.loadTerritory()
        #expect(territory.people.map(\.id) == ["P-1", "P-2"])
        #expect(territory.people[1].domains == [.paie, .urbanisme] && territory.people[1].referent)
        let exported = TerritoryEncoder.encode(territory)
        #expect(exported.contains("\"people\""))
        let second = try Fixtures.database()
        try Fixtures.importJSON(exported, into: second)
        #expect(TerritoryEncoder.encode(try second.loadTerritory()) == exported)
        // A file without people is unchanged by the new section.
        let plain = try Fixtures.database()
        try Fixtures.importJSON(try Fixtures.text("oisans.json"), into: plain)
        #expect(!TerritoryEncoder.encode(try plain.loadTerritory()).contains("\"people\""))
    }

    @Test func badContactsAreRefusedInFrenchAndChangeNothing() throws {
        let cases: [(String, String, String)] = [
            ("\"secretariat@auris.fr\"", "\"secretariat.auris.fr\"", "people[1].email : adresse électronique « secretariat.auris.fr » invalide"),
            ("\"04 76 80 00 00\"", "\"04 76 AB 00 00\"", "people[0].phone : numéro de téléphone « 04 76 AB 00 00 » invalide"),
            ("[\"paie\", \"urbanisme\"]", "[\"paie\", \"jardinage\"]", "people[1].domains[1] : valeur « jardinage » inconnue"),
            ("\"member\": \"38018\", \"agent\": null, \"phone\": \"04", "\"member\": \"99999\", \"agent\": null, \"phone\": \"04", "people[0].member"),
            ("\"referent\": true", "\"referent\": false", "people[1].domains : des domaines ne vont qu'à une personne référente"),
        ]
        for (target, replacement, message) in cases {
            let database = try Fixtures.database()
            let json = try Self.oisansWithPeople(Self.people.replacingFirst(target, with: replacement))
            do {
                try Fixtures.importJSON(json, into: database)
                Issue.record("\(replacement) was accepted")
            } catch let error as InvalidTerritory {
                #expect(error.message(in: .fr).contains(message), "\(error.message(in: .fr))")
            }
            #expect(try database.loadTerritory().people.isEmpty && database.loadTerritory().members.isEmpty)
        }
    }

    @Test func theAuditTrailKeepsThePeople() throws {
        let database = try Fixtures.database()
        try Fixtures.importJSON(try Self.oisansWithPeople(), into: database)
        var territory = try database.loadTerritory()
        territory.people[0].phone = "04 76 80 99 99"
        try database.save(Territory(service: territory.service, people: [territory.people[0]]))
        let after = try database.read { db in
            try String.fetchAll(db, sql: "SELECT after FROM audit WHERE entity = 'person' AND action = 'update'")
        }
        #expect(after.contains { $0.contains("\"phone\":\"04 76 80 99 99\"") && $0.contains("\"name\":\"Guy Martin\"") })
    }

    static let calls = """
        "helpline": [
          {"id": "H-1", "at": "2024-03-04T09:30", "caller": "P-1", "member": "38018", "domain": "urbanisme", "summary": "Permis de construire", "answered_by": "P-2", "minutes": 20, "status": "answered", "answer": "Voir le PLU"},
          {"id": "H-2", "at": "2024-03-05T14:05", "caller": null, "member": "38018", "domain": "paie", "summary": "Bulletin de mars", "answered_by": null, "minutes": 0, "status": "open", "answer": null}
        ]
        """

    /// The help line in the file, refused when wrong, counted in the report (rules.md §9–§10).
    @Test func helplineRoundTripsIsCheckedAndCounted() throws {
        let database = try Fixtures.database()
        try Fixtures.importJSON(try Self.oisansWithPeople(Self.people + ", " + Self.calls), into: database)
        let territory = try database.loadTerritory()
        #expect(territory.helpline.map(\.id) == ["H-1", "H-2"] && territory.helpline[0].at == "2024-03-04T09:30")
        let exported = TerritoryEncoder.encode(territory)
        let copy = try Fixtures.database()
        try Fixtures.importJSON(exported, into: copy)
        #expect(TerritoryEncoder.encode(try copy.loadTerritory()) == exported)
        let figures = Helpline.figures(territory.helpline, from: CalendarDate.parseISO("2024-01-01")!, to: CalendarDate.parseISO("2024-06-30")!)
        #expect(figures.calls == 2 && figures.byDomain == ["urbanisme": 1, "paie": 1] && figures.median == 20)
        let found = Helpline.search(territory.helpline, query: "plu", personNames: [:], memberNames: territory.memberNames)
        #expect(found.map(\.id) == ["H-1"])
        #expect(Helpline.search(territory.helpline, personNames: [:], memberNames: [:]).first?.id == "H-2", "open first")
        for (target, replacement, message) in [("\"P-2\", \"minutes\": 20", "\"P-9\", \"minutes\": 20", "personne « P-9 » absente de l'annuaire"),
                                               ("\"minutes\": 20", "\"minutes\": 900", "helpline[0].minutes"),
                                               ("\"answer\": \"Voir le PLU\"", "\"answer\": null", "helpline[0].answer"),
                                               ("\"domain\": \"paie\"", "\"domain\": \"jardinage\"", "helpline[1].domain")] {
            let fresh = try Fixtures.database()
            do {
                try Fixtures.importJSON(try Self.oisansWithPeople(Self.people + ", " + Self.calls.replacingFirst(target, with: replacement)), into: fresh)
                Issue.record("\(replacement) was accepted")
            } catch let error as InvalidTerritory {
                #expect(error.message(in: .fr).contains(message), "\(error.message(in: .fr))")
            }
            #expect(try fresh.loadTerritory().helpline.isEmpty)
        }
    }
}
