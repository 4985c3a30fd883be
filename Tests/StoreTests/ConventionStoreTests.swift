import Domain
import Foundation
@testable import Store
import Testing

/// The convention in the store and the file (rules.md §7; territory-format.md `service.convention`).
@Suite("Convention in the store")
struct ConventionStoreTests {
    static func demo() throws -> AppDatabase {
        let database = try Fixtures.database()
        try database.saveInBulk(DemoTerritory.make(today: CalendarDate.parseISO("2026-11-16")!), description: "test")
        return database
    }

    @Test func savingReplansInTheSameTransactionAndIsAudited() throws {
        let database = try Self.demo()
        let seen = try database.serviceSettings()
        var next = seen
        try next.convention.set(.maxHoursPerWeek, .text("14:00"))
        let preview = try database.conventionEffects(of: next)
        #expect(!preview.isEmpty)
        #expect(try database.serviceSettings() == seen, "a preview writes nothing")
        let effects = try database.saveService(next, seen: seen)
        #expect(effects == preview)
        #expect(try database.serviceSettings().convention.maxMinutesPerWeek == 840)
        // The stored plan already reads the new convention.
        let capped = try database.storedDecisions().filter { $0.reasons.contains(.cappedWeekly) }
        #expect(!capped.isEmpty)
        #expect(capped.allSatisfy { $0.neededMinutes % 168 == 0 })
        let audit = try database.auditEntries().filter { $0.entity == "service" }
        #expect(audit.last?.after?.contains("max_hours_per_week") == true)
        let text = try #require(effects.first).text(.fr, convention: next.convention)
        #expect(text.contains("→") && text.contains("limitée à 14:00 par semaine"))
        #expect(!text.contains("ROTA:"))
    }

    @Test func aConcurrentChangeIsRefusedWithTheNewValueInWords() throws {
        let database = try Self.demo()
        let seen = try database.serviceSettings()
        var theirs = seen
        try theirs.convention.set(.minWorkingDays, .integer(3))
        try database.saveService(theirs, seen: seen)
        var mine = seen
        try mine.convention.set(.noticeDays, .integer(3))
        #expect(throws: ConventionRefusal.changedMeanwhile(["durée minimale (jours ouvrés) = 3"])) {
            try database.saveService(mine, seen: seen)
        }
        #expect(try database.serviceSettings().convention.noticeDays == 7)
    }

    @Test func fileRoundTripsTheGivenSettingsAndTheNewTariffAndAgentFields() throws {
        var territory = DemoTerritory.make(today: CalendarDate.parseISO("2026-11-16")!, preset: .cdg51)
        territory.service.conventionEnd = CalendarDate.parseISO("2028-06-30")
        let text = TerritoryEncoder.encode(territory)
        #expect(text.contains("\"convention\": {\n   \"billing_period\": \"month\",\n   \"max_months\": 6\n  }"))
        #expect(text.contains("\"cost_coefficient\": \"1.10\"") && text.contains("\"hourly_cost\""))
        let database = try Fixtures.database()
        try Fixtures.importJSON(text, into: database)
        let exported = TerritoryEncoder.encode(try database.loadTerritory())
        #expect(exported.contains("\"convention_end\": \"2028-06-30\""))
        let again = try Fixtures.database()
        try Fixtures.importJSON(exported, into: again)
        #expect(TerritoryEncoder.encode(try again.loadTerritory()) == exported)
        // A file without the new keys still exports without them.
        let plain = TerritoryEncoder.encode(DemoTerritory.make(today: CalendarDate.parseISO("2026-11-16")!))
        #expect(!plain.contains("convention") && !plain.contains("hourly_cost") && !plain.contains("day_rate"))
    }

    @Test func badSettingsInAFileAreRefusedWithTheirPath() throws {
        let text = TerritoryEncoder.encode(DemoTerritory.make(today: CalendarDate.parseISO("2026-11-16")!))
            .replacingFirst("\"annual_working_days\": 228,", with: "\"annual_working_days\": 228, \"convention\": {\"max_months\": 0, \"colour\": 1},")
        do {
            _ = try TerritoryDecoder.decode(Data(text.utf8))
            Issue.record("accepted")
        } catch let error as InvalidTerritory {
            let paths = error.errors.map { $0.location }
            #expect(paths.contains("service.convention.max_months"))
            #expect(paths.contains("service.convention.colour"))
            #expect(error.errors.first { $0.location == "service.convention.max_months" }?.problem.message(in: .fr)
                    == "« 0 » ne convient pas : attendu un nombre de mois de 1 à 36, ou null (pas de plafond)")
        }
    }
}
