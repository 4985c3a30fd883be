import Domain
import Foundation
import GRDB
@testable import Store
import Testing

/// One absence, one rota slot or one member's opening hours changed by the coordinator's
/// forms: one transaction each, the stored plan kept in step, a concurrent change refused.
@Suite("Targeted record edits")
struct RecordEditStoreTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 16) ?? CalendarDate(dayNumber: 0)

    func demo() throws -> (AppDatabase, Territory) {
        let territory = DemoTerritory.make(today: Self.today)
        let database = try Fixtures.database()
        try database.save(territory)
        return (database, territory)
    }

    func agent(_ database: AppDatabase, _ code: String) throws -> Agent? {
        try database.loadPlanningTerritory().agents.first { $0.code == code }
    }

    func expectPlanFresh(_ database: AppDatabase) throws {
        #expect(try database.read { try PlanStore.isStale($0) } == false)
        #expect(try database.storedPlan().decisions == Arbitration.plan(try database.loadPlanningTerritory()).decisions)
    }

    func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as Localized {
            return error.message(in: .fr)
        } catch {
            return "\(error)"
        }
    }

    @Test func anAbsenceIsChangedThenDeletedAndThePlanFollows() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.absences.isEmpty })
        let old = try #require(subject.absences.first)
        let new = Absence(from: old.from, to: old.to.adding(days: 1), kind: .maladie)
        try database.updateAbsence(agent: subject.code, old: old, new: new)
        let after = try #require(try agent(database, subject.code))
        #expect(after.absences.contains(new))
        #expect(!after.absences.contains(old))
        #expect(after.absences.count == subject.absences.count)
        try expectPlanFresh(database)
        try database.deleteAbsence(agent: subject.code, new)
        #expect(try agent(database, subject.code)?.absences.count == subject.absences.count - 1)
        try expectPlanFresh(database)
    }

    @Test func aStaleAbsenceIsRefusedWithWhatTheRowIsNow() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.absences.isEmpty })
        let old = try #require(subject.absences.first)
        // Another session moved it first.
        let theirs = Absence(from: old.from, to: old.to, kind: old.kind == .conges ? .formation : .conges)
        try database.updateAbsence(agent: subject.code, old: old, new: theirs)
        let message = refusal { try database.updateAbsence(agent: subject.code, old: old, new: Absence(from: old.from, to: old.to, kind: .autre)) }
        #expect(message?.contains("modifiée ou supprimée entre-temps") == true)
        #expect(message?.contains(theirs.from.iso) == true)
        #expect(refusal { try database.deleteAbsence(agent: subject.code, old) } != nil)
        #expect(try agent(database, subject.code)?.absences.contains(theirs) == true)
    }

    @Test func anOverlappingAbsenceIsRefusedInFrench() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { $0.absences.count >= 2 })
        let (first, second) = (subject.absences[0], subject.absences[1])
        let message = refusal { try database.updateAbsence(agent: subject.code, old: first, new: Absence(from: first.from, to: second.from, kind: first.kind)) }
        #expect(message?.contains("chevauche une autre absence") == true)
        #expect(try agent(database, subject.code)?.absences == subject.absences.sorted())
    }

    @Test func aRotaSlotIsChangedDeletedAndRefusedWhenStale() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.rota.isEmpty })
        let old = try #require(subject.rota.first)
        let new = RotaEntry(member: old.member, day: old.day, time: TimeRange(start: old.time.start, end: old.time.end - 30))
        try database.updateRotaEntry(agent: subject.code, old: old, new: new)
        #expect(try agent(database, subject.code)?.rota.contains(new) == true)
        try expectPlanFresh(database)
        let message = refusal { try database.deleteRotaEntry(agent: subject.code, old) }
        #expect(message?.contains("plage de tournée") == true)
        #expect(message?.contains(new.time.text) == true)
        try database.deleteRotaEntry(agent: subject.code, new)
        #expect(try agent(database, subject.code)?.rota.count == subject.rota.count - 1)
    }

    @Test func openingHoursAreReplacedOnceAndAStaleFormIsRefused() throws {
        let (database, territory) = try demo()
        let member = try #require(territory.members.first)
        let version = { try database.read { try Int.fetchOne($0, sql: "SELECT version FROM member WHERE code = ?", arguments: [member.code]) } }
        let before = try version()
        let mine = OpeningHours([.mon: [TimeRange(start: 510, end: 720), TimeRange(start: 810, end: 1020)], .sat: [TimeRange(start: 540, end: 720)]])
        try database.setOpeningHours(member: member.code, old: member.openingHours, new: mine)
        let saved = try database.loadTerritory().members.first { $0.code == member.code }
        #expect(saved?.openingHours == mine)
        #expect(try version() == before.map { $0 + 1 })
        // A second form opened on the old hours: refused, and it says what they are now.
        let message = refusal { try database.setOpeningHours(member: member.code, old: member.openingHours, new: OpeningHours()) }
        #expect(message?.contains("modifiés entre-temps") == true)
        #expect(message?.contains("lun. 08:30-12:00, 13:30-17:00") == true)
        #expect(try database.loadTerritory().members.first { $0.code == member.code }?.openingHours == mine)
        // Closing every day is allowed.
        try database.setOpeningHours(member: member.code, old: mine, new: OpeningHours())
        #expect(try database.loadTerritory().members.first { $0.code == member.code }?.openingHours == OpeningHours())
    }

    @Test func anAgentsHistoryHoldsItsAbsencesAndRotaSlotsAndAMembersItsOpeningHours() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.absences.isEmpty && !$0.rota.isEmpty })
        let other = try #require(territory.agents.first { $0.code != subject.code && !$0.absences.isEmpty })
        let old = try #require(subject.absences.first)
        let kind: AbsenceKind = old.kind == .formation ? .autre : .formation
        try database.updateAbsence(agent: subject.code, old: old, new: Absence(from: old.from, to: old.to.adding(days: 1), kind: kind))
        try database.deleteRotaEntry(agent: subject.code, try #require(subject.rota.first))
        let latest = try #require(other.absences.max { $0.to < $1.to })
        try database.updateAbsence(agent: other.code, old: latest, new: Absence(from: latest.from, to: latest.to.adding(days: 1), kind: latest.kind))

        let absences = try database.auditEntries(AuditQuery(entity: "absence", agent: subject.code))
        #expect(absences.count == subject.absences.count + 1)
        #expect(absences.map(\.action).filter { $0 == "insert" }.count == subject.absences.count)
        let change = try #require(absences.last)
        #expect(change.action == "update")
        #expect(change.changes.map(\.field) == ["kind", "to_date"])
        #expect(change.changes.first?.after == kind.rawValue)
        // The other agent's absence is not in it.
        #expect(!absences.contains { $0.after?.contains(other.code) == true })
        #expect(try database.auditEntries(AuditQuery(entity: "absence", agent: other.code)).count == other.absences.count + 1)

        let rota = try database.auditEntries(AuditQuery(entity: "rota_entry", agent: subject.code))
        #expect(rota.count == subject.rota.count + 1)
        #expect(rota.last?.action == "delete")
        #expect(rota.last?.after == nil)
        #expect(try database.auditEntries(AuditQuery(entity: "rota_entry", agent: subject.code, limit: 1)).map(\.action) == ["delete"])

        // A member's opening ranges are keyed CODE/weekday/minute.
        let member = try #require(territory.members.first { !$0.openingHours.ranges.isEmpty })
        let ranges = try database.auditEntries(AuditQuery(entity: "opening_range", keyPrefix: member.code + "/"))
        #expect(!ranges.isEmpty)
        #expect(ranges.allSatisfy { $0.key.hasPrefix(member.code + "/") })
        #expect(try database.auditEntries(AuditQuery(entity: "opening_range", keyPrefix: "99999/")).isEmpty)

        // Saving opening hours deletes and inserts them all again: the history folds that into
        // what changed (here, a Saturday morning).
        let lastBefore = try #require(ranges.last?.id)
        var changed = member.openingHours.ranges
        changed[.sat] = [TimeRange(start: 540, end: 690)]
        try database.setOpeningHours(member: member.code, old: member.openingHours, new: OpeningHours(changed))
        let raw = try database.auditEntries(AuditQuery(entity: "opening_range", keyPrefix: member.code + "/")).filter { $0.id > lastBefore }
        #expect(raw.count > 2)
        let folded = raw.collapsingRewrites()
        #expect(folded.map(\.key) == [member.code + "/6/540"])
        #expect(folded.first?.changes.map(\.field) == ["end_minute"])
        #expect(folded.first?.changes.first?.after == "690")
    }

    @Test func aDeletedAgentOrMemberIsSaidSo() throws {
        let (database, _) = try demo()
        let absence = Absence(from: Self.today, to: Self.today, kind: .conges)
        #expect(refusal { try database.deleteAbsence(agent: "NOPE", absence) }?.contains("supprimé entre-temps") == true)
        #expect(refusal { try database.setOpeningHours(member: "00000", old: OpeningHours(), new: OpeningHours()) }?.contains("supprimée entre-temps") == true)
    }
}
