import Domain
import GRDB

/// Why an edit of one absence, rota slot or member's opening hours was refused: the record
/// changed or vanished since the form was opened, or the change breaks a rule. Nothing was written.
public struct EditRefused: Error, Localized {
    public let french: String
    public let english: String

    public func message(in l: Language) -> String { l.pick(french, english) }
}

/// Targeted writes behind the coordinator's forms: each is one transaction through
/// `AppDatabase.write` (the stored plan is recomputed there). Absences, rota slots and opening
/// ranges carry no version column: the values the form was opened with are compared with the
/// row instead, and the edit is refused when they differ.
extension AppDatabase {
    /// Applies `edit`; returns nothing, throws `EditRefused` (or a `StoreError`).
    public func apply(_ edit: RecordEdit) throws {
        switch edit {
        case .updateAbsence(let agent, let old, let new): try updateAbsence(agent: agent, old: old, new: new)
        case .deleteAbsence(let agent, let absence): try deleteAbsence(agent: agent, absence)
        case .updateRota(let agent, let old, let new): try updateRotaEntry(agent: agent, old: old, new: new)
        case .deleteRota(let agent, let entry): try deleteRotaEntry(agent: agent, entry)
        case .openingHours(let member, let old, let new): try setOpeningHours(member: member, old: old, new: new)
        }
    }

    /// Replaces one absence of `agent`, if it is still as the form found it.
    public func updateAbsence(agent: String, old: Absence, new: Absence) throws {
        try write { db in
            let id = try absenceID(db, agent: agent, old)
            var current = try PlanWindowReader.agents(db, [agent]).first
            current?.absences.removeAll { $0 == old }
            current?.absences.append(new)
            current?.absences.sort()
            try validate(db, agent: current)
            try db.execute(sql: "UPDATE absence SET from_date = ?, to_date = ?, kind = ? WHERE id = ?",
                           arguments: [new.from.iso, new.to.iso, new.kind.rawValue, id])
        }
    }

    /// Deletes one absence of `agent`, if it is still as the form found it.
    public func deleteAbsence(agent: String, _ absence: Absence) throws {
        try write { db in
            let id = try absenceID(db, agent: agent, absence)
            try db.execute(sql: "DELETE FROM absence WHERE id = ?", arguments: [id])
        }
    }

    /// Replaces one rota slot of `agent`, if it is still as the form found it.
    public func updateRotaEntry(agent: String, old: RotaEntry, new: RotaEntry) throws {
        try write { db in
            let id = try rotaID(db, agent: agent, old)
            var current = try PlanWindowReader.agents(db, [agent]).first
            if let index = current?.rota.firstIndex(of: old) { current?.rota.remove(at: index) }
            current?.rota.append(new)
            current?.rota.sort()
            try validate(db, agent: current)
            try db.execute(sql: "UPDATE rota_entry SET member = ?, weekday = ?, start_minute = ?, end_minute = ? WHERE id = ?",
                           arguments: [new.member, new.day.isoNumber, new.time.start, new.time.end, id])
        }
    }

    /// Deletes one rota slot of `agent`, if it is still as the form found it.
    public func deleteRotaEntry(agent: String, _ entry: RotaEntry) throws {
        try write { db in
            let id = try rotaID(db, agent: agent, entry)
            try db.execute(sql: "DELETE FROM rota_entry WHERE id = ?", arguments: [id])
        }
    }

    /// Replaces a member's opening hours, if they are still those the form showed; the member's
    /// `version` goes up, so that an edit of the member opened before this one is refused too.
    public func setOpeningHours(member code: String, old: OpeningHours, new: OpeningHours) throws {
        try write { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM member WHERE code = ?", arguments: [code]) else {
                throw EditRefused(french: "la commune \(code) a été supprimée entre-temps par une autre session : rien n'a été enregistré",
                                  english: "member \(code) was deleted meanwhile by another session: nothing was saved")
            }
            let current = try openingHours(db, member: code)
            guard current == old else {
                throw EditRefused(
                    french: "les horaires de \(name) ont été modifiés entre-temps par une autre session (maintenant : \(OpeningHoursText.summary(current, language: .fr))) : rien n'a été enregistré, rouvrez le formulaire",
                    english: "the opening hours of \(name) were changed meanwhile by another session (now: \(OpeningHoursText.summary(current, language: .en))): nothing was saved, open the form again")
            }
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
            try db.execute(sql: "UPDATE member SET version = version + 1 WHERE code = ?", arguments: [code])
        }
    }

    // MARK: - Finding the row the form was opened on

    private func absenceID(_ db: Database, agent: String, _ absence: Absence) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM absence WHERE agent = ? AND from_date = ? AND to_date = ? AND kind = ? ORDER BY id LIMIT 1
            """, arguments: [agent, absence.from.iso, absence.to.iso, absence.kind.rawValue]) {
            return id
        }
        let now = try PlanWindowReader.agents(db, [agent]).first
        guard let now else { throw agentGone(agent) }
        let list = now.absences.map { "\($0.from.iso)→\($0.to.iso) \($0.kind.rawValue)" }.joined(separator: ", ")
        throw EditRefused(
            french: "cette absence de \(now.name) (\(absence.from.iso)→\(absence.to.iso)) a été modifiée ou supprimée entre-temps par une autre session ; absences actuelles : \(list.isEmpty ? "aucune" : list). Rien n'a été enregistré.",
            english: "this absence of \(now.name) (\(absence.from.iso)→\(absence.to.iso)) was changed or deleted meanwhile by another session; current absences: \(list.isEmpty ? "none" : list). Nothing was saved.")
    }

    private func rotaID(_ db: Database, agent: String, _ entry: RotaEntry) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: """
            SELECT id FROM rota_entry WHERE agent = ? AND member = ? AND weekday = ? AND start_minute = ? AND end_minute = ?
            ORDER BY id LIMIT 1
            """, arguments: [agent, entry.member, entry.day.isoNumber, entry.time.start, entry.time.end]) {
            return id
        }
        let now = try PlanWindowReader.agents(db, [agent]).first
        guard let now else { throw agentGone(agent) }
        let list = now.rota.map { "\($0.day.rawValue) \($0.time.text) \($0.member)" }.joined(separator: ", ")
        throw EditRefused(
            french: "cette plage de tournée de \(now.name) (\(entry.day.rawValue) \(entry.time.text) \(entry.member)) a été modifiée ou supprimée entre-temps par une autre session ; tournée actuelle : \(list.isEmpty ? "vide" : list). Rien n'a été enregistré.",
            english: "this rota slot of \(now.name) (\(entry.day.rawValue) \(entry.time.text) \(entry.member)) was changed or deleted meanwhile by another session; current rota: \(list.isEmpty ? "empty" : list). Nothing was saved.")
    }

    private func agentGone(_ agent: String) -> EditRefused {
        EditRefused(french: "l'agent \(agent) a été supprimé entre-temps par une autre session : rien n'a été enregistré",
                    english: "agent \(agent) was deleted meanwhile by another session: nothing was saved")
    }

    /// The same rules as an import, on the agent as it would be after the edit.
    private func validate(_ db: Database, agent: Agent?) throws {
        guard let agent else { return }
        let change = Territory(service: try TerritoryReader.service(db), agents: [agent])
        let errors = TerritoryValidation.problems(in: change, existing: try KnownRecords.fetch(db, naming: change))
        guard let first = errors.first else { return }
        throw EditRefused(french: first.problem.message(in: .fr), english: first.problem.message(in: .en))
    }

    private func openingHours(_ db: Database, member: String) throws -> OpeningHours {
        var ranges: [Weekday: [TimeRange]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT weekday, start_minute, end_minute FROM opening_range WHERE member = ? ORDER BY weekday, start_minute",
                                    arguments: [member]) {
            guard let day = Weekday(isoNumber: row[0]) else { continue }
            ranges[day, default: []].append(TimeRange(start: row[1], end: row[2]))
        }
        return OpeningHours(ranges)
    }
}
