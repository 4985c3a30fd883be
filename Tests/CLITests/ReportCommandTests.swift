import Foundation
import TestSupport
import Testing

@Suite("releve report through the binary", .serialized)
struct ReportCommandTests {
    func seeded() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        return cli
    }

    /// The Oisans example over the first half of 2024: five requests received, three active
    /// (2024-01 pre-empted, 2024-02 and 2024-03 partial) and A's rota cover of 19 March.
    /// Needed: 2024-01 20 days × 420 = 8400; 2024-02 19 days (Easter Monday off) × 252 = 4788;
    /// 2024-03 capped to 10 May, 41 days × 252 = 10332; the rota cover 210: 23730.
    @Test func reportJSONFollowsTheContract() throws {
        let cli = try seeded()
        defer { cli.cleanUp() }
        let result = try cli.run(["report", "--db", cli.db, "--from", "2024-01-01", "--to", "2024-06-30", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let keys = ["from", "to", "requests", "minutes", "coverage", "waiting_working_days_median", "members", "agents",
                    "evaluations", "helpline", "billing", "previous"]
        #expect(Set(object.keys) == Set(keys))
        // Keys in cli.md's order.
        let positions = keys.compactMap { result.stdout.range(of: "\n \"\($0)\":")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        #expect(object["from"] as? String == "2024-01-01" && object["to"] as? String == "2024-06-30")
        let requests = try #require(object["requests"] as? [String: Any])
        #expect(requests["received"] as? Int == 5)
        #expect(requests["by_class"] as? [String: Int] == ["1": 2, "2": 0, "3": 1, "4": 2])
        #expect(requests["active"] as? Int == 3 && requests["rota_cover"] as? Int == 1 && requests["short_notice"] as? Int == 1)
        #expect(requests["by_status"] as? [String: Int] == ["granted": 0, "partial": 2, "unserved": 0, "refused": 0, "preempted": 1])
        let minutes = try #require(object["minutes"] as? [String: Int])
        #expect(minutes["needed"] == 23730 && minutes["logged"] == 0)
        let served = try #require(minutes["served"])
        // Coverage as the half-up ratio of the two (integers: 200 s + n over 2 n).
        let hundredths = (200 * served + 23730) / (2 * 23730)
        #expect(object["coverage"] as? String == "0.\(hundredths < 10 ? "0" : "")\(hundredths)")
        // 2024-02 waits 1 working day, 2024-03 6, 2024-01 9: the median is 6.
        #expect(object["waiting_working_days_median"] as? Int == 6)
        let members = try #require(object["members"] as? [[String: Any]])
        #expect(members.compactMap { $0["member"] as? String } == ["38018", "38040", "38052"])
        #expect(members.first?["invoiced"] as? String == "0.00")
        let agents = try #require(object["agents"] as? [[String: Any]])
        #expect(agents.compactMap { $0["agent"] as? String } == ["A", "B"])
        #expect(Set(agents[0].keys) == ["agent", "available_minutes", "planned_minutes", "logged_minutes", "use", "absence_days", "training_minutes"])
        #expect(agents[0]["absence_days"] as? Int == 5)
        let evaluations = try #require(object["evaluations"] as? [String: Any])
        #expect((evaluations["averages"] as? [String: Any])?["quality"] is NSNull)
        #expect((object["billing"] as? [String: String]) == ["invoiced": "0.00", "paid": "0.00", "overdue": "0.00"])
        let previous = try #require(object["previous"] as? [String: Any])
        #expect(previous["from"] as? String == "2023-07-01" && previous["to"] as? String == "2023-12-31")
        #expect(Set(previous.keys) == Set(keys.dropLast()))
        #expect(previous["coverage"] is NSNull)
    }

    @Test func tableCSVAndOutputFile() throws {
        let cli = try seeded()
        defer { cli.cleanUp() }
        let table = try cli.run(["report", "--db", cli.db, "--from", "2024-01-01", "--to", "2024-06-30"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Rapport d'activité du lun. 1er janv. 2024 au dim. 30 juin 2024"))
        #expect(table.stdout.contains("Taux de couverture"))
        let english = try cli.run(["report", "--db", cli.db, "--from", "2024-01-01", "--to", "2024-06-30", "--lang", "en"])
        #expect(english.stdout.contains("Activity report from") && english.stdout.contains("Coverage"))
        let path = cli.directory.appendingPathComponent("r.csv").path
        let csv = try cli.run(["report", "--db", cli.db, "--from", "2024-01-01", "--to", "2024-06-30", "--format", "csv", "--output", path])
        #expect(csv.status == 0, "\(csv.stderr)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("indicateur;periode;periode_precedente\r\nfrom;01/01/2024;01/07/2023\r\n"))
        #expect(text.contains("\r\nrequests.received;5;0\r\n"))
        #expect(text.contains("\r\nminutes.needed;23730;0\r\n"))
        // The default period: the last whole half-year before --today.
        let byDefault = try cli.run(["report", "--db", cli.db, "--format", "json", "--today", "2024-08-15"])
        #expect(byDefault.status == 0, "\(byDefault.stderr)")
        #expect(byDefault.stdout.contains("\"from\": \"2024-01-01\",\n \"to\": \"2024-06-30\""))
    }

    @Test func badInputSaysWhatIsWrongAndWritesNothing() throws {
        let cli = try seeded()
        defer { cli.cleanUp() }
        let path = cli.directory.appendingPathComponent("out.json").path
        let reversed = try cli.run(["report", "--db", cli.db, "--from", "2024-07-01", "--to", "2024-06-30", "--format", "json", "--output", path])
        #expect(reversed.status == 64)
        #expect(reversed.stdout.isEmpty && !FileManager.default.fileExists(atPath: path))
        #expect(reversed.stderr.hasPrefix("releve : erreur : --to (dim. 30 juin 2024) avant --from (lun. 1er juil. 2024)"))
        #expect(reversed.stderr.split(separator: "\n").count == 1)
        let badDate = try cli.run(["report", "--db", cli.db, "--from", "31/02/2024", "--to", "2024-06-30"])
        #expect(badDate.status == 65 && badDate.stderr.contains("--from") && badDate.stdout.isEmpty)
        let alone = try cli.run(["report", "--db", cli.db, "--from", "2024-01-01"])
        #expect(alone.status == 64 && alone.stderr.contains("--from et --to vont ensemble"))
        let noOutput = try cli.run(["report", "--db", cli.db, "--format", "pdf"])
        #expect(noOutput.status == 64 && noOutput.stderr.contains("--format pdf demande --output FICHIER"))
        let pdf = try cli.run(["report", "--db", cli.db, "--format", "pdf", "--output", path, "--force"])
        #expect(pdf.status == 0, "\(pdf.stderr)")
        #expect(try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)).prefix(5), as: UTF8.self) == "%PDF-")
    }
}
