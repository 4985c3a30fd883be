import Domain
import GRDB

/// Why validating hours or closing a month was refused.
public enum ValidationRefusal: Error, Localized, Equatable {
    case invalidMonth(String)
    case alreadyClosed(String)
    case notClosed(String)
    case emptyReason
    case nothingToValidate
    /// Entry numbers that match no hours at all.
    case unknownEntries([Int64])
    case unsafeReason(TextSafety.Problem)

    public func message(in l: Language) -> String {
        switch self {
        case .invalidMonth(let text):
            return l.pick("mois « \(TextExcerpt.short(text)) » invalide : AAAA-MM (par exemple 2026-11)", "invalid month \"\(TextExcerpt.short(text))\": YYYY-MM (e.g. 2026-11)")
        case .alreadyClosed(let month):
            return l.pick("le mois \(DisplayFormat(l).ofMonth(month)) est déjà clos", "\(DisplayFormat(l).month(month)) is already closed")
        case .notClosed(let month):
            return l.pick("le mois \(DisplayFormat(l).ofMonth(month)) n'est pas clos", "\(DisplayFormat(l).month(month)) is not closed")
        case .emptyReason:
            return l.pick("motif de réouverture vide : --reason \"…\" est obligatoire", "empty reopening reason: --reason \"…\" is required")
        case .unknownEntries(let ids):
            let list = ids.prefix(5).map(String.init).joined(separator: ", ") + (ids.count > 5 ? "…" : "")
            return l.pick("--id : aucune saisie n° \(list) : rien n'a été validé (releve hours list pour les numéros)",
                          "--id: no entry number \(list): nothing was validated (releve hours list for the numbers)")
        case .unsafeReason(let problem):
            return l.pick("--reason : ", "--reason: ") + problem.message(in: l)
        case .nothingToValidate:
            return l.pick("aucune heure à valider pour cette sélection", "no hours to validate for this selection")
        }
    }
}

extension AppDatabase {
    /// Validates the given entries (already validated ones stay so); returns how many changed.
    /// Hours of a closed month are refused (`StoreError.monthClosed`).
    @discardableResult
    public func validateHours(ids: [Int64]) throws -> Int {
        try write { db in
            var changed = 0
            var unknown: [Int64] = []
            for id in ids where try Int.fetchOne(db, sql: "SELECT count(*) FROM time_entry WHERE id = ?", arguments: [id]) == 0 {
                unknown.append(id)
            }
            // All or nothing: one unknown number and no entry is validated.
            guard unknown.isEmpty else { throw ValidationRefusal.unknownEntries(unknown) }
            for id in ids {
                try db.execute(sql: "UPDATE time_entry SET validated = 1, version = version + 1 WHERE id = ? AND validated = 0", arguments: [id])
                changed += db.changesCount
            }
            return changed
        }
    }

    /// Validates an agent's hours of the week (Monday to Sunday) containing `day`; returns how many changed.
    @discardableResult
    public func validateWeek(agent: String, weekOf day: CalendarDate) throws -> Int {
        let monday = day.mondayOfWeek
        return try write { db in
            let arguments: StatementArguments = [agent, monday.iso, monday.adding(days: 6).iso]
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM time_entry WHERE agent = ? AND date BETWEEN ? AND ?",
                                   arguments: arguments) ?? 0 > 0 else { throw ValidationRefusal.nothingToValidate }
            try db.execute(sql: """
                UPDATE time_entry SET validated = 1, version = version + 1
                WHERE agent = ? AND date BETWEEN ? AND ? AND validated = 0
                """, arguments: arguments)
            return db.changesCount
        }
    }

    /// The months closed so far, oldest first (`2026-10`).
    public func closedMonths() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT month FROM month_lock ORDER BY month") }
    }

    /// Closes a month: its hours can no longer be logged, changed or deleted.
    public func closeMonth(_ month: String) throws {
        guard Self.isMonth(month) else { throw ValidationRefusal.invalidMonth(month) }
        let actor = self.actor
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM month_lock WHERE month = ?", arguments: [month]) == 0 else {
                throw ValidationRefusal.alreadyClosed(month)
            }
            try db.execute(sql: "INSERT INTO month_lock (month, closed_by) VALUES (?, ?)", arguments: [month, actor])
        }
    }

    /// Reopens a closed month; the reason goes to the audit trail with the reopening.
    public func reopenMonth(_ month: String, reason: String) throws {
        guard Self.isMonth(month) else { throw ValidationRefusal.invalidMonth(month) }
        let reason = reason.trimmingSpaces()
        guard !reason.isEmpty else { throw ValidationRefusal.emptyReason }
        if let problem = TextSafety.problem(in: reason, limit: TextSafety.freeTextLimit) { throw ValidationRefusal.unsafeReason(problem) }
        try write { db in
            try db.execute(sql: "DELETE FROM month_lock WHERE month = ?", arguments: [month])
            guard db.changesCount == 1 else { throw ValidationRefusal.notClosed(month) }
            try db.execute(sql: """
                INSERT INTO audit (at, entity, key, action, before, after)
                VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'month_lock', ?, 'reopen', NULL, json_object('reason', ?))
                """, arguments: [month, reason])
        }
    }

    static func isMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else {
            return false
        }
        return (1900...2200).contains(year) && (1...12).contains(month)
    }
}
