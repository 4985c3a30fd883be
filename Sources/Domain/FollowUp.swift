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

/// What the coordinator has to follow up, request by request (the Demandes pane's "à suivre"):
/// requests coming to their end, renewals and their answer, evaluations due. Made once per load
/// of the data, never per key.
public struct FollowUpList: Sendable, Equatable {
    public enum Mark: Hashable, Sendable {
        /// Served, its last served day `daysLeft` days away, not renewed.
        case ending(lastServed: CalendarDate, daysLeft: Int)
        /// A renewal whose answer is missing (late or not), or was given after `deadline`.
        case answer(deadline: CalendarDate, late: Bool, answered: CalendarDate?)
        /// A served mission ended `age` days ago without the mayor's evaluation.
        case evaluation(lastServed: CalendarDate, age: Int)

        /// "échéance le 20/11 (3 j)", "réponse due le 19/11", "réponse en retard (19/11)",
        /// "répondu en retard, le 21/11", "évaluation due, 14 j": short, for a column.
        public func text(_ l: Language) -> String {
            let f = DisplayFormat(l)
            let short = { (d: CalendarDate) in "\(d.day < 10 ? "0" : "")\(d.day)/\(d.month < 10 ? "0" : "")\(d.month)" }
            switch self {
            case .ending(let last, let left):
                return left == 0 ? l.pick("échéance aujourd'hui", "ends today")
                    : l.pick("échéance le \(short(last)) (\(left) j)", "ends \(f.numericDate(last)) (\(left) d)")
            case .answer(_, let late, let answered?):
                return late ? l.pick("répondu en retard, le \(short(answered))", "answered late, \(f.numericDate(answered))")
                    : l.pick("répondu le \(short(answered))", "answered \(f.numericDate(answered))")
            case .answer(let deadline, let late, nil):
                return late ? l.pick("réponse en retard (\(short(deadline)))", "answer late (\(f.numericDate(deadline)))")
                    : l.pick("réponse due le \(short(deadline))", "answer due \(f.numericDate(deadline))")
            case .evaluation(_, let age):
                return l.pick("évaluation due, \(age) j", "evaluation due, \(age) d")
            }
        }

        /// The same in a sentence, with the rule behind it, for the detail.
        public func sentence(_ l: Language, convention: Convention) -> String {
            let f = DisplayFormat(l)
            switch self {
            case .ending(let last, let left):
                return l.pick("À échéance : dernier jour servi le \(f.date(last)) (dans \(left) jour\(left > 1 ? "s" : "")) ; la commune peut demander le renouvellement (touche r).",
                              "Ending: last served day \(f.date(last)) (in \(left) day\(left > 1 ? "s" : "")); the member may ask for a renewal (key r).")
            case .answer(let deadline, _, let answered?):
                return l.pick("Renouvellement répondu le \(f.date(answered)), après le délai de \(convention.renewalAnswerHours) h (le \(f.date(deadline)) au plus tard).",
                              "Renewal answered on \(f.date(answered)), after the \(convention.renewalAnswerHours) h limit (\(f.date(deadline)) at the latest).")
            case .answer(let deadline, let late, nil):
                return late ? l.pick("Renouvellement sans réponse : elle était due le \(f.date(deadline)) (\(convention.renewalAnswerHours) h) ; touche a pour l'enregistrer.",
                                     "Renewal without an answer: it was due on \(f.date(deadline)) (\(convention.renewalAnswerHours) h); key a records it.")
                    : l.pick("Renouvellement : réponse à donner à la commune au plus tard le \(f.date(deadline)) (\(convention.renewalAnswerHours) h) ; touche a pour l'enregistrer.",
                             "Renewal: answer the member by \(f.date(deadline)) (\(convention.renewalAnswerHours) h); key a records it.")
            case .evaluation(let last, let age):
                return l.pick("Évaluation due : mission finie le \(f.date(last)), il y a \(age) jour\(age > 1 ? "s" : "") ; f écrit le formulaire, v enregistre les réponses du maire.",
                              "Evaluation due: mission ended on \(f.date(last)), \(age) day\(age > 1 ? "s" : "") ago; f writes the form, v records the mayor's answers.")
            }
        }
    }

    /// The marks of each request that has any, by id.
    public var marks: [String: [Mark]]
    public var endingCount = 0
    /// Renewals unanswered (late or not) or answered late.
    public var answerCount = 0
    public var lateAnswerCount = 0
    public var evaluationCount = 0

    public init(plan: Plan, requests: [ReplacementRequest], evaluations: [Evaluation], convention: Convention, today: CalendarDate) {
        var marks: [String: [Mark]] = [:]
        for e in FollowUp.renewalAnswers(requests, convention: convention, today: today) {
            marks[e.request.id, default: []].append(.answer(deadline: e.deadline, late: e.late, answered: e.request.answer?.date))
            answerCount += 1
            if e.late { lateAnswerCount += 1 }
        }
        for e in FollowUp.ending(plan, requests: requests, convention: convention, today: today) {
            marks[e.decision.id, default: []].append(.ending(lastServed: e.lastServed, daysLeft: e.daysLeft))
            endingCount += 1
        }
        for e in FollowUp.evaluationsDue(plan, evaluations: evaluations, convention: convention, today: today) {
            marks[e.decision.id, default: []].append(.evaluation(lastServed: e.lastServed, age: e.age))
            evaluationCount += 1
        }
        self.marks = marks
    }

    public init() { marks = [:] }

    public var isEmpty: Bool { marks.isEmpty }

    /// "2 à échéance · 1 réponse · 1 en retard · 3 évaluations" (only what there is; short,
    /// for a title).
    public func summary(_ l: Language) -> String {
        var parts: [String] = []
        let s = { (n: Int) in n > 1 ? "s" : "" }
        if endingCount > 0 { parts.append(l.pick("\(endingCount) à échéance", "\(endingCount) ending")) }
        let onTime = answerCount - lateAnswerCount
        if onTime > 0 { parts.append(l.pick("\(onTime) réponse\(s(onTime))", "\(onTime) answer\(s(onTime))")) }
        if lateAnswerCount > 0 { parts.append(l.pick("\(lateAnswerCount) en retard", "\(lateAnswerCount) late")) }
        if evaluationCount > 0 { parts.append(l.pick("\(evaluationCount) évaluation\(s(evaluationCount))", "\(evaluationCount) evaluation\(s(evaluationCount))")) }
        return parts.joined(separator: " · ")
    }
}

/// What a follow-up form of the Demandes pane records: the answer given to a commune, or the
/// mayor's evaluation of a mission.
public enum FollowUpEntry: Sendable, Equatable {
    /// `seen`: the answer the form was opened on (nil: none), refused if it changed meanwhile.
    case answer(request: String, RequestAnswer, seen: RequestAnswer?)
    /// `seen`: the evaluation the form was opened on (nil: none).
    case evaluation(Evaluation, seen: Evaluation?)
}

/// Another session recorded an answer or an evaluation between the form's opening and its
/// save: nothing is written, and the message says what is recorded now.
public struct FollowUpChanged: Error, Localized, Equatable {
    public enum Now: Equatable, Sendable {
        case answer(RequestAnswer?)
        case evaluation(Evaluation?)
    }
    public let request: String
    public let now: Now

    public init(request: String, now: Now) {
        self.request = request
        self.now = now
    }

    public func message(in l: Language) -> String {
        let f = DisplayFormat(l)
        let what: String
        switch now {
        case .answer(let answer?):
            what = l.pick("la réponse du \(f.numericDate(answer.date)) « \(answer.text) »", "the answer of \(f.numericDate(answer.date)) \"\(answer.text)\"")
        case .answer(nil):
            what = l.pick("aucune réponse (elle a été retirée)", "no answer (it was removed)")
        case .evaluation(let e?):
            let scores = EvaluationCriterion.allCases.map { String(e.scores[$0]) }.joined(separator: ", ")
            what = l.pick("l'évaluation reçue le \(f.numericDate(e.received)), notes \(scores)", "the evaluation received \(f.numericDate(e.received)), scores \(scores)")
        case .evaluation(nil):
            what = l.pick("aucune évaluation", "no evaluation")
        }
        return l.pick("La demande \(request) a été complétée entre-temps par une autre session : elle a maintenant \(what). Rien n'a été enregistré, rouvrez le formulaire",
                      "Request \(request) was completed meanwhile by another session: it now has \(what). Nothing was saved, open the form again")
    }
}
