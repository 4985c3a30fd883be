import ArgumentParser
import Domain
import Foundation
import Store

/// `releve agent set-pin|unlock`: the PINs agents sign in with at the kiosk.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "PIN des agents pour le poste partagé (releve kiosk).",
        subcommands: [SetPIN.self, Unlock.self])

    /// `releve agent set-pin CODE`: the PIN is read from standard input, never from the command
    /// line (it would stay in the shell's history and in `ps`); asked twice without echo on a terminal.
    struct SetPIN: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-pin",
            abstract: "Définit le PIN d'un agent, lu sur l'entrée standard (demandé deux fois sur un terminal).")

        @Argument(help: "Code de l'agent.") var agent: String
        /// Anything more is refused without being repeated: it would be a PIN typed on the command line.
        @Argument(parsing: .allUnrecognized, help: .hidden) var extra: [String] = []
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                guard extra.isEmpty else {
                    throw CommandFailure(.usage, l.pick(
                        "le PIN ne se donne jamais sur la ligne de commande (il resterait dans l'historique) : lancez « releve agent set-pin \(agent) » et tapez-le quand il est demandé, ou envoyez-le sur l'entrée standard",
                        "the PIN is never given on the command line (it would stay in the history): run \"releve agent set-pin \(agent)\" and type it when asked, or send it on standard input"))
                }
                let database = try options.openDatabase()
                // The code as the kiosk reads it: case ignored.
                guard let code = try database.agentCode(matching: agent)?.code else {
                    throw CommandFailure(.invalidData, PINRefusal.unknownAgent(agent).message(in: l))
                }
                let pin = try PINInput.read(l)
                do {
                    try database.setPIN(pin, agent: code, now: Date())
                } catch let refusal as PINRefusal {
                    throw CommandFailure(.invalidData, refusal.message(in: l))
                }
                let name = try database.names().agents[code].map { "\($0) (\(code))" } ?? code
                writeLine(l.pick("PIN \(DisplayFormat.de(name)) enregistré.", "PIN of \(name) saved."))
            }
        }
    }

    /// `releve agent unlock CODE`: the coordinator lifts a lock after too many wrong PINs.
    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Débloque un agent après trop de PIN erronés (le PIN reste le même).")

        @Argument(help: "Code de l'agent.") var agent: String
        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.reporting { l in
                let database = try options.openDatabase()
                do {
                    try database.unlockPIN(agent: agent)
                } catch let refusal as PINRefusal {
                    throw CommandFailure(.invalidData, refusal.message(in: l))
                }
                writeLine(l.pick("Agent \(agent) débloqué.", "Agent \(agent) unlocked."))
            }
        }
    }
}

/// Reading a PIN: one line of standard input, or on a terminal twice without echo.
enum PINInput {
    static func read(_ l: Language) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure(.usage, l.pick("aucun PIN sur l'entrée standard", "no PIN on standard input"))
            }
            return try checked(line.trimmingSpaces(), l)
        }
        let first = try checked(prompt(l.pick("Nouveau PIN (4 à 12 chiffres) : ", "New PIN (4 to 12 digits): ")), l)
        let second = prompt(l.pick("Confirmez le PIN : ", "Confirm the PIN: "))
        guard first == second else {
            throw CommandFailure(.invalidData, l.pick("les deux PIN diffèrent : rien n'a changé", "the two PINs differ: nothing changed"))
        }
        return first
    }

    static func checked(_ pin: String, _ l: Language) throws -> String {
        guard AgentPIN.isWellFormed(pin) else { throw CommandFailure(.invalidData, PINRefusal.malformed.message(in: l)) }
        return pin
    }

    /// Asks on stderr and reads a line from the terminal with echo off, then puts echo back.
    static func prompt(_ text: String) -> String {
        writeError(text)
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        }
        let line = readLine(strippingNewline: true) ?? ""
        if canHide { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
        writeError("\n")
        return line.trimmingSpaces()
    }
}
