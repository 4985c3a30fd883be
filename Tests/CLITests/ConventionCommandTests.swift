import Foundation
import TestSupport
import Testing

/// `releve convention …` and `invoice run --month | --ended-by` (cli.md additions).
@Suite("releve convention and billing periods", .serialized)
struct ConventionCommandTests {
    static func demo(_ preset: String? = nil) throws -> ReleveBinary {
        let cli = try ReleveBinary()
        let created = try cli.run(["demo", "--db", cli.db, "--today", "2026-11-16"] + (preset.map { ["--preset", $0] } ?? []))
        #expect(created.status == 0, "\(created.stderr)")
        return cli
    }

    @Test func showSetAndPresetSayWhatTheyChange() throws {
        let cli = try Self.demo()
        defer { cli.cleanUp() }
        let shown = try cli.run(["convention", "show", "--format", "json", "--db", cli.db])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("\"max_months\": 2") && shown.stdout.contains("\"given\": []"))
        let dry = try cli.run(["convention", "set", "max_hours_per_week", "14h", "--dry-run", "--db", cli.db])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Rien n'est enregistré") && dry.stdout.contains("limitée à 14:00 par semaine"))
        #expect(!dry.stdout.contains("ROTA:"))
        #expect(try cli.run(["convention", "show", "--format", "json", "--db", cli.db]).stdout.contains("\"max_hours_per_week\": null"))
        let bad = try cli.run(["convention", "set", "notice_days", "huit", "--db", cli.db])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("notice_days : « huit » n'est pas valable"))
        let unknown = try cli.run(["convention", "set", "couleur", "bleu", "--db", cli.db])
        #expect(unknown.status == 64)
        let preset = try cli.run(["convention", "preset", "cdg63", "--db", cli.db])
        #expect(preset.status == 0, "\(preset.stderr)")
        #expect(preset.stdout.contains("Tarif 2026 complété : 250,00 € la journée de 6 h, 50,00 € l'heure au-delà"))
        let after = try cli.run(["convention", "show", "--db", cli.db])
        #expect(after.stdout.contains("day_rate") && after.stdout.contains("au mois"))
        let audit = try cli.run(["audit", "--db", cli.db])
        #expect(audit.stdout.contains("billing : fee_and_hourly → day_rate"))
    }

    @Test func aMonthRunGivesItsJsonAndAComplementForLateHours() throws {
        let cli = try Self.demo("cdg63")
        defer { cli.cleanUp() }
        let dry = try cli.run(["invoice", "run", "--month", "2026-03", "--format", "json", "--db", cli.db])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("{\n \"month\": \"2026-03\",\n \"invoices\": ["))
        #expect(dry.stdout.contains("\"type\": \"day\"") && dry.stdout.contains("\"period\": \"2026-03\""))
        let issued = try cli.run(["invoice", "run", "--month", "2026-03", "--issue", "--date", "2026-04-02", "--format", "json", "--db", cli.db])
        #expect(issued.status == 0, "\(issued.stderr)")
        let late = try cli.run(["hours", "log", "--agent", "A1", "--member", "71040", "--date", "2026-03-31", "--hours", "1:00", "--db", cli.db])
        #expect(late.status == 0, "\(late.stderr)")
        let id = late.stdout.split(whereSeparator: { !$0.isNumber }).first.map(String.init) ?? ""
        let validated = try cli.run(["hours", "validate", "--id", id, "--db", cli.db])
        #expect(validated.status == 0, "\(validated.stderr)")
        let again = try cli.run(["invoice", "run", "--month", "2026-03", "--format", "json", "--db", cli.db])
        #expect(again.stdout.contains("\"complement\": true"))
        #expect(again.stdout.contains("\"type\": \"complement\""))
        #expect(again.stdout.contains("Complément mars 2026 : "))
        let usage = try cli.run(["invoice", "run", "--month", "2026-13", "--db", cli.db])
        #expect(usage.status == 64)
        let both = try cli.run(["invoice", "run", "--year", "2026", "--month", "2026-03", "--db", cli.db])
        #expect(both.status == 64)
        let ended = try cli.run(["invoice", "run", "--ended-by", "2026-06-30", "--format", "json", "--db", cli.db])
        #expect(ended.status == 0 && ended.stdout.hasPrefix("{\n \"ended_by\": \"2026-06-30\""))
    }
}
