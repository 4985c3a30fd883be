/// What the service contract of one mission (contrat de prestation, seed 002 annex 2) says, taken
/// from the territory, the plan and its half-day schedule: the document only lays it out.
public struct ServiceContract: Sendable {
    /// How long the mission lasts, as annex 2 art. 1 puts it.
    public enum Duration: Sendable, Equatable {
        /// "Fixe : du … au …": leave, missions, summer; the end is known.
        case fixed
        /// "Prévisionnelle : durée …, à compter du …": sick leave, maternity, an accident, a sick
        /// child, another absence, whose end may move.
        case provisional
    }

    /// A printed version of the contract (rules: "version du 7 décembre 2026, remplace celle du
    /// 2 décembre 2026"), kept by the store.
    public struct Version: Sendable, Equatable {
        public var number: Int
        public var date: CalendarDate
        /// The date of the version this one replaces, nil for the first.
        public var replaces: CalendarDate?
        /// False when the plan changed since the last recorded version but this print could not
        /// record a new one (read-only role): the document then says it is a draft.
        public var recorded: Bool

        public init(number: Int, date: CalendarDate, replaces: CalendarDate?, recorded: Bool = true) {
            self.number = number
            self.date = date
            self.replaces = replaces
            self.recorded = recorded
        }
    }

    public var request: ReplacementRequest
    public var member: Member
    public var decision: RequestDecision
    public var schedule: HalfDaySchedule
    public var estimate: CostEstimate?
    /// Why there is no estimate, when the data lacks what the scheme needs.
    public var estimateMissing: CostEstimateMissing?
    /// Agent code → name, for every agent of the schedule.
    public var agentNames: [String: String]
    /// Member code → name, for the members named by the schedule's conflicts.
    public var memberNames: [String: String] = [:]

    public init(request: ReplacementRequest, member: Member, decision: RequestDecision, schedule: HalfDaySchedule,
                estimate: CostEstimate?, agentNames: [String: String]) {
        self.request = request
        self.member = member
        self.decision = decision
        self.schedule = schedule
        self.estimate = estimate
        self.agentNames = agentNames
    }

    /// The contract of `requestID` from a plan and its planner; nil when the request is unknown,
    /// or received no minute at all (nothing to contract).
    public static func make(requestID: String, territory: Territory, plan: Plan, planner: HalfDayPlanner) -> ServiceContract? {
        guard let decision = plan.decision(requestID), decision.servedMinutes > 0,
              let member = territory.addressedMember(decision.request.member),
              let schedule = planner.schedule(request: requestID, from: decision.request.start, to: decision.effectiveEnd)
        else { return nil }
        let names = territory.agentNames
        var used: [String: String] = [:]
        for h in schedule.halfDays { used[h.agent] = names[h.agent] ?? h.agent }
        for u in schedule.unplaced { used[u.agent] = names[u.agent] ?? u.agent }
        for c in schedule.conflicts { used[c.agent] = names[c.agent] ?? c.agent }
        let evaluated = CostEstimate.evaluate(for: decision, territory: territory)
        var contract = ServiceContract(request: decision.request, member: member, decision: decision, schedule: schedule,
                                       estimate: try? evaluated?.get(), agentNames: used)
        if case .failure(let missing)? = evaluated { contract.estimateMissing = missing }
        let wanted = Set(schedule.conflicts.flatMap(\.members))
        for m in territory.members where wanted.contains(m.code) { contract.memberNames[m.code] = m.name }
        return contract
    }

    public var duration: Duration {
        switch request.motive {
        case .maladie, .maternite, .accident, .enfantMalade, .autreAbsence: return .provisional
        case .retraite, .congesExceptionnels, .missionParticuliere, .surcroit, .congesEte: return .fixed
        }
    }

    /// The contract's last day: the request's end, or the day the two-month cap stops it.
    public var end: CalendarDate { decision.effectiveEnd }

    /// Calendar weeks from the start to the end, rounded up (`3 semaines`).
    public var weeks: Int { (request.start.days(to: end) + 1 + 6) / 7 }

    /// The agents in order of their first half-day, by name.
    public var agentsInOrder: [String] {
        var seen: [String] = []
        for h in schedule.halfDays where !seen.contains(h.agent) { seen.append(h.agent) }
        for u in schedule.unplaced where !seen.contains(u.agent) { seen.append(u.agent) }
        return seen
    }

    /// Minutes placed in half-days plus minutes left to place: what the plan gives the request.
    public var plannedMinutes: Int { schedule.placedMinutes + schedule.unplacedMinutes }

    /// Everything the document prints that comes from the data, as one text: two prints with the
    /// same fingerprint are the same contract; a different one is a new version.
    public var fingerprint: String {
        var parts: [String] = [
            request.id, request.member, request.motive.rawValue, request.received.iso, request.start.iso, end.iso,
            String(request.minutesPerWeek), String(request.exceptional), request.missions ?? "", member.name, member.memberSince.iso,
            String(estimate?.amountCents ?? -1), String(estimate?.billedMinutes ?? -1),
        ]
        for h in schedule.halfDays {
            parts.append("\(h.date.iso) \(h.agent) \(agentNames[h.agent] ?? "") \(h.range.start)-\(h.range.end)")
        }
        for u in schedule.unplaced { parts.append("u \(u.date.iso) \(u.agent) \(u.minutes)") }
        for day in Weekday.allCases { parts.append(member.openingHours.text(day)) }
        // The basis the estimate paragraph states (fee_and_hourly's fingerprints stay as they were).
        if let estimate, estimate.scheme != .feeAndHourly { parts.append(estimate.scheme.rawValue + " " + estimate.basis(.fr)) }
        return parts.joined(separator: "|")
    }
}
