import Domain
import GRDB

/// The seal of an issued invoice or credit note (issue 10): a keyed HMAC over everything it
/// printed — number, debtor, kind, dates, total, its lines and its hours statement — written in
/// the transaction that issues it. Triggers already refuse any change; the seal says, in
/// `releve check`, which invoice was changed if someone drops them.
enum InvoiceSeal {
    /// The invoice as stored, one field a line (the payment, recorded later, aside).
    static func text(_ number: String, db: Database) throws -> String? {
        guard let head = try String.fetchOne(db.cachedStatement(sql: """
            SELECT number || '|' || series || '|' || year || '|' || sequence || '|' || member || '|' || member_name || '|' || kind
                   || '|' || coalesce(request, '') || '|' || issued || '|' || due || '|' || total_cents || '|' || coalesce(cancels, '')
                   || '|' || coalesce(reason, '') || coalesce('|' || period, '') || CASE WHEN complement = 1 THEN '|complement' ELSE '' END
            FROM invoice WHERE number = ?
            """), arguments: [number]) else { return nil }
        let lines = try String.fetchOne(db.cachedStatement(sql: """
            SELECT group_concat(x, char(10)) FROM (SELECT position || '|' || type || '|' || label || '|' || coalesce(minutes, '')
                || '|' || unit_price_cents || '|' || amount_cents || coalesce('|' || agent, '') AS x
                FROM invoice_line WHERE invoice = ? ORDER BY position)
            """), arguments: [number]) ?? ""
        let statement = try String.fetchOne(db.cachedStatement(sql: """
            SELECT group_concat(x, char(10)) FROM (SELECT position || '|' || date || '|' || agent || '|' || agent_name || '|' || minutes
                || '|' || coalesce(request, '') || coalesce('|' || entry, '') AS x FROM invoice_statement WHERE invoice = ? ORDER BY position)
            """), arguments: [number]) ?? ""
        return head + "\n--\n" + lines + "\n--\n" + statement
    }

    static func seal(_ number: String, db: Database, key: InstallationKey) throws {
        guard let text = try text(number, db: db) else { return }
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO invoice_seal (number, mac) VALUES (?, ?)").execute(arguments: [number, key.mac(text)])
    }

    /// Seals the invoices issued before seals existed (an older database opened by this version).
    static func sealUnsealed(_ db: Database, key: InstallationKey) throws {
        for number in try String.fetchAll(db, sql: "SELECT number FROM invoice WHERE number NOT IN (SELECT number FROM invoice_seal)") {
            try seal(number, db: db, key: key)
        }
    }

    /// Invoices whose content no longer matches their seal, or that have none.
    static func problems(_ db: Database, key: InstallationKey, language l: Language) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        let seals = Dictionary(try Row.fetchAll(db, sql: "SELECT number, mac FROM invoice_seal").map { ($0["number"] as String, $0["mac"] as String) },
                               uniquingKeysWith: { a, _ in a })
        for number in try String.fetchAll(db, sql: "SELECT number FROM invoice ORDER BY series, year, sequence") {
            guard let mac = seals[number] else {
                problems.append(IntegrityProblem(what: l.pick("facture \(number) : sans sceau (ajoutée hors de Relève)",
                                                              "invoice \(number): no seal (added outside Relève)")))
                continue
            }
            if let text = try text(number, db: db), key.mac(text) != mac {
                problems.append(IntegrityProblem(what: l.pick(
                    "facture \(number) : modifiée depuis son émission (en-tête, lignes, montants ou relevé d'heures)",
                    "invoice \(number): changed since it was issued (header, lines, amounts or hours statement)")))
            }
            if problems.count >= 10 { break }
        }
        return problems
    }
}
