import Domain
import PropertyBased
import Testing

@Suite("Weekly schedules (rules.md §5)")
struct ScheduleTests {
    static let weekdays: [Weekday: String] = [.mon: "09:00-12:00,14:00-17:00", .tue: "09:00-12:00,14:00-17:00",
                                              .wed: "09:00-12:00", .thu: "09:00-12:00,14:00-17:00", .fri: "09:00-12:00,14:00-16:00"]

    @Test func workIsPlacedInsideOpeningHoursMorningThenAfternoon() throws {
        let s = Scenario()
        s.member("M", opening: Self.weekdays).agent("A")
        s.request("R", "M", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 1500)
        let schedule = try #require(WeeklySchedule.make(requestID: "R", plan: s.plan(), territory: s.territory))
        #expect(schedule.week == Scenario.day("2024-03-11"))
        #expect(schedule.slots.count == 5)
        let monday = try #require(schedule.slots.first)
        #expect(monday.morning.map(\.text) == ["09:00-12:00"])
        #expect(monday.afternoon.map(\.text) == ["14:00-16:00"])
        #expect(monday.placedMinutes == 300)
        // Wednesday the town hall opens 3 hours only: 2 hours do not fit, and opening
        // right after noon would solve it.
        let wednesday = try #require(schedule.conflicts.first)
        #expect(schedule.conflicts.count == 1)
        #expect(wednesday.date == Scenario.day("2024-03-13"))
        #expect(wednesday.missingMinutes == 120)
        #expect(wednesday.proposedOpening?.text == "12:00-14:00")
    }

    @Test func anAgentIsNeverInTwoPlacesAtOnce() throws {
        let s = Scenario()
        s.member("M1", opening: Self.weekdays).member("M2", opening: Self.weekdays).member("R", opening: Self.weekdays)
        s.agent("A", rota: [RotaEntry(member: "R", day: .tue, time: TimeRange(start: 540, end: 660))])
        s.request("D1", "M1", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 1000)
        s.request("D2", "M2", .surcroit, received: "2024-01-01", start: "2024-03-11", end: "2024-03-15", weekly: 1000)
        let plan = s.plan()
        let one = try #require(WeeklySchedule.make(requestID: "D1", plan: plan, territory: s.territory))
        let two = try #require(WeeklySchedule.make(requestID: "D2", plan: plan, territory: s.territory))
        for (a, b) in zip(one.slots, two.slots) {
            #expect(a.date == b.date)
            for x in a.ranges { for y in b.ranges { #expect(!x.overlaps(y), "\(a.date)") } }
        }
        // The higher class gets the first hours; on Tuesday, the rota (09:00–11:00) comes first.
        #expect(one.slots[0].ranges.first?.text == "09:00-12:00")
        let tuesday = Scenario.day("2024-03-12")
        #expect(one.slots.first { $0.date == tuesday }?.ranges.map(\.text) == ["11:00-12:00", "14:00-16:20"])
        // D2 gets the 100 minutes left that day; 40 fit before closing time, 60 do not.
        #expect(two.slots.first { $0.date == tuesday }?.ranges.map(\.text) == ["16:20-17:00"])
        #expect(two.conflicts.first { $0.date == tuesday }?.missingMinutes == 60)
    }

    @Test func noScheduleForARequestWithoutHours() {
        let s = Scenario()
        s.member("M", opening: Self.weekdays).agent("A")
        s.request("R", "M", .retraite, received: "2024-01-01", start: "2024-03-11", end: "2024-03-12", weekly: 1500)
        #expect(WeeklySchedule.make(requestID: "R", plan: s.plan(), territory: s.territory) == nil)
        #expect(WeeklySchedule.make(requestID: "nope", plan: s.plan(), territory: s.territory) == nil)
    }

    @Test func placementNeverLeavesOpeningHoursOrOverlapsBusyTime() async {
        await propertyCheck(input: Gen.int(in: 0...600), Gen.int(in: 0...720)) { minutes, busyStart in
            let opening = [TimeRange(start: 540, end: 720), TimeRange(start: 840, end: 1020)]
            let busy = [TimeRange(start: busyStart, end: busyStart + 60)]
            let placed = WeeklySchedule.place(minutes, in: opening, avoiding: busy)
            #expect(placed.reduce(0) { $0 + $1.minutes } <= minutes)
            for range in placed {
                #expect(opening.contains { $0.start <= range.start && range.end <= $0.end })
                #expect(!busy.contains { $0.overlaps(range) })
            }
        }
    }
}

@Suite("An agent's day in the grid: morning and afternoon")
struct AgentDayTests {
    static let tuesday = CalendarDate(year: 2024, month: 3, day: 12) ?? CalendarDate(dayNumber: 0)

    @Test func rotaKeepsItsTimeAndRequestsFillTheMorningFirst() {
        // 35 h a week: 7 h a day, 3:30 each half.
        let agent = Agent(code: "A", name: "A", weeklyMinutes: 2100,
                          rota: [RotaEntry(member: "R1", day: .tue, time: TimeRange(start: 14 * 60, end: 16 * 60))])
        let work = [(request: "D1", minutes: 180), (request: "D2", minutes: 120), (request: "D3", minutes: 60)]
        let (morning, afternoon) = AgentDay.split(agent: agent, day: Self.tuesday, work: work) { ["D1": "M1", "D2": "M2", "D3": "M3"][$0] ?? "" }
        // D1 (3:00) leaves 0:30 of the morning: D2 starts there and goes on after noon; D3 is afternoon.
        #expect(morning.map(\.request) == ["D1", "D2"])
        #expect(afternoon.map(\.request) == [nil, "D2", "D3"])
        #expect(afternoon.first?.rota == TimeRange(start: 14 * 60, end: 16 * 60))
        #expect(afternoon.first?.member == "R1")
        #expect(morning.map(\.member) == ["M1", "M2"])
    }

    @Test func minutesTheOpeningHoursCannotHoldAreCounted() {
        let member = Member(code: "M", name: "M", population: 300, singlePartTimeSecretary: true,
                            memberSince: CalendarDate(dayNumber: 0),
                            openingHours: OpeningHours([.tue: [TimeRange(start: 9 * 60, end: 12 * 60)]]))
        let request = ReplacementRequest(id: "D1", member: "M", motive: .maladie, received: Self.tuesday, start: Self.tuesday,
                                         end: Self.tuesday, minutesPerWeek: 1500)
        let decision = RequestDecision(request: request, isImplicit: false, small: true, status: .granted, neededMinutes: 300,
                                       servedMinutes: 300, preemptedOn: nil, capped: false, effectiveEnd: Self.tuesday,
                                       reasons: [], periods: [])
        // A rota slot 10:00–11:00 elsewhere leaves 2 h of the 3 h opening: 5 h asked, 3 h missing.
        let agent = Agent(code: "A", name: "A", weeklyMinutes: 2100,
                          rota: [RotaEntry(member: "X", day: .tue, time: TimeRange(start: 10 * 60, end: 11 * 60))])
        #expect(AgentDay.openingConflict(agent: agent, day: Self.tuesday, duties: [(decision, 300)]) { $0 == "M" ? member : nil } == 180)
        // A member without opening hours on record is not judged.
        #expect(AgentDay.openingConflict(agent: agent, day: Self.tuesday, duties: [(decision, 300)]) { _ in nil } == nil)
    }
}
