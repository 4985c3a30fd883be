import Domain
import PropertyBased
import Testing

/// A small adversarial territory: few agents, many overlapping requests of every class,
/// absences and rotas, all drawn from one seed.
func randomTerritory(seed: UInt64) -> Territory {
    var rng = SeededGenerator(seed: seed)
    let base = CalendarDate(year: 2024, month: 3, day: 1) ?? CalendarDate(dayNumber: 0)
    let memberCount = rng.int(in: 2...6)
    let members = (0..<memberCount).map { i in
        Member(code: "M\(i)", name: "Commune \(i)", population: rng.int(in: 0...3000), singlePartTimeSecretary: rng.chance(percent: 50),
               memberSince: base.adding(days: rng.int(in: -400...20)), substituteAgent: rng.chance(percent: 40) ? "A\(rng.int(in: 0...2))" : nil,
               lastSummerReplacement: rng.chance(percent: 50) ? nil : rng.int(in: 2019...2023))
    }
    let agents = (0..<rng.int(in: 1...3)).map { i in
        var rota: [RotaEntry] = []
        if rng.chance(percent: 50) {
            rota.append(RotaEntry(member: "M\(rng.int(in: 0...(memberCount - 1)))", day: Weekday.allCases[rng.int(in: 0...4)],
                                  time: TimeRange(start: 540, end: 540 + rng.int(in: 30...240))))
        }
        var absences: [Absence] = []
        if rng.chance(percent: 60) {
            let from = base.adding(days: rng.int(in: 0...60))
            absences.append(Absence(from: from, to: from.adding(days: rng.int(in: 0...10)),
                                    kind: AbsenceKind.allCases[rng.int(in: 0...(AbsenceKind.allCases.count - 1))]))
        }
        return Agent(code: "A\(i)", name: "Agent \(i)", weeklyMinutes: rng.int(in: 600...2250), rota: rota, absences: absences)
    }
    let requests = (0..<rng.int(in: 1...10)).map { i in
        let start = base.adding(days: rng.int(in: 0...60))
        return ReplacementRequest(
            id: "R\(i)", member: "M\(rng.int(in: 0...(memberCount - 1)))",
            motive: Motive.allCases[rng.int(in: 0...(Motive.allCases.count - 1))],
            received: start.adding(days: -rng.int(in: 0...30)), start: start, end: start.adding(days: rng.int(in: -2...90)),
            minutesPerWeek: rng.int(in: 60...2400), exceptional: rng.chance(percent: 15))
    }
    return Territory(service: ServiceSettings(name: "Aléatoire", holidays: rng.chance(percent: 50) ? .france : .alsaceMoselle),
                     members: members, agents: agents, requests: requests)
}

@Suite("Arbitration invariants on random territories")
struct ArbitrationPropertyTests {
    @Test func noAgentAboveCapacityOnAnyDay() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            Self.checkCapacity(randomTerritory(seed: UInt64(seed)))
        }
    }

    static func checkCapacity(_ territory: Territory) {
        let calendar = territory.service.calendar
        var used: [String: [CalendarDate: Int]] = [:]
        for allocation in Arbitration.plan(territory).allocations {
            #expect(allocation.minutes > 0)
            #expect(calendar.isWorkingDay(allocation.date))
            used[allocation.agent, default: [:]][allocation.date, default: 0] += allocation.minutes
        }
        for agent in territory.agents {
            for (date, minutes) in used[agent.code] ?? [:] {
                let rota = agent.rota.filter { $0.day == date.weekday }.reduce(0) { $0 + $1.time.minutes }
                let capacity = agent.absence(on: date) == nil ? max(0, agent.dailyMinutes - rota) : 0
                #expect(minutes <= capacity, "\(agent.code) \(date)")
            }
        }
    }

    @Test func servedMatchesAllocationsAndNeverExceedsNeed() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let plan = Arbitration.plan(randomTerritory(seed: UInt64(seed)))
            for decision in plan.decisions {
                let allocated = plan.allocations.filter { $0.request == decision.id }
                let total = allocated.reduce(0) { $0 + $1.minutes }
                #expect(decision.servedMinutes == total)
                #expect(decision.servedMinutes <= decision.neededMinutes)
                // Every allocated day lies within the (capped) span.
                #expect(allocated.allSatisfy { $0.date >= decision.request.start && $0.date <= decision.effectiveEnd })
                switch decision.status {
                case .refused: #expect(allocated.isEmpty)
                case .granted: #expect(decision.servedMinutes == decision.neededMinutes)
                case .unserved: #expect(decision.servedMinutes == 0)
                case .partial: #expect(decision.servedMinutes > 0 && decision.servedMinutes < decision.neededMinutes)
                case .preempted:
                    let cut = decision.preemptedOn ?? CalendarDate(dayNumber: 0)
                    #expect(allocated.allSatisfy { $0.date < cut })
                    #expect(decision.priorityClass != .urgent)
                    #expect(decision.reasons.contains { $0.code.hasPrefix("PREEMPTED_BY:") })
                }
                // A request never takes more than its daily need on a day.
                var perDay: [CalendarDate: Int] = [:]
                for allocation in allocated { perDay[allocation.date, default: 0] += allocation.minutes }
                #expect(perDay.values.allSatisfy { $0 <= decision.request.dailyNeed })
            }
        }
    }

    @Test func periodsAddUpToServedMinutes() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            let territory = randomTerritory(seed: UInt64(seed))
            let calendar = territory.service.calendar
            for decision in Arbitration.plan(territory).decisions {
                let fromPeriods = decision.periods.reduce(0) {
                    $0 + calendar.workingDays(from: $1.from, to: $1.to).count * $1.minutesPerDay
                }
                #expect(fromPeriods == decision.servedMinutes, "\(decision.id)")
            }
        }
    }

    @Test func sameInputSameOutput() async {
        await propertyCheck(count: 100, input: Gen.int(in: 0...Int.max)) { seed in
            let territory = randomTerritory(seed: UInt64(seed))
            var shuffled = territory
            shuffled.requests.reverse()
            shuffled.agents.reverse()
            let a = Arbitration.plan(territory)
            let b = Arbitration.plan(shuffled)
            #expect(a.decisions == b.decisions)
            #expect(a.decisions.map(\.id) == a.decisions.map(\.id).sorted())
        }
    }

    @Test func urgentRequestsAreNeverEnded() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int.max)) { seed in
            for decision in Arbitration.plan(randomTerritory(seed: UInt64(seed))).decisions where decision.priorityClass == .urgent {
                #expect(decision.preemptedOn == nil)
            }
        }
    }
}
