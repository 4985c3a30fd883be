import Foundation
import TestSupport
import Testing

/// `releve directory` through the binary (rules.md §10): add, search by domain, export as CSV
/// and vCard; contacts for the coordinator only; bad input refused with nothing changed.
@Suite("releve directory", .serialized)
struct DirectoryCommandTests {
    @Test func aReferentIsFoundByDomainAndExported() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["import", try cli.file("o.json", try oisansJSON()), "--db", cli.db]).status == 0)
        let added = try cli.run(["directory", "add", "--name", "Claire Faure", "--role", "secretaire", "--member", "38018",
                                 "--phone", "04 76 80 00 01", "--email", "secretariat@auris.fr", "--domains", "urbanisme,État civil", "--db", cli.db])
        #expect(added.status == 0 && added.stdout.contains("Claire Faure (P-1)"), "\(added.stderr)")
        #expect(try cli.run(["directory", "add", "--name", "Guy Martin", "--role", "maire", "--member", "38018", "--db", cli.db]).status == 0)
        // Bad input: refused in French, nothing written.
        for (arguments, message) in [(["--email", "secretariat.auris.fr"], "adresse électronique « secretariat.auris.fr » invalide"),
                                     (["--phone", "04 76 AB"], "numéro de téléphone « 04 76 AB » invalide"),
                                     (["--domains", "jardinage"], "valeur « jardinage » inconnue"),
                                     (["--member", "99999"], "99999")] {
            let bad = try cli.run(["directory", "add", "--name", "X", "--role", "secretaire", "--db", cli.db] + arguments)
            #expect(bad.status == 65 && bad.stderr.contains(message), "\(bad.stderr)")
        }
        let table = try cli.run(["directory", "list", "--domain", "urbanisme", "--db", cli.db])
        #expect(table.stdout.contains("Claire Faure") && !table.stdout.contains("Guy Martin") && table.stdout.contains("état civil, urbanisme"))
        let search = try cli.run(["directory", "list", "--search", "auris", "--format", "json", "--db", cli.db])
        let people = try #require((try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])?["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Claire Faure", "Guy Martin"])
        #expect(people.first?["domains"] as? [String] == ["etat_civil", "urbanisme"])
        let csv = try cli.run(["directory", "list", "--format", "csv", "--db", cli.db]).stdout
        #expect(csv.hasPrefix("nom;rôle;commune;téléphone;courriel;référent(e) en\r\n"))
        #expect(csv.contains("Claire Faure;secrétaire de mairie;Auris;04 76 80 00 01;secretariat@auris.fr;état civil, urbanisme\r\n"))
        let vcard = try cli.run(["directory", "list", "--format", "vcard", "--db", cli.db]).stdout
        #expect(vcard.contains("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Claire Faure\r\nN:Faure;Claire;;;\r\nORG:Auris\r\n"))
        #expect(vcard.contains("TEL;TYPE=WORK,VOICE:04 76 80 00 01\r\nEMAIL;TYPE=INTERNET:secretariat@auris.fr\r\nEND:VCARD"))
        #expect(try cli.run(["directory", "list", "--domain", "jardinage", "--db", cli.db]).status == 65)

        // An observer reads names and roles, never a phone number or an e-mail, and adds nobody.
        #expect(try cli.run(["user", "add", NSUserName(), "--role", "coordinator", "--db", cli.db]).status == 0)
        #expect(try cli.run(["user", "add", "elu", "--role", "observer", "--db", cli.db]).status == 0)
        for format in ["table", "json", "csv", "vcard"] {
            let read = try cli.run(["directory", "list", "--format", format, "--as", "elu", "--db", cli.db])
            #expect(read.status == 0 && read.stdout.contains("Claire Faure"), "\(format): \(read.stderr)")
            #expect(!read.stdout.contains("04 76 80 00 01") && !read.stdout.contains("@auris.fr"), "\(format)")
        }
        let refused = try cli.run(["directory", "add", "--name", "Y", "--role", "elu", "--as", "elu", "--db", cli.db])
        #expect(refused.status == 77)
    }
}
