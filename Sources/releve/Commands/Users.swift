import ArgumentParser
import Domain
import Foundation
import Store

/// `releve user`: which Unix logins may use the service, and as what.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Utilisateurs (identifiants Unix) et leurs rôles : coordinateur ou observateur.",
        subcommands: [Add.self, Remove.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Déclare un identifiant avec son rôle (ou change son rôle) ; ensuite, tout identifiant inconnu est refusé.")

        @Argument(help: "Identifiant Unix (login).") var login: String
        @Option(help: "coordinator (tout) ou observer (lecture seule, sans motifs d'absence).") var role: UserRole
        @Option(help: "Clé publique SSH (fichier .pub) de cette personne : écrit sa ligne de commande forcée dans authorized_keys.")
        var key: String?
        @OptionGroup var keys: AuthorizedKeysOption
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                // Read and check the key before anything is written: a bad key changes nothing.
                let publicKey = try key.map { try AuthorizedKeysFile.readPublicKey($0, language: l) }
                let file = keys.path()
                var line: String?
                if let publicKey {
                    let command = try AuthorizedKeys.forcedCommand(executable: AuthorizedKeysFile.executable(),
                                                                   database: AuthorizedKeysFile.absolute(try options.databasePath()),
                                                                   login: login)
                    line = AuthorizedKeys.line(for: login, key: publicKey, command: command)
                    // A key already serving someone else is refused before the user is declared.
                    let current = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                    _ = try AuthorizedKeys.adding(line ?? "", login: login, key: publicKey, to: current)
                }
                try database.setUser(login, role: role)
                writeOut(l.pick("\(login) : \(role.label(l)).\n", "\(login): \(role.label(l)).\n"))
                if let publicKey, let line {
                    try AuthorizedKeysFile.update(file, language: l) {
                        try AuthorizedKeys.adding(line, login: login, key: publicKey, to: $0)
                    }
                    writeOut(l.pick("Clé \(publicKey.type) de \(login) ajoutée à \(file) : elle ouvre Relève en tant que \(login), et rien d'autre.\n",
                                    "\(publicKey.type) key of \(login) added to \(file): it opens Relève as \(login), and nothing else.\n"))
                    return
                }
                if !(try database.users().contains { $0.login == AppDatabase.currentLogin() }) {
                    writeOut(l.pick("Attention : votre identifiant (\(AppDatabase.currentLogin())) n'est pas déclaré : il sera refusé.\n",
                                    "Warning: your own login (\(AppDatabase.currentLogin())) is not declared: it will be refused.\n"))
                }
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Retire un identifiant déclaré.")

        @Argument(help: "Identifiant Unix.") var login: String
        @OptionGroup var keys: AuthorizedKeysOption
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                try options.openDatabase().removeUser(login)
                writeOut(l.pick("\(login) retiré.\n", "\(login) removed.\n"))
                let file = keys.path()
                guard FileManager.default.fileExists(atPath: file) else { return }
                var removed = 0
                try AuthorizedKeysFile.update(file, language: l) { text in
                    let result = AuthorizedKeys.removing(login: login, from: text)
                    removed = result.removed
                    return result.file
                }
                if removed > 0 {
                    writeOut(l.pick("Sa clé SSH est retirée de \(file).\n", "Their SSH key is removed from \(file).\n"))
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les identifiants déclarés et leurs rôles.")

        @Option(help: "json ou table.") var format: OutputFormat = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let users = try options.openDatabase().users()
                switch format {
                case .json:
                    writeOut(JSONOutput.object([("users", .array(users.map {
                        .object([("login", .string($0.login)), ("role", .string($0.role.rawValue))])
                    }))]).rendered())
                case .table:
                    if users.isEmpty {
                        writeOut(l.pick("Aucun utilisateur déclaré : tout identifiant a les droits du coordinateur.\n",
                                        "No user declared: every login has the coordinator's rights.\n"))
                    } else {
                        writeOut(TextTable.render(header: [l.pick("Identifiant", "Login"), l.pick("Rôle", "Role")],
                                                  rows: users.map { [$0.login, $0.role.label(l)] }, rightAligned: []))
                    }
                }
            }
        }
    }
}

extension UserRole: ExpressibleByArgument {}

/// `--authorized-keys FILE`: the dedicated account's `authorized_keys`.
struct AuthorizedKeysOption: ParsableArguments {
    @Option(name: .customLong("authorized-keys"), help: "Fichier authorized_keys du compte du service (sinon ~/.ssh/authorized_keys).")
    var file: String?

    func path() -> String {
        if let file, !file.isEmpty { return file }
        let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.ssh/authorized_keys"
    }
}

/// Reading a public key and rewriting `authorized_keys` in place, atomically, private to the account.
enum AuthorizedKeysFile {
    static func readPublicKey(_ path: String, language l: Language) throws -> AuthorizedKeys.PublicKey {
        guard let data = FileManager.default.contents(atPath: path), data.count < 64 * 1024,
              let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(.invalidData, l.pick("--key : fichier « \(TextExcerpt.short(path)) » introuvable ou illisible",
                                                      "--key: file \"\(TextExcerpt.short(path))\" not found or unreadable"))
        }
        do {
            return try AuthorizedKeys.parsePublicKey(text)
        } catch {
            throw CommandFailure(.invalidData, "--key : " + error.message(in: l))
        }
    }

    /// This program's own path, as sshd will run it.
    static func executable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? absolute(CommandLine.arguments[0])
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Rewrites `path` through `change` (the directory 0700 and the file 0600, as sshd's
    /// StrictModes wants): a temporary file beside it, synced, then renamed over it.
    static func update(_ path: String, language l: Language, _ change: (String) throws -> String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let manager = FileManager.default
        let cannot = { (why: String) in
            CommandFailure(.cannotCreate, l.pick("impossible d'écrire « \(path) » : \(why)", "cannot write \"\(path)\": \(why)"))
        }
        if !manager.fileExists(atPath: directory) {
            do { try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) }
            catch { throw cannot(l.pick("dossier impossible à créer", "folder cannot be created")) }
        }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw cannot(l.pick("ce n'est pas un fichier ordinaire", "not a regular file"))
        }
        let old = manager.fileExists(atPath: path)
            ? (try? String(contentsOfFile: path, encoding: .utf8)).map { $0 } : ""
        guard let old else { throw cannot(l.pick("fichier illisible", "unreadable file")) }
        // Through the writer every output uses: temporary file beside it, synced, renamed, 0600.
        try OutputFile.write(Array(try change(old).utf8), to: path, force: true, protecting: [], option: "--authorized-keys")
    }
}

/// `releve audit`: the append-only log of every change.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Journal de toutes les modifications : qui, quand, quoi, avant et après.")

    @Option(help: "Seulement cette table (member, agent, request, time_entry, absence, invoice…).") var entity: String?
    @Option(help: "Seulement cet enregistrement (code, numéro ou identifiant).") var key: String?
    @Option(help: "Les N dernières modifications.") var limit: Int?
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            let database = try options.openDatabase()
            // Absence and request motives are private: an observer sees that they changed, not why.
            let redact = !options.policy(database).seesPrivateFields
            let hidden = l.pick("(masqué)", "(hidden)")
            let entries = try database.auditEntries(AuditQuery(entity: entity, key: key, limit: limit)).map { entry in
                redact ? entry.masked(hidden) : entry
            }
            switch format {
            case .json:
                writeOut(JSONOutput.object([("entries", .array(entries.map { e in
                    .object([("id", .integer(Int(e.id))), ("at", .string(e.at)), ("actor", .optional(e.actor)),
                             ("entity", .string(e.entity)), ("key", .string(e.key)), ("action", .string(e.action)),
                             ("before", .optional(e.before)), ("after", .optional(e.after)), ("chained", .bool(e.hash != nil))])
                }))]).rendered())
            case .table:
                let rows = entries.map { e in
                    [String(e.id), e.at.replacingOccurrences(of: "T", with: " ").prefix(19).description, e.actor ?? l.pick("hors Relève", "outside Relève"),
                     AuditFieldText.action(e.action, l), "\(e.entity) \(e.key)", AuditText.change(e, l)]
                }
                writeOut(TextTable.render(header: ["#", l.pick("Quand (UTC)", "When (UTC)"), l.pick("Qui", "Who"), l.pick("Quoi", "What"),
                                                   l.pick("Enregistrement", "Record"), l.pick("Changement", "Change")],
                                          rows: rows, rightAligned: [0]))
            }
        }
    }
}

/// How audit rows read.
enum AuditText {
    /// The fields that changed, `name: Écuisse → Écuisses`, or the whole row.
    static func change(_ e: AuditEntry, _ l: Language) -> String {
        guard e.before != nil, e.after != nil else { return e.after ?? e.before ?? "" }
        return e.changes.map { c in
            let before = c.before.map { AuditFieldText.value(c.field, $0, l) } ?? "∅"
            let after = c.after.map { AuditFieldText.value(c.field, $0, l) } ?? "∅"
            return "\(AuditFieldText.label(c.field, l)) : \(before) → \(after)"
        }.joined(separator: ", ")
    }
}
