/// What looks wrong about hours that are valid: a holiday, the agent's absence, a future day.
public enum HoursWarnings {
    public static func check(_ entry: TimeEntry, territory: Territory, today: CalendarDate, language l: Language) -> [String] {
        var warnings: [String] = []
        let format = DisplayFormat(l)
        if let holiday = territory.service.calendar.holidayName(on: entry.date) {
            warnings.append(l.pick("le \(format.date(entry.date)) est férié (\(holiday))", "\(format.date(entry.date)) is a public holiday (\(holiday))"))
        } else if entry.date.weekday.isWeekend {
            warnings.append(l.pick("le \(format.date(entry.date)) tombe un week-end", "\(format.date(entry.date)) is a weekend day"))
        }
        if territory.agents.first(where: { $0.code == entry.agent })?.absence(on: entry.date) != nil {
            warnings.append(l.pick("l'agent est noté absent ce jour-là", "the agent is recorded as away that day"))
        }
        if entry.date > today {
            warnings.append(l.pick("la date est dans le futur", "the date is in the future"))
        }
        return warnings
    }
}
