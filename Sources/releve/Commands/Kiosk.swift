import ArgumentParser
import Domain
import Foundation
import Store
import TUI

/// `releve kiosk`: the shared terminal where secretaries sign in with their code and PIN and
/// log their own hours. It never quits on its own: only Ctrl-C, SIGTERM or SIGHUP end it.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Poste partagé des secrétaires : connexion par code et PIN, saisie de ses propres heures.")

    @Option(help: "Secondes sans activité avant la déconnexion automatique.") var idle: Int = 120
    @OptionGroup var interface: InterfaceOptions
    @OptionGroup var options: CommonOptions

    func run() throws {
        try options.reporting { l in
            guard idle >= 5, idle <= 86_400 else {
                throw CommandFailure(.usage, l.pick("--idle : entre 5 et 86400 secondes", "--idle: between 5 and 86400 seconds"))
            }
            guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
                throw CommandFailure(.usage, l.pick("le poste partagé a besoin d'un terminal", "the shared terminal needs a terminal"))
            }
            let today = try OptionValue.optionalDate(interface.today, option: "--today") ?? Clock.today()
            var theme: Theme
            do {
                theme = try ThemeLoader.load(named: interface.theme ?? Interface.configuredTheme() ?? "default",
                                             from: Interface.themeDirectories())
            } catch ThemeLoader.Failure.notFound(let name) {
                throw CommandFailure(.usage, l.pick("thème « \(name) » introuvable (cherché dans Themes/)",
                                                    "theme \"\(name)\" not found (looked in Themes/)"))
            }
            let database = try options.openDatabase(checkingUser: false)
            let noColor = interface.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
            let source = DatabaseKioskSource(database, language: l, today: interface.today == nil ? nil : today)
            let terminal = CursesTerminal(color: !noColor, lockedDown: true)
            defer { terminal.close() }
            theme.usesColor = terminal.supportsColor
            let state = KioskState(width: terminal.size.width, height: terminal.size.height, today: today, language: l,
                                   idleSeconds: Double(idle))
            KioskProgram(backend: terminal, data: source, state: state, theme: theme, background: true).run()
        }
    }
}

/// The kiosk's data over the database. It keeps who is signed in and answers for her only;
/// the audit trail names her (`agent:CODE`) while she is.
final class DatabaseKioskSource: KioskDataSource {
    let database: AppDatabase
    let language: Language
    /// The session's own actor, put back at sign-out.
    let sessionActor: String
    private(set) var agent: String?
    /// The day pinned by `--today`, else the clock's, for the warnings about future days.
    let pinnedToday: CalendarDate?

    init(_ database: AppDatabase, language: Language, today: CalendarDate? = nil) {
        self.database = database
        self.language = language
        pinnedToday = today
        sessionActor = database.actor
    }

    func checkCode(_ code: String) -> KioskCodeCheck {
        let l = language
        do {
            guard let known = try database.agentCode(matching: code) else {
                return .refused(message: l.pick("Code agent inconnu : \(code).", "Unknown agent code: \(code)."))
            }
            if !known.hasPIN {
                return .refused(message: PINCheck.noPIN.message(in: l))
            }
            return .known(code: known.code)
        } catch {
            return .refused(message: ErrorText.sentence(error, l))
        }
    }

    func signIn(code: String, pin: String) -> KioskSignIn {
        let l = language
        do {
            let check = try database.checkPIN(pin, agent: code, now: Date())
            switch check {
            case .accepted(let name):
                agent = code
                database.setActor("agent:\(code)")
                return .accepted(code: code, name: name)
            case .unknownAgent:
                return .refused(message: l.pick("Code agent inconnu : \(code).", "Unknown agent code: \(code)."), retypeCode: true)
            case .noPIN:
                return .refused(message: check.message(in: l), retypeCode: true)
            case .wrong, .locked:
                return .refused(message: check.message(in: l), retypeCode: false)
            }
        } catch {
            return .refused(message: ErrorText.sentence(error, l), retypeCode: false)
        }
    }

    func signOut() {
        agent = nil
        database.setActor(sessionActor)
    }

    /// Refuses everything while nobody is signed in (a late effect after an idle sign-out).
    private func signedIn() throws -> String {
        guard let agent else { throw KioskRefusal.signedOut }
        return agent
    }

    func load(weekStart: CalendarDate, from: CalendarDate, to: CalendarDate) throws -> KioskData {
        let agent = try signedIn()
        let days = try database.plannedDays(agent: agent, from: weekStart, to: weekStart.adding(days: 6)) ?? []
        let members = try database.memberNames().map { KioskMember(code: $0.code, name: $0.name) }
        let names = Dictionary(members.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let entries = try database.ownTimeEntries(agent: agent, from: from, to: to).map { v in
            KioskEntry(id: v.entry.id ?? 0, date: v.entry.date, member: v.entry.member, memberName: names[v.entry.member] ?? v.entry.member,
                       minutes: v.entry.minutes, request: v.entry.request, validated: v.entry.validated, version: v.version)
        }
        return KioskData(
            days: days.map { day in
                KioskDay(date: day.date, holiday: day.holiday, absent: day.absent, work: day.work.map {
                    KioskWork(member: $0.member, memberName: $0.memberName, minutes: $0.minutes, request: $0.request, time: $0.time, half: $0.half)
                })
            },
            entries: entries, members: members)
    }

    /// Field names of the kiosk's form in messages (where `releve hours log` names its options).
    private var location: @Sendable (String) -> String {
        let l = language
        return { field in
            switch field {
            case "member": return l.pick("Commune", "Member")
            case "hours": return l.pick("Heures", "Hours")
            case "date": return "Date"
            case "request": return "Mission"
            default: return l.pick("Agent", "Agent")
            }
        }
    }

    func log(_ draft: KioskDraft) throws -> String {
        let agent = try signedIn()
        let stored = try database.logHours(TimeEntry(agent: agent, member: draft.member, date: draft.date, minutes: draft.minutes,
                                                     request: draft.request), location: location)
        // The same warnings as `releve hours log` (holiday, weekend, absence, future day), never a motive.
        let warnings = HoursWarnings.check(stored, territory: try database.warningContext(agent: agent, members: [stored.member]),
                                           today: pinnedToday ?? Clock.today(), language: language,
                                           day: try database.dayAtMember(agent: agent, member: stored.member, date: stored.date))
        return language.pick("Enregistré (n° \(stored.id ?? 0)) : \(DurationText.format(draft.minutes)) le \(DisplayFormat(language).date(draft.date)).",
                             "Recorded (no. \(stored.id ?? 0)): \(DurationText.format(draft.minutes)) on \(DisplayFormat(language).date(draft.date)).")
            + (warnings.isEmpty ? "" : language.pick(" Attention : ", " Warning: ") + warnings.joined(separator: " ; ") + ".")
    }

    func update(_ original: KioskEntry, _ draft: KioskDraft) throws -> String {
        let agent = try signedIn()
        let id = original.id
        _ = try database.updateOwnHours(TimeEntry(id: id, agent: agent, member: draft.member, date: draft.date, minutes: draft.minutes,
                                                  request: draft.request), agent: agent, read: read(original, agent), location: location)
        return language.pick("Saisie n° \(id) corrigée : \(DurationText.format(draft.minutes)) le \(DisplayFormat(language).date(draft.date)).",
                             "Entry no. \(id) corrected: \(DurationText.format(draft.minutes)) on \(DisplayFormat(language).date(draft.date)).")
    }

    func delete(_ original: KioskEntry) throws -> String {
        let agent = try signedIn()
        try database.deleteOwnHours(read(original, agent), agent: agent)
        return language.pick("Saisie n° \(original.id) supprimée.", "Entry no. \(original.id) deleted.")
    }

    /// The entry as her screen showed it, for the store to claim.
    private func read(_ entry: KioskEntry, _ agent: String) -> ReadRecord {
        .timeEntry(TimeEntry(id: entry.id, agent: agent, member: entry.member, date: entry.date, minutes: entry.minutes,
                             request: entry.request, validated: entry.validated),
                   version: entry.version, memberName: entry.memberName)
    }

    func changeToken() throws -> Int { try database.changeToken() }
}

/// Why the kiosk refused a read or write.
enum KioskRefusal: Error, Localized {
    case signedOut

    func message(in l: Language) -> String {
        l.pick("session fermée : reconnectez-vous", "signed out: sign in again")
    }
}
