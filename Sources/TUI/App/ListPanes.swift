import Domain

/// Splits `area` in a list and, when open, a detail panel on the right (or below when narrow).
private func split(_ area: Rect, detail: Bool) -> (list: Rect, detail: Rect?) {
    guard detail else { return (area, nil) }
    if area.width >= 110 {
        let right = area.width * 2 / 5
        return (Rect(x: area.x, y: area.y, width: area.width - right, height: area.height),
                Rect(x: area.x + area.width - right, y: area.y, width: right, height: area.height))
    }
    let below = min(10, area.height / 2)
    return (Rect(x: area.x, y: area.y, width: area.width, height: area.height - below),
            Rect(x: area.x, y: area.y + area.height - below, width: area.width, height: below))
}

func detailBox(_ lines: [(String, Role)], title: String, _ rect: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    buffer.fill(rect, style: theme.style(.normal))
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    for (i, line) in lines.prefix(rect.height - 2).enumerated() {
        buffer.put(TextWidth.truncate(line.0, to: rect.width - 4), x: rect.x + 2, y: rect.y + 1 + i, style: theme.style(line.1))
    }
    if lines.count > rect.height - 2, rect.height > 2 {
        buffer.put("…", x: rect.maxX - 3, y: rect.maxY - 2, style: theme.style(.dim))
    }
}

private func listTitle(_ base: String, count: Int, filter: String, _ l: Language) -> String {
    "\(base) · \(count)" + (filter.isEmpty ? "" : l.pick(" · filtre : \(filter)", " · filter: \(filter)"))
}

/// The frame, the table and the empty-list message of a list pane. Returns where the detail
/// panel goes when it is open and the cursor is on a row.
/// Only the rows on screen are built (`row` is asked for them), whatever the list's length.
func drawList(_ state: AppState, _ area: Rect, _ list: ListState, title: String, count: Int, row: (Int) -> TableRow,
              columns: (Int) -> [Column], _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) -> Rect? {
    let (listRect, detailRect) = split(area, detail: list.showDetail)
    buffer.frame(listRect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let inner = listRect.inset(1)
    buffer.table(inner, columns: columns(inner.width), count: count, row: row, selected: count == 0 ? nil : list.cursor,
                 scroll: list.scroll, theme: theme)
    if count == 0 { buffer.put(emptyListMessage(state.language, filter: list.filter), x: inner.x, y: inner.y + 1, style: theme.style(.dim)) }
    return list.cursor >= 0 && list.cursor < count ? detailRect : nil
}

func renderRequests(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let rows = state.requestRows
    let implicit = state.lists.requestMatches == nil ? snapshot.implicitCount : rows.lazy.filter(\.isImplicit).count
    let title = listTitle(l.pick("Demandes", "Requests"), count: rows.count - implicit, filter: state.requests.filter, l)
        + (implicit == 0 ? "" : l.pick(" (+ \(implicit) de tournée pendant les absences)", " (+ \(implicit) rota cover during absences)"))
    let short: (CalendarDate) -> String = { "\(pad2($0.day))/\(pad2($0.month))/\(pad2($0.year % 100))" }
    let tableRow = { (index: Int) -> TableRow in
        let d = rows[index]
        return TableRow([d.isImplicit ? l.pick("tournée ", "rota ") + short(d.request.start) : d.id,
                  snapshot.member(d.request.member)?.name ?? d.request.member,
                  d.isImplicit ? l.pick("agent absent", "agent away") : state.motiveText(d.request.motive),
                  "P\(d.priorityClass.rawValue)", short(d.request.start), short(d.effectiveEnd),
                  DurationText.format(d.request.minutesPerWeek), d.status.label(in: l),
                  d.reasons.last.map(state.reasonText) ?? ""],
                 role: d.status == .refused || d.status == .preempted ? .dim : d.priorityClass == .urgent ? .urgent : .normal)
    }
    let detail = drawList(state, area, state.requests, title: title, count: rows.count, row: tableRow, columns: { width in
        let free = max(10, width - (12 + 6 + 3 + 9 + 9 + 6 + 11 + 8))
        return [Column(l.pick("N°", "No."), 12), Column(l.pick("Commune", "Member"), max(10, free * 2 / 5)),
                Column(l.pick("Motif", "Motive"), 14), Column("P", 2), Column(l.pick("Du", "From"), 8),
                Column(l.pick("Au", "To"), 8), Column(l.pick("h/sem.", "h/wk"), 6, right: true),
                Column(l.pick("État", "Status"), 10), Column(l.pick("Raison", "Reason"), max(8, free * 3 / 5 - 14))]
    }, &buffer, theme, borders)
    if let detailRect = detail {
        let d = rows[state.requests.cursor]
        let member = snapshot.member(d.request.member)
        var lines: [(String, Role)] = [
            ("\(member?.name ?? d.request.member) · \(state.motiveText(d.request.motive)) (P\(d.priorityClass.rawValue))", .header),
            (l.pick("Reçue le \(format.date(d.request.received))", "Received \(format.date(d.request.received))"), .normal),
            (l.pick("Du \(format.date(d.request.start)) au \(format.date(d.effectiveEnd))", "From \(format.date(d.request.start)) to \(format.date(d.effectiveEnd))"), .normal),
            (l.pick("Besoin \(DurationText.format(d.neededMinutes)) · servi \(DurationText.format(d.servedMinutes)) · \(d.status.label(in: l))",
                    "Needed \(DurationText.format(d.neededMinutes)) · served \(DurationText.format(d.servedMinutes)) · \(d.status.label(in: l))"), .normal),
        ]
        for reason in d.reasons { lines.append(("• " + state.reasonText(reason), .normal)) }
        for period in d.periods.prefix(6) {
            let name = snapshot.agentNames[period.agent] ?? period.agent
            lines.append(("  \(short(period.from))–\(short(period.to)) \(name) \(DurationText.format(period.minutesPerDay))/j", .dim))
        }
        detailBox(lines, title: d.isImplicit ? implicitTitle(d, snapshot, l) : d.id, detailRect, &buffer, theme, borders)
    }
}

func renderMembers(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let rows = state.memberRows
    let agentName = { (code: String?) -> String in code.flatMap { c in snapshot.agentNames[c] } ?? "—" }
    let tableRow = { (index: Int) -> TableRow in
        let m = rows[index]
        return TableRow([m.code, m.name, String(m.population), m.kind.rawValue, m.isSmall ? l.pick("oui", "yes") : "",
                  agentName(m.substituteAgent)], role: m.isMember(on: state.today) ? .normal : .dim)
    }
    let detail = drawList(state, area, state.members,
                          title: listTitle(l.pick("Communes membres", "Members"), count: rows.count, filter: state.members.filter, l),
                          count: rows.count, row: tableRow, columns: { width in
        [Column("Code", 6), Column(l.pick("Nom", "Name"), max(14, width - 6 - 8 - 9 - 7 - 22 - 5)),
         Column(l.pick("Hab.", "Pop."), 8, right: true), Column(l.pick("Type", "Kind"), 9), Column(l.pick("Petite", "Small"), 7),
         Column(l.pick("Remplaçante", "Substitute"), 22)]
    }, &buffer, theme, borders)
    if let detailRect = detail {
        let m = rows[state.members.cursor]
        var lines: [(String, Role)] = [
            ("\(m.name) (\(m.code)) · \(m.population) \(l.pick("hab.", "inhabitants"))", .header),
            (l.pick("Membre depuis le \(format.date(m.memberSince))", "Member since \(format.date(m.memberSince))")
                + (m.memberUntil.map { l.pick(" jusqu'au \(format.date($0))", " until \(format.date($0))") } ?? ""), .normal),
            (l.pick("Secrétaire unique à temps non complet : ", "Single part-time secretary: ") + (m.singlePartTimeSecretary ? l.pick("oui", "yes") : l.pick("non", "no")), .normal),
            (l.pick("Référente : ", "Referent: ") + agentName(m.referentAgent) + l.pick(" · remplaçante attitrée : ", " · substitute: ") + agentName(m.substituteAgent), .normal),
            (l.pick("Dernier remplacement d'été : ", "Last summer replacement: ") + (m.lastSummerReplacement.map(String.init) ?? l.pick("jamais", "never")), .normal),
            (l.pick("Horaires d'ouverture", "Opening hours") + (state.role == .coordinator ? l.pick(" (o : modifier)", " (o: edit)") : ""), .header),
        ]
        for day in Weekday.allCases where !m.openingHours.on(day).isEmpty {
            lines.append(("  \(format.weekdayShort(day)) \(m.openingHours.on(day).map { "\(ClockText.format($0.start))–\(ClockText.format($0.end))" }.joined(separator: ", "))", .normal))
        }
        let requests = snapshot.requestsByMember[m.code] ?? []
        if !requests.isEmpty { lines.append((l.pick("Demandes : ", "Requests: ") + requests.joined(separator: ", "), .dim)) }
        detailBox(lines, title: m.name, detailRect, &buffer, theme, borders)
    }
}

func renderAgents(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let rows = state.agentRows
    let tableRow = { (index: Int) -> TableRow in
        let a = rows[index]
        let now = a.absence(on: state.today).map { state.absenceText($0.kind) } ?? l.pick("présent", "present")
        return TableRow([a.code, a.name, DurationText.format(a.weeklyMinutes), String(a.rttDaysPerYear),
                         "\(a.rota.count)", now], role: a.absence(on: state.today) == nil ? .normal : .absence)
    }
    let detail = drawList(state, area, state.agents, title: listTitle("Agents", count: rows.count, filter: state.agents.filter, l),
                          count: rows.count, row: tableRow, columns: { width in
        [Column("Code", 6), Column(l.pick("Nom", "Name"), max(14, width - 6 - 8 - 5 - 8 - 24 - 5)),
         Column(l.pick("h/sem.", "h/wk"), 8, right: true), Column("RTT", 5, right: true),
         Column(l.pick("Tournée", "Rota"), 8, right: true), Column(l.pick("Aujourd'hui", "Today"), 24)]
    }, &buffer, theme, borders)
    if let detailRect = detail {
        let a = rows[state.agents.cursor]
        var lines: [(String, Role)] = [
            ("\(a.name) (\(a.code)) · \(DurationText.format(a.weeklyMinutes)) \(l.pick("par semaine", "a week")) · \(DurationText.format(a.dailyMinutes)) \(l.pick("par jour", "a day"))", .header),
            (l.pick("Tournée", "Rota"), .header),
        ]
        for entry in a.rota {
            let name = snapshot.member(entry.member)?.name ?? entry.member
            lines.append(("  \(format.weekdayShort(entry.day)) \(ClockText.format(entry.time.start))–\(ClockText.format(entry.time.end)) \(name)", .normal))
        }
        lines.append((l.pick("Absences (motif visible uniquement par la coordination)", "Absences (reason visible to the coordinator only)"), .header))
        for absence in a.absences {
            lines.append(("  \(format.date(absence.from)) → \(format.date(absence.to)) · \(state.absenceText(absence.kind))", .absence))
        }
        if state.role == .coordinator {
            lines.append((l.pick("A / R : modifier ou supprimer une absence, une plage de tournée", "A / R: edit or delete an absence, a rota slot"), .dim))
        }
        detailBox(lines, title: a.name, detailRect, &buffer, theme, borders)
    }
}

func renderHours(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let snapshot = state.snapshot else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let sunday = state.hoursWeek.adding(days: 6)
    // The planned-versus-logged table below the hours logged (at most half the pane).
    let comparisonHeight = min(area.height / 2, snapshot.agents.count + 3)
    if comparisonHeight >= 4 {
        renderPlannedVersusLogged(state, Rect(x: area.x, y: area.maxY - comparisonHeight, width: area.width, height: comparisonHeight),
                                  &buffer, theme, borders)
    }
    let area = comparisonHeight >= 4 ? Rect(x: area.x, y: area.y, width: area.width, height: area.height - comparisonHeight) : area
    let entries = state.hours.filter { $0.date >= state.hoursWeek && $0.date <= sunday }
    let total = entries.reduce(0) { $0 + $1.minutes }
    let validated = entries.filter(\.validated).reduce(0) { $0 + $1.minutes }
    buffer.frame(area, title: l.pick("Heures · semaine \(isoWeek(state.hoursWeek)) du \(format.date(state.hoursWeek)) · total \(DurationText.format(total)), validées \(DurationText.format(validated))",
                                     "Hours · week \(isoWeek(state.hoursWeek)) from \(format.date(state.hoursWeek)) · total \(DurationText.format(total)), validated \(DurationText.format(validated))"),
                 borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    if state.hoursPane.closedMonths.contains(state.hoursMonth) {
        let closed = l.pick(" mois \(state.hoursMonth) clos (O rouvrir) ", " month \(state.hoursMonth) closed (O reopens) ")
        buffer.put(closed, x: area.maxX - TextWidth.of(closed) - 2, y: area.y, style: theme.style(.header))
    }
    let inner = area.inset(1)
    let hoursRows = state.hoursRows
    // Seven day columns and the total must fit in 78 columns (80×24).
    let nameWidth = max(8, (inner.width - 7 * 7 - 7 - 10) / 2)
    var columns = [Column("Agent", nameWidth), Column(l.pick("Commune", "Member"), nameWidth)]
    for i in 0..<7 {
        let day = state.hoursWeek.adding(days: i)
        columns.append(Column("\(format.weekdayShort(day.weekday).prefix(3)) \(day.day)", 6, right: true)) }
    columns.append(Column("Total", 6, right: true))
    let tableRow = { (index: Int) -> TableRow in
        let row = hoursRows[index]
        var byDay: [Int: Int] = [:]
        for e in row.entries { byDay[state.hoursWeek.days(to: e.date), default: 0] += e.minutes }
        let cells = [row.agentName, row.memberName] + (0..<7).map { byDay[$0].map(DurationText.format) ?? "·" }
            + [DurationText.format(byDay.values.reduce(0, +))]
        return TableRow(cells, role: row.entries.allSatisfy(\.validated) ? .normal : .hint)
    }
    if hoursRows.isEmpty {
        buffer.put(l.pick("Aucune heure saisie cette semaine.", "No hours logged this week."), x: inner.x, y: inner.y + 1, style: theme.style(.dim))
    } else {
        let top = buffer.table(inner, columns: columns, count: hoursRows.count, row: tableRow, selected: state.hoursPane.list.cursor,
                               scroll: 0, theme: theme)
        let visible = inner.height - 1
        let below = hoursRows.count - top - visible
        if top > 0 || below > 0 {
            let more = l.pick(" lignes \(top + 1)–\(min(hoursRows.count, top + visible)) sur \(hoursRows.count) ",
                              " rows \(top + 1)–\(min(hoursRows.count, top + visible)) of \(hoursRows.count) ")
            buffer.put(more, x: area.maxX - TextWidth.of(more) - 2, y: area.maxY - 1, style: theme.style(.dim))
        }
    }
    renderHoursValidation(state, area, &buffer, theme, borders)
}

func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

/// "Tournée d'Élodie Ferrand à Charmoy, jeu. 23 juil. 2026" for an implicit rota request.
func implicitTitle(_ d: RequestDecision, _ snapshot: Snapshot, _ l: Language) -> String {
    let parts = d.id.split(separator: ":")
    let agent = parts.count > 1 ? (snapshot.agentNames[String(parts[1])] ?? String(parts[1])) : "?"
    let member = snapshot.member(d.request.member)?.name ?? d.request.member
    return l.pick("Tournée de \(agent) à \(member), \(DisplayFormat(l).date(d.request.start))",
                  "Rota of \(agent) at \(member), \(DisplayFormat(l).date(d.request.start))")
}

/// What an empty filtered list says.
func emptyListMessage(_ l: Language, filter: String) -> String {
    filter.isEmpty ? l.pick("Rien à afficher.", "Nothing to show.")
        : l.pick("Rien ne correspond à « \(filter) » (Échap efface le filtre).", "Nothing matches \"\(filter)\" (Esc clears the filter).")
}
