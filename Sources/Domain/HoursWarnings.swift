/// What looks wrong about hours that are valid: a holiday, the agent's absence, a future day.
public enum HoursWarnings {
    /// `day`, when known: what the plan gave the agent at the entry's member that day and what
    /// the day's entries there add up to (this one included): more than planned is said.
    public static func check(_ entry: TimeEntry, territory: Territory, today: CalendarDate, language l: Language,
                             day: (planned: Int, logged: Int)? = nil) -> [String] {
        var warnings: [String] = []
        let format = DisplayFormat(l)
        if let day, day.logged > day.planned {
            let member = territory.members.first { $0.code == entry.member }?.name ?? entry.member
            warnings.append(day.planned == 0
                ? l.pick("rien n'était prévu à \(member) ce jour-là (\(DurationText.format(day.logged)) saisies)",
                         "nothing was planned at \(member) that day (\(DurationText.format(day.logged)) logged)")
                : l.pick("\(DurationText.format(day.logged)) saisies à \(member) ce jour-là pour \(DurationText.format(day.planned)) prévues",
                         "\(DurationText.format(day.logged)) logged at \(member) that day for \(DurationText.format(day.planned)) planned"))
        }
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
