import Domain

/// Whose history `H` shows (issue 5): a request, a member (with its opening hours), an agent
/// (with its absences and rota slots) or an invoice.
public enum HistoryTarget: Sendable, Equatable {
    case request(String)
    case member(String)
    case agent(String)
    case invoice(String)
}

/// One change of the audit trail as the interface shows it. The executable fills it from the
/// store, with the time already in local French form (`22/11/2026 21:41`).
public struct HistoryEntry: Sendable, Equatable {
    public struct Change: Sendable, Equatable {
        public var field: String
        public var before: String?
        public var after: String?

        public init(field: String, before: String?, after: String?) {
            self.field = field
            self.before = before
            self.after = after
        }
    }

    public var id: Int64
    /// Local date and time, ready to show.
    public var when: String
    /// The Unix login, `agent:CODE` at the kiosk, nil for a change made outside Relève.
    public var actor: String?
    /// The table: `member`, `opening_range`, `agent`, `absence`, `rota_entry`, `request`, `invoice`.
    public var entity: String
    public var key: String
    /// `insert`, `update`, `delete`, `import` or `reopen`.
    public var action: String
    public var changes: [Change]

    public init(id: Int64, when: String, actor: String?, entity: String, key: String, action: String, changes: [Change]) {
        self.id = id
        self.when = when
        self.actor = actor
        self.entity = entity
        self.key = key
        self.action = action
        self.changes = changes
    }
}

/// The open history overlay.
public struct HistoryState: Sendable, Equatable {
    public var target: HistoryTarget
    /// Newest first; nil while loading.
    public var entries: [HistoryEntry]?
    public var error: String?
    /// The first line shown.
    public var scroll = 0

    public init(target: HistoryTarget) { self.target = target }
}

extension HistoryTarget {
    /// The table of the record itself (its absences, rota slots or opening hours are others).
    var entity: String {
        switch self {
        case .request: return "request"
        case .member: return "member"
        case .agent: return "agent"
        case .invoice: return "invoice"
        }
    }
}

extension AppState {
    /// The history target of the selected row of the pane, or why there is none.
    func historyTarget() -> Result<HistoryTarget, HistoryRefusal> {
        let l = language
        switch pane {
        case .requests:
            guard let decision = requestRows[safe: requests.cursor] else { return .failure(HistoryRefusal(l.pick("Aucune demande choisie.", "No request selected."))) }
            guard !decision.isImplicit else {
                return .failure(HistoryRefusal(l.pick("Les demandes de tournée n'ont pas d'historique : voir celui de l'agent (volet Agents).",
                                                      "Rota requests have no history: see the agent's (Agents pane).")))
            }
            return .success(.request(decision.id))
        case .members:
            guard let member = memberRows[safe: members.cursor] else { return .failure(HistoryRefusal(l.pick("Aucune commune choisie.", "No member selected."))) }
            return .success(.member(member.code))
        case .agents:
            guard let agent = agentRows[safe: agents.cursor] else { return .failure(HistoryRefusal(l.pick("Aucun agent choisi.", "No agent selected."))) }
            return .success(.agent(agent.code))
        case .invoices:
            switch invoiceRows[safe: invoicesPane.list.cursor] {
            case .issued(let invoice)?: return .success(.invoice(invoice.number))
            case .draft?: return .failure(HistoryRefusal(l.pick("Un brouillon n'a pas d'historique : émettez d'abord (E).",
                                                                "A draft has no history: issue it first (E).")))
            case nil: return .failure(HistoryRefusal(l.pick("Aucune facture choisie.", "No invoice selected.")))
            }
        case .planning, .hours, .reports:
            return .failure(HistoryRefusal(l.pick("Historique : dans les volets Demandes, Communes, Agents et Factures.",
                                                  "History: in the Requests, Members, Agents and Invoices panes.")))
        }
    }

    /// The entries as this user may read them: an observer gets "(masqué)" for every absence
    /// kind and request motive, before and after.
    func visibleHistory(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        guard !seesMotives else { return entries }
        let hidden = language.pick("(masqué)", "(hidden)")
        return entries.map { entry in
            var entry = entry
            entry.changes = entry.changes.map { change in
                guard policy.hides(entity: entry.entity, field: change.field) else { return change }
                return HistoryEntry.Change(field: change.field, before: change.before.map { _ in hidden }, after: change.after.map { _ in hidden })
            }
            return entry
        }
    }

    /// Who made a change: the login, an agent's name at the kiosk, or "hors Relève".
    func historyActor(_ actor: String?) -> String {
        guard let actor else { return language.pick("hors Relève", "outside Relève") }
        if actor.hasPrefix("agent:") {
            let code = String(actor.dropFirst("agent:".count))
            if let agent = snapshot?.agent(code) { return agent.name }
            return language.pick("agent \(code)", "agent \(code)")
        }
        return actor
    }

    /// Which part of the record changed, when it is not the record itself: an absence, a rota
    /// slot, an opening range (`horaires sam. 09:00`).
    func historyPart(_ entry: HistoryEntry, of target: HistoryTarget) -> String? {
        guard entry.entity != target.entity else { return nil }
        let l = language
        switch entry.entity {
        case "absence": return l.pick("absence n° \(entry.key)", "absence #\(entry.key)")
        case "rota_entry": return l.pick("tournée n° \(entry.key)", "rota slot #\(entry.key)")
        case "opening_range":
            let parts = entry.key.split(separator: "/")
            if parts.count == 3, let day = Int(parts[1]).flatMap(Weekday.init(isoNumber:)), let minute = Int(parts[2]) {
                return l.pick("horaires", "hours") + " \(DisplayFormat(l).weekdayShort(day)) \(ClockText.format(minute))"
            }
            return l.pick("horaires", "hours")
        default: return "\(entry.entity) \(entry.key)"
        }
    }

    /// The overlay's title: `Historique · Blanzy (71040)`.
    func historyTitle(_ target: HistoryTarget) -> String {
        let l = language
        let what: String
        switch target {
        case .request(let id): what = l.pick("demande \(id)", "request \(id)")
        case .member(let code): what = "\(snapshot?.member(code)?.name ?? code) (\(code))"
        case .agent(let code): what = "\(snapshot?.agentNames[code] ?? code) (\(code))"
        case .invoice(let number): what = l.pick("facture \(number)", "invoice \(number)")
        }
        return l.pick("Historique · ", "History · ") + what
    }
}

/// Why `H` shows nothing, said in the status bar.
struct HistoryRefusal: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// One line of the overlay: an entry's heading or one of its changes.
struct HistoryLine: Equatable {
    var text: String
    var heading: Bool
}

/// Where the overlay goes and what it shows, shared by `update` (scrolling) and `render`.
struct HistoryLayout {
    var rect: Rect
    var lines: [HistoryLine]
    /// Lines of text that fit between the frame's title and its footer.
    var visible: Int

    var maxScroll: Int { max(0, lines.count - visible) }
}

extension AppState {
    func historyLayout(_ history: HistoryState) -> HistoryLayout {
        let width = min(self.width - 4, 110)
        let height = max(6, self.height - 4)
        let rect = Rect(x: (self.width - width) / 2, y: 2, width: width, height: height)
        let inner = max(10, width - 4)
        var lines: [HistoryLine] = []
        for entry in history.entries ?? [] {
            var heading = "\(entry.when) · \(historyActor(entry.actor)) · \(AuditFieldText.action(entry.action, language))"
            if let part = historyPart(entry, of: history.target) { heading += " · " + part }
            lines.append(HistoryLine(text: TextWidth.truncate(heading, to: inner), heading: true))
            for change in entry.changes {
                let text: String
                let field = AuditFieldText.label(change.field, language)
                let before = change.before.map { AuditFieldText.value(change.field, $0, language) }
                let after = change.after.map { AuditFieldText.value(change.field, $0, language) }
                switch (before, after) {
                case (let before?, let after?): text = "\(field) : \(before) → \(after)"
                case (nil, let after?): text = "\(field) : \(after)"
                case (let before?, nil): text = "\(field) : \(before) → ∅"
                case (nil, nil): text = field
                }
                for piece in wrapHistoryLine(text, to: inner - 2, indent: 4) { lines.append(HistoryLine(text: "  " + piece, heading: false)) }
            }
        }
        return HistoryLayout(rect: rect, lines: lines, visible: max(1, height - 4))
    }
}

/// Cuts `text` into lines of at most `width` columns, at spaces when it can; the following
/// lines start with `indent` spaces. Never more than 4 lines: the last one ends with "…".
func wrapHistoryLine(_ text: String, to width: Int, indent: Int) -> [String] {
    guard width > indent + 4, TextWidth.of(text) > width else { return [TextWidth.truncate(text, to: max(1, width))] }
    var lines: [String] = []
    var rest = Substring(text)
    var prefix = ""
    while !rest.isEmpty {
        let room = width - TextWidth.of(prefix)
        if TextWidth.of(String(rest)) <= room {
            lines.append(prefix + rest)
            break
        }
        if lines.count == 3 {
            lines.append(TextWidth.truncate(prefix + rest, to: width))
            break
        }
        // The longest head that fits, cut at its last space when there is one past the middle.
        var head = ""
        var used = 0
        for character in rest {
            let w = TextWidth.of(character)
            if used + w > room { break }
            head.append(character)
            used += w
        }
        if let space = head.lastIndex(of: " "), head.distance(from: head.startIndex, to: space) > head.count / 2 {
            head = String(head[..<space])
        }
        lines.append(prefix + head)
        rest = rest.dropFirst(head.count).drop { $0 == " " }
        prefix = String(repeating: " ", count: indent)
    }
    return lines
}

/// The history of the selected record, over its pane: newest change first.
func renderHistory(_ state: AppState, _ history: HistoryState, _ buffer: inout Buffer, _ theme: Theme, _ borders: BorderSet) {
    let l = state.language
    let layout = state.historyLayout(history)
    let rect = layout.rect
    buffer.fill(rect, style: theme.style(.normal))
    var title = state.historyTitle(history.target)
    if let entries = history.entries { title += " · \(entries.count) " + l.pick("changement(s)", "change(s)") }
    buffer.frame(rect, title: TextWidth.truncate(title, to: rect.width - 6), borders: borders, style: theme.style(.border),
                 titleStyle: theme.style(.header))
    let inner = rect.width - 4
    if let error = history.error {
        buffer.put(TextWidth.truncate(l.pick("Impossible de lire l'historique : ", "Cannot read the history: ") + error, to: inner),
                   x: rect.x + 2, y: rect.y + 1, style: theme.style(.error))
    } else if history.entries == nil {
        buffer.put(l.pick("Chargement…", "Loading…"), x: rect.x + 2, y: rect.y + 1, style: theme.style(.dim))
    } else if layout.lines.isEmpty {
        buffer.put(TextWidth.truncate(l.pick("Aucune modification enregistrée (un import en bloc n'est pas détaillé).",
                                             "No change on record (a bulk import is not itemised)."), to: inner),
                   x: rect.x + 2, y: rect.y + 1, style: theme.style(.dim))
    }
    let scroll = max(0, min(history.scroll, layout.maxScroll))
    for (offset, line) in layout.lines.dropFirst(scroll).prefix(layout.visible).enumerated() {
        buffer.put(line.text, x: rect.x + 2, y: rect.y + 1 + offset, style: theme.style(line.heading ? .header : .normal), maxWidth: inner)
    }
    if layout.lines.count > layout.visible {
        let position = "\(scroll + 1)–\(min(layout.lines.count, scroll + layout.visible))/\(layout.lines.count)"
        buffer.put(position, x: rect.maxX - 2 - TextWidth.of(position), y: rect.maxY - 2, style: theme.style(.dim))
    }
    let footer = state.unicode
        ? l.pick("↑↓ défiler · H ou Échap fermer", "↑↓ scroll · H or Esc close")
        : l.pick("j/k défiler · H ou Échap fermer", "j/k scroll · H or Esc close")
    buffer.put(footer, x: rect.x + 2, y: rect.maxY - 2, style: theme.style(.hint), maxWidth: inner - 14)
}
