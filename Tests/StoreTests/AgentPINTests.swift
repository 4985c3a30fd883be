import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// A database holding the Oisans example (agents A and B), with few PBKDF2 rounds for speed.
func oisansDatabase() throws -> AppDatabase {
    let database = try Fixtures.database()
    try database.save(try Fixtures.oisans())
    return database
}

private let start = Date(timeIntervalSince1970: 1_700_000_000)
private let rounds = 1_000

@Suite("Agent PINs")
struct AgentPINTests {
    @Test func thePINIsSaltedAndNeverStoredInClear() throws {
        let database = try oisansDatabase()
        try database.setPIN("482916", agent: "A", now: start, iterations: rounds)
        try database.setPIN("482916", agent: "B", now: start, iterations: rounds)
        let rows = try database.read { db in try Row.fetchAll(db, sql: "SELECT agent, salt, hash, iterations FROM agent_pin ORDER BY agent") }
        #expect(rows.count == 2)
        let saltA: Data = rows[0]["salt"], saltB: Data = rows[1]["salt"]
        let hashA: Data = rows[0]["hash"], hashB: Data = rows[1]["hash"]
        #expect(saltA.count == 16 && hashA.count == 32)
        #expect(saltA != saltB, "each agent gets her own salt")
        #expect(hashA != hashB, "the same PIN hashes differently for two agents")
        #expect(rows[0]["iterations"] as Int == rounds)
        // Nowhere in the database, not even in the audit trail, as text or as bytes.
        let dump = try database.read { db in
            try String.fetchAll(db, sql: "SELECT coalesce(before, '') || coalesce(after, '') FROM audit").joined()
                + String.fetchAll(db, sql: "SELECT hex(salt) || hex(hash) FROM agent_pin").joined()
        }
        #expect(!dump.contains("482916"))
        #expect(!dump.contains(Data("482916".utf8).map { String(format: "%02X", $0) }.joined()))
        #expect(try database.checkPIN("482916", agent: "A", now: start) == .accepted(name: "Nadia Berthet"))
        #expect(try database.checkPIN("482916", agent: "B", now: start) == .accepted(name: "Lucas Reymond"))
    }

    @Test func productionPINsUse210000Rounds() throws {
        let database = try oisansDatabase()
        try database.setPIN("1234", agent: "A", now: start)
        #expect(try database.read { db in try Int.fetchOne(db, sql: "SELECT iterations FROM agent_pin") } == 210_000)
        #expect(try database.checkPIN("1234", agent: "A", now: start) == .accepted(name: "Nadia Berthet"))
    }

    @Test(arguments: ["123", "1234567890123", "12a4", "", " 1234", "１２３４"])
    func malformedPINsAreRefused(pin: String) throws {
        let database = try oisansDatabase()
        #expect(throws: PINRefusal.malformed) { try database.setPIN(pin, agent: "A", now: start, iterations: rounds) }
        #expect(PINRefusal.malformed.message(in: .fr) == "le PIN doit compter de 4 à 12 chiffres")
    }

    @Test func unknownAgentsAndAgentsWithoutPIN() throws {
        let database = try oisansDatabase()
        #expect(throws: PINRefusal.unknownAgent("Z")) { try database.setPIN("1234", agent: "Z", now: start, iterations: rounds) }
        #expect(try database.checkPIN("1234", agent: "Z", now: start) == .unknownAgent)
        #expect(try database.checkPIN("1234", agent: "A", now: start) == .noPIN)
        #expect(throws: PINRefusal.noPIN("A")) { try database.unlockPIN(agent: "A") }
    }

    @Test func fiveWrongPINsLockForADelayThatDoublesThenUnlock() throws {
        let database = try oisansDatabase()
        try database.setPIN("2468", agent: "A", now: start, iterations: rounds)
        var now = start
        for left in [4, 3, 2, 1] {
            #expect(try database.checkPIN("0000", agent: "A", now: now) == .wrong(attemptsLeft: left))
            now += 1
        }
        #expect(PINCheck.wrong(attemptsLeft: 1).message(in: .fr) == "PIN incorrect : encore 1 essai avant le blocage.")
        // The fifth: locked for a minute; even the right PIN is refused meanwhile, without counting.
        #expect(try database.checkPIN("0000", agent: "A", now: now) == .locked(seconds: 60))
        #expect(try database.checkPIN("2468", agent: "A", now: now + 30) == .locked(seconds: 30))
        #expect(try database.pinStatus(agent: "A")?.failures == 5)
        #expect(PINCheck.locked(seconds: 60).message(in: .fr).hasPrefix("Trop d'essais : compte bloqué, réessayez dans 1 min"))
        // Each further failure doubles the lock: 2 min, 4 min…
        now += 61
        #expect(try database.checkPIN("0000", agent: "A", now: now) == .locked(seconds: 120))
        now += 121
        #expect(try database.checkPIN("1111", agent: "A", now: now) == .locked(seconds: 240))
        // The coordinator unlocks: the right PIN works at once and the count starts again.
        try database.unlockPIN(agent: "A")
        #expect(try database.pinStatus(agent: "A")?.failures == 0)
        #expect(try database.checkPIN("0000", agent: "A", now: now) == .wrong(attemptsLeft: 4))
        #expect(try database.checkPIN("2468", agent: "A", now: now) == .accepted(name: "Nadia Berthet"))
        #expect(try database.pinStatus(agent: "A")?.failures == 0)
    }

    @Test func theLockDelayDoublesUpToAnHour() {
        #expect(AgentPIN.lockDelay(afterFailures: 4) == 0)
        #expect(AgentPIN.lockDelay(afterFailures: 5) == 60)
        #expect(AgentPIN.lockDelay(afterFailures: 6) == 120)
        #expect(AgentPIN.lockDelay(afterFailures: 7) == 240)
        #expect(AgentPIN.lockDelay(afterFailures: 11) == 3_600)
        #expect(AgentPIN.lockDelay(afterFailures: 500) == 3_600)
    }

    @Test func aRightPINAfterTheLockExpiresResetsTheCount() throws {
        let database = try oisansDatabase()
        try database.setPIN("97531", agent: "B", now: start, iterations: rounds)
        for _ in 0..<5 { _ = try database.checkPIN("00000", agent: "B", now: start) }
        #expect(try database.checkPIN("97531", agent: "B", now: start + 61) == .accepted(name: "Lucas Reymond"))
        let status = try database.pinStatus(agent: "B")
        #expect(status?.failures == 0 && status?.lockedUntil == nil)
        // A new PIN replaces the old one and the salt.
        try database.setPIN("8642", agent: "B", now: start, iterations: rounds)
        #expect(try database.checkPIN("97531", agent: "B", now: start + 62) == .wrong(attemptsLeft: 4))
        #expect(try database.checkPIN("8642", agent: "B", now: start + 62) == .accepted(name: "Lucas Reymond"))
    }

    @Test func pinChangesAreAuditedWithoutTheHash() throws {
        let database = try oisansDatabase()
        try database.setPIN("1357", agent: "A", now: start, iterations: rounds)
        _ = try database.checkPIN("0000", agent: "A", now: start)
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT action, after FROM audit WHERE entity = 'agent_pin' AND key = 'A' ORDER BY id")
        }
        #expect(rows.map { $0["action"] as String } == ["insert", "update"])
        #expect(rows.allSatisfy { !($0["after"] as String).contains("hash") && !($0["after"] as String).contains("salt") })
    }
}

@Suite("An agent's own hours")
struct OwnHoursTests {
    func entry(_ database: AppDatabase, agent: String = "A", minutes: Int = 180) throws -> VersionedTimeEntry {
        let date = CalendarDate(year: 2024, month: 3, day: 12) ?? CalendarDate(dayNumber: 0)
        let stored = try database.logHours(TimeEntry(agent: agent, member: "38018", date: date, minutes: minutes)) { $0 }
        return try #require(try database.ownTimeEntries(agent: agent, from: date, to: date).first { $0.entry.id == stored.id })
    }

    @Test func sheCorrectsAndDeletesHerOwnEntry() throws {
        let database = try oisansDatabase()
        let mine = try entry(database)
        var changed = mine.entry
        changed.minutes = 210
        let updated = try database.updateOwnHours(changed, agent: "A", read: mine.read) { $0 }
        #expect(updated.version == mine.version + 1)
        let reread = try database.ownTimeEntries(agent: "A", from: mine.entry.date, to: mine.entry.date)
        #expect(reread.first { $0.entry.id == mine.entry.id }?.entry.minutes == 210)
        try database.deleteOwnHours(updated.read, agent: "A")
        #expect(try database.ownTimeEntries(agent: "A", from: mine.entry.date, to: mine.entry.date).allSatisfy { $0.entry.id != mine.entry.id })
    }

    @Test func anotherAgentsEntryIsAnsweredLikeAMissingOne() throws {
        let database = try oisansDatabase()
        let theirs = try entry(database, agent: "B")
        let id = try #require(theirs.entry.id)
        #expect(throws: OwnHoursRefusal.notFound(id)) { try database.deleteOwnHours(theirs.read, agent: "A") }
        var changed = theirs.entry
        changed.minutes = 60
        #expect(throws: OwnHoursRefusal.notFound(id)) { _ = try database.updateOwnHours(changed, agent: "A", read: theirs.read) { $0 } }
        #expect(try database.timeEntries(TimeEntryQuery(agent: "B")).contains { $0.id == id && $0.minutes == 180 })
    }

    @Test func aValidatedEntryIsRefused() throws {
        let database = try oisansDatabase()
        let mine = try entry(database)
        let id = try #require(mine.entry.id)
        try database.write { db in try db.execute(sql: "UPDATE time_entry SET validated = 1 WHERE id = ?", arguments: [id]) }
        let validated = try #require(try database.ownTimeEntries(agent: "A", from: mine.entry.date, to: mine.entry.date).first { $0.entry.id == id })
        #expect(throws: OwnHoursRefusal.validated(id)) { try database.deleteOwnHours(validated.read, agent: "A") }
        #expect(OwnHoursRefusal.validated(id).message(in: .fr).contains("est validée : seul le coordinateur"))
    }

    @Test func aChangeMadeMeanwhileIsRefusedShowingTheCurrentValue() throws {
        let database = try oisansDatabase()
        let mine = try entry(database)
        let id = try #require(mine.entry.id)
        // Another session changes it first.
        var other = mine.entry
        other.minutes = 240
        _ = try database.updateOwnHours(other, agent: "A", read: mine.read) { $0 }
        var stale = mine.entry
        stale.minutes = 60
        do {
            _ = try database.updateOwnHours(stale, agent: "A", read: mine.read) { $0 }
            Issue.record("a stale version was accepted")
        } catch let refusal as StaleEdit {
            #expect(refusal.message(in: .fr) == "la saisie n° \(id) a été modifiée entre-temps par une autre session (heures : 3:00 → 4:00) : rien n'a été enregistré")
        }
        #expect(throws: StaleEdit.self) { try database.deleteOwnHours(mine.read, agent: "A") }
        // Validated by the coordinator meanwhile: said in words too.
        let now = try #require(try database.ownTimeEntries(agent: "A", from: mine.entry.date, to: mine.entry.date).first { $0.entry.id == id })
        try database.write { db in try db.execute(sql: "UPDATE time_entry SET validated = 1 WHERE id = ?", arguments: [id]) }
        do {
            try database.deleteOwnHours(now.read, agent: "A")
            Issue.record("a validated entry was deleted")
        } catch let refusal as StaleEdit {
            #expect(refusal.changes(in: .fr) == ["validée : non → oui"])
        }
    }

    @Test func aCorrectionIsValidatedLikeNewHours() throws {
        let database = try oisansDatabase()
        let mine = try entry(database)
        var changed = mine.entry
        changed.member = "99999"
        #expect(throws: InvalidTerritory.self) { _ = try database.updateOwnHours(changed, agent: "A", read: mine.read) { "--\($0)" } }
        changed.member = "38018"
        changed.minutes = 24 * 60 + 1
        #expect(throws: InvalidTerritory.self) { _ = try database.updateOwnHours(changed, agent: "A", read: mine.read) { "--\($0)" } }
    }

    @Test func herWeekSaysAwayWithoutSayingWhy() throws {
        let database = try oisansDatabase()
        let monday = try #require(CalendarDate(year: 2024, month: 3, day: 11))
        let before = try #require(try database.plannedDays(agent: "A", from: monday, to: monday.adding(days: 6)))
        #expect(before.count == 7)
        #expect(before[1].work.contains { $0.member == "38018" && $0.time == TimeRange(start: 510, end: 720) && $0.memberName == "Auris" })
        let away = try #require(try database.plannedDays(agent: "A", from: monday.adding(days: 7), to: monday.adding(days: 11)))
        #expect(away.allSatisfy { $0.absent && $0.work.isEmpty })
        #expect(try database.plannedDays(agent: "Z", from: monday, to: monday) == nil)
        // Nothing of another agent's rota cover names that agent.
        #expect(before.flatMap(\.work).allSatisfy { !($0.request ?? "").hasPrefix("ROTA:") })
    }
}

extension VersionedTimeEntry {
    /// The entry as her kiosk read it (member names are Oisans' in these tests).
    var read: ReadRecord { .timeEntry(entry, version: version, memberName: entry.member == "38018" ? "Auris" : entry.member) }
}
