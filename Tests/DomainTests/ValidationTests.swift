import Domain
import Testing

/// A small valid territory that each test breaks in one way.
func sampleTerritory() -> Territory {
    let since = CalendarDate(year: 2022, month: 9, day: 1) ?? CalendarDate(dayNumber: 0)
    let day = CalendarDate(year: 2023, month: 1, day: 9) ?? CalendarDate(dayNumber: 0)
    return Territory(
        service: ServiceSettings(name: "Service test"),
        tariffs: [Tariff.framework(year: 2023)],
        members: [
            Member(code: "71040", name: "Saint-Bérain-sous-Sanvignes", population: 420, singlePartTimeSecretary: true,
                   memberSince: since, substituteAgent: "A1"),
            Member(code: "71184", name: "Écuisses", population: 1500, singlePartTimeSecretary: false, memberSince: since),
        ],
        agents: [
            Agent(code: "A1", name: "Camille Martin", weeklyMinutes: 2100,
                  rota: [RotaEntry(member: "71040", day: .mon, time: TimeRange(start: 540, end: 720))],
                  absences: [Absence(from: day.adding(days: 30), to: day.adding(days: 40), kind: .conges)]),
        ],
        requests: [
            ReplacementRequest(id: "D-1", member: "71040", motive: .maladie, received: day, start: day,
                               end: day.adding(days: 25), minutesPerWeek: 1050),
        ],
        timeEntries: [TimeEntry(agent: "A1", member: "71040", date: day, minutes: 210, request: "D-1", validated: true)])
}

@Suite("Territory validation")
struct ValidationTests {
    func problems(_ change: (inout Territory) -> Void) -> [DataError] {
        var territory = sampleTerritory()
        change(&territory)
        return TerritoryValidation.problems(in: territory)
    }

    @Test func sampleIsValid() {
        #expect(TerritoryValidation.problems(in: sampleTerritory()).isEmpty)
    }

    @Test func negativePopulation() {
        #expect(problems { $0.members[1].population = -5 }.map(\.location) == ["members[1].population"])
    }

    @Test func duplicateCodes() {
        #expect(problems { $0.members[1].code = "71040" }.first?.location == "members[1].code")
        #expect(problems { $0.agents.append($0.agents[0]) }.first?.location == "agents[1].code")
        #expect(problems { $0.requests.append($0.requests[0]) }.first?.location == "requests[1].id")
        #expect(problems { $0.tariffs.append($0.tariffs[0]) }.first?.location == "tariffs[1].year")
    }

    @Test func unknownReferences() {
        #expect(problems { $0.members[0].substituteAgent = "ZZ" }.first == DataError("members[0].substitute_agent", .unknownAgent("ZZ")))
        #expect(problems { $0.agents[0].rota[0].member = "00000" }.first?.location == "agents[0].rota[0].member")
        #expect(problems { $0.requests[0].member = "00000" }.first?.location == "requests[0].member")
        #expect(problems { $0.timeEntries[0].request = "D-9" }.first?.location == "time_entries[0].request")
        #expect(problems { $0.timeEntries[0].agent = "B9" }.first?.location == "time_entries[0].agent")
    }

    @Test func referencesMayPointAtTheDatabase() {
        var territory = sampleTerritory()
        territory.members[0].substituteAgent = "B2"
        let known = KnownRecords(agents: ["B2"])
        #expect(TerritoryValidation.problems(in: territory, existing: known).isEmpty)
    }

    @Test func timeEntryRules() {
        #expect(problems { $0.timeEntries[0].minutes = 1500 }.first?.location == "time_entries[0].hours")
        #expect(problems { $0.timeEntries[0].minutes = 0 }.first?.location == "time_entries[0].hours")
        #expect(problems { $0.timeEntries[0].date = CalendarDate(year: 2021, month: 5, day: 3) ?? $0.timeEntries[0].date }
            .first?.problem == .notMemberOn(member: "71040", date: CalendarDate(year: 2021, month: 5, day: 3) ?? CalendarDate(dayNumber: 0)))
        let problem = problems { $0.timeEntries[0].member = "71184" }.first?.problem
        guard case .requestOfOtherMember(let request, let member, let owner, _, _)? = problem else { Issue.record("\(String(describing: problem))"); return }
        #expect(request == "D-1" && member == "71184" && !owner.isEmpty && owner != member)
        #expect(problem?.message(in: .fr).contains("est celle de") == true)
        #expect(problems {
            $0.timeEntries.append(TimeEntry(agent: "A1", member: "71184", date: $0.timeEntries[0].date, minutes: 1300))
        }.first?.location == "time_entries[1].hours")
    }

    @Test func periodsAndRanges() {
        #expect(problems { $0.members[0].memberUntil = CalendarDate(year: 2020, month: 1, day: 1) }.first?.location == "members[0].member_until")
        #expect(problems { $0.agents[0].rota[0].time = TimeRange(start: 720, end: 540) }.first?.location == "agents[0].rota[0].to")
        #expect(problems {
            $0.agents[0].rota.append(RotaEntry(member: "71184", day: .mon, time: TimeRange(start: 600, end: 800)))
        }.first?.location == "agents[0].rota[1]")
        #expect(problems { $0.agents[0].absences[0].to = $0.agents[0].absences[0].from.adding(days: -1) }.first?.location == "agents[0].absences[0].to")
        #expect(problems { $0.agents[0].weeklyMinutes = 0 }.first?.location == "agents[0].weekly_hours")
        #expect(problems { $0.requests[0].minutesPerWeek = 0 }.first?.location == "requests[0].hours_per_week")
        #expect(problems { $0.tariffs[0].bands.swapAt(0, 1) }.first?.location.hasPrefix("tariffs[0].bands") == true)
        #expect(problems { $0.tariffs[0].bands[1].maxPopulation = nil }.first?.problem == .openBandNotLast)
        #expect(problems { $0.service.annualWorkingDays = 0 }.first?.location == "service.annual_working_days")
    }

    @Test func messagesAreFrenchByDefaultAndNameThePath() {
        let error = DataError("members[3].population", .outOfRange(found: -5, min: 0, max: nil))
        #expect(error.message(in: .fr) == "members[3].population : -5 hors limites : au moins 0 attendu")
        #expect(error.message(in: .en) == "members[3].population: -5 out of range: expected at least 0")
        #expect(DataProblem.invalidDate("2023-02-30").message(in: .fr).contains("2023-02-30"))
    }
}

@Suite("Problems say dates in French words")
struct ProblemDateTests {
    @Test func noISODateInAFrenchMessage() throws {
        let start = try #require(CalendarDate(year: 2026, month: 12, day: 14)), end = try #require(CalendarDate(year: 2026, month: 12, day: 11))
        #expect(DataProblem.endBeforeStart(start: start, end: end).message(in: .fr) == "fin ven. 11 déc. 2026 avant le début lun. 14 déc. 2026")
        #expect(DataProblem.notMemberOn(member: "71040", date: start).message(in: .fr) == "« 71040 » n'était pas membre du service le lun. 14 déc. 2026")
        #expect(DataProblem.overlapsAbsence(start).message(in: .fr).contains("(le lun. 14 déc. 2026)"))
        #expect(DataProblem.dayOverfull(agent: "A1", date: start, minutes: 1500).message(in: .fr).contains("le lun. 14 déc. 2026 :"))
        // English keeps the ISO form it had.
        #expect(DataProblem.endBeforeStart(start: start, end: end).message(in: .en) == "end 2026-12-11 before start 2026-12-14")
    }
}
