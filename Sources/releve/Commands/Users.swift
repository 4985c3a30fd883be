import ArgumentParser
import Domain
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
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                try database.setUser(login, role: role)
                writeOut(l.pick("\(login) : \(role.label(l)).\n", "\(login): \(role.label(l)).\n"))
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
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                try options.openDatabase().removeUser(login)
                writeOut(l.pick("\(login) retiré.\n", "\(login) removed.\n"))
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
            let redact = database.isReadOnly
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
