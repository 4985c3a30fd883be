import Domain

extension Kiosk {
    /// Draws the kiosk. Pure: the same state gives the same cells. Shows only the signed-in
    /// secretary's own week and hours; an absence reads "absence prévue", never its kind.
    public static func render(_ s: KioskState, into buffer: inout Buffer, theme: Theme) {
        let l = s.language
        guard buffer.width > 0, buffer.height > 0 else { return }
        guard buffer.width >= KioskState.minimumWidth, buffer.height >= KioskState.minimumHeight else {
            buffer.put(l.pick("Terminal trop petit", "Terminal too small"), x: 0, y: 0, style: theme.style(.error), maxWidth: buffer.width)
            buffer.put(l.pick("(80 × 24 au moins)", "(at least 80 × 24)"), x: 0, y: 1, style: theme.style(.hint), maxWidth: buffer.width)
            return
        }
        let width = buffer.width
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: theme.style(.title))
        buffer.put(l.pick(" Relève · poste partagé", " Relève · shared terminal"), x: 0, y: 0, style: theme.style(.title))
        if let session = s.session {
            let right = l.pick("\(session.name) · se déconnecter : Échap ", "\(session.name) · sign out: Esc ")
            buffer.put(right, x: width - TextWidth.of(right), y: 0, style: theme.style(.title))
            renderSession(s, session, into: &buffer, theme: theme)
        } else {
            let right = DisplayFormat(l).date(s.today) + " "
            buffer.put(right, x: width - TextWidth.of(right), y: 0, style: theme.style(.title))
            renderSignIn(s, into: &buffer, theme: theme)
        }
    }

    static func renderSignIn(_ s: KioskState, into buffer: inout Buffer, theme: Theme) {
        let l = s.language
        let boxWidth = 56
        let box = Rect(x: (buffer.width - boxWidth) / 2, y: max(2, (buffer.height - 10) / 2), width: boxWidth, height: 9)
        buffer.frame(box, title: l.pick("Connexion", "Sign in"), borders: s.unicode ? .unicode : .ascii,
                     style: theme.style(.border), titleStyle: theme.style(.header))
        let x = box.x + 3
        let fieldX = x + 14
        let form = s.signIn
        buffer.put(l.pick("Code agent", "Agent code"), x: x, y: box.y + 2, style: theme.style(form.askingPIN ? .normal : .header))
        buffer.put(form.code, x: fieldX, y: box.y + 2, maxWidth: 22)
        buffer.put("PIN", x: x, y: box.y + 4, style: theme.style(form.askingPIN ? .header : .dim))
        buffer.put(String(repeating: s.unicode ? "•" : "*", count: form.pin.count), x: fieldX, y: box.y + 4)
        if !form.checking {
            // The cursor: a reverse-video cell after the field being typed.
            let cursorX = fieldX + (form.askingPIN ? form.pin.count : TextWidth.of(form.code))
            buffer.put(" ", x: cursorX, y: box.y + (form.askingPIN ? 4 : 2), style: theme.style(.selected))
        }
        let hint = form.checking ? l.pick("Vérification…", "Checking…")
            : form.askingPIN ? l.pick("Tapez votre PIN puis Entrée · Échap : changer de code", "Type your PIN then Enter · Esc: change code")
            : l.pick("Tapez votre code agent puis Entrée", "Type your agent code then Enter")
        buffer.put(hint, x: x, y: box.y + 6, style: theme.style(.hint), maxWidth: box.width - 6)
        if let message = s.message {
            for (offset, line) in TextWidth.wrap(message, width: min(boxWidth + 10, buffer.width - 2)).prefix(3).enumerated() {
                buffer.put(line, x: max(1, (buffer.width - TextWidth.of(line)) / 2), y: box.maxY + 1 + offset,
                           style: theme.style(s.isError ? .error : .hint))
            }
        }
        let footer = l.pick("Vos heures seulement · déconnexion automatique après \(idleText(s.idleSeconds, l)) sans activité",
                            "Your own hours only · automatic sign-out after \(idleText(s.idleSeconds, l)) without activity")
        buffer.put(TextWidth.truncate(footer, to: buffer.width - 2), x: 1, y: buffer.height - 1, style: theme.style(.dim))
    }

    static func renderSession(_ s: KioskState, _ session: KioskSession, into buffer: inout Buffer, theme: Theme) {
        let l = s.language
        let f = DisplayFormat(l)
        let width = buffer.width
        let weekEnd = session.weekStart.adding(days: 6)
        let friday = session.weekStart.adding(days: 4)
        let used = buffer.put(" " + l.pick("Ma semaine · ", "My week · ") + weekSpan(session.weekStart, friday, l), x: 0, y: 1,
                              style: theme.style(.header))
        let weekHint = l.pick("[ ] semaine · t cette semaine ", "[ ] week · t this week ")
        if used + 2 + TextWidth.of(weekHint) <= width {
            buffer.put(weekHint, x: width - TextWidth.of(weekHint), y: 1, style: theme.style(.hint))
        }
        guard let data = session.data else {
            buffer.put(l.pick("  Chargement…", "  Loading…"), x: 0, y: 3, style: theme.style(.dim))
            return
        }
        var y = 2
        let byDay = Dictionary(grouping: data.entries, by: \.date)
        for offset in 0..<7 {
            let day = session.weekStart.adding(days: offset)
            let planned = data.days.first { $0.date == day }
            let logged = byDay[day] ?? []
            if day.weekday.isWeekend, logged.isEmpty, planned?.work.isEmpty ?? true { continue }
            y += renderDay(day, planned: planned, logged: logged, today: s.today, y: y, into: &buffer, theme: theme, l)
        }
        // Her hours: the week's and the month's totals, then the list.
        let p = period(weekStart: session.weekStart, today: s.today)
        let weekTotal = data.entries.filter { $0.date >= session.weekStart && $0.date <= weekEnd }.reduce(0) { $0 + $1.minutes }
        let monthTotal = data.entries.filter { $0.date.year == p.month.year && $0.date.month == p.month.month }.reduce(0) { $0 + $1.minutes }
        y += 1
        let totals = l.pick(" Mes heures · semaine \(DurationText.format(weekTotal)) · \(f.monthName(p.month.month)) \(p.month.year) : \(DurationText.format(monthTotal))",
                            " My hours · week \(DurationText.format(weekTotal)) · \(f.monthName(p.month.month)) \(p.month.year): \(DurationText.format(monthTotal))")
        buffer.put(totals, x: 0, y: y, style: theme.style(.header))
        y += 1
        let formHeight = session.form == nil ? 0 : 4
        // A long message (a refusal saying what an entry is now) takes two lines.
        let messageLines = s.message.map { TextWidth.wrap($0, width: width - 2).prefix(2) } ?? []
        let listBottom = buffer.height - 1 - max(1, messageLines.count) - formHeight
        if data.entries.isEmpty {
            buffer.put(l.pick("  Aucune heure saisie sur la période. n : saisir des heures.", "  No hours logged in this period. n: log hours."),
                       x: 0, y: y, style: theme.style(.dim))
        } else {
            let columns = [Column(l.pick("N°", "No."), 6, right: true), Column("Date", 17), Column(l.pick("Commune", "Member"), 22 + min(18, max(0, width - 80))),
                           Column(l.pick("Heures", "Hours"), 6, right: true), Column(l.pick("Mission", "Mission"), 11),
                           Column(l.pick("État", "State"), 10)]
            let rows = data.entries.map { e in
                TableRow([String(e.id), f.date(e.date), e.memberName, DurationText.format(e.minutes), e.request ?? "—",
                          e.validated ? l.pick("validée", "validated") : l.pick("à valider", "pending")],
                         role: e.date >= session.weekStart && e.date <= weekEnd ? .normal : .dim)
            }
            buffer.table(Rect(x: 1, y: y, width: width - 2, height: max(0, listBottom - y)), columns: columns, rows: rows,
                         selected: session.form == nil ? session.selected : nil, scroll: 0, theme: theme)
        }
        if let form = session.form { renderForm(form, members: data.members, y: listBottom, into: &buffer, theme: theme, l) }
        for (offset, line) in messageLines.enumerated() {
            buffer.put(" " + line, x: 0, y: buffer.height - 1 - messageLines.count + offset, style: theme.style(s.isError ? .error : .hint))
        }
        let keys = session.form != nil
            ? l.pick(" Entrée enregistrer · Tab champ suivant · Échap annuler", " Enter save · Tab next field · Esc cancel")
            : l.pick(" n saisir · e corriger · d supprimer · ↑↓ choisir · Échap se déconnecter",
                     " n log · e correct · d delete · ↑↓ select · Esc sign out")
        buffer.put(TextWidth.truncate(keys, to: width), x: 0, y: buffer.height - 1, style: theme.style(.hint))
    }

    /// `du lun. 16 au ven. 20 novembre 2026`, or across months `du lun. 30 novembre au ven. 4 décembre 2026`.
    static func weekSpan(_ monday: CalendarDate, _ friday: CalendarDate, _ l: Language) -> String {
        let f = DisplayFormat(l)
        let start = "\(f.weekdayShort(monday.weekday)) \(monday.day)"
        let end = "\(f.weekdayShort(friday.weekday)) \(friday.day)"
        if monday.month == friday.month {
            return l.pick("du \(start) au \(end) \(f.monthName(friday.month)) \(friday.year)",
                          "\(start) to \(end) \(f.monthName(friday.month)) \(friday.year)")
        }
        let startYear = monday.year == friday.year ? "" : " \(monday.year)"
        return l.pick("du \(start) \(f.monthName(monday.month))\(startYear) au \(end) \(f.monthName(friday.month)) \(friday.year)",
                      "\(start) \(f.monthName(monday.month))\(startYear) to \(end) \(f.monthName(friday.month)) \(friday.year)")
    }

    /// One day of her week: what is planned, and what she logged; the half-days wrap onto a
    /// second line when they do not fit (the lines used are returned).
    @discardableResult
    static func renderDay(_ day: CalendarDate, planned: KioskDay?, logged: [KioskEntry], today: CalendarDate, y: Int,
                          into buffer: inout Buffer, theme: Theme, _ l: Language) -> Int {
        let f = DisplayFormat(l)
        let width = buffer.width
        let label = "\(f.weekdayShort(day.weekday)) \(day.day)"
        let isToday = day == today
        buffer.put((isToday ? " ▸ " : "   ") + label, x: 0, y: y, style: theme.style(isToday ? .today : .normal))
        let plannedMinutes = planned?.work.reduce(0) { $0 + $1.minutes } ?? 0
        let loggedMinutes = logged.reduce(0) { $0 + $1.minutes }
        var status = ""
        if !logged.isEmpty {
            status = l.pick("saisi \(DurationText.format(loggedMinutes))", "logged \(DurationText.format(loggedMinutes))")
                + (logged.allSatisfy(\.validated) ? " ✓" : "  ")
        } else if plannedMinutes > 0, day <= today {
            status = l.pick("à saisir  ", "to log  ")
        }
        if plannedMinutes > 0 {
            status = l.pick("prévu ", "planned ") + DurationText.format(plannedMinutes) + "  " + status
        }
        let statusWidth = TextWidth.of(status)
        buffer.put(status, x: width - statusWidth - 1, y: y, style: theme.style(logged.isEmpty ? .dim : .normal))
        let x = 12
        let room = max(0, width - statusWidth - 2 - x)
        let text: String
        let role: Role
        if let holiday = planned?.holiday {
            text = l.pick("férié (\(holiday))", "public holiday (\(holiday))")
            role = .holiday
        } else if planned?.absent == true {
            text = l.pick("absence prévue", "planned absence")
            role = .absence
        } else if let work = planned?.work, !work.isEmpty {
            // "matin 08:30–12:00 · Génelard (D-2026-031)": where she is expected, and when.
            text = work.map { item in
                let mission = item.request.map { " (\($0))" } ?? ""
                guard let time = item.time else {
                    return l.pick("\(DurationText.format(item.minutes)) à placer · \(item.memberName)\(mission)",
                                  "\(DurationText.format(item.minutes)) to place · \(item.memberName)\(mission)")
                }
                let half = item.half.map { $0 == .am ? l.pick("matin ", "morning ") : l.pick("après-midi ", "afternoon ") } ?? ""
                return "\(half)\(ClockText.format(time.start))–\(ClockText.format(time.end)) · \(item.memberName)\(mission)"
            }.joined(separator: " ; ")
            role = .normal
        } else {
            text = day.weekday.isWeekend ? "" : l.pick("rien de prévu", "nothing planned")
            role = .dim
        }
        // The first line shares the row with the status; the second has the whole width.
        let lines = TextWidth.wrap(text, width: max(1, room))
        let wide = max(1, width - x - 1)
        let rest = lines.dropFirst().joined(separator: " ")
        let shown = lines.count <= 1 ? lines : [lines[0], TextWidth.truncate(rest, to: wide)]
        for (i, line) in shown.enumerated() {
            buffer.put(line, x: x, y: y + i, style: theme.style(role))
        }
        return max(1, shown.count)
    }

    static func renderForm(_ form: KioskForm, members: [KioskMember], y: Int, into buffer: inout Buffer, theme: Theme, _ l: Language) {
        let title = form.editing.map { l.pick(" Corriger la saisie n° \($0.id)", " Correct entry no. \($0.id)") }
            ?? l.pick(" Saisir des heures", " Log hours")
        buffer.fill(Rect(x: 0, y: y, width: buffer.width, height: 4), style: .plain)
        buffer.put(title, x: 0, y: y, style: theme.style(.header))
        func field(_ label: String, _ value: String, _ field: KioskForm.Field, width: Int, x: Int, y: Int) {
            let used = buffer.put(label + " [", x: x, y: y, style: theme.style(form.field == field ? .header : .normal))
            let fieldRect = Rect(x: x + used, y: y, width: width, height: 1)
            let active = form.field == field
            buffer.fill(fieldRect, style: theme.style(active ? .selected : .normal))
            // The end of a long value stays visible while typing.
            var shown = value
            while TextWidth.of(shown) > width - 1 { shown.removeFirst() }
            buffer.put(shown, x: fieldRect.x, y: y, style: theme.style(active ? .selected : .normal), maxWidth: width)
            buffer.put("]", x: fieldRect.maxX, y: y, style: theme.style(form.field == field ? .header : .normal))
        }
        field(l.pick("   Date", "   Date"), form.date, .date, width: 11, x: 0, y: y + 1)
        field(l.pick("Commune", "Member"), form.member, .member, width: 30, x: 26, y: y + 1)
        field(l.pick("   Heures", "   Hours"), form.hours, .hours, width: 7, x: 0, y: y + 2)
        field(l.pick("Mission", "Mission"), form.mission, .mission, width: 14, x: 26, y: y + 2)
        var hint = l.pick("   Heures : 3:30, 3h30 ou 3,5 · les heures validées ne sont plus modifiables",
                          "   Hours: 3:30, 3h30 or 3.5 · validated hours can no longer change")
        if form.field == .member, !form.member.trimmingSpaces().isEmpty {
            switch resolveMember(form.member.trimmingSpaces(), in: members) {
            case .one(let member): hint = "   → \(member.name) (\(member.code))"
            case .several(let names): hint = "   → " + names.prefix(4).joined(separator: ", ") + (names.count > 4 ? "…" : "")
            case .none: hint = l.pick("   → aucune commune ne correspond", "   → no member matches")
            }
        }
        buffer.put(TextWidth.truncate(hint, to: buffer.width), x: 0, y: y + 3, style: theme.style(.hint))
    }
}
