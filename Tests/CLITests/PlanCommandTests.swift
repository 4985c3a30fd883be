import Foundation
import Testing

@Suite("plan, schedule and suggest through the binary", .serialized)
struct PlanCommandTests {
    func seeded() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        return cli
    }

    @Test func planJSONFollowsTheContract() throws {
        let cli = try seeded()
        defer { cli.cleanUp() }
        let result = try cli.run(["plan", "--db", cli.db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let requests = try #require(object?["requests"] as? [[String: Any]])
        #expect(requests.map { $0["id"] as? String } == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "ROTA:A:38018:2024-03-19"])
        #expect(Set(requests[0].keys) == ["id", "member", "class", "small", "status", "needed_minutes", "served_minutes",
                                          "preempted_on", "capped", "reasons", "periods"])
        #expect(requests[0]["preempted_on"] as? String == "2024-03-11")
        let table = try cli.run(["plan", "--db", cli.db])
        #expect(table.stdout.contains("interrompue le 11/03/2024"))
        #expect(table.stdout.contains("Arbitrage du lun. 4 mars 2024 au ven. 9 août 2024"))
        let window = try cli.run(["plan", "--db", cli.db, "--format", "json", "--from", "2024-07-01", "--to", "2024-07-31"])
        let windowed = try JSONSerialization.jsonObject(with: Data(window.stdout.utf8)) as? [String: Any]
        #expect((windowed?["requests"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["2024-04", "2024-05"])
        #expect(try cli.run(["plan", "--db", cli.db, "--from", "31/02/2024"]).status == 65)
    }

    @Test func scheduleAndSuggest() throws {
        let cli = try seeded()
        defer { cli.cleanUp() }
        let schedule = try cli.run(["schedule", "2024-02", "--db", cli.db])
        #expect(schedule.status == 0, "\(schedule.stderr)")
        #expect(schedule.stdout.contains("semaine du lun. 11 mars 2024"))
        #expect(schedule.stdout.contains("09:00–12:00"))
        #expect(schedule.stdout.contains("Conflit mer. 13 mars 2024"))
        let json = try cli.run(["schedule", "2024-02", "--db", cli.db, "--format", "json", "--week", "2024-03-27"])
        #expect(json.stdout.contains("\"week\": \"2024-03-25\""))
        let unknown = try cli.run(["schedule", "D-404", "--db", cli.db])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("inconnue"))
        let unserved = try cli.run(["schedule", "ROTA:A:38018:2024-03-19", "--db", cli.db])
        #expect(unserved.status == 65)
        #expect(unserved.stderr.contains("aucune heure"))
        let suggest = try cli.run(["suggest", "2024-02", "--db", cli.db])
        #expect(suggest.status == 0)
        #expect(suggest.stdout.contains("Lucas Reymond (B) : +2:15"))
        #expect(suggest.stdout.contains("2024-03 −2:15"))
    }

    @Test func benchPrintsItsFigures() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let result = try cli.run(["bench", "--members", "60", "--agents", "6", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let scale = (object?["scales"] as? [[String: Any]])?.first
        let steps = scale?["steps_ms"] as? [String: Any]
        #expect(steps?["plan_arbitrate"] != nil)
        #expect(steps?["import"] != nil)
    }
}
