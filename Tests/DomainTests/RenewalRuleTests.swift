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

/// The Demandes pane's "à suivre" (rules.md §8): each request with what is due, counted.
@Suite struct FollowUpListTests {
    /// D1 ends on Friday 22 March, D0 ended on 8 March, D2 renews D1 and was received on the
    /// 18th; today is the 20th.
    static func scenario() -> Scenario {
        let s = Scenario()
        s.member("M1").member("M2").agent("A").agent("B")
        s.request("D0", "M2", .retraite, received: "2024-02-01", start: "2024-03-04", end: "2024-03-08", weekly: 600)
        s.request("D1", "M1", .retraite, received: "2024-02-01", start: "2024-03-11", end: "2024-03-22", weekly: 600)
        s.request("D2", "M1", .retraite, received: "2024-03-18", start: "2024-03-25", end: "2024-04-05", weekly: 600)
        s.territory.requests[2].renews = "D1"
        return s
    }

    @Test func eachRequestSaysWhatIsDue() {
        let s = Self.scenario()
        let today = Scenario.day("2024-03-20")
        let list = FollowUpList(plan: s.plan(), requests: s.territory.requests, evaluations: [], convention: .standard, today: today)
        // D1 is renewed: not "à échéance". D2 waits for its answer until the 21st (72 h).
        #expect(list.marks["D1"] == nil)
        #expect(list.marks["D2"] == [.answer(deadline: Scenario.day("2024-03-21"), late: false, answered: nil)])
        #expect(list.marks["D0"] == [.evaluation(lastServed: Scenario.day("2024-03-08"), age: 12)])
        #expect(list.summary(.fr) == "1 réponse · 1 évaluation")
        #expect(list.marks["D2"]?.first?.text(.fr) == "réponse due le 21/03")
        // On the 22nd the answer is late; D2 itself is not within 7 days of its end yet.
        let later = FollowUpList(plan: s.plan(), requests: s.territory.requests, evaluations: [], convention: .standard, today: Scenario.day("2024-03-22"))
        #expect(later.marks["D2"] == [.answer(deadline: Scenario.day("2024-03-21"), late: true, answered: nil)])
        #expect(later.summary(.fr) == "1 en retard · 1 évaluation")
        // Evaluated, D0 is no longer due; answered in time, D2 leaves the list; D2 ends in 7 days.
        let e = Evaluation(request: "D0", received: Scenario.day("2024-03-12"), scores: EvaluationScores([4, 4, 4, 4, 4])!, again: true)
        s.territory.requests[2].answer = RequestAnswer(date: Scenario.day("2024-03-21"), text: "Accord")
        let done = FollowUpList(plan: s.plan(), requests: s.territory.requests, evaluations: [e], convention: .standard, today: Scenario.day("2024-03-29"))
        #expect(done.marks["D0"] == nil)
        #expect(done.marks["D2"] == [.ending(lastServed: Scenario.day("2024-04-05"), daysLeft: 7)])
        #expect(done.marks["D1"] == [.evaluation(lastServed: Scenario.day("2024-03-22"), age: 7)])
        #expect(done.summary(.fr) == "1 à échéance · 1 évaluation")
        // Answered late, it stays listed as such.
        s.territory.requests[2].answer = RequestAnswer(date: Scenario.day("2024-03-25"), text: "Accord")
        let late = FollowUpList(plan: s.plan(), requests: s.territory.requests, evaluations: [e], convention: .standard, today: Scenario.day("2024-03-26"))
        #expect(late.marks["D2"] == [.answer(deadline: Scenario.day("2024-03-21"), late: true, answered: Scenario.day("2024-03-25"))])
        #expect(late.marks["D2"]?.first?.text(.fr) == "répondu en retard, le 25/03")
    }

    @Test func theFormsRefuseBadInputInFrench() {
        let s = Self.scenario()
        let territory = s.territory
        var fields = RecordDrafts.fields(for: .answer(request: "D2"), territory: territory, today: Scenario.day("2024-03-20"), language: .fr)
        fields[0].value = "17/03/2024"
        let before = RecordDrafts.parseFollowUp(.answer(request: "D2"), fields, territory: territory, language: .fr)
        #expect(before.entry == nil && before.problems[0]?.contains("antérieure à la réception") == true && before.problems[1] != nil)
        fields[0].value = "19/03/2024"
        fields[1].value = "  Accord  "
        #expect(RecordDrafts.parseFollowUp(.answer(request: "D2"), fields, territory: territory, language: .fr).entry
                == .answer(request: "D2", RequestAnswer(date: Scenario.day("2024-03-19"), text: "Accord"), seen: nil))
        var scores = RecordDrafts.fields(for: .evaluation(request: "D0"), territory: territory, today: Scenario.day("2024-03-20"), language: .fr)
        for (i, v) in ["4", "0", "4", "4,5", "3", "non"].enumerated() { scores[i + 1].value = v }
        let bad = RecordDrafts.parseFollowUp(.evaluation(request: "D0"), scores, territory: territory, language: .fr)
        #expect(bad.entry == nil && Set(bad.problems.keys) == [2, 4])
        scores[2].value = "1"; scores[4].value = "2"
        let good = RecordDrafts.parseFollowUp(.evaluation(request: "D0"), scores, territory: territory, language: .fr)
        #expect(good.entry == .evaluation(Evaluation(request: "D0", received: Scenario.day("2024-03-20"), scores: EvaluationScores([4, 1, 4, 2, 3])!,
                                                     again: false), seen: nil))
    }
}
