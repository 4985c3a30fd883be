import Domain
import GRDB

/// Why an edit of one absence, rota slot or member's opening hours was refused because the
/// change breaks a rule (the same rules as an import). Nothing was written. A record changed
/// meanwhile is `StaleEdit`.
public struct EditRefused: Error, Localized {
    public let french: String
    public let english: String

    public func message(in l: Language) -> String { l.pick(french, english) }
}

/// Targeted writes behind the coordinator's forms: each is one transaction through
/// `AppDatabase.write` (the stored plan is recomputed there). Each first claims the agent or
/// member the form was opened on (`read`, see `claim`): a change to any of its absences, rota
/// slots or opening ranges since then bumped its version, and the edit is refused.
extension AppDatabase {
    /// Applies `edit` to the record `read` (the agent or member as the form read it); throws
    /// `StaleEdit`, `EditRefused` or a `StoreError`.
    public func apply(_ edit: RecordEdit, read: ReadRecord) throws {
        try write { db in
            try Self.claim(db, read)
            switch edit {
            case .updateAbsence(let agent, let old, let new): try updateAbsence(db, agent: agent, old: old, new: new, read: read)
            case .deleteAbsence(let agent, let absence): try deleteAbsence(db, agent: agent, absence, read: read)
            case .updateRota(let agent, let old, let new): try updateRotaEntry(db, agent: agent, old: old, new: new, read: read)
            case .deleteRota(let agent, let entry): try deleteRotaEntry(db, agent: agent, entry, read: read)
            case .openingHours(let member, _, let new): try setOpeningHours(db, member: member, new: new)
            }
        }
    }

    private func updateAbsence(_ db: Database, agent: String, old: Absence, new: Absence, read: ReadRecord) throws {
        let id = try absenceID(db, agent: agent, old, read: read)
        var current = try PlanWindowReader.agents(db, [agent]).first
        current?.absences.removeAll { $0 == old }
        current?.absences.append(new)
        current?.absences.sort()
        try validate(db, agent: current)
        try db.execute(sql: "UPDATE absence SET from_date = ?, to_date = ?, kind = ? WHERE id = ?",
                       arguments: [new.from.iso, new.to.iso, new.kind.rawValue, id])
    }

    private func deleteAbsence(_ db: Database, agent: String, _ absence: Absence, read: ReadRecord) throws {
        let id = try absenceID(db, agent: agent, absence, read: read)
        try db.execute(sql: "DELETE FROM absence WHERE id = ?", arguments: [id])
    }

    private func updateRotaEntry(_ db: Database, agent: String, old: RotaEntry, new: RotaEntry, read: ReadRecord) throws {
        let id = try rotaID(db, agent: agent, old, read: read)
        var current = try PlanWindowReader.agents(db, [agent]).first
        if let index = current?.rota.firstIndex(of: old) { current?.rota.remove(at: index) }
        current?.rota.append(new)
        current?.rota.sort()
        try validate(db, agent: current)
        try db.execute(sql: "UPDATE rota_entry SET member = ?, weekday = ?, start_minute = ?, end_minute = ? WHERE id = ?",
                       arguments: [new.member, new.day.isoNumber, new.time.start, new.time.end, id])
    }

    private func deleteRotaEntry(_ db: Database, agent: String, _ entry: RotaEntry, read: ReadRecord) throws {
        let id = try rotaID(db, agent: agent, entry, read: read)
        try db.execute(sql: "DELETE FROM rota_entry WHERE id = ?", arguments: [id])
    }

    /// Replaces a member's opening hours (the member was claimed: they are those the form showed).
    private func setOpeningHours(_ db: Database, member code: String, new: OpeningHours) throws {
        for day in Weekday.allCases {
            let ranges = new.on(day)
            for (a, b) in zip(ranges, ranges.dropFirst()) where a.end > b.start || a.start >= a.end {
                throw EditRefused(french: "horaires du \(RecordDrafts.weekdayName(day, .fr)) invalides (\(a.text), \(b.text))",
                                  english: "invalid opening hours on \(RecordDrafts.weekdayName(day, .en)) (\(a.text), \(b.text))")
            }
        }
        try db.execute(sql: "DELETE FROM opening_range WHERE member = ?", arguments: [code])
        for day in Weekday.allCases {
            for range in new.on(day) {
                try db.execute(sql: "INSERT INTO opening_range (member, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)",
                               arguments: [code, day.isoNumber, range.start, range.end])
            }
        }
    }

    // MARK: - Finding the row the form was opened on

    /// The claim held, so the absence is there; if not (a change made outside Relève), the edit
    /// is refused like a stale one.
    private func absenceID(_ db: Database, agent: String, _ absence: Absence, read: ReadRecord) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM absence WHERE agent = ? AND from_date = ? AND to_date = ? AND kind = ? ORDER BY id LIMIT 1
            """, arguments: [agent, absence.from.iso, absence.to.iso, absence.kind.rawValue]) {
            return id
        }
        throw StaleEdit(original: read, current: try Self.current(db, like: read))
    }

    private func rotaID(_ db: Database, agent: String, _ entry: RotaEntry, read: ReadRecord) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM rota_entry WHERE agent = ? AND member = ? AND weekday = ? AND start_minute = ? AND end_minute = ?
            ORDER BY id LIMIT 1
            """, arguments: [agent, entry.member, entry.day.isoNumber, entry.time.start, entry.time.end]) {
            return id
        }
        throw StaleEdit(original: read, current: try Self.current(db, like: read))
    }

    /// The same rules as an import, on the agent as it would be after the edit.
    private func validate(_ db: Database, agent: Agent?) throws {
        guard let agent else { return }
        let change = Territory(service: try TerritoryReader.service(db), agents: [agent])
        let errors = TerritoryValidation.problems(in: change, existing: try KnownRecords.fetch(db, naming: change))
        guard let first = errors.first else { return }
        throw EditRefused(french: first.problem.message(in: .fr), english: first.problem.message(in: .en))
    }
}
