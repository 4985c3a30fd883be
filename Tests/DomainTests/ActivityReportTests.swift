import Domain
import Testing

/// The activity report of rules.md §9, figure by figure against cli.md's definitions. Each
/// figure is worked out by hand in the comments. March 2026 has no public holiday: 22 working
/// days (2–6, 9–13, 16–20, 23–27, 30–31); February 2026 has 20.
@Suite struct ActivityReportTests {
    static func day(_ iso: String) -> CalendarDate { Scenario.day(iso) }
    static func period(_ from: String, _ to: String) -> ReportPeriod {
        ReportPeriod(from: day(from), to: day(to)) ?? ReportPeriod(from: day(from), to: day(from))!
    }
    static let march = period("2026-03-01", "2026-03-31")
    static let later = day("2026-12-31")

    static func report(_ s: Scenario, _ p: ReportPeriod = march, invoices: [Invoice] = [], today: CalendarDate = later) -> ActivityReport {
        ActivityReport(territory: s.territory, plan: s.plan(), invoices: invoices, period: p, today: today)
    }

    /// M1 (small) asks R1 (P1, 140 a day, 16 March–10 April), R2 (P2, refused: two working days),
    /// R3 (P2, 70 a day from 12 January, capped to 11 March); A2 is away on Tuesday 3 March, its
    /// rota day at M2 (08:30–12:00, 210 minutes): an implicit rota request.
    static func scenario() -> Scenario {
        let s = Scenario()
        s.member("M1").member("M2").member("M3")
        s.agent("A1", weekly: 2100)
        s.agent("A2", weekly: 1750, rota: [RotaEntry(member: "M2", day: .tue, time: TimeRange(start: 510, end: 720))],
                absences: [Absence(from: day("2026-03-03"), to: day("2026-03-03"), kind: .conges)])
        s.request("R1", "M1", .maladie, received: "2026-02-20", start: "2026-03-16", end: "2026-04-10", weekly: 700)
        s.request("R2", "M1", .enfantMalade, received: "2026-03-05", start: "2026-03-09", end: "2026-03-10", weekly: 700)
        s.request("R3", "M1", .autreAbsence, received: "2026-01-01", start: "2026-01-12", end: "2026-06-30", weekly: 350)
        return s
    }

    @Test func neededCountsWorkingDaysInsideBothTheCappedSpanAndThePeriod() {
        let r = Self.report(Self.scenario()).current
        // R1: 16–31 March, 12 days × 140 = 1680 (its April days are outside the period).
        // R2: refused, not counted (it would add 2 × 140).
        // R3: capped to 11 March: 2–6 and 9–11 March, 8 days × 70 = 560 (uncapped: 22 × 70 = 1540).
        // The implicit rota request of 3 March: 210.
        #expect(r.minutes.needed == 1680 + 560 + 210)
        let needed = Dictionary(r.sources(of: .neededMinutes).compactMap { source -> (String, Int)? in
            guard case .request(let line, let minutes) = source else { return nil }
            return (line.id, minutes ?? 0)
        }, uniquingKeysWith: +)
        #expect(needed == ["R1": 1680, "R3": 560, "ROTA:A2:M2:2026-03-03": 210])
        #expect(r.sources(of: .neededMinutes).reduce(0) { $0 + $1.amount } == r.minutes.needed)
    }

    @Test func servedCountsOnlyTheDaysOfThePeriod() {
        let r = Self.report(Self.scenario()).current
        // Every need is met; R3 was served since 12 January but only its 8 March days count.
        #expect(r.minutes.served == 2450)
        #expect(r.coverage?.text == "1.00")
        let served = r.sources(of: .servedMinutes)
        #expect(served.reduce(0) { $0 + $1.amount } == 2450)
        #expect(served.allSatisfy { if case .served(let a) = $0 { return Self.march.contains(a.date) } else { return false } })
        // February: R3 alone, 20 days × 70.
        let previous = Self.report(Self.scenario()).previous
        #expect(previous.minutes.needed == 1400 && previous.minutes.served == 1400)
    }

    @Test func requestCountsFollowTheDefinitions() {
        let r = Self.report(Self.scenario()).current.requests
        // Received in March: R2 only (R1 came on 20 February, R3 on 1 January).
        #expect(r.received == 1)
        #expect(r.byClass == [.urgent: 0, .absence: 1, .mission: 0, .summer: 0])
        #expect(r.byMotive == [.enfantMalade: 1])
        #expect(r.fromSmallCommunes == 1)
        // R2: received 5 March for 9 March, 4 days < 7 (counted though it is refused).
        #expect(r.shortNotice == 1)
        // Spans meeting March: R1, R2, R3 (capped span 12 January–11 March); the rota cover apart.
        #expect(r.active == 3)
        #expect(r.byStatus[.granted] == 2 && r.byStatus[.refused] == 1 && r.byStatus[.partial] == 0)
        #expect(r.refusals == [.belowMinDuration: 1])
        #expect(r.rotaCover == 1)
        let previous = Self.report(Self.scenario()).previous.requests
        // February: R1 received; active: R3 only (R1 starts in March).
        #expect(previous.received == 1 && previous.byClass[.urgent] == 1 && previous.active == 1 && previous.rotaCover == 0)
    }

    /// A request asks 315 minutes a day of an agent who has 210: 1050 of 1575 = 0.666… → "0.67".
    @Test func coverageIsRoundedHalfUpAndNullWithoutNeed() {
        let s = Scenario()
        s.member("M1").agent("A", weekly: 1050)
        s.request("D", "M1", .retraite, received: "2026-02-01", start: "2026-03-02", end: "2026-03-06", weekly: 1575)
        let r = Self.report(s).current
        #expect(r.minutes.needed == 1575 && r.minutes.served == 1050)
        #expect(r.coverage?.text == "0.67")
        #expect(r.requests.byStatus[.partial] == 1)
        // Nothing needed in April: no ratio.
        #expect(Self.report(s, Self.period("2026-04-01", "2026-04-30")).current.coverage == nil)
    }

    @Test(arguments: [(2, 3, "0.67"), (1, 8, "0.13"), (3, 8, "0.38"), (93, 100, "0.93"), (0, 5, "0.00"), (5, 2, "2.50"), (1, 200, "0.01"), (1, 201, "0.00")])
    func ratiosHaveTwoDecimalsRoundedHalfUp(numerator: Int, denominator: Int, text: String) {
        #expect(Hundredths.ratio(numerator, denominator)?.text == text)
    }

    @Test func aRatioOverNothingIsNull() {
        #expect(Hundredths.ratio(3, 0) == nil)
    }

    /// Q1: received Friday 6 March, first served Tuesday 10 March: 9 and 10 March, 2 working days.
    /// Q2: received Monday 2 March, first served Monday 9 March: 3, 4, 5, 6, 9 March, 5 days.
    /// The lower median of [2, 5] is 2 (the mean would be 3.5, the upper median 5).
    @Test func waitingIsTheLowerMedianOfWorkingDaysAfterReceived() {
        let s = Scenario()
        s.member("M1").member("M2").agent("A", weekly: 2100)
        s.request("Q1", "M1", .retraite, received: "2026-03-06", start: "2026-03-10", end: "2026-03-20", weekly: 700)
        s.request("Q2", "M2", .retraite, received: "2026-03-02", start: "2026-03-09", end: "2026-03-20", weekly: 700)
        let r = Self.report(s).current
        #expect(r.requestLines.map(\.waitingWorkingDays) == [2, 5])
        #expect(r.waitingWorkingDaysMedian == 2)
        // Neither was first served in April: no median.
        #expect(Self.report(s, Self.period("2026-04-01", "2026-04-30")).current.waitingWorkingDaysMedian == nil)
        // In the first scenario R1 waits 23 February–16 March: 16 working days; R3 was first
        // served in January and the rota cover is not a real request.
        #expect(Self.report(Self.scenario()).current.waitingWorkingDaysMedian == 16)
    }

    @Test func membersWithNothingInThePeriodAreLeftOut() {
        let s = Self.scenario()
        // M3 has no request; one hour logged there in March brings it in.
        let r = Self.report(s).current
        #expect(r.members.map(\.member) == ["M1", "M2"])
        #expect(r.members[0] == MemberFigures(member: "M1", requests: 3, neededMinutes: 2240, servedMinutes: 2240))
        // M2's only request is the rota cover: 0 real requests, its 210 minutes.
        #expect(r.members[1] == MemberFigures(member: "M2", requests: 0, neededMinutes: 210, servedMinutes: 210))
        s.territory.timeEntries = [TimeEntry(id: 1, agent: "A1", member: "M3", date: Self.day("2026-03-12"), minutes: 60)]
        #expect(Self.report(s).current.members.map(\.member) == ["M1", "M2", "M3"])
        // In April only R1 runs (1–10 April less Easter Monday: 7 days): M1 alone.
        #expect(Self.report(s, Self.period("2026-04-01", "2026-04-30")).current.members.map(\.member) == ["M1"])
    }

    /// A1 (420 a day) has a Monday rota at M1 (09:00–12:00) and is away on 9 and 10 March: an
    /// implicit P1 request of 180 minutes on 9 March, which A2 (200 a day) covers.
    @Test func agentsAvailablePlannedUseAndAbsenceDays() {
        let s = Scenario()
        s.member("M1").member("M2")
        s.agent("A1", weekly: 2100, rota: [RotaEntry(member: "M1", day: .mon, time: TimeRange(start: 540, end: 720))],
                absences: [Absence(from: Self.day("2026-03-09"), to: Self.day("2026-03-10"), kind: .maladie)])
        s.agent("A2", weekly: 1000)
        s.territory.timeEntries = [
            TimeEntry(id: 1, agent: "A2", member: "M1", date: Self.day("2026-03-09"), minutes: 180, validated: true),
            TimeEntry(id: 2, agent: "A1", member: "M1", date: Self.day("2026-03-02"), minutes: 180),
            TimeEntry(id: 3, agent: "A1", member: "M1", date: Self.day("2026-02-27"), minutes: 120, validated: true),
        ]
        let r = Self.report(s).current
        // A1: 20 working days present × 420 = 8400; rota on the Mondays it is there (2, 16, 23,
        // 30 March) 4 × 180 = 720; 720 / 8400 = 0.0857 → "0.09"; away 2 working days.
        // A2: 22 × 200 = 4400; the rota cover 180; 180 / 4400 = 0.0409 → "0.04".
        let a1 = AgentFigures(agent: "A1", availableMinutes: 8400, plannedMinutes: 720, loggedMinutes: 180, use: Hundredths(9), absenceDays: 2)
        let a2 = AgentFigures(agent: "A2", availableMinutes: 4400, plannedMinutes: 180, loggedMinutes: 180, use: Hundredths(4), absenceDays: 0)
        #expect(r.agents.map { row in var row = row; row.days = []; return row } == [a1, a2])
        #expect(r.sources(of: .agent("A1", .absenceDays)).count == 2)
        #expect(r.sources(of: .agent("A1", .planned)).reduce(0) { $0 + $1.amount } == 720)
        // Logged and validated: the entries dated in March (27 February is not).
        #expect(r.minutes.logged == 360 && r.minutes.validated == 180)
        #expect(r.requests.rotaCover == 1 && r.requests.active == 0)
        #expect(r.members == [MemberFigures(member: "M1", requests: 0, neededMinutes: 180, servedMinutes: 180, loggedMinutes: 360)])
    }

    @Test func previousPeriodHasTheSameLengthAndEndsTheDayBefore() {
        // Whole months: the same months before (cli.md: 2026-01-01–06-30 → 2025-07-01–12-31).
        let half = Self.period("2026-01-01", "2026-06-30").previous
        #expect(half.from == Self.day("2025-07-01") && half.to == Self.day("2025-12-31"))
        #expect(Self.march.previous == Self.period("2026-02-01", "2026-02-28"))
        // Otherwise the same number of days: 10 days ending 9 March.
        let tenDays = Self.period("2026-03-10", "2026-03-19").previous
        #expect(tenDays.from == Self.day("2026-02-28") && tenDays.to == Self.day("2026-03-09") && tenDays.dayCount == 10)
        let report = Self.report(Self.scenario())
        #expect(report.previous.period == Self.period("2026-02-01", "2026-02-28"))
    }

    @Test func theDefaultPeriodIsTheLastWholeHalfYear() {
        #expect(ReportPeriod.lastWhole(months: 6, before: Self.day("2026-07-01")) == Self.period("2026-01-01", "2026-06-30"))
        #expect(ReportPeriod.lastWhole(months: 6, before: Self.day("2026-06-30")) == Self.period("2025-07-01", "2025-12-31"))
        #expect(ReportPeriod.lastWhole(months: 6, before: Self.day("2026-01-01")) == Self.period("2025-07-01", "2025-12-31"))
        #expect(ReportPeriod.lastWhole(months: 3, before: Self.day("2026-05-15")) == Self.period("2026-01-01", "2026-03-31"))
        #expect(ReportPeriod.lastWhole(months: 12, before: Self.day("2026-05-15")) == Self.period("2025-01-01", "2025-12-31"))
        // 5 does not divide the year: the 5 whole months before this month.
        #expect(ReportPeriod.lastWhole(months: 5, before: Self.day("2026-05-15")) == Self.period("2025-12-01", "2026-04-30"))
        #expect(ReportPeriod(from: Self.day("2026-03-02"), to: Self.day("2026-03-01")) == nil)
    }

    @Test func evaluationsDueReceivedAndAverages() {
        let s = Self.scenario()
        let scores = { (v: [Int]) in EvaluationScores(v) ?? EvaluationScores(quality: 1, adaptation: 1, relations: 1, punctuality: 1, overall: 1) }
        s.territory.evaluations = [
            Evaluation(request: "R3", received: Self.day("2026-03-20"), scores: scores([4, 3, 4, 3, 4]), again: true),
            Evaluation(request: "X1", received: Self.day("2026-03-25"), scores: scores([4, 3, 1, 4, 2]), again: true, comment: "bien"),
            Evaluation(request: "X2", received: Self.day("2026-03-30"), scores: scores([3, 3, 2, 4, 2]), again: false),
            Evaluation(request: "X0", received: Self.day("2026-02-27"), scores: scores([1, 1, 1, 1, 1]), again: false),
        ]
        let e = Self.report(s).current.evaluations
        // Due: R3, last served 11 March. R1's last day is 10 April; the rota cover is not a mission.
        #expect(e.due == 1)
        // Received in March: three (27 February is not). Averages: quality 11/3 = 3.67,
        // adaptation 9/3 = 3.00, relations 7/3 = 2.33, punctuality 11/3 = 3.67, overall 8/3 = 2.67.
        #expect(e.received == 3)
        #expect(EvaluationCriterion.allCases.map { e.averages[$0]?.text } == ["3.67", "3.00", "2.33", "3.67", "2.67"])
        // None received in April: no averages.
        let april = Self.report(s, Self.period("2026-04-01", "2026-04-30")).current.evaluations
        #expect(april.received == 0 && april.averages.isEmpty)
        // April: R1's last served day, 10 April.
        #expect(april.due == 1)
        // Without evaluations after missions in the convention, none is due.
        s.territory.service.convention.evaluationAfterMission = false
        #expect(Self.report(s).current.evaluations.due == 0)
    }

    @Test func renewalsAnsweredInTime() {
        let s = Self.scenario()
        func renewal(_ id: String, received: String, answer: String?) -> ReplacementRequest {
            ReplacementRequest(id: id, member: "M1", motive: .autreAbsence, received: Self.day(received), start: Self.day("2026-04-13"),
                               end: Self.day("2026-04-24"), minutesPerWeek: 350, renews: "R3",
                               answer: answer.map { RequestAnswer(date: Self.day($0), text: "accord") })
        }
        // 72 hours after 20 March: 23 March at the latest. 10 March answered 14 March: late.
        // One unanswered; one received in February (not counted in March).
        s.territory.requests += [renewal("N1", received: "2026-03-20", answer: "2026-03-23"),
                                 renewal("N2", received: "2026-03-10", answer: "2026-03-14"),
                                 renewal("N3", received: "2026-03-27", answer: nil),
                                 renewal("N4", received: "2026-02-27", answer: "2026-02-27")]
        let r = Self.report(s).current.requests
        #expect(r.renewals == 3 && r.renewalsAnsweredInTime == 1)
        #expect(Self.report(s).current.sources(of: .renewalsAnsweredInTime).count == 1)
        // 36 hours read as two whole days: N2 would need 12 March; N1, 22 March.
        s.territory.service.convention.renewalAnswerHours = 36
        #expect(Self.report(s).current.requests.renewalsAnsweredInTime == 0)
        s.territory.service.convention.renewalAnswerHours = 96
        #expect(Self.report(s).current.requests.renewalsAnsweredInTime == 2)
    }

    /// I1 issued 5 March (100,00, 40,00 paid 20 March, due 4 April); I2 issued 10 January
    /// (50,00, due 9 February, 20,00 paid 2 March); I3 issued 1 December (30,00, due 31
    /// December) cancelled by a credit note of 15 March.
    @Test func billingInvoicedPaidAndOverdue() {
        let s = Self.scenario()
        let invoices = [
            Invoice(number: "2026-0001", year: 2026, member: "M1", kind: .hours, lines: [], issued: Self.day("2026-03-05"), due: Self.day("2026-04-04"),
                    totalCents: 10_000, payments: [Payment(invoice: "2026-0001", date: Self.day("2026-03-20"), amountCents: 4_000)]),
            Invoice(number: "2026-0002", year: 2026, member: "M2", kind: .annualFee, lines: [], issued: Self.day("2026-01-10"), due: Self.day("2026-02-09"),
                    totalCents: 5_000, payments: [Payment(invoice: "2026-0002", date: Self.day("2026-03-02"), amountCents: 2_000)]),
            Invoice(number: "2025-0009", year: 2025, member: "M3", kind: .hours, lines: [], issued: Self.day("2025-12-01"), due: Self.day("2025-12-31"),
                    cancelledBy: "AV-2026-0001", totalCents: 3_000),
            Invoice(number: "AV-2026-0001", year: 2026, member: "M3", kind: .creditNote, lines: [], issued: Self.day("2026-03-15"), due: Self.day("2026-03-15"),
                    cancels: "2025-0009", totalCents: -3_000),
        ]
        let report = Self.report(s, invoices: invoices)
        let b = report.current.billing
        // Invoiced in March: 100,00 − 30,00 (the credit note). Paid: 40,00 + 20,00.
        // Overdue on 31 March: I2's 30,00 left (I1 is not due yet, I3 is cancelled).
        #expect(b == BillingFigures(invoicedCents: 7_000, paidCents: 6_000, overdueCents: 3_000))
        // On 28 February: I2 unpaid (50,00), I3 not cancelled yet (30,00); nothing invoiced or paid.
        #expect(report.previous.billing == BillingFigures(invoicedCents: 0, paidCents: 0, overdueCents: 8_000))
        // Judged on today when earlier than the period's end: 10 March, I3 still stands.
        #expect(Self.report(s, invoices: invoices, today: Self.day("2026-03-10")).current.billing.overdueCents == 6_000)
        // Per member: what was invoiced and paid; M3's credit note brings it in.
        let m = Dictionary(report.current.members.map { ($0.member, ($0.invoicedCents, $0.paidCents)) }, uniquingKeysWith: { a, _ in a })
        #expect(m["M1"]! == (10_000, 4_000) && m["M2"]! == (0, 2_000) && m["M3"]! == (-3_000, 0))
        #expect(report.current.sources(of: .overdue).map(\.amount) == [3_000])
    }

    @Test func theHelplineIsEmptyUntilIssue15() {
        let h = Self.report(Self.scenario()).current.helpline
        #expect(h.calls == 0 && h.byDomain.isEmpty && h.medianAnswerMinutes == nil)
    }

    @Test func everyCountIsMadeOfItsRequests() {
        let r = Self.report(Self.scenario()).current
        func ids(_ figure: ReportFigure) -> [String] {
            r.sources(of: figure).compactMap { if case .request(let line, _) = $0 { return line.id } else { return nil } }
        }
        #expect(ids(.received) == ["R2"])
        #expect(ids(.active) == ["R1", "R2", "R3"])
        #expect(ids(.refusals(.belowMinDuration)) == ["R2"])
        #expect(ids(.rotaCover) == ["ROTA:A2:M2:2026-03-03"])
        #expect(ids(.evaluationsDue) == ["R3"])
        #expect(ids(.member("M1", .requests)) == ["R1", "R2", "R3"])
        #expect(r.sources(of: .member("M1", .served)).reduce(0) { $0 + $1.amount } == 2240)
    }
}
