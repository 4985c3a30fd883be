/// A change to one absence, one rota slot or one member's opening hours. Each carries the
/// values the form was opened with, so that the store can refuse it when another session
/// changed or removed the record meanwhile (these rows have no version column).
public enum RecordEdit: Sendable, Equatable {
    case updateAbsence(agent: String, old: Absence, new: Absence)
    case deleteAbsence(agent: String, Absence)
    case updateRota(agent: String, old: RotaEntry, new: RotaEntry)
    case deleteRota(agent: String, RotaEntry)
    case openingHours(member: String, old: OpeningHours, new: OpeningHours)
}

extension RecordKind {
    /// Kinds saved as a `RecordEdit` of one row rather than as a territory upsert.
    public var isTargetedEdit: Bool {
        switch self {
        case .editAbsence, .editRota, .openingHours: return true
        case .member, .agent, .absence, .rota, .tariff, .hours, .membership, .answer, .evaluation: return false
        }
    }
}

extension RecordDrafts {
    /// The fields of an absence or rota slot being edited, or of a member's opening hours.
    static func editFields(for kind: RecordKind, territory: Territory, language l: Language) -> [FormField] {
        let format = DisplayFormat(l)
        switch kind {
        case .editAbsence(_, let absence):
            return [FormField(l.pick("Du", "From"), format.numericDate(absence.from)),
                    FormField(l.pick("Au", "To"), format.numericDate(absence.to)),
                    FormField(l.pick("Motif (conges, formation, maladie, maternite, accident, autre)",
                                     "Kind (conges, formation, maladie, maternite, accident, autre)"), absence.kind.rawValue)]
        case .editRota(_, let entry):
            return [FormField(l.pick("Commune (code)", "Member (code)"), entry.member),
                    FormField(l.pick("Jour (mon, tue, wed, thu, fri, sat)", "Day (mon, tue, wed, thu, fri, sat)"), entry.day.rawValue),
                    FormField(l.pick("De (HH:MM)", "From (HH:MM)"), ClockText.format(entry.time.start)),
                    FormField(l.pick("À (HH:MM)", "To (HH:MM)"), ClockText.format(entry.time.end))]
        case .openingHours(_, let hours):
            return Weekday.allCases.map { day in
                FormField(weekdayName(day, l), hours.on(day).map { "\(ClockText.format($0.start))-\(ClockText.format($0.end))" }
                    .joined(separator: ", "))
            }
        case .member, .agent, .absence, .rota, .tariff, .hours, .membership, .answer, .evaluation:
            return []
        }
    }

    /// `lundi` … `dimanche`.
    public static func weekdayName(_ day: Weekday, _ l: Language) -> String {
        let french = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
        let english = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return l.pick(french[day.isoNumber - 1], english[day.isoNumber - 1])
    }

    /// What the fields of an edit form say, as one edit to save, or the problems by field index.
    public static func parseEdit(_ kind: RecordKind, _ fields: [FormField], territory: Territory, language l: Language)
        -> (edit: RecordEdit?, problems: [Int: String]) {
        var problems: [Int: String] = [:]
        func text(_ i: Int) -> String { fields.indices.contains(i) ? fields[i].value.trimmingSpaces() : "" }
        switch kind {
        case .editAbsence(let code, let original):
            let from = CalendarDate.parseUserInput(text(0)), to = CalendarDate.parseUserInput(text(1))
            if from == nil { problems[0] = DataProblem.invalidUserDate(text(0)).message(in: l) }
            if to == nil { problems[1] = DataProblem.invalidUserDate(text(1)).message(in: l) }
            if let from, let to, to < from { problems[1] = DataProblem.endBeforeStart(start: from, end: to).message(in: l) }
            let absenceKind = AbsenceKind(rawValue: text(2).lowercased().folding())
            if absenceKind == nil {
                problems[2] = DataProblem.unknownValue(text(2), allowed: AbsenceKind.allCases.map(\.rawValue)).message(in: l)
            }
            if let from, let to, from <= to, let agent = territory.agents.first(where: { $0.code == code }),
               let other = agent.absences.first(where: { $0 != original && $0.from <= to && from <= $0.to }) {
                problems[0] = DataProblem.overlapsAbsence(max(other.from, from)).message(in: l)
            }
            guard problems.isEmpty, let from, let to, let absenceKind else { return (nil, problems) }
            return (.updateAbsence(agent: code, old: original, new: Absence(from: from, to: to, kind: absenceKind)), [:])
        case .editRota(let code, let original):
            guard let slot = RecordDrafts.rotaSlot(text, agent: territory.agents.first { $0.code == code }, replacing: original,
                                                    territory: territory, language: l, problems: &problems) else { return (nil, problems) }
            return (.updateRota(agent: code, old: original, new: slot), [:])
        case .openingHours(let code, let original):
            var ranges: [Weekday: [TimeRange]] = [:]
            for (i, day) in Weekday.allCases.enumerated() {
                switch OpeningHoursText.parseDay(text(i), language: l) {
                case .success(let dayRanges): ranges[day] = dayRanges
                case .failure(let problem): problems[i] = problem.message
                }
            }
            guard problems.isEmpty else { return (nil, problems) }
            return (.openingHours(member: code, old: original, new: OpeningHours(ranges)), [:])
        case .member, .agent, .absence, .rota, .tariff, .hours, .membership, .answer, .evaluation:
            return (nil, [:])
        }
    }
}

/// One day of opening hours as a coordinator types it: `08:30-12:00, 13:30-17:00` (also
/// `8h30-12h`, an en dash, or `;` between ranges); empty means closed.
public enum OpeningHoursText {
    public struct Problem: Error, Equatable {
        public let message: String
    }

    public static func parseDay(_ text: String, language l: Language) -> Result<[TimeRange], Problem> {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .success([]) }
        var ranges: [TimeRange] = []
        for piece in trimmed.split(whereSeparator: { $0 == "," || $0 == ";" }).map({ String($0).trimmingSpaces() }) where !piece.isEmpty {
            let bounds = piece.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "–" })
                .map { String($0).trimmingSpaces() }
            guard bounds.count == 2 else {
                return .failure(Problem(message: l.pick("plage « \(piece) » invalide : début-fin attendu (08:30-12:00)",
                                                        "invalid range \"\(piece)\": expected start-end (08:30-12:00)")))
            }
            guard let start = clock(bounds[0]) else { return .failure(Problem(message: DataProblem.invalidClock(bounds[0]).message(in: l))) }
            guard let end = clock(bounds[1]) else { return .failure(Problem(message: DataProblem.invalidClock(bounds[1]).message(in: l))) }
            guard start < end else {
                return .failure(Problem(message: l.pick("plage « \(piece) » : la fin \(ClockText.format(end)) précède le début \(ClockText.format(start))",
                                                        "range \"\(piece)\": end \(ClockText.format(end)) before start \(ClockText.format(start))")))
            }
            ranges.append(TimeRange(start: start, end: end))
        }
        ranges.sort()
        for (a, b) in zip(ranges, ranges.dropFirst()) where a.end > b.start {
            return .failure(Problem(message: l.pick("les plages \(display(a)) et \(display(b)) se chevauchent",
                                                    "ranges \(display(a)) and \(display(b)) overlap")))
        }
        return .success(ranges)
    }

    /// `08:30-12:00`.
    public static func display(_ range: TimeRange) -> String { "\(ClockText.format(range.start))-\(ClockText.format(range.end))" }

    /// `08:30`, `8:30`, `8h30`, `8h` → minutes of the day.
    static func clock(_ text: String) -> Int? {
        var value = text.lowercased()
        if value.hasSuffix("h") { value += "00" }
        value = String(value.map { $0 == "h" ? ":" : $0 })
        if !value.contains(":"), let hours = Int(value), (0...24).contains(hours) { return hours * 60 }
        return ClockText.parse(value)
    }

    /// A week's opening hours in one line: `lun. 08:30-12:00, 13:30-17:00 · mar. …`, or `fermée`.
    public static func summary(_ hours: OpeningHours, language l: Language) -> String {
        let format = DisplayFormat(l)
        let days = Weekday.allCases.filter { !hours.on($0).isEmpty }
            .map { "\(format.weekdayShort($0)) " + hours.on($0).map(display).joined(separator: ", ") }
        return days.isEmpty ? l.pick("aucun horaire", "no opening hours") : days.joined(separator: " · ")
    }
}
