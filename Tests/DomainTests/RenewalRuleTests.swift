import Domain
import Testing

/// Renewals, evaluations and membership dates (rules.md §8).
@Suite struct RenewalRuleTests {
    /// D1 is served by A to its last day; the renewal D2 starts after D1 ends. Without the
    /// renewal link D2 would go to its member's substitute C; as a renewal it keeps A.
    @Test func aRenewalPrefersTheAgentWhoServedTheRenewedRequest() {
        let s = Scenario()
        s.member("M1").agent("A").agent("B").agent("C")
        s.request("D1", "M1", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-22", weekly: 1000)
        s.request("D2", "M1", .retraite, received: "2024-03-15", start: "2024-03-25", end: "2024-04-05", weekly: 1000)
        s.territory.members[0].substituteAgent = "C"
        // C, the substitute, is away on D1's first day: A serves D1 and keeps it (continuity).
        s.territory.agents[2].absences = [Absence(from: Scenario.day("2024-03-11"), to: Scenario.day("2024-03-11"), kind: .formation)]
        #expect(s.given("D1", on: "2024-03-22") == ["A": 200])
        // Not a renewal: D2 goes to the member's substitute C.
        #expect(s.given("D2", on: "2024-03-25") == ["C": 200])
        // A renewal: it keeps A, who served D1 on its last served day.
        s.territory.requests[1].renews = "D1"
        #expect(s.given("D2", on: "2024-03-25") == ["A": 200])
    }

    /// A renewal waits its turn like any other request: an earlier request of the same class
    /// and size group shares the capacity with it; it is not served first.
    @Test func aRenewalWaitsItsTurn() {
        let s = Scenario()
        s.member("M1").member("M2").agent("A", weekly: 1000)
        s.request("D1", "M1", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-22", weekly: 1000)
        s.request("D3", "M2", .retraite, received: "2024-03-01", start: "2024-03-25", end: "2024-04-05", weekly: 1000)
        s.request("D2", "M1", .retraite, received: "2024-03-15", start: "2024-03-25", end: "2024-04-05", weekly: 1000)
        s.territory.requests[2].renews = "D1"
        // Neither started on 25 March: they share A's 200 minutes.
        #expect(s.given("D2", on: "2024-03-25") == ["A": 100])
        #expect(s.given("D3", on: "2024-03-25") == ["A": 100])
    }

    @Test func scoresOutsideOneToFourAreNotScores() {
        #expect(EvaluationScores([4, 3, 2, 1, 4]) == EvaluationScores(quality: 4, adaptation: 3, relations: 2, punctuality: 1, overall: 4))
        #expect(EvaluationScores([5, 3, 2, 1, 4]) == nil)
        #expect(EvaluationScores([0, 3, 2, 1, 4]) == nil)
        #expect(EvaluationScores([4, 3, 2, 1]) == nil)
    }

    @Test func theNonRecruitmentCommitmentEndsThreeYearsAfterJoining() {
        #expect(Membership.defaultNonRecruitmentUntil(memberSince: Scenario.day("2022-01-01")) == Scenario.day("2024-12-31"))
        #expect(Membership.defaultNonRecruitmentUntil(memberSince: Scenario.day("2020-02-29")) == Scenario.day("2023-02-28"))
    }
}

@Suite struct FollowUpRuleTests {
    static let end = CalendarDate.parseISO("2024-06-30")!

    @Test func theConventionEndIsWarnedFromThreeMonthsBefore() {
        var service = ServiceSettings(name: "Service commun")
        service.conventionEnd = Self.end
        #expect(FollowUp.conventionEndWarning(service, today: CalendarDate.parseISO("2024-03-29")!, language: .fr) == nil)
        let warning = FollowUp.conventionEndWarning(service, today: CalendarDate.parseISO("2024-03-30")!, language: .fr)
        #expect(warning?.contains("prend fin le dim. 30 juin 2024 (dans 92 jours)") == true)
        #expect(FollowUp.conventionEndWarning(service, today: CalendarDate.parseISO("2024-07-01")!, language: .fr)?.contains("a pris fin") == true)
        service.conventionEnd = nil
        #expect(FollowUp.conventionEndWarning(service, today: Self.end, language: .fr) == nil)
    }

    @Test func theAnswerIsDueInWholeDaysRoundedUp() {
        let received = CalendarDate.parseISO("2026-12-07")!
        #expect(FollowUp.answerDeadline(received, hours: 72) == CalendarDate.parseISO("2026-12-10"))
        #expect(FollowUp.answerDeadline(received, hours: 36) == CalendarDate.parseISO("2026-12-09"))
    }

    @Test func averagesRoundHalfUp() {
        let day = CalendarDate.parseISO("2026-12-07")!
        let a = Evaluation(request: "a", received: day, scores: EvaluationScores([4, 3, 4, 3, 4])!, again: true)
        let b = Evaluation(request: "b", received: day, scores: EvaluationScores([3, 3, 3, 4, 3])!, again: true)
        let c = Evaluation(request: "c", received: day, scores: EvaluationScores([3, 3, 3, 4, 3])!, again: false)
        let averages = EvaluationAverages([a, b, c])
        // (4 + 3 + 3) / 3 = 3.333… → 3.33; (3 + 4 + 4) / 3 = 3.666… → 3.67.
        #expect(averages.hundredths[.quality] == 333 && averages.hundredths[.punctuality] == 367)
        #expect(EvaluationAverages.text(367, .fr) == "3,67")
        #expect(EvaluationAverages([]).hundredths.isEmpty)
    }
}
