/// A request as typed in a form: text fields, read with the same rules as the command line
/// (French dates `09/01/2023`, hours `17:30` or `17,5`), each problem tied to its field.
public struct RequestDraft: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Sendable {
        case member, motive, received, start, end, hoursPerWeek, exceptional, missions

        public func label(_ l: Language) -> String {
            switch self {
            case .member: return l.pick("Commune (code ou nom)", "Member (code or name)")
            case .motive: return l.pick("Motif", "Motive")
            case .received: return l.pick("Reçue le", "Received")
            case .start: return l.pick("Du", "From")
            case .end: return l.pick("Au", "To")
            case .hoursPerWeek: return l.pick("Heures par semaine", "Hours per week")
            case .exceptional: return l.pick("Exceptionnelle (o/n)", "Exceptional (y/n)")
            case .missions: return l.pick("Missions (fiche de poste)", "Missions (job description)")
            }
        }
    }

    /// The request being edited, nil for a new one.
    public var id: String?
    public var values: [Field: String]
    /// What the form does not show but the request keeps: the request it renews, the
    /// commune's FTE and the answer given (an edit must not lose them).
    public var renews: String?
    public var staffFTE: String?
    public var answer: RequestAnswer?

    public init(id: String? = nil, values: [Field: String] = [:]) {
        self.id = id
        self.values = values
    }

    /// A draft filled from an existing request.
    public init(_ request: ReplacementRequest, language l: Language) {
        let format = DisplayFormat(l)
        id = request.id
        values = [.member: request.member, .motive: request.motive.rawValue, .received: format.numericDate(request.received),
                  .start: format.numericDate(request.start), .end: format.numericDate(request.end),
                  .hoursPerWeek: DurationText.format(request.minutesPerWeek),
                  .exceptional: request.exceptional ? l.pick("oui", "yes") : l.pick("non", "no"),
                  .missions: request.missions ?? ""]
        renews = request.renews
        staffFTE = request.staffFTE
        answer = request.answer
    }

    /// A renewal of `request` (annex 2 art. 4), received `today`: the same member, motive, hours
    /// and job description, from the day after `effectiveEnd` for as many days as the renewed span.
    public static func renewal(of request: ReplacementRequest, effectiveEnd: CalendarDate, today: CalendarDate,
                               language l: Language) -> RequestDraft {
        var draft = RequestDraft(request, language: l)
        let start = effectiveEnd.adding(days: 1)
        let format = DisplayFormat(l)
        draft.id = nil
        draft.renews = request.id
        draft.answer = nil
        draft[.received] = format.numericDate(today)
        draft[.start] = format.numericDate(start)
        draft[.end] = format.numericDate(start.adding(days: request.start.days(to: request.end)))
        return draft
    }

    public subscript(field: Field) -> String {
        get { values[field] ?? "" }
        set { values[field] = newValue }
    }

    /// The request, or the problems of each field (members are looked up by code, then name).
    /// `foldedName` gives a member's folded name (stored ones, to avoid folding every member).
    public func parse(members: [Member], newID: String, language l: Language = .fr,
                      foldedName: ((Member) -> String)? = nil) -> (request: ReplacementRequest?, problems: [Field: String]) {
        var problems: [Field: String] = [:]
        let text = self[.member].trimmingSpaces()
        // By code, else by any part of the name ignoring case and accents (`NameLookup`);
        // several matches are listed, never one picked at random.
        var member: Member?
        if text.isEmpty {
            problems[.member] = DataProblem.emptyText.message(in: l)
        } else {
            switch NameLookup.find(text, in: members, code: \.code, folded: foldedName ?? { $0.name.folding() }) {
            case .one(let found): member = found
            case .none: problems[.member] = DataProblem.unknownMember(text).message(in: l)
            case .several(let found):
                problems[.member] = l.pick(
                    "plusieurs communes correspondent à « \(text) » : \(NameLookup.listing(found.map { ($0.code, $0.name) }, l)) ; tapez le code ou un nom plus précis",
                    "several members match \"\(text)\": \(NameLookup.listing(found.map { ($0.code, $0.name) }, l)); type the code or a more precise name")
            }
        }
        let motiveText = self[.motive].trimmingSpaces().lowercased()
        let motive = Motive(rawValue: motiveText) ?? Motive.allCases.first { $0.label(in: .fr) == motiveText }
        if motive == nil { problems[.motive] = DataProblem.unknownValue(self[.motive], allowed: Motive.allCases.map(\.rawValue)).message(in: l) }
        func date(_ field: Field) -> CalendarDate? {
            guard let value = CalendarDate.parseUserInput(self[field]) else {
                problems[field] = l.pick("date « \(self[field]) » invalide ou inexistante : JJ/MM/AAAA attendu",
                                         "invalid or impossible date \"\(self[field])\": expected DD/MM/YYYY")
                return nil
            }
            return value
        }
        let received = date(.received), start = date(.start), end = date(.end)
        if let start, let end, end < start { problems[.end] = DataProblem.endBeforeStart(start: start, end: end).message(in: l) }
        let minutes = DurationText.parseUserInput(self[.hoursPerWeek])
        if let minutes, minutes < 1 || minutes > 60 * 60 {
            problems[.hoursPerWeek] = DataProblem.durationOutOfRange(found: minutes, min: 1, max: 60 * 60).message(in: l)
        } else if minutes == nil {
            problems[.hoursPerWeek] = DataProblem.invalidDuration(self[.hoursPerWeek]).message(in: l)
        }
        let flag = self[.exceptional].trimmingSpaces().lowercased()
        let exceptional = ["o", "oui", "y", "yes"].contains(flag)
        if !exceptional && !["", "n", "non", "no"].contains(flag) { problems[.exceptional] = l.pick("« oui » ou « non » attendu", "\"yes\" or \"no\" expected") }
        let missions = self[.missions].trimmingSpaces()
        if let problem = TextSafety.problem(in: missions, limit: TextSafety.freeTextLimit) {
            problems[.missions] = DataProblem.unsafeText(problem).message(in: l)
        }
        guard problems.isEmpty, let member, let motive, let received, let start, let end, let minutes else { return (nil, problems) }
        return (ReplacementRequest(id: id ?? newID, member: member.code, motive: motive, received: received, start: start,
                                   end: end, minutesPerWeek: minutes, exceptional: exceptional,
                                   missions: missions.isEmpty ? nil : missions, renews: renews, staffFTE: staffFTE,
                                   answer: answer), [:])
    }
}

/// What saving a request would change for the others: a dry run of the arbitration.
public struct RequestImpact: Hashable, Sendable {
    public var decision: RequestDecision?
    /// Other requests that would be served less (minutes lost), most first.
    public var losses: [AgentSuggestion.Loss]

    /// Compares the plan of `territory` with the plan once `request` is added or replaced.
    public static func of(_ request: ReplacementRequest, in territory: Territory, current: Plan) -> RequestImpact {
        var changed = territory
        changed.requests.removeAll { $0.id == request.id }
        changed.requests.append(request)
        let after = Arbitration.plan(changed)
        let before = Dictionary(current.decisions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let losses = after.decisions.compactMap { other -> AgentSuggestion.Loss? in
            guard other.id != request.id, let old = before[other.id], old.servedMinutes > other.servedMinutes else { return nil }
            return AgentSuggestion.Loss(request: other.id, minutes: old.servedMinutes - other.servedMinutes,
                                        preempted: other.status == .preempted && old.status != .preempted)
        }.sorted { $0.minutes != $1.minutes ? $0.minutes > $1.minutes : $0.request.precedesInByteOrder($1.request) }
        return RequestImpact(decision: after.decision(request.id), losses: losses)
    }
}
