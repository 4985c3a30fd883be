import Domain

/// The kiosk's pure functions: `update` (this file) and `render` (KioskRender.swift).
public enum Kiosk {
    /// Applies a message; returns the database work to do. Pure: time comes in the messages.
    public static func update(_ s: inout KioskState, _ msg: KioskMsg) -> [KioskEffect] {
        let l = s.language
        switch msg {
        case .resize(let width, let height):
            s.width = width
            s.height = height
            return []
        case .tick(let now):
            guard now - s.lastActivity >= s.idleSeconds else { return [] }
            if s.session != nil {
                s.session = nil
                s.signIn = KioskSignInForm()
                s.message = l.pick("Session fermée après \(idleText(s.idleSeconds, l)) sans activité.",
                                   "Signed out after \(idleText(s.idleSeconds, l)) without activity.")
                s.isError = false
                return [.signOut]
            }
            // A half-typed code or PIN left on the shared screen is wiped too.
            if !s.signIn.checking, !s.signIn.code.isEmpty || !s.signIn.pin.isEmpty {
                s.signIn = KioskSignInForm()
                s.message = nil
            }
            return []
        case .key(let key, let now):
            s.lastActivity = now
            return s.session == nil ? signInKey(&s, key) : sessionKey(&s, key)
        case .codeChecked(let result):
            s.signIn.checking = false
            switch result {
            case .known(let code):
                s.signIn.code = code
                s.signIn.askingPIN = true
                s.message = nil
                s.isError = false
            case .refused(let message):
                s.signIn.code = ""
                s.signIn.askingPIN = false
                s.message = message
                s.isError = true
            }
            return []
        case .signedIn(let result):
            s.signIn.checking = false
            s.signIn.pin = ""
            switch result {
            case .accepted(let code, let name):
                s.signIn = KioskSignInForm()
                s.session = KioskSession(code: code, name: name, weekStart: monday(of: s.today))
                s.message = l.pick("Bonjour \(name). Échap pour vous déconnecter.", "Hello \(name). Esc to sign out.")
                s.isError = false
                return [load(s)]
            case .refused(let message, let retypeCode):
                if retypeCode {
                    s.signIn.code = ""
                    s.signIn.askingPIN = false
                }
                s.message = message
                s.isError = true
                return []
            }
        case .loaded(let data):
            guard var session = s.session else { return [] }
            session.data = data
            if session.selectWeekOnLoad {
                session.selectWeekOnLoad = false
                let end = session.weekStart.adding(days: 6)
                session.selected = data.entries.firstIndex { $0.date >= session.weekStart && $0.date <= end }
                    ?? data.entries.lastIndex { $0.date < session.weekStart } ?? 0
            }
            session.selected = max(0, min(session.selected, data.entries.count - 1))
            s.session = session
            return []
        case .saved(let text):
            guard s.session != nil else { return [] }
            s.session?.form = nil
            s.session?.confirmingDelete = nil
            s.message = text
            s.isError = false
            return [load(s)]
        case .failed(let text):
            // Store messages start in lower case (they follow "releve : erreur : " on the command line).
            s.message = text.prefix(1).uppercased() + text.dropFirst()
            s.isError = true
            s.session?.confirmingDelete = nil
            return []
        }
    }

    /// Monday of the week of `date`.
    public static func monday(of date: CalendarDate) -> CalendarDate {
        date.adding(days: 1 - date.weekday.isoNumber)
    }

    /// The hours listed with the week: its own days and the whole month of the day of reference
    /// (today when it is in the week, else the Monday).
    public static func period(weekStart: CalendarDate, today: CalendarDate) -> (from: CalendarDate, to: CalendarDate, month: CalendarDate) {
        let reference = today >= weekStart && today <= weekStart.adding(days: 6) ? today : weekStart
        let first = CalendarDate(year: reference.year, month: reference.month, day: 1) ?? reference
        let last = first.addingMonths(1).adding(days: -1)
        return (min(first, weekStart), max(last, weekStart.adding(days: 6)), reference)
    }

    static func load(_ s: KioskState) -> KioskEffect {
        let week = s.session?.weekStart ?? monday(of: s.today)
        let p = period(weekStart: week, today: s.today)
        return .load(weekStart: week, from: p.from, to: p.to)
    }

    static func idleText(_ seconds: Double, _ l: Language) -> String {
        let whole = Int(seconds.rounded())
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole) s"
    }

    // MARK: - Sign-in

    static func signInKey(_ s: inout KioskState, _ key: Key) -> [KioskEffect] {
        guard !s.signIn.checking else { return [] }
        switch key {
        case .character(let c):
            if s.signIn.askingPIN {
                guard c.isASCII, c.isNumber, s.signIn.pin.count < 8 else { return [] }
                s.signIn.pin.append(c)
            } else {
                guard !c.isNewline, c != "\t", s.signIn.code.count < 20, !(c == " " && s.signIn.code.isEmpty) else { return [] }
                s.signIn.code.append(c)
            }
            s.message = nil
        case .backspace, .delete:
            if s.signIn.askingPIN { _ = s.signIn.pin.popLast() } else { _ = s.signIn.code.popLast() }
        case .enter, .tab:
            if !s.signIn.askingPIN {
                // The code is checked first: an unknown one is said before any PIN is typed.
                let code = s.signIn.code.trimmingSpaces()
                guard !code.isEmpty else { return [] }
                s.signIn.checking = true
                s.message = nil
                return [.checkCode(code)]
            } else if key == .enter, !s.signIn.pin.isEmpty {
                let effect = KioskEffect.signIn(code: s.signIn.code.trimmingSpaces(), pin: s.signIn.pin)
                // The PIN leaves the state as soon as it is sent.
                s.signIn.pin = ""
                s.signIn.checking = true
                s.message = nil
                return [effect]
            }
        case .escape, .backTab:
            if s.signIn.askingPIN {
                s.signIn.askingPIN = false
                s.signIn.pin = ""
            } else {
                s.signIn.code = ""
            }
            s.message = nil
        default:
            break
        }
        return []
    }

    // MARK: - Signed in

    static func sessionKey(_ s: inout KioskState, _ key: Key) -> [KioskEffect] {
        guard var session = s.session else { return [] }
        let l = s.language
        defer { if s.session != nil { s.session = session } }
        if let id = session.confirmingDelete {
            session.confirmingDelete = nil
            guard Confirmation.accepts(key),
                  let entry = session.data?.entries.first(where: { $0.id == id }) else {
                s.message = l.pick("Suppression annulée.", "Deletion cancelled.")
                s.isError = false
                return []
            }
            return [.delete(entry)]
        }
        if session.form != nil { return formKey(&s, &session, key) }
        let entries = session.data?.entries ?? []
        switch key {
        case .escape:
            s.session = nil
            s.signIn = KioskSignInForm()
            s.message = l.pick("Session fermée. À bientôt !", "Signed out. See you soon!")
            s.isError = false
            return [.signOut]
        case .up, .character("k"):
            session.selected = max(0, session.selected - 1)
        case .down, .character("j"):
            session.selected = max(0, min(entries.count - 1, session.selected + 1))
        case .home:
            session.selected = 0
        case .end:
            session.selected = max(0, entries.count - 1)
        case .character("["), .character("]"), .character("t"), .pageUp, .pageDown:
            let target: CalendarDate
            switch key {
            case .character("["), .pageUp: target = session.weekStart.adding(days: -7)
            case .character("]"), .pageDown: target = session.weekStart.adding(days: 7)
            default: target = monday(of: s.today)
            }
            session.weekStart = target
            session.selectWeekOnLoad = true
            s.session = session
            return [load(s)]
        case .character("n"), .character("a"):
            session.form = newForm(session, today: s.today, l)
            s.message = nil
        case .character("e"), .enter:
            guard entries.indices.contains(session.selected) else {
                s.message = l.pick("Aucune saisie à corriger : n pour saisir des heures.", "Nothing to correct: n to log hours.")
                s.isError = true
                return []
            }
            let entry = entries[session.selected]
            guard !entry.validated else {
                s.message = l.pick("Cette saisie est validée : seul le coordinateur peut encore la modifier.",
                                   "This entry is validated: only the coordinator can change it now.")
                s.isError = true
                return []
            }
            var form = KioskForm(date: DisplayFormat(l).numericDate(entry.date), member: entry.memberName,
                                 hours: DurationText.format(entry.minutes), mission: entry.request ?? "")
            form.editing = entry
            form.field = .hours
            session.form = form
            s.message = nil
        case .character("d"), .delete:
            guard entries.indices.contains(session.selected) else { return [] }
            let entry = entries[session.selected]
            guard !entry.validated else {
                s.message = l.pick("Cette saisie est validée : seul le coordinateur peut encore la supprimer.",
                                   "This entry is validated: only the coordinator can delete it now.")
                s.isError = true
                return []
            }
            session.confirmingDelete = entry.id
            s.message = l.pick("Supprimer la saisie n° \(entry.id) (\(DurationText.format(entry.minutes)) le \(DisplayFormat(l).date(entry.date)) à \(entry.memberName)) ? o : oui · autre touche : non",
                               "Delete entry no. \(entry.id) (\(DurationText.format(entry.minutes)) on \(DisplayFormat(l).date(entry.date)) at \(entry.memberName))? y: yes · any other key: no")
            s.isError = false
        default:
            break
        }
        return []
    }

    /// A new entry: today if it is in the week shown (else its Monday), at the first member
    /// planned that day, on its mission when it has one.
    static func newForm(_ session: KioskSession, today: CalendarDate, _ l: Language) -> KioskForm {
        let end = session.weekStart.adding(days: 6)
        let date = today >= session.weekStart && today <= end ? today : session.weekStart
        let planned = session.data?.days.first { $0.date == date }?.work.first
        var form = KioskForm(date: DisplayFormat(l).numericDate(date), member: planned?.memberName ?? "", hours: "",
                             mission: planned?.request ?? "")
        form.field = planned == nil ? .member : .hours
        return form
    }

    static func formKey(_ s: inout KioskState, _ session: inout KioskSession, _ key: Key) -> [KioskEffect] {
        guard var form = session.form else { return [] }
        let l = s.language
        let fields = KioskForm.Field.allCases
        defer { if session.form != nil { session.form = form } }
        switch key {
        case .escape:
            session.form = nil
            s.message = nil
            return []
        case .tab, .down:
            form.field = fields[(form.field.rawValue + 1) % fields.count]
        case .backTab, .up:
            form.field = fields[(form.field.rawValue + fields.count - 1) % fields.count]
        case .backspace:
            _ = form[form.field].popLast()
        case .character(let c):
            guard !c.isNewline, form[form.field].count < 40 else { return [] }
            form[form.field].append(c)
        case .enter:
            switch draft(form, members: session.data?.members ?? [], l) {
            case .failure(let refusal):
                s.message = refusal.text
                s.isError = true
                return []
            case .success(let draft):
                s.message = l.pick("Enregistrement…", "Saving…")
                s.isError = false
                if let editing = form.editing { return [.update(editing, draft)] }
                return [.log(draft)]
            }
        default:
            break
        }
        return []
    }

    /// A refusal of the form, in the user's language.
    struct FormRefusal: Error { var text: String }

    /// Reads the form like `releve hours log` reads its options, with the same messages.
    static func draft(_ form: KioskForm, members: [KioskMember], _ l: Language) -> Result<KioskDraft, FormRefusal> {
        let dateText = form.date.trimmingSpaces()
        guard let date = CalendarDate.parseUserInput(dateText) else {
            return .failure(FormRefusal(text: DataError(l.pick("Date", "Date"), .invalidUserDate(dateText)).message(in: l)))
        }
        let memberText = form.member.trimmingSpaces()
        guard !memberText.isEmpty else {
            return .failure(FormRefusal(text: DataError(l.pick("Commune", "Member"), .emptyText).message(in: l)))
        }
        let member: String
        switch resolveMember(memberText, in: members) {
        case .one(let found): member = found.code
        case .none: member = memberText  // the database names it unknown, as the command line does
        case .several(let names):
            let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? "…" : "")
            return .failure(FormRefusal(text: l.pick("Commune : plusieurs correspondent (\(shown)) : précisez",
                                                     "Member: several match (\(shown)): be more precise")))
        }
        let hoursText = form.hours.trimmingSpaces()
        guard let minutes = DurationText.parseUserInput(hoursText) else {
            return .failure(FormRefusal(text: DataError(l.pick("Heures", "Hours"), .invalidDuration(hoursText)).message(in: l)))
        }
        let mission = form.mission.trimmingSpaces()
        return .success(KioskDraft(date: date, member: member, minutes: minutes, request: mission.isEmpty ? nil : mission))
    }

    enum MemberMatch: Equatable {
        case one(KioskMember)
        case none
        case several([String])
    }

    /// A member by code, or by name ignoring case and accents (`NameLookup`, as the
    /// coordinator's request form); several matches are named with their codes.
    static func resolveMember(_ text: String, in members: [KioskMember]) -> MemberMatch {
        switch NameLookup.find(text, in: members, code: \.code, folded: { $0.name.folding() }) {
        case .one(let found): return .one(found)
        case .none: return .none
        case .several(let found): return .several(found.map { "\($0.name) (\($0.code))" })
        }
    }
}
