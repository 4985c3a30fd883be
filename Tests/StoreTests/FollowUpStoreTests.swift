import Domain
import Foundation
import GRDB
import Store
import Testing

/// Renewals, answers, evaluations and membership papers in the file and the database
/// (issue 14, schema v16).
@Suite struct FollowUpStoreTests {
    /// Oisans with every new key: a member's papers, a renewal with its answer and the commune's
    /// FTE, and one evaluation.
    static func oisansWithFollowUp() throws -> String {
        try Fixtures.text("oisans.json")
            .replacingFirst("\"last_summer_replacement\": null,", with: """
                "last_summer_replacement": null, "deliberation_date": "2022-05-12", "hosts_immersion": true, "referent_volunteer": false, \
                "non_recruitment_until": "2025-06-30", "mayor": "Guy Martin", "address": "Mairie, 38142 Auris", \
                "phone": "04 76 80 00 00", "email": "mairie@auris.fr",
                """)
            .replacingFirst("\"exceptional\": false\n  }\n ],", with: """
                "exceptional": false, "renews": "2024-01", "staff_fte": "0.50", "answer": {"date": "2024-05-22", "text": "Accord pour l'été"}
                  }
                 ],
                """)
    }

    @Test func newKeysRoundTrip() throws {
        var json = try Self.oisansWithFollowUp()
        // The top-level evaluations go last, after the hours.
        json = String(json[..<json.lastIndex(of: "}")!]) + ", \"evaluations\": [{\"request\": \"2024-01\", \"received\": \"2024-04-10\", \"scores\": {\"quality\": 4, \"adaptation\": 3, \"relations\": 4, \"punctuality\": 3, \"overall\": 4}, \"again\": true, \"comment\": \"Très bien\"}]}"
        let first = try Fixtures.database()
        try Fixtures.importJSON(json, into: first)
        let territory = try first.loadTerritory()
        let auris = try #require(territory.members.first { $0.code == "38018" })
        #expect(auris.membership.mayor == "Guy Martin")
        #expect(auris.membership.hostsImmersion == true)
        #expect(auris.membership.referentVolunteer == false)
        #expect(auris.membership.nonRecruitmentUntil == CalendarDate.parseISO("2025-06-30"))
        let renewal = try #require(territory.requests.first { $0.id == "2024-05" })
        #expect(renewal.renews == "2024-01")
        #expect(renewal.staffFTE == "0.50")
        #expect(renewal.answer == RequestAnswer(date: CalendarDate.parseISO("2024-05-22")!, text: "Accord pour l'été"))
        #expect(territory.evaluations.count == 1)
        #expect(territory.evaluations.first?.scores.values == [4, 3, 4, 3, 4])
        let exported = TerritoryEncoder.encode(territory)
        let second = try Fixtures.database()
        try Fixtures.importJSON(exported, into: second)
        #expect(TerritoryEncoder.encode(try second.loadTerritory()) == exported)
        let a = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(exported.utf8)) as? NSDictionary
        #expect(a == b)
    }

    @Test func badFollowUpIsRefusedInFrenchAndChangesNothing() throws {
        let good = try Self.oisansWithFollowUp()
        let cases: [(String, String, String)] = [
            ("\"date\": \"2024-05-22\"", "\"date\": \"2024-05-19\"", "antérieure à la réception de la demande"),
            ("\"renews\": \"2024-01\"", "\"renews\": \"2024-02\"", "une commune ne renouvelle que ses propres demandes"),
            ("\"renews\": \"2024-01\"", "\"renews\": \"2024-05\"", "ne peut pas se renouveler elle-même"),
            ("\"renews\": \"2024-01\"", "\"renews\": \"2099-01\"", "demande « 2099-01 » inconnue"),
            ("\"staff_fte\": \"0.50\"", "\"staff_fte\": \"0,5 ETP\"", "nombre décimal attendu"),
            ("\"hosts_immersion\": true", "\"hosts_immersion\": \"oui\"", "attendu"),
        ]
        for (target, replacement, message) in cases {
            let database = try Fixtures.database()
            do {
                try Fixtures.importJSON(good.replacingFirst(target, with: replacement), into: database)
                Issue.record("\(replacement) was accepted")
            } catch let error as InvalidTerritory {
                #expect(error.message(in: .fr).contains(message), "\(error.message(in: .fr))")
            }
            #expect(try database.loadTerritory().requests.isEmpty)
        }
        // A score outside 1–4 in the file.
        let json = String(good[..<good.lastIndex(of: "}")!]) + ", \"evaluations\": [{\"request\": \"2024-01\", \"received\": \"2024-04-10\", \"scores\": {\"quality\": 5, \"adaptation\": 3, \"relations\": 4, \"punctuality\": 3, \"overall\": 4}, \"again\": true}]}"
        #expect(throws: InvalidTerritory.self) { try TerritoryDecoder.decode(Data(json.utf8)) }
        do { _ = try TerritoryDecoder.decode(Data(json.utf8)) } catch let error as InvalidTerritory {
            #expect(error.message(in: .fr) == "evaluations[0].scores.quality : 5 hors limites : entre 1 et 4 attendu")
        }
    }

    /// Two coordinators on one answer or one evaluation: the second save is refused with what
    /// the first recorded, in words, and nothing of it is written.
    @Test func aConcurrentAnswerOrEvaluationIsRefusedWithTheNewValue() throws {
        let database = try Fixtures.database()
        try Fixtures.importJSON(try Self.oisansWithFollowUp(), into: database)
        let seen = try database.loadTerritory().requests.first { $0.id == "2024-05" }?.answer
        let day = try #require(CalendarDate.parseISO("2024-05-23"))
        // The first session answers again, seeing what is recorded: saved.
        try database.answer("2024-05", date: day, text: "Accord confirmé", seen: .some(seen))
        // The second one opened its form before: refused.
        do {
            try database.answer("2024-05", date: day, text: "Refus", seen: .some(seen))
            Issue.record("a stale answer was saved")
        } catch let error as FollowUpChanged {
            #expect(error.message(in: .fr).contains("la réponse du 23/05/2024 « Accord confirmé »"))
        }
        #expect(try database.loadTerritory().requests.first { $0.id == "2024-05" }?.answer?.text == "Accord confirmé")

        let served = try #require(try database.storedPlan().decisions.first { !$0.isImplicit && $0.servedMinutes > 0 })
        let received = try #require(served.lastServedDay)
        let first = Evaluation(request: served.id, received: received, scores: EvaluationScores(quality: 4, adaptation: 4, relations: 3, punctuality: 4, overall: 4), again: true)
        try database.recordEvaluation(first, seen: .some(nil))
        var second = first
        second.scores.overall = 1
        do {
            try database.recordEvaluation(second, seen: .some(nil))
            Issue.record("a stale evaluation was saved")
        } catch let error as FollowUpChanged {
            #expect(error.message(in: .fr).contains("notes 4, 4, 3, 4, 4"))
        }
        #expect(try database.evaluations() == [first])
    }

    @Test func theAuditTrailKeepsTheNewColumns() throws {
        let database = try Fixtures.database()
        try Fixtures.importJSON(try Self.oisansWithFollowUp(), into: database)
        var territory = try database.loadTerritory()
        territory.members[0].membership.leftOn = CalendarDate.parseISO("2026-12-31")
        territory.members[0].membership.leftGround = .interetGeneral
        try database.save(territory)
        let after = try database.read { db in
            try String.fetchAll(db, sql: "SELECT after FROM audit WHERE entity = 'member' AND action = 'update'")
        }
        #expect(after.contains { $0.contains("\"left_ground\":\"interet_general\"") && $0.contains("\"mayor\":\"Guy Martin\"") })
    }
}
