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
        try database.apply(.updateAbsence(agent: subject.code, old: old, new: new), read: try database.readAgent(subject.code))
        let after = try #require(try agent(database, subject.code))
        #expect(after.absences.contains(new))
        #expect(!after.absences.contains(old))
        #expect(after.absences.count == subject.absences.count)
        try expectPlanFresh(database)
        try database.apply(.deleteAbsence(agent: subject.code, new), read: try database.readAgent(subject.code))
        #expect(try agent(database, subject.code)?.absences.count == subject.absences.count - 1)
        try expectPlanFresh(database)
    }

    @Test func aStaleAbsenceIsRefusedWithWhatTheRowIsNow() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.absences.isEmpty })
        let old = try #require(subject.absences.first)
        let mine = try database.readAgent(subject.code)
        // Another session moved it first.
        let theirs = Absence(from: old.from, to: old.to, kind: old.kind == .conges ? .formation : .conges)
        try database.apply(.updateAbsence(agent: subject.code, old: old, new: theirs), read: try database.readAgent(subject.code))
        let message = refusal { try database.apply(.updateAbsence(agent: subject.code, old: old, new: Absence(from: old.from, to: old.to, kind: .autre)), read: mine) }
        #expect(message?.hasPrefix("l'agent \(subject.name) (\(subject.code)) a été modifié entre-temps par une autre session (absences : ") == true)
        #expect(message?.contains(theirs.kind.rawValue) == true)
        #expect(message?.hasSuffix("rien n'a été enregistré, rouvrez le formulaire") == true)
        #expect(refusal { try database.apply(.deleteAbsence(agent: subject.code, old), read: mine) } == message)
        #expect(try agent(database, subject.code)?.absences.contains(theirs) == true)
    }

    @Test func anAbsenceAddedByAnImportRefusesAFormOpenedBefore() throws {
        let (database, territory) = try demo()
        var subject = try #require(territory.agents.first { !$0.absences.isEmpty })
        let old = try #require(subject.absences.first)
        let mine = try database.readAgent(subject.code)
        // Another path than the forms: the child row's trigger bumps the agent's version.
        subject.absences.append(Absence(from: Self.today.adding(days: 200), to: Self.today.adding(days: 201), kind: .conges))
        try database.save(Territory(service: territory.service, agents: [subject]))
        let message = refusal { try database.apply(.deleteAbsence(agent: subject.code, old), read: mine) }
        #expect(message?.contains("a été modifié entre-temps") == true)
        #expect(try agent(database, subject.code)?.absences.contains(old) == true)
    }

    @Test func anOverlappingAbsenceIsRefusedInFrench() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { $0.absences.count >= 2 })
        let (first, second) = (subject.absences[0], subject.absences[1])
        let message = refusal { try database.apply(.updateAbsence(agent: subject.code, old: first, new: Absence(from: first.from, to: second.from, kind: first.kind)), read: try database.readAgent(subject.code)) }
        #expect(message?.contains("chevauche une autre absence") == true)
        #expect(try agent(database, subject.code)?.absences == subject.absences.sorted())
    }

    @Test func aRotaSlotIsChangedDeletedAndRefusedWhenStale() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.rota.isEmpty })
        let old = try #require(subject.rota.first)
        let new = RotaEntry(member: old.member, day: old.day, time: TimeRange(start: old.time.start, end: old.time.end - 30))
        let before = try database.readAgent(subject.code)
        try database.apply(.updateRota(agent: subject.code, old: old, new: new), read: before)
        #expect(try agent(database, subject.code)?.rota.contains(new) == true)
        try expectPlanFresh(database)
        let message = refusal { try database.apply(.deleteRota(agent: subject.code, old), read: before) }
        #expect(message?.contains("(tournée : ") == true)
        #expect(message?.contains(OpeningHoursText.display(new.time)) == true)
        try database.apply(.deleteRota(agent: subject.code, new), read: try database.readAgent(subject.code))
        #expect(try agent(database, subject.code)?.rota.count == subject.rota.count - 1)
    }

    @Test func openingHoursAreReplacedOnceAndAStaleFormIsRefused() throws {
        let (database, territory) = try demo()
        let member = try #require(territory.members.first)
        let version = { try database.read { try Int.fetchOne($0, sql: "SELECT version FROM member WHERE code = ?", arguments: [member.code]) } }
        let before = try version()
        let mine = OpeningHours([.mon: [TimeRange(start: 510, end: 720), TimeRange(start: 810, end: 1020)], .sat: [TimeRange(start: 540, end: 720)]])
        let opened = try database.readMember(member.code)
        try database.apply(.openingHours(member: member.code, old: member.openingHours, new: mine), read: opened)
        let saved = try database.loadTerritory().members.first { $0.code == member.code }
        #expect(saved?.openingHours == mine)
        #expect(try version().map { $0 > before ?? 0 } == true)
        // A second form opened on the old hours: refused, and it says what they are now.
        let message = refusal { try database.apply(.openingHours(member: member.code, old: member.openingHours, new: OpeningHours()), read: opened) }
        #expect(message?.contains("modifiée entre-temps") == true)
        #expect(message?.contains("horaires d'ouverture : ") == true)
        #expect(message?.contains("→ lun. 08:30-12:00, 13:30-17:00 · sam. 09:00-12:00") == true)
        #expect(try database.loadTerritory().members.first { $0.code == member.code }?.openingHours == mine)
        // Closing every day is allowed.
        try database.apply(.openingHours(member: member.code, old: mine, new: OpeningHours()), read: try database.readMember(member.code))
        #expect(try database.loadTerritory().members.first { $0.code == member.code }?.openingHours == OpeningHours())
    }

    @Test func anAgentsHistoryHoldsItsAbsencesAndRotaSlotsAndAMembersItsOpeningHours() throws {
        let (database, territory) = try demo()
        let subject = try #require(territory.agents.first { !$0.absences.isEmpty && !$0.rota.isEmpty })
        let other = try #require(territory.agents.first { $0.code != subject.code && !$0.absences.isEmpty })
        let old = try #require(subject.absences.first)
        let kind: AbsenceKind = old.kind == .formation ? .autre : .formation
        try database.apply(.updateAbsence(agent: subject.code, old: old, new: Absence(from: old.from, to: old.to.adding(days: 1), kind: kind)), read: try database.readAgent(subject.code))
        try database.apply(.deleteRota(agent: subject.code, try #require(subject.rota.first)), read: try database.readAgent(subject.code))
        let latest = try #require(other.absences.max { $0.to < $1.to })
        try database.apply(.updateAbsence(agent: other.code, old: latest, new: Absence(from: latest.from, to: latest.to.adding(days: 1), kind: latest.kind)), read: try database.readAgent(other.code))

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
        try database.apply(.openingHours(member: member.code, old: member.openingHours, new: OpeningHours(changed)), read: try database.readMember(member.code))
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
        #expect(refusal { try database.apply(.deleteAbsence(agent: "NOPE", absence), read: try database.readAgent("NOPE")) }?.contains("supprimé entre-temps") == true)
        #expect(refusal { try database.apply(.openingHours(member: "00000", old: OpeningHours(), new: OpeningHours()), read: try database.readMember("00000")) }?.contains("supprimée entre-temps") == true)
    }
}

extension AppDatabase {
    /// The agent `code` as a form opened now reads it: what its save claims.
    func readAgent(_ code: String) throws -> ReadRecord {
        let agent = try loadPlanningTerritory().agents.first { $0.code == code }
        return .agent(agent ?? Agent(code: code, name: code, weeklyMinutes: 0, rttDaysPerYear: 0), version: try recordVersions().agents[code] ?? 0)
    }

    func readMember(_ code: String) throws -> ReadRecord {
        let member = try loadPlanningTerritory(openingHours: true).members.first { $0.code == code }
        return .member(member ?? Member(code: code, name: code, kind: .commune, population: 0, singlePartTimeSecretary: false, memberSince: CalendarDate(dayNumber: 0)),
                       version: try recordVersions().members[code] ?? 0)
    }
}
