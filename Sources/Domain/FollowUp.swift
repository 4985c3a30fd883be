/// What the coordinator follows up after a decision (rules.md §8): served requests coming to
/// their end ("à échéance"), renewals waiting for their answer, evaluations due after missions.
public enum FollowUp {
    /// A served request within the reminder days of its last served day, not renewed yet.
    public struct Ending: Hashable, Sendable {
        public var decision: RequestDecision
        public var lastServed: CalendarDate
        /// Calendar days from today to the last served day (0: today).
        public var daysLeft: Int
    }

    /// A renewal and where its answer stands.
    public struct RenewalAnswer: Hashable, Sendable {
        public var request: ReplacementRequest
        /// The last day the answer is in time.
        public var deadline: CalendarDate
        /// True when the answer is given after the deadline, or still missing after it.
        public var late: Bool
    }

    /// An evaluation due: a served mission whose last served day has passed, none recorded.
    public struct EvaluationDue: Hashable, Sendable {
        public var decision: RequestDecision
        public var lastServed: CalendarDate
        /// Calendar days since the last served day.
        public var age: Int
    }

    /// The warning owed from three months before the service's convention ends (there is no
    /// tacit renewal, rules.md §8), until it has ended; nil before, or without an end date.
    public static func conventionEndWarning(_ service: ServiceSettings, today: CalendarDate, language l: Language) -> String? {
        guard let end = service.conventionEnd, today >= end.addingMonths(-3) else { return nil }
        let f = DisplayFormat(l)
        guard today <= end else {
            return l.pick("La convention du service a pris fin le \(f.date(end)) : sans reconduction tacite, une nouvelle convention est à signer.",
                          "The service's convention ended on \(f.date(end)): it is not renewed tacitly, a new one must be signed.")
        }
        let days = today.days(to: end)
        return l.pick("La convention du service prend fin le \(f.date(end)) (dans \(days) jour\(days > 1 ? "s" : "")) : sans reconduction tacite, préparez son renouvellement avec les communes membres.",
                      "The service's convention ends on \(f.date(end)) (in \(days) day\(days > 1 ? "s" : "")): it is not renewed tacitly, prepare its renewal with the members.")
    }

    /// The last day a renewal's answer is in time: `hours` after the day it was received. The
    /// data has days only, so the deadline is read in whole days, rounded up (72 h: three days
    /// later; 36 h: two days later), the commune's benefit of the doubt about the hour.
    public static func answerDeadline(_ received: CalendarDate, hours: Int) -> CalendarDate {
        received.adding(days: (max(0, hours) + 23) / 24)
    }

    /// The served real requests whose last served day is `renewal_reminder_days` away or less,
    /// that no request renews yet, soonest first.
    public static func ending(_ plan: Plan, requests: [ReplacementRequest], convention: Convention, today: CalendarDate) -> [Ending] {
        let renewed = Set(requests.compactMap(\.renews))
        return plan.decisions.compactMap { d -> Ending? in
            guard !d.isImplicit, d.servedMinutes > 0, !renewed.contains(d.id), let last = d.lastServedDay else { return nil }
            let left = today.days(to: last)
            guard left >= 0, left <= convention.renewalReminderDays else { return nil }
            return Ending(decision: d, lastServed: last, daysLeft: left)
        }.sorted { ($0.lastServed, $0.decision.id) < ($1.lastServed, $1.decision.id) }
    }

    /// The renewals not answered yet (late or not) and those answered after their deadline, by
    /// deadline.
    public static func renewalAnswers(_ requests: [ReplacementRequest], convention: Convention, today: CalendarDate) -> [RenewalAnswer] {
        requests.compactMap { r -> RenewalAnswer? in
            guard r.renews != nil else { return nil }
            let deadline = answerDeadline(r.received, hours: convention.renewalAnswerHours)
            if let answer = r.answer {
                return answer.date > deadline ? RenewalAnswer(request: r, deadline: deadline, late: true) : nil
            }
            return RenewalAnswer(request: r, deadline: deadline, late: today > deadline)
        }.sorted { ($0.deadline, $0.request.id) < ($1.deadline, $1.request.id) }
    }

    /// The evaluations due: served real missions whose last served day is before today and
    /// which have no evaluation recorded; the oldest first. None when the convention asks for
    /// no evaluation (`evaluation_after_mission: false`).
    public static func evaluationsDue(_ plan: Plan, evaluations: [Evaluation], convention: Convention, today: CalendarDate) -> [EvaluationDue] {
        guard convention.evaluationAfterMission else { return [] }
        let recorded = Set(evaluations.map(\.request))
        return plan.decisions.compactMap { d -> EvaluationDue? in
            guard !d.isImplicit, d.servedMinutes > 0, !recorded.contains(d.id), let last = d.lastServedDay, last < today else { return nil }
            return EvaluationDue(decision: d, lastServed: last, age: last.days(to: today))
        }.sorted { ($0.lastServed, $0.decision.id) < ($1.lastServed, $1.decision.id) }
    }

    /// Why the request of `decision` cannot be renewed: a refused request (it was never
    /// granted), one never served, or one already renewed by `renewedBy` (renew that one, so that
    /// the chain stays one line). Nil when it may.
    public static func renewalProblem(_ decision: RequestDecision, renewedBy: String?) -> DataProblem? {
        if decision.status == .refused { return .renewsRefused(decision.id) }
        if decision.servedMinutes == 0 { return .renewsUnserved(decision.id) }
        if let renewedBy { return .alreadyRenewed(decision.id, by: renewedBy) }
        return nil
    }
}

extension RequestDecision {
    /// The first day an agent served it, nil when never served.
    public var firstServedDay: CalendarDate? { periods.map(\.from).min() }
    /// The last day an agent served it, nil when never served.
    public var lastServedDay: CalendarDate? { periods.map(\.to).max() }
}

/// Averages of evaluations, in hundredths (`350` reads 3.50), per criterion.
public struct EvaluationAverages: Hashable, Sendable {
    public var count: Int
    /// Nil when there is no evaluation.
    public var hundredths: [EvaluationCriterion: Int]

    public init(_ evaluations: [Evaluation]) {
        count = evaluations.count
        var result: [EvaluationCriterion: Int] = [:]
        if !evaluations.isEmpty {
            for c in EvaluationCriterion.allCases {
                let sum = evaluations.reduce(0) { $0 + $1.scores[c] }
                // Half up: (200 × sum + count) / (2 × count).
                result[c] = (200 * sum + evaluations.count) / (2 * evaluations.count)
            }
        }
        hundredths = result
    }

    /// The averages of each agent over the evaluations of the missions it served, by agent
    /// code: a mission served by two agents counts for both (they share the mayor's view).
    public static func perAgent(_ evaluations: [Evaluation], plan: Plan) -> [String: EvaluationAverages] {
        var agentsOf: [String: Set<String>] = [:]
        for d in plan.decisions where !d.isImplicit { agentsOf[d.id] = Set(d.periods.map(\.agent)) }
        var byAgent: [String: [Evaluation]] = [:]
        for e in evaluations { for agent in agentsOf[e.request] ?? [] { byAgent[agent, default: []].append(e) } }
        return byAgent.mapValues(EvaluationAverages.init)
    }

    /// "3,50" in French, "3.50" in English.
    public static func text(_ hundredths: Int, _ l: Language) -> String {
        let whole = hundredths / 100, cents = hundredths % 100
        return "\(whole)\(l == .fr ? "," : ".")\(cents < 10 ? "0" : "")\(cents)"
    }
}
