import Domain
@testable import Store
import Testing

/// Printed contracts carry a version: the same content prints as the same version; a changed
/// plan makes a new one that names the date of the one it replaces (issue 12).
@Suite struct ContractVersionTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate.parseISO(iso) ?? CalendarDate(dayNumber: 0) }

    @Test func aChangedContractIsANewVersionThatNamesTheOneItReplaces() throws {
        let database = try AccessTests.database()
        let first = try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-02"))
        #expect(first == .init(number: 1, date: Self.day("2026-12-02"), replaces: nil))
        // Printed again days later, unchanged: still the first version, with its date.
        #expect(try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-05")) == first)
        // The plan changed: version 2, which replaces the one of 2 December.
        let second = try database.contractVersion(request: "D1", fingerprint: "b", on: Self.day("2026-12-07"))
        #expect(second == .init(number: 2, date: Self.day("2026-12-07"), replaces: Self.day("2026-12-02")))
        #expect(try database.contractVersion(request: "D1", fingerprint: "b", on: Self.day("2026-12-09")) == second)
        // Another request's versions are its own.
        #expect(try database.contractVersion(request: "D2", fingerprint: "b", on: Self.day("2026-12-09")).number == 1)
    }

    @Test func anObserverPrintsAChangedContractAsADraftAndRecordsNothing() throws {
        let database = try AccessTests.database()
        _ = try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-02"))
        database.setActor("olivier")
        database.setReadOnly(true)
        #expect(try database.contractVersion(request: "D1", fingerprint: "a", on: Self.day("2026-12-07")).recorded)
        let draft = try database.contractVersion(request: "D1", fingerprint: "b", on: Self.day("2026-12-07"))
        #expect(draft == .init(number: 0, date: Self.day("2026-12-07"), replaces: Self.day("2026-12-02"), recorded: false))
        let count = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contract_version") }
        #expect(count == 1)
    }
}

/// The coordinator's corrections of hours (issue 12): the checks of `logHours`, the month lock
/// and the audit trail; a validated entry is un-validated; a change made meanwhile is refused.
@Suite struct HoursCorrectionStoreTests {
    static let location: @Sendable (String) -> String = { $0 }

    @Test func aValidatedEntryIsUnvalidatedByItsCorrectionAndBothAreAudited() throws {
        let database = try AccessTests.database()
        let logged = try AccessTests.log(database, "2023-02-08", minutes: 60)
        let id = try #require(logged.id)
        _ = try database.validateHours(ids: [id])
        let read = try #require(try database.versionedTimeEntry(id: id))
        var changed = read.entry
        changed.minutes = 90
        let stored = try database.correctHours(changed, read: .timeEntry(read.entry, version: read.version, memberName: ""), location: Self.location)
        #expect(stored.minutes == 90 && !stored.validated)
        let now = try #require(try database.versionedTimeEntry(id: id))
        #expect(now.entry.minutes == 90 && !now.entry.validated && now.version > read.version)
        let trail = try database.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(before, '') || ' → ' || coalesce(after, '') FROM audit WHERE entity = 'time_entry' AND key = ? ORDER BY id",
                                arguments: [String(id)])
        }
        #expect(trail.last?.contains("\"validated\":1") == true && trail.last?.contains("\"validated\":0") == true, "\(trail)")
        // The old read is stale now: refused, saying what the entry is.
        #expect(throws: StaleEdit.self) {
            try database.correctHours(changed, read: .timeEntry(read.entry, version: read.version, memberName: ""), location: Self.location)
        }
        #expect(throws: StaleEdit.self) { try database.deleteHours(.timeEntry(read.entry, version: read.version, memberName: "")) }
        // Bad input changes nothing.
        var bad = now.entry
        bad.minutes = 25 * 60
        #expect(throws: InvalidTerritory.self) {
            try database.correctHours(bad, read: .timeEntry(now.entry, version: now.version, memberName: ""), location: Self.location)
        }
        try database.deleteHours(.timeEntry(now.entry, version: now.version, memberName: ""))
        #expect(try database.versionedTimeEntry(id: id) == nil)
    }

    @Test func aClosedMonthRefusesCorrections() throws {
        let database = try AccessTests.database()
        let logged = try AccessTests.log(database, "2023-02-08", minutes: 60)
        let read = try #require(try database.versionedTimeEntry(id: logged.id ?? 0))
        try database.closeMonth("2023-02")
        var changed = read.entry
        changed.minutes = 30
        #expect(throws: (any Error).self) {
            try database.correctHours(changed, read: .timeEntry(read.entry, version: read.version, memberName: ""), location: Self.location)
        }
        #expect(throws: (any Error).self) { try database.deleteHours(.timeEntry(read.entry, version: read.version, memberName: "")) }
        #expect(try database.versionedTimeEntry(id: logged.id ?? 0)?.entry.minutes == 60)
    }
}

/// Hours for a mission stay within its span; a day's hours beyond the plan are said (issue 12).
@Suite struct HoursAgainstThePlanTests {
    @Test func hoursOutsideTheMissionAreRefusedAndBeyondThePlanAreSaid() throws {
        let database = try Fixtures.database()
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 16))
        let territory = DemoTerritory.make(today: today)
        try database.save(territory)
        let plan = Arbitration.plan(territory)
        let decision = try #require(plan.decisions.first { !$0.isImplicit && $0.servedMinutes > 0 && $0.request.start.weekday == .mon })
        let allocation = try #require(plan.allocations.first { $0.request == decision.id })
        let before = decision.request.start.adding(days: -3)
        let entry = TimeEntry(agent: allocation.agent, member: decision.request.member, date: before, minutes: 60, request: decision.id)
        #expect {
            try database.logHours(entry, location: { $0 })
        } throws: { error in
            (error as? InvalidTerritory)?.errors.contains { if case .outsideMission(decision.id, before, decision.request.start, _) = $0.problem { true } else { false } } == true
        }
        // Within the span: accepted; twice the day's plan is said, not refused.
        var inside = entry
        inside.date = allocation.date
        inside.minutes = allocation.minutes
        let already = try database.dayAtMember(agent: allocation.agent, member: decision.request.member, date: allocation.date).logged
        _ = try database.logHours(inside, location: { $0 })
        let once = try database.dayAtMember(agent: allocation.agent, member: decision.request.member, date: allocation.date)
        #expect(once.logged == already + allocation.minutes && once.planned >= allocation.minutes)
        _ = try database.logHours(inside, location: { $0 })
        let twice = try database.dayAtMember(agent: allocation.agent, member: decision.request.member, date: allocation.date)
        let warnings = HoursWarnings.check(inside, territory: territory, today: today, language: .fr, day: twice)
        let name = try #require(territory.members.first { $0.code == decision.request.member }?.name)
        if twice.logged > twice.planned {
            #expect(warnings.contains("\(DurationText.format(twice.logged)) saisies à \(name) ce jour-là pour \(DurationText.format(twice.planned)) prévues"), "\(warnings)")
        }
        #expect(twice.logged == already + 2 * allocation.minutes)
        #expect(twice.logged > twice.planned, "twice the day's plan is more than planned")
    }
}

/// The preview's estimate, read for one member, is `releve estimate`'s (issue 12).
@Suite struct PreviewEstimateTests {
    @Test func theEstimateReadForOneMemberIsTheWholeTerritorysOne() throws {
        let database = try Fixtures.database()
        let territory = DemoTerritory.make(today: try #require(CalendarDate(year: 2026, month: 11, day: 16)))
        try database.save(territory)
        let plan = Arbitration.plan(territory)
        var compared = 0
        for decision in plan.decisions where !decision.isImplicit {
            #expect(try database.costEstimate(for: decision) == CostEstimate.make(for: decision, territory: territory), "\(decision.id)")
            compared += 1
        }
        #expect(compared > 20)
        var next = try #require(plan.decisions.first { !$0.isImplicit })
        next.request.start = try #require(CalendarDate(year: 2031, month: 3, day: 3))
        #expect(try database.costEstimate(for: next) == nil)
    }

    /// Under every scheme, what the database reads for one member (and, under agent_cost, the
    /// agents' hourly costs) gives the whole territory's estimate, lines and basis included.
    @Test(arguments: [ConventionPreset.cdg63, .cdg03, .cdg51, .oisans])
    func theEstimateReadForOneMemberFollowsTheScheme(preset: ConventionPreset) throws {
        let database = try Fixtures.database()
        let territory = DemoTerritory.make(today: try #require(CalendarDate(year: 2026, month: 11, day: 16)), preset: preset)
        try database.save(territory)
        let plan = Arbitration.plan(territory)
        var compared = 0
        for decision in plan.decisions where !decision.isImplicit && decision.status != .refused {
            let read = try database.costEstimateResult(for: decision)
            #expect(read == CostEstimate.evaluate(for: decision, territory: territory), "\(decision.id)")
            let estimate = try #require(try read?.get(), "\(decision.id)")
            #expect(estimate.scheme == preset.billing)
            #expect(!estimate.lines.isEmpty)
            #expect((estimate.amountCents == nil) == (preset.billing == .prorataCost))
            if let amount = estimate.amountCents { #expect(amount == estimate.lines.reduce(0) { $0 + ($1.amountCents ?? 0) }) }
            compared += 1
        }
        #expect(compared > 20)
    }

    /// agent_cost with a planned agent without an hourly cost: the store names the agent.
    @Test func anAgentWithoutHourlyCostIsNamed() throws {
        let database = try Fixtures.database()
        var territory = DemoTerritory.make(today: try #require(CalendarDate(year: 2026, month: 11, day: 16)), preset: .cdg03)
        let plan = Arbitration.plan(territory)
        let decision = try #require(plan.decisions.first { !$0.isImplicit && !$0.periods.isEmpty })
        let agent = try #require(decision.periods.first?.agent)
        let index = try #require(territory.agents.firstIndex { $0.code == agent })
        territory.agents[index].hourlyCostCents = nil
        try database.save(territory)
        guard case .failure(.hourlyCost(let names))? = try database.costEstimateResult(for: decision) else {
            Issue.record("no missing hourly cost")
            return
        }
        #expect(names.contains(territory.agents[index].name))
        #expect(try database.costEstimate(for: decision) == nil)
    }
}

/// The coordinator's assignment by hand (issue 12): stored, audited, read by the arbitration,
/// carried by the territory file, refused when it names nothing known.
@Suite struct AssignmentStoreTests {
    @Test func anAssignmentChangesThePlanIsAuditedAndRoundTrips() throws {
        let database = try Fixtures.database()
        let territory = DemoTerritory.make(today: try #require(CalendarDate(year: 2026, month: 11, day: 16)))
        try database.save(territory)
        let plan = Arbitration.plan(territory)
        let partial = try #require(plan.decisions.first { !$0.isImplicit && $0.status == .partial })
        let suggestion = try #require(Suggestions.make(for: partial.id, territory: territory, plan: plan).first)
        let after = try #require(try database.assign(request: partial.id, agent: suggestion.agent))
        #expect(after.servedMinutes == partial.servedMinutes + suggestion.gainedMinutes)
        // The stored plan is the arbitration of the territory with its assignment.
        var assigned = territory
        assigned.assignments = [ManualAssignment(request: partial.id, agent: suggestion.agent)]
        #expect(try database.storedDecisions() == Arbitration.plan(assigned).decisions)
        let trail = try database.read { db in
            try String.fetchAll(db, sql: "SELECT action || ' ' || coalesce(after, '') FROM audit WHERE entity = 'assignment' AND key = ?", arguments: [partial.id])
        }
        #expect(trail == ["insert {\"agent\":\"\(suggestion.agent)\"}"])
        // The file carries it; a file without assignments stays what it was.
        let exported = TerritoryEncoder.encode(try database.loadTerritory())
        #expect(exported.contains("\"assigned_agent\": \"\(suggestion.agent)\""))
        let copy = try Fixtures.database()
        try Fixtures.importJSON(exported, into: copy)
        #expect(TerritoryEncoder.encode(try copy.loadTerritory()) == exported)
        #expect(!TerritoryEncoder.encode(territory).contains("assigned_agent"))
        // Back to the rules.
        _ = try database.assign(request: partial.id, agent: nil)
        #expect(try database.storedDecisions() == plan.decisions)
        // Unknown request or agent: refused, nothing changed.
        #expect(throws: AssignmentRefusal.unknownAgent("ZZ")) { try database.assign(request: partial.id, agent: "ZZ") }
        #expect(throws: AssignmentRefusal.unknownRequest("nope")) { try database.assign(request: "nope", agent: suggestion.agent) }
        let bad = exported.replacingFirst("\"assigned_agent\": \"\(suggestion.agent)\"", with: "\"assigned_agent\": \"ZZ\"")
        #expect(throws: InvalidTerritory.self) { try Fixtures.importJSON(bad, into: copy) }
    }
}

/// A request's job description (`requests[].missions`): carried by the file, kept by the
/// interface's form (which has no field for it), audited.
@Suite struct RequestMissionsTests {
    @Test func missionsRoundTripAndAreSavedByTheForm() throws {
        let database = try Fixtures.database()
        var territory = DemoTerritory.make(today: try #require(CalendarDate(year: 2026, month: 11, day: 16)))
        let text = "Paie des agents ; état civil ; préparation du conseil municipal ; accueil du public"
        territory.requests[0].missions = text
        try database.save(territory)
        let exported = TerritoryEncoder.encode(try database.loadTerritory())
        #expect(exported.contains("\"missions\": \"\(text)\""))
        let copy = try Fixtures.database()
        try Fixtures.importJSON(exported, into: copy)
        #expect(TerritoryEncoder.encode(try copy.loadTerritory()) == exported)
        // The form saves the request with its missions field.
        var edited = territory.requests[0]
        edited.minutesPerWeek += 60
        _ = try database.saveRequest(edited, isNew: false)
        #expect(try database.loadTerritory().requests.first { $0.id == edited.id }?.missions == text)
        let audited = try database.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(after, '') FROM audit WHERE entity = 'request' AND key = ? ORDER BY id", arguments: [edited.id])
        }
        #expect(audited.last?.contains("\"missions\":\"Paie des agents") == true, "\(audited)")
    }
}
