import Domain
import Testing

/// One test per rule of rules.md §2–4, each written from the rule's text.
@Suite("Arbitration rules (rules.md §2–4)")
struct ArbitrationRuleTests {
    // MARK: §2 checks, in order

    @Test(arguments: [
        // (member since, start, end, exceptional, expected refusal code or nil)
        ("2024-03-12", "2024-03-11", "2024-03-22", false, "NOT_MEMBER"),
        ("2020-01-01", "2024-03-22", "2024-03-11", false, "INVALID_PERIOD"),
        ("2020-01-01", "2024-03-16", "2024-03-17", true, "INVALID_PERIOD"),
        ("2020-01-01", "2024-03-11", "2024-03-14", false, "BELOW_MIN_DURATION"),
        ("2020-01-01", "2024-03-11", "2024-03-14", true, nil),
        // Easter Monday makes the week of 1 April 2024 four working days.
        ("2020-01-01", "2024-04-01", "2024-04-05", false, "BELOW_MIN_DURATION"),
        ("2020-01-01", "2024-03-11", "2024-03-15", false, nil),
        // NOT_MEMBER comes first even when the period is also invalid.
        ("2025-01-01", "2024-03-22", "2024-03-11", false, "NOT_MEMBER"),
    ] as [(String, String, String, Bool, String?)])
    func refusalsInOrder(since: String, start: String, end: String, exceptional: Bool, refusal: String?) {
        let s = Scenario()
        s.member("M", since: since).agent("A")
        s.request("R", "M", .retraite, received: "2024-01-01", start: start, end: end, weekly: 1050, exceptional: exceptional)
        let d = s.decision("R")
        if let refusal {
            #expect(d?.status == .refused)
            #expect(d?.reasons.map(\.code).contains(refusal) == true)
            #expect(d?.servedMinutes == 0)
            #expect(d?.periods.isEmpty == true)
        } else {
            #expect(d?.status == .granted)
        }
    }

    @Test func twoMonthCapUnlessExceptional() {
        let s = Scenario()
        s.member("M").member("N").agent("A").agent("B")
        s.request("R", "M", .maternite, received: "2024-01-01", start: "2024-03-11", end: "2024-06-28", weekly: 1050)
        s.request("X", "N", .maternite, received: "2024-01-01", start: "2024-03-11", end: "2024-06-28", weekly: 1050, exceptional: true)
        let capped = s.decision("R")
        #expect(capped?.capped == true)
        #expect(capped?.effectiveEnd == Scenario.day("2024-05-10"))
        #expect(capped?.reasons.contains(.capped) == true)
        // 41 working days from 11 March to 10 May 2024 (Easter Monday, 1, 8 and 9 May off).
        #expect(capped?.neededMinutes == 41 * 210)
        #expect(capped?.periods.last?.to == Scenario.day("2024-05-10"))
        let exceptional = s.decision("X")
        #expect(exceptional?.capped == false)
        #expect(exceptional?.effectiveEnd == Scenario.day("2024-06-28"))
    }

    @Test(arguments: [("2024-03-05", true), ("2024-03-04", false), ("2024-02-01", false), ("2024-03-11", true)])
    func shortNoticeIsOnlyAWarning(received: String, short: Bool) {
        let s = Scenario()
        s.member("M").agent("A")
        s.request("R", "M", .retraite, received: received, start: "2024-03-11", end: "2024-03-22", weekly: 1050)
        let d = s.decision("R")
        #expect(d?.reasons.contains(.shortNotice) == short)
        #expect(d?.status == .granted)
    }

    // MARK: §3.1 capacity

    @Test func capacityIsDailyMinutesLessRotaAndZeroWhenAway() {
        let s = Scenario()
        s.member("M").member("R1")
        s.agent("A", weekly: 2250, rota: [RotaEntry(member: "R1", day: .tue, time: TimeRange(start: 510, end: 720))],
                absences: [Absence(from: Scenario.day("2024-03-14"), to: Scenario.day("2024-03-14"), kind: .formation)])
        s.request("R", "M", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 2500)
        #expect(s.given("R", on: "2024-03-11") == ["A": 450])
        #expect(s.given("R", on: "2024-03-12") == ["A": 240])
        #expect(s.given("R", on: "2024-03-14") == [:])
        #expect(s.decision("R")?.status == .partial)
        #expect(s.decision("R")?.reasons.contains(.noCapacity) == true)
    }

    @Test func holidaysAreNeitherNeededNorServed() {
        let s = Scenario()
        s.member("M").agent("A")
        s.request("R", "M", .retraite, received: "2024-01-01", start: "2024-04-01", end: "2024-04-12", weekly: 2100)
        #expect(s.given("R", on: "2024-04-01").isEmpty)
        #expect(s.decision("R")?.neededMinutes == 9 * 420)
        #expect(s.decision("R")?.status == .granted)
    }

    // MARK: §3.3.1 urgent requests, small first, fair sharing

    @Test func smallCommunesFirstAmongUrgentRequests() {
        let s = Scenario()
        s.member("BIG", population: 2400, single: false).member("SMALL", population: 412).agent("A")
        s.request("D1", "BIG", .accident, received: "2024-01-01", start: "2024-03-11", end: "2024-03-22", weekly: 2100)
        s.request("D2", "SMALL", .maladie, received: "2024-02-01", start: "2024-03-11", end: "2024-03-22", weekly: 2100)
        #expect(s.decision("D2")?.status == .granted)
        #expect(s.decision("D1")?.status == .unserved)
        #expect(s.decision("D1")?.reasons.map(\.code) == ["P1_URGENT", "NO_CAPACITY"])
        #expect(s.decision("D2")?.reasons.map(\.code) == ["P1_URGENT", "SMALL_COMMUNE"])
    }

    @Test func urgentRequestsOfOneGroupShareMaxMinFair() {
        let s = Scenario()
        s.member("M1").member("M2").member("M3").agent("A", weekly: 2255)  // 451 a day
        s.request("D1", "M1", .maladie, received: "2024-01-03", start: "2024-03-11", end: "2024-03-15", weekly: 500)
        s.request("D2", "M2", .maladie, received: "2024-01-02", start: "2024-03-11", end: "2024-03-15", weekly: 1500)
        s.request("D3", "M3", .maladie, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 1500)
        // D1 needs 100 (< 451/3): it gets it; 351 are shared by D2 and D3: 175 each and the odd
        // minute to D3, received first.
        #expect(s.given("D1", on: "2024-03-11") == ["A": 100])
        #expect(s.given("D3", on: "2024-03-11") == ["A": 176])
        #expect(s.given("D2", on: "2024-03-11") == ["A": 175])
        #expect(s.decision("D2")?.reasons.contains(.sharedWith(["D1", "D3"])) == true)
        #expect(s.decision("D1")?.status == .granted)
        #expect(s.decision("D1")?.reasons.contains { if case .sharedWith = $0 { return true } else { return false } } == false)
    }

    @Test(arguments: [
        (451, [300, 300], [226, 225]), (420, [100, 400], [100, 320]), (0, [10, 10], [0, 0]),
        (1000, [100, 200], [100, 200]), (10, [3, 3, 3, 3], [3, 3, 2, 2]), (7, [0, 5], [0, 5]),
    ])
    func fairShare(capacity: Int, needs: [Int], expected: [Int]) {
        #expect(FairShare.share(capacity, among: needs) == expected)
    }

    // MARK: §3.3.2 running replacements are not cut by later non-urgent ones

    @Test func startedNonUrgentRequestKeepsItsAgent() {
        let s = Scenario()
        s.member("M1").member("M2", population: 100).agent("A")
        s.request("D1", "M1", .missionParticuliere, received: "2024-01-10", start: "2024-03-04", end: "2024-03-22", weekly: 2100)
        // A small commune, higher class, received earlier, but starting later: it waits.
        s.request("D2", "M2", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-22", weekly: 2100)
        #expect(s.decision("D1")?.status == .granted)
        #expect(s.decision("D2")?.status == .unserved)
    }

    @Test func startedRequestsGoByClassThenSmallThenReceived() {
        let s = Scenario()
        s.member("M1").member("M2").agent("A", weekly: 3000)  // 600 a day
        s.request("P3", "M1", .surcroit, received: "2024-01-01", start: "2024-03-04", end: "2024-03-22", weekly: 1500)
        s.request("P2", "M2", .enfantMalade, received: "2024-01-05", start: "2024-03-04", end: "2024-03-22", weekly: 1500)
        // Both start the same day: P2 first (class), then P3 gets the rest: 300 + 300.
        #expect(s.given("P2", on: "2024-03-05") == ["A": 300])
        #expect(s.given("P3", on: "2024-03-05") == ["A": 300])
    }

    // MARK: §3.4 pre-emption

    @Test func urgentRequestEndsARunningNonUrgentOne() {
        let s = Scenario()
        s.member("M1", population: 3300, single: false).member("M2").agent("A")
        s.request("D1", "M1", .missionParticuliere, received: "2024-01-10", start: "2024-03-04", end: "2024-03-29", weekly: 2100)
        s.request("D2", "M2", .maladie, received: "2024-03-08", start: "2024-03-11", end: "2024-03-22", weekly: 1050)
        let d1 = s.decision("D1")
        #expect(d1?.status == .preempted)
        #expect(d1?.preemptedOn == Scenario.day("2024-03-11"))
        #expect(d1?.servedMinutes == 5 * 420)
        #expect(d1?.reasons.map(\.code) == ["PREEMPTED_BY:D2"])
        // Its minutes went back to the pool; it gets nothing afterwards.
        #expect(s.given("D1", on: "2024-03-11").isEmpty)
        #expect(s.given("D1", on: "2024-03-25").isEmpty)
        #expect(s.decision("D2")?.status == .granted)
    }

    @Test func withoutAnUrgentRequestAShortfallOnlyMakesItPartial() {
        let s = Scenario()
        s.member("M1").agent("A", absences: [Absence(from: Scenario.day("2024-03-12"), to: Scenario.day("2024-03-12"), kind: .conges)])
        s.request("D1", "M1", .retraite, received: "2024-01-10", start: "2024-03-11", end: "2024-03-22", weekly: 2100)
        let d = s.decision("D1")
        #expect(d?.status == .partial)
        #expect(d?.preemptedOn == nil)
        #expect(d?.servedMinutes == 9 * 420)
    }

    @Test func urgentRequestThatLeavesEnoughDoesNotPreempt() {
        let s = Scenario()
        s.member("M1").member("M2").agent("A").agent("B")
        s.request("D1", "M1", .surcroit, received: "2024-01-10", start: "2024-03-04", end: "2024-03-22", weekly: 2100)
        s.request("D2", "M2", .maladie, received: "2024-03-01", start: "2024-03-11", end: "2024-03-22", weekly: 2100)
        #expect(s.decision("D1")?.status == .granted)
        #expect(s.decision("D2")?.status == .granted)
    }

    @Test func implicitUrgentRotaRequestNeverPreempts() {
        let s = Scenario()
        s.member("M1", population: 3300, single: false).member("R")
        s.agent("A", weekly: 2100)
        s.agent("B", weekly: 2100, rota: [RotaEntry(member: "R", day: .tue, time: TimeRange(start: 540, end: 720))],
                absences: [Absence(from: Scenario.day("2024-03-11"), to: Scenario.day("2024-03-15"), kind: .maladie)])
        s.request("D1", "M1", .missionParticuliere, received: "2024-01-10", start: "2024-03-04", end: "2024-03-22", weekly: 2100)
        let rota = s.decision("ROTA:B:R:2024-03-12")
        #expect(rota?.priorityClass == .urgent)
        #expect(rota?.request.motive == .maladie)
        #expect(rota?.request.received == Scenario.day("2024-03-11"))
        #expect(rota?.status == .granted)
        // D1 is short on 12 March (A gives 180 to the rota request) but is not ended.
        #expect(s.decision("D1")?.preemptedOn == nil)
        #expect(s.decision("D1")?.status == .partial)
    }

    // MARK: §3.3.4 tour de rôle

    @Test func summerRequestsByTourDeRoleWithoutSharing() {
        let s = Scenario()
        s.member("OLD", lastSummer: 2021).member("NEVER", lastSummer: nil).member("RECENT", lastSummer: 2023).agent("A")
        for (id, member) in [("S1", "RECENT"), ("S2", "OLD"), ("S3", "NEVER")] {
            s.request(id, member, .congesEte, received: "2024-05-01", start: "2024-07-22", end: "2024-08-09", weekly: 1500)
        }
        // 420 a day: NEVER takes 300, OLD 120, RECENT nothing.
        #expect(s.given("S3", on: "2024-07-22") == ["A": 300])
        #expect(s.given("S2", on: "2024-07-22") == ["A": 120])
        #expect(s.given("S1", on: "2024-07-22").isEmpty)
        #expect(s.decision("S3")?.reasons.map(\.code).prefix(2) == ["SMALL_COMMUNE", "TOUR_DE_ROLE"])
        #expect(s.decision("S1")?.status == .unserved)
        // From the second day both are running replacements, taken by (class, small, received,
        // id) as §3.3.2 says: S2 before S3 (see docs/decisions.md).
        #expect(s.given("S2", on: "2024-07-23") == ["A": 300])
        #expect(s.given("S3", on: "2024-07-23") == ["A": 120])
    }

    @Test func summerTieGoesToReceivedThenId() {
        let s = Scenario()
        s.member("M1", lastSummer: 2022).member("M2", lastSummer: 2022).agent("A")
        s.request("S2", "M1", .congesEte, received: "2024-05-01", start: "2024-07-22", end: "2024-08-09", weekly: 2100)
        s.request("S1", "M2", .congesEte, received: "2024-05-01", start: "2024-07-22", end: "2024-08-09", weekly: 2100)
        #expect(s.decision("S1")?.status == .granted)
        #expect(s.decision("S2")?.status == .unserved)
    }

    /// The tour de rôle moves on by itself (rules.md §3.3.4): a commune served in July 2024 has
    /// 2024 as its last summer replacement from then on, so in August a commune never served
    /// goes first although its request came later.
    @Test func theTourDeRoleMovesOnOnceACommuneIsServed() {
        let s = Scenario()
        s.member("SERVED", lastSummer: nil).member("WAITING", lastSummer: nil).agent("A")
        s.request("S1", "SERVED", .congesEte, received: "2024-04-01", start: "2024-07-08", end: "2024-07-19", weekly: 2100)
        s.request("S2", "SERVED", .congesEte, received: "2024-04-02", start: "2024-08-05", end: "2024-08-16", weekly: 2100)
        s.request("S3", "WAITING", .congesEte, received: "2024-05-01", start: "2024-08-05", end: "2024-08-16", weekly: 2100)
        #expect(s.decision("S1")?.status == .granted)
        // Without the derived year both would be "never": S2, received first, would win.
        #expect(s.given("S3", on: "2024-08-05") == ["A": 420])
        #expect(s.given("S2", on: "2024-08-05").isEmpty)
        #expect(s.decision("S2")?.status == .unserved)
        // What exports of the plan show: the derived year, the record's where none was derived.
        #expect(s.plan().lastSummerReplacements(members: s.territory.members) == ["SERVED": 2024, "WAITING": 2024])
        var older = s.territory.members
        older.append(Member(code: "OLD", name: "Old", population: 100, singlePartTimeSecretary: true,
                            memberSince: Scenario.day("2020-01-01"), lastSummerReplacement: 2019))
        #expect(s.plan().lastSummerReplacements(members: older)["OLD"] == 2019)
    }

    // MARK: §3.5 which agent

    @Test func substituteThenMostCapacityThenLowestCode() {
        let s = Scenario()
        s.member("M1", substitute: "C").member("M2").member("M3")
        s.agent("A", weekly: 2000).agent("B", weekly: 2000).agent("C", weekly: 2000)
        s.request("D1", "M1", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-22", weekly: 1000)
        s.request("D2", "M2", .retraite, received: "2024-01-02", start: "2024-03-11", end: "2024-03-22", weekly: 1000)
        s.request("D3", "M3", .retraite, received: "2024-01-03", start: "2024-03-11", end: "2024-03-22", weekly: 1000)
        #expect(s.given("D1", on: "2024-03-11") == ["C": 200])
        // A and B tie at 400: the lowest code, A.
        #expect(s.given("D2", on: "2024-03-11") == ["A": 200])
        // Then B has the most capacity left.
        #expect(s.given("D3", on: "2024-03-11") == ["B": 200])
    }

    @Test func continuityAgentComesBeforeTheSubstitute() {
        let s = Scenario()
        s.member("M1", substitute: "B").member("M2")
        s.agent("A").agent("B")
        // Day 1: B is away, so A serves D1; from then on A stays, although B is the substitute.
        s.territory.agents[1].absences = [Absence(from: Scenario.day("2024-03-11"), to: Scenario.day("2024-03-11"), kind: .formation)]
        s.request("D1", "M1", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-22", weekly: 1000)
        #expect(s.given("D1", on: "2024-03-11") == ["A": 200])
        #expect(s.given("D1", on: "2024-03-12") == ["A": 200])
        #expect(s.decision("D1")?.periods == [ServedPeriod(from: Scenario.day("2024-03-11"), to: Scenario.day("2024-03-22"), agent: "A", minutesPerDay: 200)])
    }

    @Test func aDayMayBeSplitAcrossAgents() {
        let s = Scenario()
        s.member("M").agent("A", weekly: 1000).agent("B", weekly: 1500)
        s.request("D1", "M", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 2000)
        #expect(s.given("D1", on: "2024-03-11") == ["B": 300, "A": 100])
        #expect(s.decision("D1")?.periods.count == 2)
    }

    // MARK: §4 implicit rota requests

    @Test func implicitRotaRequests() {
        let s = Scenario()
        s.member("R1").member("R2")
        s.agent("A", rota: [RotaEntry(member: "R1", day: .mon, time: TimeRange(start: 540, end: 720)),
                            RotaEntry(member: "R1", day: .mon, time: TimeRange(start: 840, end: 900)),
                            RotaEntry(member: "R2", day: .wed, time: TimeRange(start: 540, end: 600))],
                absences: [Absence(from: Scenario.day("2024-04-01"), to: Scenario.day("2024-04-10"), kind: .conges)])
        let ids = s.plan().decisions.map(\.id)
        // Easter Monday 1 April is a holiday: no request that day.
        #expect(ids == ["ROTA:A:R1:2024-04-08", "ROTA:A:R2:2024-04-03", "ROTA:A:R2:2024-04-10"])
        let monday = s.decision("ROTA:A:R1:2024-04-08")
        #expect(monday?.neededMinutes == 240)
        #expect(monday?.priorityClass == .absence)
        #expect(monday?.request.motive == .autreAbsence)
        #expect(monday?.request.received == Scenario.day("2024-04-01"))
        #expect(monday?.isImplicit == true)
        #expect(monday?.reasons.contains(.shortNotice) == false)
    }

    @Test func statuses() {
        let s = Scenario()
        s.member("M").member("N").agent("A", weekly: 1500)
        s.request("G", "M", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 1000)
        s.request("P", "N", .surcroit, received: "2024-01-02", start: "2024-03-11", end: "2024-03-15", weekly: 1000)
        s.request("U", "N", .retraite, received: "2024-01-02", start: "2024-03-18", end: "2024-03-22", weekly: 1000)
        #expect(s.decision("G")?.status == .granted)
        #expect(s.decision("P")?.status == .partial)
        #expect(s.decision("P")?.servedMinutes == 5 * 100)
        #expect(s.decision("P")?.neededMinutes == 5 * 200)
        #expect(s.decision("U")?.status == .granted)
    }
}

/// Who went first, said by name (issue 12): a request left short keeps the requests served
/// before it those days, in the order of rules.md §3.3; a request never short keeps none.
@Suite struct WhoWentFirstTests {
    @Test func aShortRequestNamesTheRequestsServedBeforeIt() {
        let s = Scenario()
        s.member("SMALL", population: 200, single: true).member("BIG", population: 3000, single: false).member("MID", population: 1500, single: false)
        s.agent("A", weekly: 2100)
        // One agent, 7 h a day: the small commune's urgency takes 4 h, the other urgency 2 h,
        // the absence request only 1 h of its 7 h.
        s.request("U1", "SMALL", .maladie, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 1200)
        s.request("U2", "BIG", .accident, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 600)
        s.request("P2", "MID", .retraite, received: "2023-12-01", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        let short = s.decision("P2")
        #expect(short?.reasons.contains(.noCapacity) == true)
        #expect(short?.wentFirst == ["U1", "U2"], "small urgent first, then the other urgent")
        #expect(s.decision("U1")?.wentFirst == [])
        #expect(s.decision("U2")?.wentFirst == [])
    }

    @Test func sharingIsNotGoingFirstButARunningRequestIs() {
        let s = Scenario()
        s.member("M1").member("M2")
        s.agent("A", weekly: 2100)
        s.request("R1", "M1", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        s.request("R2", "M2", .retraite, received: "2024-01-02", start: "2024-03-11", end: "2024-03-15", weekly: 2100)
        // Day one: same class and size group, they share (SHARED_WITH), nobody goes first. From
        // day two both run, one at a time by received date: R1 goes first.
        #expect(s.given("R1", on: "2024-03-11") == ["A": 210])
        #expect(s.given("R2", on: "2024-03-11") == ["A": 210])
        #expect(s.decision("R2")?.reasons.contains(.sharedWith(["R1"])) == true)
        #expect(s.decision("R1")?.wentFirst == [])
        #expect(s.decision("R2")?.wentFirst == ["R1"])
    }
}
