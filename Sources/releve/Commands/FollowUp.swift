import ArgumentParser
import Documents
import Domain
import Store

/// `releve renew REQUEST_ID --received D --end D [--start D] [--hours-per-week H:MM]`: a
/// renewal or extension of a served request (annex 2 art. 4; rules.md §8). It waits its turn
/// like any request, with the agent who served the renewed one as its preferred agent.
struct RenewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract: "Renouvelle (prolonge) une demande servie : nouvelle demande de la même commune, à partir du lendemain de sa fin, avec le même agent de préférence.")

    @Argument(help: "Numéro de la demande à renouveler.") var requestID: String
    @Option(help: "Date de réception de la demande de renouvellement.") var received: String
    @Option(help: "Dernier jour du renouvellement.") var end: String
    @Option(help: "Premier jour (par défaut : le lendemain de la fin de la demande renouvelée).") var start: String?
    @Option(name: .customLong("hours-per-week"), help: "Heures par semaine (par défaut : celles de la demande renouvelée), ex. 14:00.") var hoursPerWeek: String?
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let receivedOn = try OptionValue.date(received, option: "--received")
            let last = try OptionValue.date(end, option: "--end")
            let first = try OptionValue.optionalDate(start, option: "--start")
            let minutes = try hoursPerWeek.map { text in
                guard let m = DurationText.parseUserInput(text), (1...3600).contains(m) else {
                    throw InvalidTerritory([DataError("--hours-per-week", .invalidDuration(text))])
                }
                return m
            }
            let database = try options.openDatabase()
            let id = try database.renew(requestID, received: receivedOn, start: first, end: last, minutesPerWeek: minutes)
            let f = DisplayFormat(l)
            let decision = try database.storedDecisions().first { $0.id == id }
            let deadline = FollowUp.answerDeadline(receivedOn, hours: try database.serviceSettings().convention.renewalAnswerHours)
            var line = l.pick("Demande \(id) enregistrée : renouvellement de \(requestID)", "Request \(id) recorded: renewal of \(requestID)")
            if let d = decision {
                line += l.pick(" du \(f.date(d.request.start)) au \(f.date(d.request.end)), \(d.status.label(in: l))",
                               " from \(f.date(d.request.start)) to \(f.date(d.request.end)), \(d.status.label(in: l))")
            }
            writeLine(line + ".")
            writeLine(l.pick("Réponse à donner à la commune au plus tard le \(f.date(deadline)) (releve answer \(id) --date … --text …).",
                             "Answer due to the commune by \(f.date(deadline)) (releve answer \(id) --date … --text …)."))
        }
    }
}

/// `releve answer REQUEST_ID --date D --text T`: the answer the service gave the commune.
struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Enregistre la réponse donnée à la commune sur une demande (un renouvellement surtout) : date et texte.")

    @Argument(help: "Numéro de la demande.") var requestID: String
    @Option(help: "Date de la réponse.") var date: String
    @Option(help: "Ce qui a été répondu.") var text: String
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let day = try OptionValue.date(date, option: "--date")
            let database = try options.openDatabase()
            try database.answer(requestID, date: day, text: text)
            writeLine(l.pick("Réponse du \(DisplayFormat(l).date(day)) enregistrée pour la demande \(requestID).",
                             "Answer of \(DisplayFormat(l).date(day)) recorded for request \(requestID)."))
        }
    }
}

/// `releve renewals [--format json|table]`: the served requests coming to their end ("à
/// échéance") and the renewals waiting for their answer or answered late.
struct RenewalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renewals",
        abstract: "Demandes à échéance (dans les jours de rappel avant leur dernier jour servi, non renouvelées) et renouvellements sans réponse ou répondus en retard.")

    @Option(help: "json ou table.") var format: OutputFormat = .table
    @OptionGroup var today: TodayOptions
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let day = try today.day()
            let database = try options.openDatabase()
            let territory = try database.loadTerritory()
            let plan = try database.storedPlan()
            let convention = territory.service.convention
            let ending = FollowUp.ending(plan, requests: territory.requests, convention: convention, today: day)
            let answers = FollowUp.renewalAnswers(territory.requests, convention: convention, today: day)
            let names = territory.memberNames, agents = territory.agentNames
            let agentOf = { (d: RequestDecision) in d.periods.last.map(\.agent) }
            switch format {
            case .json:
                var out = JSONStream()
                out.beginObject()
                out.field("today", day.iso)
                out.key("ending")
                out.beginArray()
                for e in ending {
                    out.beginObject()
                    out.field("request", e.decision.id)
                    out.field("member", e.decision.request.member)
                    out.field("last_served", e.lastServed.iso)
                    out.field("days_left", e.daysLeft)
                    out.field("agent", agentOf(e.decision))
                    out.endObject()
                }
                out.endArray()
                out.key("renewals")
                out.beginArray()
                for a in answers {
                    out.beginObject()
                    out.field("request", a.request.id)
                    out.field("renews", a.request.renews)
                    out.field("member", a.request.member)
                    out.field("received", a.request.received.iso)
                    out.field("deadline", a.deadline.iso)
                    out.field("answered", a.request.answer?.date.iso)
                    out.field("late", a.late)
                    out.endObject()
                }
                out.endArray()
                out.endObject()
                writeLine(out.finish())
            case .table:
                let f = DisplayFormat(l)
                writeLine(l.pick("À échéance (rappel \(convention.renewalReminderDays) jours avant le dernier jour servi)",
                                 "Ending (reminder \(convention.renewalReminderDays) days before the last served day)"))
                if ending.isEmpty { writeLine(l.pick("  aucune demande", "  no request")) } else {
                    writeOut(TextTable.render(
                        header: [l.pick("Demande", "Request"), l.pick("Commune", "Member"), l.pick("Dernier jour", "Last day"),
                                 l.pick("Reste", "Left"), l.pick("Agent", "Agent")],
                        rows: ending.map { e in
                            [e.decision.id, names[e.decision.request.member] ?? e.decision.request.member, f.date(e.lastServed),
                             l.pick("\(e.daysLeft) j", "\(e.daysLeft) d"), agentOf(e.decision).map { agents[$0] ?? $0 } ?? "—"]
                        }, rightAligned: [3]))
                }
                writeLine("")
                writeLine(l.pick("Renouvellements sans réponse ou répondus en retard (réponse due \(convention.renewalAnswerHours) h après la réception)",
                                 "Renewals unanswered or answered late (answer due \(convention.renewalAnswerHours) h after receipt)"))
                if answers.isEmpty { writeLine(l.pick("  aucun", "  none")) } else {
                    writeOut(TextTable.render(
                        header: [l.pick("Demande", "Request"), l.pick("Renouvelle", "Renews"), l.pick("Commune", "Member"),
                                 l.pick("Reçue", "Received"), l.pick("Réponse due", "Answer due"), l.pick("Réponse", "Answer")],
                        rows: answers.map { a in
                            let state = a.request.answer.map { l.pick("le \(f.date($0.date)), en retard", "on \(f.date($0.date)), late") }
                                ?? (a.late ? l.pick("aucune, en retard", "none, late") : l.pick("à donner", "to give"))
                            return [a.request.id, a.request.renews ?? "", names[a.request.member] ?? a.request.member,
                                    f.date(a.request.received), f.date(a.deadline), state]
                        }))
                }
            }
        }
    }
}

/// `releve evaluation due | form | record | list`: the mayors' evaluations after each mission
/// (rules.md §8). Comments and per-agent scores are shown to the coordinator only.
struct EvaluationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluation",
        abstract: "Évaluations des missions par les maires : dues, formulaire PDF, enregistrement, liste et moyennes.",
        subcommands: [Due.self, Form.self, Record.self, List.self])

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Les évaluations dues : missions servies terminées, sans évaluation, avec leur ancienneté.")
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var today: TodayOptions
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let day = try today.day()
                let database = try options.openDatabase()
                let territory = try database.loadTerritory()
                let due = FollowUp.evaluationsDue(try database.storedPlan(), evaluations: territory.evaluations,
                                                  convention: territory.service.convention, today: day)
                let names = territory.memberNames, agents = territory.agentNames
                func agentNames(_ d: RequestDecision) -> String {
                    var seen: [String] = []
                    for p in d.periods where !seen.contains(agents[p.agent] ?? p.agent) { seen.append(agents[p.agent] ?? p.agent) }
                    return seen.joined(separator: ", ")
                }
                switch format {
                case .json:
                    var out = JSONStream()
                    out.beginObject()
                    out.key("due")
                    out.beginArray()
                    for e in due {
                        out.beginObject()
                        out.field("request", e.decision.id)
                        out.field("member", e.decision.request.member)
                        out.field("last_served", e.lastServed.iso)
                        out.field("age_days", e.age)
                        out.endObject()
                    }
                    out.endArray()
                    out.endObject()
                    writeLine(out.finish())
                case .table:
                    let f = DisplayFormat(l)
                    if due.isEmpty { writeLine(l.pick("Aucune évaluation due.", "No evaluation due.")); return }
                    writeOut(TextTable.render(
                        header: [l.pick("Demande", "Request"), l.pick("Commune", "Member"), l.pick("Agent(s)", "Agent(s)"),
                                 l.pick("Fin de mission", "Mission ended"), l.pick("Depuis", "Since")],
                        rows: due.map { e in
                            [e.decision.id, names[e.decision.request.member] ?? e.decision.request.member, agentNames(e.decision),
                             f.date(e.lastServed), l.pick("\(e.age) j", "\(e.age) d")]
                        }, rightAligned: [4]))
                }
            }
        }
    }

    struct Form: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Écrit le formulaire d'évaluation d'une mission (PDF), prérempli, à faire remplir par le maire.")
        @Argument(help: "Numéro de la demande.") var requestID: String
        @Option(help: "Fichier PDF à écrire.") var output: String
        @OptionGroup var force: ForceOption
        @OptionGroup var today: TodayOptions
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let day = try today.day()
                let database = try options.openDatabase()
                try OutputFile.check(output, force: force.force, protecting: database.protectedFiles)
                let bytes = try DocumentText.evaluationFormPDF(request: requestID, today: day, database: database)
                try OutputFile.write(bytes, to: output, force: force.force, protecting: database.protectedFiles)
                writeLine(l.pick("Formulaire d'évaluation de la demande \(requestID) écrit dans \(output).",
                                 "Evaluation form of request \(requestID) written to \(output)."))
            }
        }
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enregistre les réponses du maire : cinq notes de 1 à 4, nouvel appel oui/non, commentaire.")
        @Argument(help: "Numéro de la demande.") var requestID: String
        @Option(help: "Cinq notes de 1 (insuffisant) à 4 (très satisfaisant), séparées par des virgules : qualité, adaptation, relations, horaires, satisfaction générale.") var scores: String
        @Option(help: "La commune ferait de nouveau appel au service : yes ou no (oui, non).") var again: String
        @Option(help: "Commentaire du maire.") var comment: String?
        @Option(help: "Date de retour du formulaire (par défaut : aujourd'hui).") var received: String?
        @OptionGroup var today: TodayOptions
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let values = scores.split(separator: ",", omittingEmptySubsequences: false).map { Int(String($0).trimmingSpaces()) }
                let fiveScores = CommandFailure(.invalidData, l.pick("--scores : « \(scores) » : cinq notes de 1 à 4 séparées par des virgules attendues (ex. 4,3,4,3,4)",
                                                                     "--scores: \"\(scores)\": five scores from 1 to 4 separated by commas expected (e.g. 4,3,4,3,4)"))
                guard values.count == 5, values.allSatisfy({ $0 != nil }) else { throw fiveScores }
                let numbers = values.compactMap { $0 }
                if let (i, bad) = numbers.enumerated().first(where: { !EvaluationScores.range.contains($0.element) }) {
                    throw CommandFailure(.invalidData, l.pick(
                        "--scores : la note « \(EvaluationCriterion.allCases[i].label(in: l)) » vaut \(bad) : entre 1 et 4 attendu",
                        "--scores: the score \"\(EvaluationCriterion.allCases[i].label(in: l))\" is \(bad): between 1 and 4 expected"))
                }
                guard let parsed = EvaluationScores(numbers) else { throw fiveScores }
                let answer = again.trimmingSpaces().lowercased()
                guard ["yes", "no", "oui", "non", "o", "n", "y"].contains(answer) else {
                    throw CommandFailure(.invalidData, l.pick("--again : « \(again) » : yes ou no (oui ou non) attendu",
                                                              "--again: \"\(again)\": yes or no expected"))
                }
                let day = try OptionValue.optionalDate(received, option: "--received") ?? today.day()
                let text = comment?.trimmingSpaces()
                let database = try options.openDatabase()
                try database.recordEvaluation(Evaluation(request: requestID, received: day, scores: parsed,
                                                         again: ["yes", "oui", "o", "y"].contains(answer),
                                                         comment: text?.isEmpty == false ? text : nil))
                writeLine(l.pick("Évaluation de la demande \(requestID) enregistrée (reçue le \(DisplayFormat(l).date(day))).",
                                 "Evaluation of request \(requestID) recorded (received \(DisplayFormat(l).date(day)))."))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Les évaluations reçues, et les moyennes par critère : de la période, et par agent (coordinatrice seulement).")
        @Option(help: "Premier jour de réception retenu.") var from: String?
        @Option(help: "Dernier jour de réception retenu.") var to: String?
        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let first = try OptionValue.optionalDate(from, option: "--from")
                let last = try OptionValue.optionalDate(to, option: "--to")
                let database = try options.openDatabase()
                let policy = database.readPolicy
                let territory = try database.loadTerritory()
                let evaluations = territory.evaluations.filter { e in
                    (first.map { e.received >= $0 } ?? true) && (last.map { e.received <= $0 } ?? true)
                }
                let overall = EvaluationAverages(evaluations)
                let perAgent = policy.seesEvaluationDetails ? EvaluationAverages.perAgent(evaluations, plan: try database.storedPlan()) : [:]
                let names = territory.memberNames, agents = territory.agentNames
                let memberOf = Dictionary(territory.requests.map { ($0.id, $0.member) }, uniquingKeysWith: { first, _ in first })
                let byAgent = perAgent.sorted { $0.key < $1.key }
                switch format {
                case .json:
                    var out = JSONStream()
                    out.beginObject()
                    out.key("evaluations")
                    out.beginArray()
                    for e in evaluations {
                        out.beginObject()
                        out.field("request", e.request)
                        out.field("member", memberOf[e.request])
                        out.field("received", e.received.iso)
                        if policy.seesEvaluationDetails {
                            out.key("scores")
                            out.beginObject()
                            for c in EvaluationCriterion.allCases { out.field(c.rawValue, e.scores[c]) }
                            out.endObject()
                            out.field("again", e.again)
                            out.field("comment", e.comment)
                        }
                        out.endObject()
                    }
                    out.endArray()
                    func averages(_ a: EvaluationAverages) {
                        out.beginObject()
                        out.field("count", a.count)
                        for c in EvaluationCriterion.allCases { out.field(c.rawValue, a.hundredths[c].map { EvaluationAverages.text($0, .en) }) }
                        out.endObject()
                    }
                    out.key("averages")
                    averages(overall)
                    if policy.seesEvaluationDetails {
                        out.key("by_agent")
                        out.beginObject()
                        for (code, a) in byAgent { out.key(code); averages(a) }
                        out.endObject()
                    }
                    out.endObject()
                    writeLine(out.finish())
                case .table:
                    let f = DisplayFormat(l)
                    let criteria = EvaluationCriterion.allCases
                    let short = [l.pick("Qual.", "Qual."), l.pick("Adapt.", "Adapt."), l.pick("Relat.", "Relat."), l.pick("Horai.", "Hours"), l.pick("Glob.", "Overall")]
                    if policy.seesEvaluationDetails && !evaluations.isEmpty {
                        writeOut(TextTable.render(
                            header: [l.pick("Demande", "Request"), l.pick("Commune", "Member"), l.pick("Reçue", "Received")] + short
                                + [l.pick("Rappel", "Again"), l.pick("Commentaire", "Comment")],
                            rows: evaluations.map { e in
                                let member = memberOf[e.request] ?? ""
                                return [e.request, names[member] ?? member, f.date(e.received)] + criteria.map { String(e.scores[$0]) }
                                    + [e.again ? l.pick("oui", "yes") : l.pick("non", "no"), e.comment ?? ""]
                            }))
                        writeLine("")
                    }
                    func row(_ label: String, _ a: EvaluationAverages) -> [String] {
                        [label, String(a.count)] + criteria.map { a.hundredths[$0].map { EvaluationAverages.text($0, l) } ?? "—" }
                    }
                    var rows = [row(l.pick("Toutes", "All"), overall)]
                    for (code, a) in byAgent { rows.append(row(agents[code] ?? code, a)) }
                    writeLine(l.pick("Moyennes (de 1 à 4)", "Averages (1 to 4)"))
                    writeOut(TextTable.render(header: ["", l.pick("Nombre", "Count")] + short, rows: rows, rightAligned: Set(1...6)))
                }
            }
        }
    }
}
