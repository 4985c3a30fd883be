import Foundation
import TestSupport
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
        // The extension: the derived last summer replacement of the members named (rules.md §3.3.4).
        let summers = try #require(object?["last_summer_replacements"] as? [[String: Any]])
        #expect(summers.allSatisfy { Set($0.keys) == ["member", "year"] })
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
        #expect(schedule.stdout.contains("Planning en demi-journées · 2024-02"))
        #expect(schedule.stdout.contains("Semaine du lun. 11 mars 2024"))
        #expect(schedule.stdout.contains("matin"))
        #expect(schedule.stdout.contains("Périodes (une table du contrat chacune)"))
        let json = try cli.run(["schedule", "2024-02", "--db", cli.db, "--format", "json", "--week", "2024-03-27"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["from"] as? String == "2024-03-25" && object?["to"] as? String == "2024-03-29")
        let halfDays = object?["half_days"] as? [[String: Any]] ?? []
        #expect(!halfDays.isEmpty)
        #expect(halfDays.allSatisfy { ["am", "pm"].contains($0["half"] as? String ?? "") && $0["request"] as? String == "2024-02" })
        for key in ["unplaced", "uncovered_opening", "conflicts", "periods"] { #expect(object?[key] is [Any], "\(key)") }
        // One agent's half-days, rota slots included (request null).
        let agent = try #require(halfDays.first?["agent"] as? String)
        let agentWeek = try cli.run(["schedule", "--agent", agent, "--db", cli.db, "--format", "json", "--from", "2024-03-25", "--to", "2024-03-29"])
        #expect(agentWeek.status == 0, "\(agentWeek.stderr)")
        let agentObject = try JSONSerialization.jsonObject(with: Data(agentWeek.stdout.utf8)) as? [String: Any]
        #expect(agentObject?["agent"] as? String == agent && agentObject?["request"] is NSNull)
        #expect(try cli.run(["schedule", "--agent", agent, "--db", cli.db]).status == 64, "--from and --to needed")
        #expect(try cli.run(["schedule", "--agent", "ZZ", "--db", cli.db, "--week", "2024-03-27"]).status == 65)
        let unknown = try cli.run(["schedule", "D-404", "--db", cli.db])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("inconnue"))
        let unserved = try cli.run(["schedule", "ROTA:A:38018:2024-03-19", "--db", cli.db])
        #expect(unserved.status == 65)
        #expect(unserved.stderr.contains("aucune heure"))
        let suggest = try cli.run(["suggest", "2024-02", "--db", cli.db])
        #expect(suggest.status == 0)
        #expect(suggest.stdout.contains("Lucas Reymond (B) : +2:15"))
        #expect(suggest.stdout.contains("coût : Auris (2024-03) −2:15"), "losses said by name")
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

@Suite("invoice run (dry run)", .serialized)
struct InvoiceRunTests {
    @Test func jsonFollowsTheContract() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        var json = try oisansJSON()
        json = json.replacingOccurrences(of: "\"time_entries\": []", with: """
            "time_entries": [
              {"agent": "B", "member": "38040", "date": "2024-03-11", "hours": "4:12", "request": "2024-02", "validated": true},
              {"agent": "B", "member": "38040", "date": "2024-03-12", "hours": "4:12", "request": "2024-02", "validated": true},
              {"agent": "B", "member": "38040", "date": "2024-03-13", "hours": "1:00", "request": null, "validated": false}]
            """)
        #expect(try cli.run(["import", try cli.file("o.json", json), "--db", cli.db]).status == 0)
        let result = try cli.run(["invoice", "run", "--year", "2024", "--db", cli.db, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["year"] as? Int == 2024)
        let invoices = try #require(object?["invoices"] as? [[String: Any]])
        // Four annual fees (members in code order), then Besse's mission invoice after its fee.
        #expect(invoices.map { $0["member"] as? String } == ["38018", "38040", "38040", "38052", "38113"])
        let fee = invoices[0]
        #expect(Set(fee.keys) == ["number", "member", "kind", "lines", "total", "issued", "due"])
        #expect(fee["total"] as? String == "210.00")
        let hours = invoices[2]
        #expect(hours["kind"] as? String == "hours")
        #expect(hours["request"] as? String == "2024-02")
        let lines = try #require(hours["lines"] as? [[String: Any]])
        // 504 validated minutes: 420 prepaid (1 day × 7 h), 84 billed at 31.47 €/h = 44.06 €.
        #expect(lines.map { $0["type"] as? String } == ["prepaid", "hours"])
        #expect(lines[0]["minutes"] as? Int == 420)
        #expect(lines[0]["amount"] as? String == "0.00")
        #expect(lines[1]["minutes"] as? Int == 84)
        #expect(lines[1]["amount"] as? String == "44.06")
        #expect(hours["total"] as? String == "44.06")
        #expect(try cli.run(["invoice", "run", "--year", "2030", "--db", cli.db]).status == 65)
    }
}
