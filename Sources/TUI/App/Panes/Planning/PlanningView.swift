import Domain
import Foundation

/// What an agent does in one half-day of the planning grid.
struct HalfDay {
    var text: String
    var role: Role
    /// The requests worked in that half-day (for the detail panel).
    var requests: [String]
    /// The rota work of that half-day, described for the detail panel.
    var rota: [String] = []
}

/// An agent's morning and afternoon as the half-day schedule places them (rules.md §5, the
/// same as `releve schedule --agent`): the member of each half-day, its times in the detail.
/// `showMotive` false (observers): an absence reads "absent(e)", never its motive.
func halfDays(agent: Agent, day: CalendarDate, window: PlanningWindow, language l: Language, showMotive: Bool = true,
              agentName: (String) -> String = { $0 }) -> (HalfDay, HalfDay) {
    let calendar = window.calendar
    if day.weekday.isWeekend { return (HalfDay(text: "", role: .dim, requests: []), HalfDay(text: "", role: .dim, requests: [])) }
    if calendar.isHoliday(day) {
        let cell = HalfDay(text: l.pick("férié", "holiday"), role: .holiday, requests: [])
        return (cell, cell)
    }
    if let absence = agent.absence(on: day) {
        let cell = HalfDay(text: showMotive ? absenceLabel(absence.kind, l) : l.pick("absent(e)", "away"), role: .absence, requests: [])
        return (cell, cell)
    }
    let placed = window.placed(agent.code, on: day)
    let name = { (code: String) in window.member(code)?.name ?? code }
    func cell(_ half: Half) -> HalfDay {
        let here = placed.halfDays.filter { $0.half == half }.sorted { $0.range.start < $1.range.start }
        let conflicts = placed.conflicts.filter { $0.half == half }
        var lines: [String] = here.map { h in
            let times = "\(ClockText.format(h.range.start))–\(ClockText.format(h.range.end))"
            let what = h.request.map { id in
                ImplicitRotaRequests.agent(of: id).map { absent in
                    l.pick("\(name(h.member)), à la place de la tournée \(DisplayFormat.de(agentName(absent)))",
                           "\(name(h.member)), covering \(agentName(absent))'s rota")
                } ?? "\(name(h.member)) (\(id))"
            }
                ?? l.pick("tournée à \(name(h.member))", "rota at \(name(h.member))")
            return "\(times) · \(what)" + (h.split ? l.pick(" · demi-journée partagée", " · shared half-day") : "")
        }
        for c in conflicts {
            let who = c.members.map(name).joined(separator: l.pick(" et ", " and "))
            let fix = c.proposal.map { p in
                l.pick(" ; proposition : \(name(p.member)) ouvre aussi le \(DisplayFormat(l).weekdayLong(p.weekday)) \(ClockText.format(p.range.start))–\(ClockText.format(p.range.end))",
                       "; proposal: \(name(p.member)) also opens on \(DisplayFormat(l).weekdayLong(p.weekday)) \(ClockText.format(p.range.start))–\(ClockText.format(p.range.end))")
            } ?? ""
            lines.append(l.pick("× \(who) attendent l'agent à la même heure", "× \(who) wait for the agent at the same time") + fix)
        }
        guard let first = here.first else {
            return HalfDay(text: conflicts.isEmpty ? "·" : "×", role: conflicts.isEmpty ? .dim : .conflict, requests: [], rota: lines)
        }
        let requests = here.compactMap(\.request)
        let decisions = requests.compactMap { window.decisions[$0] }
        let members = Set(here.map(\.member))
        let urgent = decisions.contains { $0.priorityClass == .urgent }
        let shared = members.count > 1 || decisions.contains { $0.reasons.contains { if case .sharedWith = $0 { return true } else { return false } } }
        let conflict = !conflicts.isEmpty
        let marker = conflict ? "×" : urgent ? "!" : shared ? "½" : " "
        return HalfDay(text: marker + abbreviated(name(first.member)), role: conflict ? .conflict : urgent ? .urgent : shared ? .shared : .normal,
                       requests: requests, rota: lines)
    }
    func mark(_ half: inout HalfDay, _ line: String) {
        half.rota.append(line)
        guard !half.requests.isEmpty, !half.text.hasPrefix("×") else { return }
        half.text = "×" + half.text.dropFirst()
        half.role = .conflict
    }
    var am = cell(.am), pm = cell(.pm)
    // Minutes the schedule could not place that day: said on the day's first half with work.
    for u in placed.unplaced {
        let line = l.pick("× \(DurationText.format(u.minutes)) de \(u.request) non placées : \(u.reason.label(in: l))",
                          "× \(DurationText.format(u.minutes)) of \(u.request) not placed: \(u.reason.label(in: l))")
        if am.requests.isEmpty && !pm.requests.isEmpty { mark(&pm, line) } else { mark(&am, line) }
    }
    return (am, pm)
}

func absenceLabel(_ kind: AbsenceKind, _ l: Language) -> String {
    ReadPolicy.coordinator.absenceText(kind, l)
}

func renderPlanning(_ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    guard let window = state.grid else { return }
    let l = state.language
    let format = DisplayFormat(l)
    let p = state.planning
    let days = state.planningDays
    let detailHeight = p.showDetail ? 6 : 0
    let gridRect = Rect(x: area.x, y: area.y, width: area.width, height: area.height - detailHeight)
    let title: String
    if p.month {
        let month = format.monthName(p.weekStart.month)
        title = "\(month.prefix(1).uppercased())\(month.dropFirst()) \(p.weekStart.year)"
    } else {
        let friday = p.weekStart.adding(days: 4)
        let startMonth = p.weekStart.month == friday.month ? "" : " " + format.monthName(p.weekStart.month)
        let fridayDay = friday.day == 1 ? "1er" : String(friday.day)
        title = l.pick("Semaine \(p.weekStart.isoWeek) · du \(format.weekdayShort(.mon)) \(p.weekStart.day)\(startMonth) au \(format.weekdayShort(.fri)) \(fridayDay) \(format.monthName(friday.month)) \(friday.year)",
                       "Week \(p.weekStart.isoWeek) · Mon \(p.weekStart.day) to Fri \(friday.day) \(format.monthName(friday.month)) \(friday.year)")
    }
    let view = p.rows == .agents ? l.pick("agents", "agents") : l.pick("communes", "members")
    buffer.frame(gridRect, title: "\(title) · \(view)", borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    let inner = gridRect.inset(1)
    guard inner.width > 20, inner.height > 3 else { return }

    let nameWidth = min(20, max(12, inner.width / 6))
    let totalWidth = p.month || p.rows == .members ? 0 : 13
    let dayCount = days.count
    let dayWidth = max(2, (inner.width - nameWidth - totalWidth - 1) / max(1, dayCount))
    // Members view and month view: one cell per day; week view of agents: morning and afternoon.
    let compact = !p.month && p.rows == .members
    // Morning and afternoon, and at least one column between one day and the next.
    let half = p.month || compact ? dayWidth - 1 : (dayWidth - 2) / 2

    let narrowMonth = p.month && dayWidth < 4
    // Headers: day names, then morning / afternoon.
    buffer.put(p.rows == .agents ? "Agent" : l.pick("Commune", "Member"), x: inner.x, y: inner.y, style: theme.style(.header))
    for (i, day) in days.enumerated() {
        let x = inner.x + nameWidth + 1 + i * dayWidth
        let label = p.month ? String(day.day) : "\(format.weekdayShort(day.weekday)) \(day.day)"
        let role: Role = day == state.today ? .today : (window.calendar.isWorkingDay(day) ? .header : .dim)
        if narrowMonth {
            // One column a day (80 columns): the tens above the units, "1" over "0" for the 10th.
            buffer.put(day.day >= 10 ? String(day.day / 10) : " ", x: x, y: inner.y, style: theme.style(role), maxWidth: 1)
            buffer.put(String(day.day % 10), x: x, y: inner.y + 1, style: theme.style(role), maxWidth: 1)
        } else {
            buffer.put(label, x: x, y: inner.y, style: theme.style(role), maxWidth: dayWidth - 1)
        }
        if !p.month && !compact {
            buffer.put(half >= 5 ? l.pick("matin", "am") : l.pick("mat", "am"), x: x, y: inner.y + 1, style: theme.style(.dim), maxWidth: half)
            buffer.put(half >= 5 ? l.pick("a.-m.", "pm") : l.pick("apm", "pm"), x: x + half + 1, y: inner.y + 1, style: theme.style(.dim), maxWidth: half)
        }
    }
    if totalWidth > 0 {
        buffer.put(l.pick("prévu/contrat", "planned/contract"), x: inner.maxX - totalWidth, y: inner.y, style: theme.style(.header), maxWidth: totalWidth)
    }
    let firstRow = inner.y + (p.month && !narrowMonth ? 1 : 2)
    let visible = inner.maxY - firstRow
    // The rows come from the window loaded for this position (`update` keeps it in step).
    let rowCount = window.rowCount
    let top = window.query.top
    let calendar = window.calendar

    for offset in 0..<min(visible, max(0, rowCount - top)) {
        let index = top + offset
        let y = firstRow + offset
        if p.rows == .agents {
            guard let agent = window.agent(row: index) else { continue }
            buffer.put(TextWidth.truncate(agent.name, to: nameWidth), x: inner.x, y: y, style: theme.style(index == p.row ? .header : .normal))
            var planned = 0
            for (i, day) in days.enumerated() {
                let x = inner.x + nameWidth + 1 + i * dayWidth
                let (am, pm) = halfDays(agent: agent, day: day, window: window, language: l, showMotive: state.seesMotives)
                planned += (window.work[agent.code]?[day.dayNumber] ?? []).reduce(0) { $0 + $1.minutes }
                    + agent.rota.filter { $0.day == day.weekday && agent.absence(on: day) == nil && calendar.isWorkingDay(day) }
                        .reduce(0) { $0 + $1.time.minutes }
                if p.month || compact {
                    let shown = am.text == "·" ? pm : am
                    let selected = index == p.row && (compact ? i == p.column / 2 : i == p.column)
                    // Month cells are 2–3 columns: the marker and the first letters, never an ellipsis.
                    buffer.put(monthCell(shown.text, width: max(1, dayWidth - 1)), x: x, y: y,
                               style: theme.style(selected ? .selected : shown.role))
                } else if half < 6 {
                    let selectedHalf = index == p.row && p.column / 2 == i ? p.column % 2 : nil
                    narrowDay(am, pm, x: x, y: y, half: half, selectedHalf: selectedHalf, &buffer, theme)
                } else {
                    for (h, cell) in [am, pm].enumerated() {
                        let selected = index == p.row && i * 2 + h == p.column
                        let cx = x + h * (half + 1)
                        if selected { buffer.fill(Rect(x: cx, y: y, width: half, height: 1), style: theme.style(.selected)) }
                        buffer.put(TextWidth.truncate(cell.text, to: half), x: cx, y: y, style: theme.style(selected ? .selected : cell.role), maxWidth: half)
                    }
                }
            }
            if totalWidth > 0 {
                let text = "\(DurationText.format(planned))/\(DurationText.format(agent.weeklyMinutes))"
                buffer.put(text, x: inner.maxX - TextWidth.of(text), y: y, style: theme.style(planned > agent.weeklyMinutes ? .conflict : .normal))
            }
        } else {
            guard let member = window.member(row: index) else { continue }
            buffer.put(TextWidth.truncate(member.name, to: nameWidth), x: inner.x, y: y, style: theme.style(index == p.row ? .header : .normal))
            for (i, day) in days.enumerated() {
                let x = inner.x + nameWidth + 1 + i * dayWidth
                var agents: [String] = []
                var urgent = false
                for agent in window.agents {
                    for item in window.work[agent.code]?[day.dayNumber] ?? [] where window.decisions[item.request]?.request.member == member.code {
                        agents.append(agent.name)
                        urgent = urgent || window.decisions[item.request]?.priorityClass == .urgent
                    }
                    if rotaPresent(agent, member.code, day, calendar) { agents.append(agent.name) }
                }
                let text = agents.isEmpty ? "·" : (urgent ? "!" : agents.count > 1 ? "½" : " ") + (agents.first ?? "")
                let selected = index == p.row && (p.month ? i == p.column : i == p.column / 2)
                buffer.put(dayWidth - 1 <= 3 ? monthCell(text, width: max(1, dayWidth - 1)) : TextWidth.truncate(text, to: dayWidth - 1), x: x, y: y,
                           style: theme.style(selected ? .selected : agents.isEmpty ? .dim : urgent ? .urgent : .normal))
            }
        }
    }
    if p.showDetail {
        planningDetail(state, window, Rect(x: area.x, y: gridRect.maxY, width: area.width, height: detailHeight), &buffer, theme, borders)
    }
}

/// A week-view day when half-days are only a few columns wide (80 columns): a day whose
/// morning and afternoon read the same (an absence, a holiday, one commune all day) is written
/// once across both halves; otherwise each half keeps its most telling marker and the first
/// letters of the commune, without an ellipsis ("×Cir", "!Col", "½Mar").
func narrowDay(_ am: HalfDay, _ pm: HalfDay, x: Int, y: Int, half: Int, selectedHalf: Int?, _ buffer: inout Buffer, _ theme: Theme) {
    let width = half * 2 + 1
    let merged = am.text == pm.text && am.text != "·" && !am.text.isEmpty
    let halves: [(String, Role)]
    if merged {
        let text = Array(compactCell(am.text, width: width).padding(toLength: width, withPad: " ", startingAt: 0))
        halves = [(String(text[0..<half]), am.role), (String(text[half]), am.role), (String(text[(half + 1)...]), am.role)]
    } else {
        halves = [(compactCell(am.text, width: half), am.role), (" ", .normal), (compactCell(pm.text, width: half), pm.role)]
    }
    let starts = [x, x + half, x + half + 1]
    for (part, (text, role)) in halves.enumerated() {
        let selected = selectedHalf.map { part == $0 * 2 } ?? false
        let partWidth = part == 1 ? 1 : half
        if selected { buffer.fill(Rect(x: starts[part], y: y, width: partWidth, height: 1), style: theme.style(.selected)) }
        buffer.put(text, x: starts[part], y: y, style: theme.style(selected ? .selected : role), maxWidth: partWidth)
    }
}

/// A month cell of one to three columns: its marker ("!", "½", "×") when it has one, then the
/// first letters of the name, never an ellipsis; "·" stays "·".
func monthCell(_ text: String, width: Int) -> String {
    let trimmed = text.hasPrefix(" ") ? String(text.dropFirst()) : text
    return String(trimmed.filter { !"-'’ ".contains($0) }.prefix(width))
}

/// A cell's text in `width` columns: whole when it fits, else one marker (the conflict "×"
/// first) and the first letters of the name.
func compactCell(_ text: String, width: Int) -> String {
    if TextWidth.of(text) <= width { return text }
    let markers = text.prefix { "×!½ ".contains($0) }
    // "St-Laurent-d'Andenay" → "StLaurentdAndenay": hyphens would eat the few columns.
    let name = text.dropFirst(markers.count).filter { !"-'’".contains($0) }
    let marker = markers.first { $0 != " " }.map(String.init) ?? ""
    if marker.isEmpty && TextWidth.of(String(name)) <= width { return String(name) }
    return TextWidth.truncate(marker + name.prefix(max(0, width - marker.count)), to: width)
}

/// The decisions behind the selected cell, in plain French.
private func planningDetail(_ state: AppState, _ window: PlanningWindow, _ rect: Rect, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let format = DisplayFormat(l)
    let p = state.planning
    let days = state.planningDays
    let dayIndex = p.month || p.rows == .members ? p.column : p.column / 2
    guard days.indices.contains(dayIndex) else { return }
    let day = days[dayIndex]
    var lines: [String] = []
    var title = format.date(day)
    var requestIDs: [String] = []
    if p.rows == .agents, let agent = window.agent(row: p.row) {
        let (am, pm) = halfDays(agent: agent, day: day, window: window, language: l, showMotive: state.seesMotives,
                                agentName: { state.snapshot?.agentNames[$0] ?? $0 })
        let half = p.month ? nil : (p.column % 2 == 0 ? am : pm)
        title = "\(agent.name) · \(title)" + (half == nil ? "" : " · " + (p.column % 2 == 0 ? l.pick("matin", "morning") : l.pick("après-midi", "afternoon")))
        requestIDs = half?.requests ?? (am.requests + pm.requests)
        lines += half?.rota ?? (am.rota + pm.rota)
        if requestIDs.isEmpty && lines.isEmpty {
            let shown = half ?? (am.text == "·" ? pm : am)
            lines.append(shown.text == "·" || shown.text.isEmpty ? l.pick("Libre.", "Free.") : shown.text)
        }
    } else if p.rows == .members, let member = window.member(row: p.row) {
        title = "\(member.name) · \(title)"
        for agent in window.agents {
            for item in window.work[agent.code]?[day.dayNumber] ?? [] where window.decisions[item.request]?.request.member == member.code {
                requestIDs.append(item.request)
            }
            for entry in agent.rota where entry.member == member.code && rotaPresent(agent, member.code, day, window.calendar) && entry.day == day.weekday {
                lines.append(l.pick("Tournée de \(agent.name), \(ClockText.format(entry.time.start))–\(ClockText.format(entry.time.end))",
                                    "Rota of \(agent.name), \(ClockText.format(entry.time.start))–\(ClockText.format(entry.time.end))"))
            }
        }
    }
    for id in uniqued(requestIDs) {
        guard let d = window.decisions[id] else { continue }
        let member = window.member(d.request.member)
        if let absent = ImplicitRotaRequests.agent(of: id) {
            let name = state.snapshot?.agentNames[absent] ?? window.agents.first { $0.code == absent }?.name ?? absent
            lines.append(l.pick("Tournée \(DisplayFormat.de(name)) à \(member?.name ?? d.request.member), absent(e) ce jour-là : reprise par le service · \(d.status.label(in: l))",
                                "\(name)'s rota at \(member?.name ?? d.request.member), away that day: covered by the service · \(d.status.label(in: l))"))
            if let first = state.wentFirstText(d) { lines.append(first) }
            continue
        }
        lines.append(l.pick("Demande \(id) · \(state.motiveText(d.request.motive)) (P\(d.priorityClass.rawValue)) · \(member?.name ?? d.request.member) (\(member?.population ?? 0) hab.) · \(d.status.label(in: l))",
                            "Request \(id) · \(state.motiveText(d.request.motive)) (P\(d.priorityClass.rawValue)) · \(member?.name ?? d.request.member) (pop. \(member?.population ?? 0)) · \(d.status.label(in: l))"))
        if !d.reasons.isEmpty {
            lines.append(l.pick("Pourquoi : ", "Why: ") + d.reasons.map(state.reasonText).joined(separator: " ; "))
        }
        if let first = state.wentFirstText(d) { lines.append(first) }
    }
    buffer.frame(rect, title: title, borders: borders, style: theme.style(.border), titleStyle: theme.style(.header))
    // Wrapped, never cut: what does not fit is counted (the request's detail in Demandes has it all).
    let wrapped = lines.flatMap { TextWidth.wrap($0, width: rect.width - 4) }
    let room = rect.height - 2
    var shown = Array(wrapped.prefix(room))
    if wrapped.count > room, room > 0 {
        shown[room - 1] = TextWidth.truncate(l.pick("… et \(wrapped.count - room + 1) lignes de plus : Entrée sur la demande (volet 2)",
                                                    "… and \(wrapped.count - room + 1) more lines: Enter on the request (pane 2)"), to: rect.width - 4)
    }
    for (i, line) in shown.enumerated() {
        buffer.put(line, x: rect.x + 2, y: rect.y + 1 + i, style: theme.style(.normal))
    }
}

/// Unique elements, first occurrence order.
private func uniqued(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
}

/// A commune's name shortened for narrow cells: "Saint-Bérain-sous-Sanvignes" → "St-Bérain-s-Sanvignes".
func abbreviated(_ name: String) -> String {
    var text = name
    for (long, short) in [("Saint-", "St-"), ("Sainte-", "Ste-"), ("-sous-", "-s-"), ("-sur-", "-s-"), ("-les-", "-l-"), ("-lès-", "-l-")] {
        text = text.replacingOccurrences(of: long, with: short)
    }
    return text
}
