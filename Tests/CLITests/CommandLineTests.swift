import Foundation
import TestSupport
import Testing

@Suite("Command line contract (cli.md)", .serialized)
struct CommandLineTests {
    @Test func importExportRoundTripThroughTheBinary() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let source = try cli.file("oisans.json", try oisansJSON())
        let imported = try cli.run(["import", source, "--db", cli.db])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("4 membres"))
        let exported = try cli.run(["export", "--db", cli.db])
        #expect(exported.status == 0)
        let copy = try cli.file("copy.json", exported.stdout)
        let second = cli.directory.appendingPathComponent("second.sqlite").path
        #expect(try cli.run(["import", copy, "--db", second]).status == 0)
        let output = cli.directory.appendingPathComponent("out.json").path
        #expect(try cli.run(["export", "--db", second, "--output", output]).status == 0)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self) == exported.stdout)
    }

    @Test(arguments: [
        ("\"population\": 200", "\"population\": -200", "members[0].population"),
        ("\"motive\": \"maladie\"", "\"motive\": \"grippe\"", "requests[1].motive"),
        ("\"start\": \"2024-03-04\"", "\"start\": \"2023-02-30\"", "requests[0].start"),
        ("\"format\": \"releve/1\"", "\"format\": \"releve/0\"", "format"),
        ("\"name\": \"Auris\"", "\"name\": \"Auris\", \"maire\": \"X\"", "members[0].maire"),
    ])
    func invalidFilesExit65WithTheirPathAndChangeNothing(change: (String, String, String)) throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let good = try cli.file("good.json", try oisansJSON())
        #expect(try cli.run(["import", good, "--db", cli.db]).status == 0)
        let before = try cli.run(["export", "--db", cli.db]).stdout
        guard let range = try oisansJSON().range(of: change.0) else {
            Issue.record("fixture lacks \(change.0)")
            return
        }
        let bad = try cli.file("bad.json", try oisansJSON().replacingCharacters(in: range, with: change.1))
        let result = try cli.run(["import", bad, "--db", cli.db])
        #expect(result.status == 65)
        #expect(result.stderr.contains(change.2), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("releve : erreur : "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try cli.run(["export", "--db", cli.db]).stdout == before)
    }

    @Test func truncatedFileExits65() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let json = try oisansJSON()
        let cut = try cli.file("cut.json", String(json.prefix(900)))
        let result = try cli.run(["import", cut, "--db", cli.db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("JSON mal formé ou tronqué"))
        let missing = try cli.run(["import", cli.directory.appendingPathComponent("absent.json").path, "--db", cli.db])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("introuvable"))
    }

    @Test func hoursLogAndList() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        let logged = try cli.run(["hours", "log", "--db", cli.db, "--agent", "B", "--member", "38040",
                                  "--date", "11/03/2024", "--hours", "4,2", "--request", "2024-02"])
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout.contains("lun. 11 mars 2024"))
        let json = try cli.run(["hours", "list", "--db", cli.db, "--format", "json"])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let entries = object?["entries"] as? [[String: Any]]
        #expect(entries?.count == 1)
        #expect(entries?.first?["hours"] as? String == "4:12")
        #expect(entries?.first?["date"] as? String == "2024-03-11")
        #expect(entries?.first?["request"] as? String == "2024-02")
        #expect(object?["total_minutes"] as? Int == 252)
        let table = try cli.run(["hours", "list", "--db", cli.db, "--member", "38040"])
        #expect(table.stdout.contains("Besse"))
        #expect(table.stdout.contains("Lucas Reymond"))
    }

    @Test func hoursOnAHolidayOrDuringAnAbsenceAreKeptWithAWarning() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        let easter = try cli.run(["hours", "log", "--db", cli.db, "--agent", "B", "--member", "38040", "--date", "01/04/2024", "--hours", "2:00"])
        #expect(easter.status == 0)
        #expect(easter.stdout.contains("Lucas Reymond (B) à Besse (38040)"))
        #expect(easter.stderr.contains("est férié (Lundi de Pâques)"))
        let training = try cli.run(["hours", "log", "--db", cli.db, "--agent", "A", "--member", "38040", "--date", "2024-03-19", "--hours", "2:00"])
        #expect(training.status == 0)
        #expect(training.stderr.contains("l'agent est noté absent ce jour-là"))
        #expect(!training.stderr.contains("formation"))
    }

    @Test(arguments: [
        (["--agent", "ZZ"], "--agent"),
        (["--member", "00000"], "--member"),
        (["--hours", "25:00"], "--hours"),
        (["--hours", "-2:00"], "--hours"),
        (["--hours", "beaucoup"], "--hours"),
        (["--date", "30/02/2023"], "--date"),
        (["--date", "2021-05-03"], "--date"),
        (["--request", "2024-01"], "--request"),
    ])
    func hoursLogRefusesBadInput(override: [String], option: String) throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        var values = ["--agent": "A", "--member": "38018", "--date": "2024-03-05", "--hours": "3:30"]
        values[override[0]] = override[1]
        var arguments = ["hours", "log", "--db", cli.db]
        // `--key=value` so that a value starting with "-" (negative hours) is not read as an option.
        for key in ["--agent", "--member", "--date", "--hours"] { arguments.append("\(key)=\(values[key] ?? "")") }
        if override[0] == "--request" { arguments += override }
        let result = try cli.run(arguments)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains(option), "\(result.stderr)")
        let listed = try cli.run(["hours", "list", "--db", cli.db, "--format", "json"])
        #expect(listed.stdout.contains("\"entries\": []"))
    }

    @Test func usageErrorsExit64AndEnglishOnRequest() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["hours", "log", "--db", cli.db]).status == 64)
        #expect(try cli.run(["frobnicate"]).status == 64)
        let help = try cli.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("hours"))
        #expect(help.stdout.contains("Relève"))
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        let english = try cli.run(["hours", "log", "--db", cli.db, "--lang", "en", "--agent", "ZZ", "--member", "38018",
                                   "--date", "2024-03-05", "--hours", "1:00"])
        #expect(english.status == 65)
        #expect(english.stderr.contains("unknown agent"))
    }

    @Test func databaseFromEnvironmentAndXDGDefault() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let source = try cli.file("o.json", try oisansJSON())
        #expect(try cli.run(["import", source]).status == 0)
        let xdg = cli.directory.appendingPathComponent("xdg/releve/releve.sqlite").path
        #expect(FileManager.default.fileExists(atPath: xdg))
    }

    @Test func checkBackupAndUnreadableDatabase() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        let check = try cli.run(["check", "--db", cli.db])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let copy = cli.directory.appendingPathComponent("backup.sqlite").path
        #expect(try cli.run(["backup", copy, "--db", cli.db]).status == 0)
        #expect(try cli.run(["export", "--db", copy]).stdout == cli.run(["export", "--db", cli.db]).stdout)
        // A backup never replaces a file (exit 73, cannot create).
        #expect(try cli.run(["backup", copy, "--db", cli.db]).status == 73)
        let garbage = try cli.file("garbage.sqlite", String(repeating: "pas une base ", count: 500))
        let unreadable = try cli.run(["export", "--db", garbage])
        #expect(unreadable.status == 69, "\(unreadable.stderr)")
    }

    @Test func demoBuildsOnceAndSaysHowToOpenIt() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let first = try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Territoire de démonstration créé"))
        #expect(first.stdout.contains("releve"))
        let second = try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"])
        #expect(second.stdout.contains("contient déjà des données"))
        #expect(try cli.run(["check", "--db", cli.db]).status == 0)
        let export = try cli.run(["export", "--db", cli.db]).stdout
        #expect(export.contains("Écuisses"))
    }

    @Test func genIsDeterministic() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let a = cli.directory.appendingPathComponent("a.sqlite").path
        let b = cli.directory.appendingPathComponent("b.sqlite").path
        #expect(try cli.run(["gen", "--members", "120", "--agents", "12", "--years", "1", "--seed", "42", "--db", a]).status == 0)
        #expect(try cli.run(["gen", "--members", "120", "--agents", "12", "--years", "1", "--seed", "42", "--db", b]).status == 0)
        let exportA = try cli.run(["export", "--db", a]).stdout
        #expect(exportA == (try cli.run(["export", "--db", b]).stdout))
        #expect(exportA.count > 10_000)
        #expect(try cli.run(["gen", "--members", "120", "--agents", "12", "--db", a]).status == 65)
        #expect(try cli.run(["check", "--db", a]).status == 0)
    }
}
