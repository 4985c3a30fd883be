import Domain
import Foundation
import Store
import Testing

@Suite("The worked example of docs/examples")
struct PlanExampleTests {
    @Test func oisansPlanMatchesTheWorkedExample() throws {
        let territory = try Fixtures.oisans()
        let plan = Arbitration.plan(territory)
        let report = PlanReport(plan: plan, from: nil, to: nil, calendar: territory.service.calendar)
        let produced = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        let expected = try JSONSerialization.jsonObject(with: try Fixtures.data("oisans.plan.json")) as? [String: Any]
        let producedRequests = try #require(produced?["requests"] as? [[String: Any]])
        let expectedRequests = try #require(expected?["requests"] as? [[String: Any]])
        #expect(producedRequests.count == expectedRequests.count)
        for (mine, theirs) in zip(producedRequests, expectedRequests) {
            #expect(NSDictionary(dictionary: mine) == NSDictionary(dictionary: theirs),
                    "\(theirs["id"] ?? "?"): \(mine)")
        }
        #expect(produced?["from"] as? String == "2024-03-04")
        #expect(produced?["to"] as? String == "2024-08-09")
    }
}
