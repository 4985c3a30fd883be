/// The follow-up forms of the Demandes pane (rules.md §8): the answer given to a commune about
/// its renewal, and the mayor's evaluation of a mission, typed as the paper form reads.
extension RecordKind {
    /// An answer or an evaluation form (recorded with `parseFollowUp`).
    public var isFollowUp: Bool {
        switch self {
        case .answer, .evaluation: return true
        default: return false
        }
    }
}

extension RecordDrafts {
    static func followUpFields(for kind: RecordKind, territory: Territory, today: CalendarDate, language l: Language) -> [FormField] {
        let format = DisplayFormat(l)
        switch kind {
        case .answer(let id):
            let answer = territory.requests.first { $0.id == id }?.answer
            return [FormField(l.pick("Réponse donnée le", "Answered on"), format.numericDate(answer?.date ?? today)),
                    FormField(l.pick("Réponse (ce qui a été dit)", "Answer (what was said)"), answer?.text ?? "")]
        case .evaluation(let id):
            let e = territory.evaluations.first { $0.request == id }
            var fields = [FormField(l.pick("Formulaire reçu le", "Form received on"), format.numericDate(e?.received ?? today))]
            for c in EvaluationCriterion.allCases {
                let label = c.label(in: l)
                fields.append(FormField(label.prefix(1).uppercased() + label.dropFirst() + " (1-4)", e.map { String($0.scores[c]) } ?? ""))
            }
            fields.append(FormField(l.pick("Ferait de nouveau appel (o/n)", "Would call on the service again (y/n)"),
                                    e.map { $0.again ? l.pick("oui", "yes") : l.pick("non", "no") } ?? ""))
            fields.append(FormField(l.pick("Commentaire du maire", "Mayor's comment"), e?.comment ?? ""))
            return fields
        default:
            return []
        }
    }

    /// What a follow-up form says, as the entry to record, or the problems by field index.
    /// The checks that need the plan (a mission served, a form not back before it began) are
    /// the store's, in the save's transaction.
    public static func parseFollowUp(_ kind: RecordKind, _ fields: [FormField], territory: Territory, language l: Language)
        -> (entry: FollowUpEntry?, problems: [Int: String]) {
        var problems: [Int: String] = [:]
        func text(_ i: Int) -> String { fields.indices.contains(i) ? fields[i].value.trimmingSpaces() : "" }
        func date(_ i: Int) -> CalendarDate? {
            guard let value = CalendarDate.parseUserInput(text(i)) else {
                problems[i] = DataProblem.invalidUserDate(text(i)).message(in: l)
                return nil
            }
            return value
        }
        switch kind {
        case .answer(let id):
            guard let request = territory.requests.first(where: { $0.id == id }) else { return (nil, [0: DataProblem.unknownRequest(id).message(in: l)]) }
            let day = date(0)
            if let day, day < request.received {
                problems[0] = DataProblem.answerBeforeReceived(answer: day, received: request.received).message(in: l)
            }
            if text(1).isEmpty { problems[1] = DataProblem.emptyText.message(in: l) }
            guard problems.isEmpty, let day else { return (nil, problems) }
            return (.answer(request: id, RequestAnswer(date: day, text: text(1)), seen: request.answer), [:])
        case .evaluation(let id):
            let received = date(0)
            var scores: [Int] = []
            for (offset, _) in EvaluationCriterion.allCases.enumerated() {
                let i = offset + 1
                if let score = Int(text(i)), EvaluationScores.range.contains(score) {
                    scores.append(score)
                } else {
                    problems[i] = l.pick("une note de 1 (insuffisant) à 4 (très satisfaisant) attendue, pas « \(text(i)) »",
                                         "a score from 1 (poor) to 4 (very good) expected, not \"\(text(i))\"")
                }
            }
            let againIndex = EvaluationCriterion.allCases.count + 1
            let again = yesNo(text(againIndex))
            if again == nil { problems[againIndex] = l.pick("« oui » ou « non » attendu", "\"yes\" or \"no\" expected") }
            let comment = text(againIndex + 1)
            guard problems.isEmpty, let received, let again, let values = EvaluationScores(scores) else { return (nil, problems) }
            let evaluation = Evaluation(request: id, received: received, scores: values, again: again, comment: comment.isEmpty ? nil : comment)
            return (.evaluation(evaluation, seen: territory.evaluations.first { $0.request == id }), [:])
        default:
            return (nil, [:])
        }
    }
}
