import Domain
import GRDB

/// Renewals, the answers given to communes and the mayors' evaluations (rules.md §8), each in
/// one transaction after the same checks as an import; a refusal changes nothing.
extension AppDatabase {
    /// Records a renewal of `renewed`: a new request of the same member, motive, hours and job
    /// description, from the day after the renewed request's last day (after the two-month cap,
    /// when it applied) to `end`, received on `received`. Returns the new request's id.
    public func renew(_ renewed: String, received: CalendarDate, start: CalendarDate? = nil, end: CalendarDate,
                      minutesPerWeek: Int? = nil) throws -> String {
        let plan = try storedPlan()
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [renewed]) else {
                throw InvalidTerritory([DataError("REQUEST_ID", .unknownRequest(renewed))])
            }
            let old = TerritoryReader.request(row)
            let decision = plan.decisions.first { $0.id == renewed && !$0.isImplicit }
            let first = start ?? (decision?.effectiveEnd ?? old.end).adding(days: 1)
            let renewal = ReplacementRequest(id: "", member: old.member, motive: old.motive, received: received, start: first,
                                             end: end, minutesPerWeek: minutesPerWeek ?? old.minutesPerWeek,
                                             exceptional: old.exceptional, missions: old.missions, renews: renewed,
                                             staffFTE: old.staffFTE)
            let renewedBy = try String.fetchOne(db, sql: "SELECT id FROM request WHERE renews = ? ORDER BY id", arguments: [renewed])
            if let decision, let problem = FollowUp.renewalProblem(decision, renewedBy: renewedBy) {
                throw InvalidTerritory([DataError("REQUEST_ID", problem)])
            }
            guard end >= first else {
                throw InvalidTerritory([DataError("--end", .endBeforeStart(start: first, end: end))])
            }
            return try saveRequestInTransaction(renewal, isNew: true, db: db)
        }
    }

    /// Records the answer given to the commune about `request` (a renewal above all). `seen`,
    /// when given, is the answer a form was opened on (`.some(nil)`: none): another answer
    /// recorded meanwhile is refused with `FollowUpChanged`, nothing written.
    public func answer(_ request: String, date: CalendarDate, text: String, seen: RequestAnswer?? = nil) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM request WHERE id = ?", arguments: [request]) else {
                throw InvalidTerritory([DataError("REQUEST_ID", .unknownRequest(request))])
            }
            var answered = TerritoryReader.request(row)
            if let seen, seen != answered.answer { throw FollowUpChanged(request: request, now: .answer(answered.answer)) }
            let words = text.trimmingSpaces()
            guard !words.isEmpty else { throw InvalidTerritory([DataError("--text", .emptyText)]) }
            answered.answer = RequestAnswer(date: date, text: words)
            let change = Territory(service: try TerritoryReader.service(db), requests: [answered])
            let errors = TerritoryValidation.problems(in: change, existing: try KnownRecords.fetch(db, naming: change))
            guard errors.isEmpty else {
                throw InvalidTerritory(errors.map { DataError($0.location.hasSuffix("answer.date") ? "--date" : "--text", $0.problem) })
            }
            try TerritoryWriter(db: db).writeRequest(answered)
        }
    }

    /// Records (or replaces) the mayor's evaluation of a mission: the request must have been
    /// served, and the form cannot come back before the mission's first served day. `seen`,
    /// when given, is the evaluation a form was opened on (`.some(nil)`: none).
    public func recordEvaluation(_ evaluation: Evaluation, seen: Evaluation?? = nil) throws {
        let plan = try storedPlan()
        try write { db in
            if let seen {
                let now = try TerritoryReader.evaluation(db, request: evaluation.request)
                if now != seen { throw FollowUpChanged(request: evaluation.request, now: .evaluation(now)) }
            }
            guard let decision = plan.decisions.first(where: { $0.id == evaluation.request && !$0.isImplicit }) else {
                throw InvalidTerritory([DataError("REQUEST_ID", .unknownRequest(evaluation.request))])
            }
            guard let first = decision.firstServedDay else {
                throw InvalidTerritory([DataError("REQUEST_ID", .evaluationOfUnserved(evaluation.request))])
            }
            guard evaluation.received >= first else {
                throw InvalidTerritory([DataError("--received", .evaluationBeforeMission(received: evaluation.received, firstServed: first))])
            }
            let change = Territory(service: try TerritoryReader.service(db), evaluations: [evaluation])
            let errors = TerritoryValidation.problems(in: change, existing: try KnownRecords.fetch(db, naming: change))
            guard errors.isEmpty else { throw InvalidTerritory(errors.map { DataError("--comment", $0.problem) }) }
            try TerritoryWriter(db: db).writeEvaluation(evaluation)
        }
    }

    /// The directory of the network, by id.
    public func people() throws -> [Person] {
        try read { db in try TerritoryReader.people(db) }
    }

    /// The evaluations recorded, by request id.
    public func evaluations() throws -> [Evaluation] {
        try read { db in try TerritoryReader.evaluations(db) }
    }
}
