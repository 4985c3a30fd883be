import Domain
import Testing

@Suite("Suggestions: choosing an agent by hand")
struct SuggestionTests {
    @Test func eachChoiceSaysWhoLosesWhichMinutes() throws {
        let s = Scenario()
        s.member("M1").member("M2").member("M3")
        s.agent("A").agent("B")
        s.request("D1", "M1", .maladie, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        s.request("D2", "M2", .maladie, received: "2024-01-02", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        s.request("D3", "M3", .retraite, received: "2024-01-03", start: "2024-03-11", end: "2024-03-15", weekly: 1050)
        let plan = s.plan()
        #expect(plan.decision("D3")?.status == .unserved)
        let suggestions = Suggestions.make(for: "D3", territory: s.territory, plan: plan)
        #expect(suggestions.map(\.agent) == ["A", "B"])
        let first = try #require(suggestions.first)
        // D3 gets its 210 a day from A; the two urgent requests then share the 630 left.
        #expect(first.gainedMinutes == 5 * 210)
        #expect(first.losses.map(\.request) == ["D1", "D2"])
        #expect(first.losses.map(\.minutes) == [5 * 105, 5 * 105])
        #expect(first.lostMinutes == 5 * 210)
    }

    @Test func assignedAgentServesTheRequestFirst() {
        let s = Scenario()
        s.member("M1").member("M2").agent("A").agent("B")
        s.request("D1", "M1", .maladie, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        s.request("D2", "M2", .surcroit, received: "2024-01-02", start: "2024-03-11", end: "2024-03-15", weekly: 1050)
        let plan = Arbitration.plan(s.territory, assignments: [ManualAssignment(request: "D2", agent: "B")])
        #expect(plan.allocations.filter { $0.request == "D2" }.allSatisfy { $0.agent == "B" })
        #expect(plan.decision("D2")?.status == .granted)
        #expect(plan.decision("D1")?.status == .granted)
    }

    @Test func nothingToSuggestForServedOrRefusedRequests() {
        let s = Scenario()
        s.member("M1").agent("A")
        s.request("D1", "M1", .maladie, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        s.request("D2", "M1", .maladie, received: "2024-01-01", start: "2024-03-11", end: "2024-03-12", weekly: 2100)
        #expect(Suggestions.make(for: "D1", territory: s.territory, plan: s.plan()).isEmpty)
        #expect(Suggestions.make(for: "D2", territory: s.territory, plan: s.plan()).isEmpty)
        #expect(Suggestions.make(for: "D9", territory: s.territory, plan: s.plan()).isEmpty)
    }
}
