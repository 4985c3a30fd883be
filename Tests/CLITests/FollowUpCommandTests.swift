import Foundation
import TestSupport
import Testing

/// Renewals, answers and evaluations through the binary (rules.md §8), and their figures in
/// the activity report.
@Suite("releve renew, answer, renewals, evaluation", .serialized)
struct FollowUpCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aRenewalIsAnsweredEvaluatedAndCounted() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        // 2024-02 (Besse, sickness) is served until 5 April 2024.
        let renewed = try cli.run(["renew", "2024-02", "--db", cli.db, "--received", "2024-03-28", "--end", "2024-04-26"])
        #expect(renewed.status == 0, "\(renewed.stderr)")
        #expect(renewed.stdout.contains("Demande D-2024-001 enregistrée : renouvellement de 2024-02 du sam. 6 avr. 2024 au ven. 26 avr. 2024"))
        #expect(renewed.stdout.contains("au plus tard le dim. 31 mars 2024"))
        let again = try cli.run(["renew", "2024-02", "--db", cli.db, "--received", "2024-03-28", "--end", "2024-04-26"])
        #expect(again.status == 65 && again.stderr.contains("déjà renouvelée par D-2024-001"))
        let other = try cli.run(["renew", "2099-01", "--db", cli.db, "--received", "2024-03-28", "--end", "2024-04-26"])
        #expect(other.status == 65 && other.stderr.contains("demande « 2099-01 » inconnue"))

        // Unanswered, then an answer before the request was received (refused), then in time.
        let waiting = try cli.run(["renewals", "--db", cli.db, "--today", "2024-04-02", "--format", "json"])
        let renewals = try #require(try json(waiting.stdout)["renewals"] as? [[String: Any]])
        #expect(renewals.count == 1 && renewals.first?["request"] as? String == "D-2024-001"
                && renewals.first?["renews"] as? String == "2024-02" && renewals.first?["late"] as? Bool == true)
        let early = try cli.run(["answer", "D-2024-001", "--db", cli.db, "--date", "27/03/2024", "--text", "Accord"])
        #expect(early.status == 65 && early.stderr.contains("antérieure à la réception de la demande"))
        #expect(!(try cli.run(["export", "--db", cli.db]).stdout.contains("\"answer\"")))
        #expect(try cli.run(["answer", "D-2024-001", "--db", cli.db, "--date", "29/03/2024", "--text", "Accord"]).status == 0)
        let answered = try cli.run(["renewals", "--db", cli.db, "--today", "2024-04-02", "--format", "json"])
        #expect((try json(answered.stdout)["renewals"] as? [Any])?.isEmpty == true)

        // Evaluations: a score outside 1–4 changes nothing; a good one counts in the report.
        let bad = try cli.run(["evaluation", "record", "2024-02", "--db", cli.db, "--scores", "4,3,5,3,4", "--again", "yes"])
        #expect(bad.status == 65 && bad.stderr.contains("vaut 5 : entre 1 et 4 attendu"))
        #expect((try json(try cli.run(["evaluation", "list", "--db", cli.db, "--format", "json"]).stdout)["evaluations"] as? [Any])?.isEmpty == true)
        let due = try cli.run(["evaluation", "due", "--db", cli.db, "--today", "2024-04-10", "--format", "json"])
        #expect((try json(due.stdout)["due"] as? [[String: Any]])?.contains { $0["request"] as? String == "2024-02" } == true)
        let recorded = try cli.run(["evaluation", "record", "2024-02", "--db", cli.db, "--scores", "4,3,4,3,4", "--again", "oui",
                                    "--comment", "Très bien", "--received", "2024-04-10"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let list = try cli.run(["evaluation", "list", "--db", cli.db, "--format", "json"])
        let listed = try json(list.stdout)
        #expect((listed["evaluations"] as? [[String: Any]])?.first?["comment"] as? String == "Très bien")
        #expect((listed["averages"] as? [String: Any])?["quality"] as? String == "4.00")
        let report = try cli.run(["report", "--db", cli.db, "--from", "2024-01-01", "--to", "2024-06-30", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let requests = try #require(object["requests"] as? [String: Any])
        #expect(requests["renewals"] as? Int == 1 && requests["renewals_answered_in_time"] as? Int == 1)
        let evaluations = try #require(object["evaluations"] as? [String: Any])
        #expect(evaluations["received"] as? Int == 1)
        #expect((evaluations["averages"] as? [String: Any])?["quality"] as? String == "4.00")
        let pdf = try cli.run(["evaluation", "form", "2024-02", "--db", cli.db, "--output", cli.directory.appendingPathComponent("e.pdf").path])
        #expect(pdf.status == 0, "\(pdf.stderr)")
    }
}
