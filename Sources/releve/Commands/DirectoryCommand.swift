import ArgumentParser
import Domain
import Store

/// `releve directory list|add`: the directory of the network (rules.md §10), searched by name,
/// commune or domain, printed as a table, JSON, CSV or vCards.
struct DirectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "L'annuaire du réseau : maires, élus, secrétaires, agents, référents par domaine.",
        subcommands: [List.self, Add.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, vcard }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Liste l'annuaire (--domain urbanisme : les référents de ce domaine) ; --format csv ou vcard pour un tableur ou un téléphone.")
        @Option(help: "Code de la commune.") var member: String?
        @Option(help: "Domaine : etat_civil, paie, budget_comptabilite, urbanisme, elections, ressources_humaines, funeraire, marches_publics (ou en mots).") var domain: String?
        @Option(help: "Texte cherché dans le nom, la commune, le rôle ou les domaines.") var search: String?
        @Option(help: "table, json, csv ou vcard.") var format: Format = .table
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                var wanted: ReferentDomain?
                if let domain {
                    guard let found = ReferentDomain.find(domain) else {
                        throw CommandFailure(.invalidData, "--domain : " + DataProblem.unknownValue(domain, allowed: ReferentDomain.allCases.map(\.rawValue)).message(in: l))
                    }
                    wanted = found
                }
                let database = try options.openDatabase()
                let territory = try database.loadTerritory()
                if let member, territory.members.first(where: { $0.code == member }) == nil {
                    throw CommandFailure(.invalidData, "--member : " + DataProblem.unknownMember(member).message(in: l))
                }
                let names = territory.memberNames
                let people = Directory.search(territory.people, query: search ?? "", member: member, domain: wanted, memberNames: names)
                let policy = database.readPolicy
                switch format {
                case .csv: writeOut(Directory.csv(people, memberNames: names, policy: policy, language: l))
                case .vcard: writeOut(Directory.vcard(people, memberNames: names, service: territory.service.name, policy: policy, language: l))
                case .json:
                    var out = JSONStream()
                    out.beginObject()
                    out.key("people")
                    out.beginArray()
                    for p in people {
                        out.beginObject()
                        out.field("id", p.id)
                        out.field("name", p.name)
                        out.field("role", p.role.rawValue)
                        out.field("member", p.member)
                        out.field("agent", p.agent)
                        if policy.seesContacts {
                            out.field("phone", p.phone)
                            out.field("email", p.email)
                        }
                        out.field("referent", p.referent)
                        out.key("domains")
                        out.beginArray()
                        for d in p.domains { out.string(d.rawValue) }
                        out.endArray()
                        out.endObject()
                    }
                    out.endArray()
                    out.endObject()
                    writeLine(out.finish())
                case .table:
                    if people.isEmpty {
                        writeLine(l.pick("Personne ne correspond dans l'annuaire.", "Nobody in the directory matches."))
                        return
                    }
                    let contacts = policy.seesContacts
                    writeOut(TextTable.render(
                        header: [l.pick("Nom", "Name"), l.pick("Rôle", "Role"), l.pick("Commune", "Member")]
                            + (contacts ? [l.pick("Téléphone", "Phone"), l.pick("Courriel", "E-mail")] : [])
                            + [l.pick("Référent(e) en", "Referent for")],
                        rows: people.map { p in
                            [p.name, p.role.label(in: l), p.member.map { names[$0] ?? $0 } ?? "—"]
                                + (contacts ? [p.phone ?? "—", p.email ?? "—"] : [])
                                + [p.referent ? p.domains.map { $0.label(in: l) }.joined(separator: ", ") : ""]
                        }, rightAligned: []))
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ajoute (ou modifie, même --id) une personne de l'annuaire ; refusé en français si un champ est faux, rien n'est changé.")
        @Option(help: "Identifiant (par défaut : P- suivi d'un numéro libre).") var id: String?
        @Option(help: "Nom et prénom.") var name: String
        @Option(help: "maire, elu, secretaire ou agent.") var role: String
        @Option(help: "Code de la commune.") var member: String?
        @Option(help: "Code de l'agent (rôle agent).") var agent: String?
        @Option(help: "Téléphone.") var phone: String?
        @Option(help: "Courriel.") var email: String?
        @Option(help: "Domaines de la personne référente, séparés par des virgules (urbanisme,paie…).") var domains: String?
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                guard let personRole = PersonRole(rawValue: role.lowercased()) else {
                    throw CommandFailure(.invalidData, "--role : " + DataProblem.unknownValue(role, allowed: PersonRole.allCases.map(\.rawValue)).message(in: l))
                }
                var parsed: [ReferentDomain] = []
                for word in (domains ?? "").split(separator: ",") {
                    guard let d = ReferentDomain.find(String(word)) else {
                        throw CommandFailure(.invalidData, "--domains : " + DataProblem.unknownValue(String(word), allowed: ReferentDomain.allCases.map(\.rawValue)).message(in: l))
                    }
                    if !parsed.contains(d) { parsed.append(d) }
                }
                let database = try options.openDatabase()
                let existing = try database.loadTerritory()
                let code = id ?? Self.freeID(existing.people)
                let person = Person(id: code, name: name.trimmingSpaces(), role: personRole, member: member, agent: agent,
                                    phone: phone?.trimmingSpaces(), email: email?.trimmingSpaces(), referent: !parsed.isEmpty,
                                    domains: ReferentDomain.allCases.filter(parsed.contains))
                try database.save(Territory(service: existing.service, people: [person]))
                writeLine(l.pick("Annuaire : \(person.name) (\(code)) enregistré(e).", "Directory: \(person.name) (\(code)) saved."))
            }
        }

        static func freeID(_ people: [Person]) -> String {
            let used = Set(people.map(\.id))
            var n = people.count + 1
            while used.contains("P-\(n)") { n += 1 }
            return "P-\(n)"
        }
    }
}
