/// The coordinator's form for hours (Heures pane): agent, member, date, hours and mission,
/// checked as `releve hours log` checks them before the database checks the rest.
extension RecordDrafts {
    static func hoursFields(original: TimeEntry?, agent: String, member: String, territory: Territory, today: CalendarDate,
                            language l: Language) -> [FormField] {
        let format = DisplayFormat(l)
        let memberCode = original?.member ?? member
        let memberName = territory.members.first { $0.code == memberCode }?.name ?? memberCode
        return [FormField(l.pick("Agent (code)", "Agent (code)"), original?.agent ?? agent),
                FormField(l.pick("Commune (nom ou code)", "Member (name or code)"), memberName),
                FormField("Date", format.numericDate(original?.date ?? today)),
                FormField(l.pick("Heures (7:30 ou 7,5)", "Hours (7:30 or 7.5)"), original.map { DurationText.format($0.minutes) } ?? ""),
                FormField(l.pick("Mission (n° de demande, vide : tournée)", "Mission (request no., empty: rota)"), original?.request ?? "")]
    }

    /// The entry the fields say (the original's id kept), or the problems by field index.
    public static func parseHours(_ kind: RecordKind, _ fields: [FormField], territory: Territory, language l: Language)
        -> (entry: TimeEntry?, problems: [Int: String]) {
        guard case .hours(let original, _, _) = kind else { return (nil, [:]) }
        var problems: [Int: String] = [:]
        func text(_ i: Int) -> String { fields.indices.contains(i) ? fields[i].value.trimmingSpaces() : "" }
        func lookup(_ i: Int, _ items: [(code: String, name: String)], unknown: (String) -> DataProblem) -> String? {
            switch NameLookup.find(text(i), in: items, code: \.code, folded: { $0.name.folding() }) {
            case .one(let item): return item.code
            case .none: problems[i] = (text(i).isEmpty ? DataProblem.emptyText : unknown(text(i))).message(in: l)
            case .several(let list):
                problems[i] = l.pick("plusieurs correspondent : ", "several match: ") + NameLookup.listing(list, l)
            }
            return nil
        }
        let agent = lookup(0, territory.agents.map { ($0.code, $0.name) }, unknown: DataProblem.unknownAgent)
        let member = lookup(1, territory.members.map { ($0.code, $0.name) }, unknown: DataProblem.unknownMember)
        let date = CalendarDate.parseUserInput(text(2))
        if date == nil { problems[2] = DataProblem.invalidUserDate(text(2)).message(in: l) }
        let minutes = DurationText.parseUserInput(text(3))
        if minutes == nil || minutes == 0 { problems[3] = DataProblem.invalidDuration(text(3)).message(in: l) }
        let request = text(4).isEmpty ? nil : text(4)
        if let request, !territory.requests.contains(where: { $0.id == request }) {
            problems[4] = DataProblem.unknownRequest(request).message(in: l)
        }
        guard problems.isEmpty, let agentCode = agent, let memberCode = member, let date, let minutes else {
            return (nil, problems)
        }
        return (TimeEntry(id: original?.id, agent: agentCode, member: memberCode, date: date, minutes: minutes, request: request,
                          validated: false), [:])
    }
}
