import Foundation
import TestSupport
import Testing

/// Every command that writes a file, played by an adversary (issue 10, "Outputs"): aimed at a
/// folder, the live database, a device, an existing file, a missing folder, a full disk; and
/// `--db` aimed at what is not a database file. Each is refused with a French line and the
/// sysexits code, and nothing is lost or left behind.
@Suite("Outputs never destroy (issue 10)", .serialized)
struct OutputSafetyTests {
    static func service() throws -> ReleveBinary {
        let cli = try ReleveBinary()
        #expect(try cli.run(["demo", "--db", cli.db, "--today", "2026-11-22"]).status == 0)
        #expect(try cli.run(["invoice", "run", "--year", "2026", "--issue", "--date", "2026-12-01", "--db", cli.db]).status == 0)
        return cli
    }

    /// The commands that write a file, with the file as their last argument.
    static let writers: [[String]] = [
        ["export", "--output"], ["invoice", "pdf", "2026-0001", "--output"], ["invoice", "export", "--format", "csv", "--output"],
        ["estimate", "D-2026-001", "--pdf"], ["contract", "D-2026-001", "--output"], ["backup"],
    ]

    /// Names in `directory` that a failed write could have left (temporary files).
    static func leftovers(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.contains(".releve-") }
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func aFolderTheLiveDatabaseAndDevicesAreNeverWrittenOver() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        let folder = cli.directory.appendingPathComponent("dossier").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let inside = try cli.file("dossier/précieux.txt", "à garder")
        let targets: [(String, String)] = [
            (folder, "est un dossier"), (cli.db, "base de données de Relève"), (cli.db + "-wal", "base de données de Relève"),
            (cli.directory.appendingPathComponent("releve.key").path, "base de données de Relève"), (cli.db + ".anchor", "base de données de Relève"),
            (cli.directory.appendingPathComponent("./../\(cli.directory.lastPathComponent)/test.sqlite").path, "base de données de Relève"),
            ("/dev/null", "n'est pas un fichier ordinaire"), ("/dev/full", "n'est pas un fichier ordinaire"),
        ]
        for writer in Self.writers {
            for (target, phrase) in targets {
                let result = try cli.run(writer + [target, "--db", cli.db])
                #expect(result.status == 73, "\(writer) \(target): \(result.status) \(result.stderr)")
                #expect(result.stderr.hasPrefix("releve : erreur : ") && result.stderr.contains(phrase), "\(writer) \(target): \(result.stderr)")
            }
        }
        #expect(try String(contentsOfFile: inside, encoding: .utf8) == "à garder")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
        let check = try cli.run(["check", "--db", cli.db])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(Self.leftovers(cli.directory.path).isEmpty && Self.leftovers(folder).isEmpty)
    }

    @Test func anExistingFileIsReplacedOnlyWithForceAndABackupNever() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        for writer in Self.writers {
            let target = try cli.file("existant", "ancien contenu")
            let refused = try cli.run(writer + [target, "--db", cli.db])
            #expect(refused.status == 73, "\(writer): \(refused.stderr)")
            #expect(refused.stderr.contains("existe déjà"), "\(writer): \(refused.stderr)")
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "ancien contenu")
            let forced = try cli.run(writer + [target, "--force", "--db", cli.db])
            if writer == ["backup"] {
                #expect(forced.status == 64, "a backup has no --force: \(forced.stderr)")
                #expect(try String(contentsOfFile: target, encoding: .utf8) == "ancien contenu")
            } else {
                #expect(forced.status == 0, "\(writer): \(forced.stderr)")
                #expect(FileManager.default.contents(atPath: target) != Data("ancien contenu".utf8))
                #expect(Self.mode(target) == 0o600)
            }
            try FileManager.default.removeItem(atPath: target)
        }
        #expect(Self.leftovers(cli.directory.path).isEmpty)
    }

    @Test func aMissingFolderOrAnEmptyPathIsSaidAndLeavesNothing() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        for writer in Self.writers {
            let missing = try cli.run(writer + ["/nonexistent/x", "--db", cli.db])
            #expect(missing.status == 73, "\(writer): \(missing.stderr)")
            #expect(missing.stderr.contains("le dossier « /nonexistent » n'existe pas"), "\(writer): \(missing.stderr)")
            #expect(!missing.stderr.contains("erreur interne"))
            let empty = try cli.run(writer + ["", "--db", cli.db])
            #expect(empty.status == 73, "\(writer): \(empty.stderr)")
            #expect(empty.stderr.contains("chemin vide"), "\(writer): \(empty.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent"))
        #expect(Self.leftovers(cli.directory.path).isEmpty)
    }

    @Test func aFullDiskIsReportedWithExit74AndLeavesNothing() throws {
        let cli = try Self.service()
        defer { cli.cleanUp() }
        // Standard output redirected to a full device.
        let full = try Self.shell("'\(ReleveBinary.path)' export --db '\(cli.db)' > /dev/full")
        #expect(full.status == 74, "\(full.stderr)")
        #expect(full.stderr.contains("écriture sur la sortie standard impossible : disque plein"), "\(full.stderr)")
        // A real full disk: a 16 KiB tmpfs, nearly filled (tests run as root; elsewhere this part is skipped).
        let disk = cli.directory.appendingPathComponent("petit-disque").path
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard geteuid() == 0, try Self.shell("mount -t tmpfs -o size=16k tmpfs '\(disk)'").status == 0 else { return }
        defer { _ = try? Self.shell("umount '\(disk)'") }
        _ = try Self.shell("head -c 12288 /dev/zero > '\(disk)/plein'")
        for writer in Self.writers {
            let target = disk + "/sortie"
            let result = try cli.run(writer + [target, "--db", cli.db])
            #expect(result.status == 74, "\(writer): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("échouée : ") && result.stderr.contains("rien n'a été laissé"), "\(writer): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(Self.leftovers(disk).isEmpty, "\(writer): \(Self.leftovers(disk))")
        }
        #expect(try cli.run(["check", "--db", cli.db]).status == 0)
    }

    @Test func dbMustNameADatabaseFile() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let empty = try cli.run(["check", "--db", ""])
        #expect(empty.status == 64 && empty.stderr.contains("--db : chemin vide"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("xdg/releve/releve.sqlite").path))
        let fifo = cli.directory.appendingPathComponent("tube").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for (path, kind) in [(fifo, "un tube nommé (FIFO)"), (cli.directory.path, "un dossier"), ("/dev/null", "un périphérique")] {
            let result = try cli.run(["check", "--db", path])
            #expect(result.status == 69, "\(path): \(result.stderr)")
            #expect(result.stderr.contains("c'est \(kind), pas un fichier de base de données"), "\(path): \(result.stderr)")
        }
        let underAFile = try cli.run(["check", "--db", try cli.file("plat", "x") + "/base.sqlite"])
        #expect(underAFile.status == 73 && underAFile.stderr.contains("n'est pas un dossier"), "\(underAFile.stderr)")
        #expect(Self.leftovers(cli.directory.path).isEmpty)
        // A new database under `..` is created where it resolves (this used to loop for ever).
        let climbing = cli.directory.appendingPathComponent("absent/../neuf/base.sqlite").path
        #expect(try cli.run(["check", "--db", climbing]).status == 0)
        // A folder this account cannot write: said, exit 73, never "erreur interne".
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let closed = cli.directory.appendingPathComponent("fermé").path
        try FileManager.default.createDirectory(atPath: closed, withIntermediateDirectories: true)
        chmod(cli.directory.path, 0o755)
        chmod(closed, 0o755)
        let binary = cli.directory.appendingPathComponent("releve").path
        // Copied by `cp`, not by this process: a copy written here could still be open in a child
        // another test forks at that moment, and executing it would fail with "Text file busy".
        _ = try Self.shell("cp '\(ReleveBinary.path)' '\(binary)' && chmod 755 '\(binary)'")
        let nobody = try Self.shell("setpriv --reuid=65534 --regid=65534 --clear-groups '\(binary)' check --db '\(closed)/sous/base.sqlite'")
        #expect(nobody.status == 73, "\(nobody.stderr)")
        #expect(nobody.stderr.contains("n'est pas accessible en écriture pour ce compte"), "\(nobody.stderr)")
    }

    @Test func whatRelèveCreatesIsPrivateToItsAccount() throws {
        let cli = try ReleveBinary()
        defer { cli.cleanUp() }
        let folder = cli.directory.appendingPathComponent("données").path
        let db = folder + "/releve.sqlite"
        #expect(try cli.run(["demo", "--db", db, "--today", "2026-11-22"]).status == 0)
        #expect(Self.mode(folder) == 0o700)
        #expect(Self.mode(db) == 0o600)
        let backup = cli.directory.appendingPathComponent("copie.sqlite").path
        let pdf = cli.directory.appendingPathComponent("contrat.pdf").path
        let json = cli.directory.appendingPathComponent("export.json").path
        #expect(try cli.run(["backup", backup, "--db", db]).status == 0)
        #expect(try cli.run(["contract", "D-2026-001", "--output", pdf, "--db", db]).status == 0)
        #expect(try cli.run(["export", "--output", json, "--db", db]).status == 0)
        for path in [backup, pdf, json] { #expect(Self.mode(path) == 0o600, "\(path)") }
        #expect(Self.mode(folder + "/releve.key") == 0o600)
        #expect(Self.mode(db + ".anchor") == 0o600)
        // The backup is a whole database, sealed by the installation key: away from it, check says
        // so; with the key beside it, it passes, its own anchor included.
        let away = try cli.run(["check", "--db", backup])
        #expect(away.status == 65 && away.stdout.contains("clé d'installation absente"), "\(away.stdout)")
        try FileManager.default.copyItem(atPath: folder + "/releve.key", toPath: cli.directory.appendingPathComponent("releve.key").path)
        let beside = try cli.run(["check", "--db", backup])
        #expect(beside.status == 0, "\(beside.stdout)")
    }

    static func shell(_ script: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["RELEVE_DB"] = nil
        process.environment = environment
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
