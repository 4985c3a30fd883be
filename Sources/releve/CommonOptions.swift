import ArgumentParser
import Domain
import Foundation
import Logging
import Store

/// Options every command takes after its own name: the database and the language.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Fichier de base de données (sinon $RELEVE_DB, sinon ~/.local/share/releve/releve.sqlite).")
    var db: String?

    @Option(name: .long, help: "Langue des messages : fr ou en.")
    var lang: Language = .fr

    /// The declared user this session acts as. Honoured only for the account that owns the data
    /// (the forced command of an `authorized_keys` line written by `releve user add --key`).
    @Option(name: .customLong("as"), help: "Agir comme cet utilisateur déclaré (réservé au compte propriétaire des données : commande forcée SSH).")
    var asLogin: String?

    /// `--db`, else `$RELEVE_DB`, else `$XDG_DATA_HOME/releve/releve.sqlite`.
    func databasePath() throws -> String {
        let env = ProcessInfo.processInfo.environment
        if let db {
            guard !db.isEmpty, !db.contains("\u{0}") else {
                throw CommandFailure(.usage, lang.pick("--db : chemin vide : indiquez le fichier de la base", "--db: empty path: give the database file"))
            }
            return db
        }
        if let path = env["RELEVE_DB"], !path.isEmpty { return path }
        let dataHome = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"].map { "\($0)/.local/share" } ?? ".")
        return "\(dataHome)/releve/releve.sqlite"
    }

    /// Opens the database; a file that did not exist is created and migrated (cli.md), and
    /// stderr says so, so that a mistyped `--db` does not go unnoticed.
    /// Once users are declared (`releve user add`), the Unix login must be one of them: an
    /// observer's session is read-only. The kiosk skips this (secretaries sign in with a PIN).
    /// `announcingNew` false: a command whose point is to create the database (`demo`) says so itself.
    func openDatabase(checkingUser: Bool = true, announcingNew: Bool = true) throws -> AppDatabase {
        let path = try databasePath()
        try Self.requireDatabaseFile(path, language: lang)
        if let asLogin { try AppDatabase.requireDataOwner(path: path, for: asLogin) }
        let existed = FileManager.default.fileExists(atPath: path)
        let database = try AppDatabase.open(path: path)
        if !existed && announcingNew {
            writeError(lang.pick("releve : base neuve créée : \(path)\n", "releve: new database created: \(path)\n"))
        }
        if let asLogin {
            guard case .granted(let role) = try database.access(for: asLogin) else { throw AccessRefusal.unknownLogin(asLogin) }
            database.setActor(asLogin)
            database.setReadOnly(role == .observer)
        } else if checkingUser, case .granted(.observer) = try database.access(for: AppDatabase.currentLogin()) {
            database.setReadOnly(true)
        }
        return database
    }

    /// Refuses, before SQLite sees it, a database path that is a folder, a device, a pipe or a
    /// socket (SQLite would hang on a FIFO or fail obscurely), or whose folder is not a folder.
    static func requireDatabaseFile(_ path: String, language l: Language) throws {
        var info = stat()
        if stat(path, &info) == 0 {
            let kind: String?
            switch info.st_mode & S_IFMT {
            case S_IFREG: kind = nil
            case S_IFDIR: kind = l.pick("un dossier", "a folder")
            case S_IFIFO: kind = l.pick("un tube nommé (FIFO)", "a named pipe (FIFO)")
            case S_IFCHR, S_IFBLK: kind = l.pick("un périphérique", "a device")
            case S_IFSOCK: kind = l.pick("une socket", "a socket")
            default: kind = l.pick("un fichier spécial", "a special file")
            }
            if let kind {
                throw CommandFailure(.unavailable, l.pick("base « \(TextExcerpt.short(path, limit: 120)) » : c'est \(kind), pas un fichier de base de données",
                                                          "database \"\(TextExcerpt.short(path, limit: 120))\": it is \(kind), not a database file"))
            }
            return
        }
        // A new database: every existing ancestor must be a folder (createDirectory would say less).
        // Standardised first (`..` removed), and bounded: climbing `a/..` never ends otherwise.
        var ancestor = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        var steps = 0
        while stat(ancestor.path, &info) != 0 && ancestor.path != "/" && steps < 4096 {
            ancestor.deleteLastPathComponent()
            steps += 1
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            throw CommandFailure(.cannotCreate, l.pick("base « \(TextExcerpt.short(path, limit: 120)) » : « \(ancestor.path) » n'est pas un dossier",
                                                       "database \"\(TextExcerpt.short(path, limit: 120))\": \"\(ancestor.path)\" is not a folder"))
        }
        // The nearest existing folder must let this account create what is missing below it.
        if access(ancestor.path, W_OK | X_OK) != 0 {
            throw CommandFailure(.cannotCreate, l.pick(
                "base « \(TextExcerpt.short(path, limit: 120)) » : impossible de la créer, le dossier « \(ancestor.path) » n'est pas accessible en écriture pour ce compte",
                "database \"\(TextExcerpt.short(path, limit: 120))\": cannot create it, the folder \"\(ancestor.path)\" is not writable for this account"))
        }
    }

    /// What this session's role may read (Domain's `ReadPolicy`): an observer's database is read-only.
    func policy(_ database: AppDatabase) -> ReadPolicy { database.readPolicy }

    /// Refuses a whole copy of the data (export, backup) to anyone but the coordinator (exit 77).
    func requireWholeCopy(_ database: AppDatabase, what: String) throws {
        guard policy(database).may(.wholeCopy) else {
            throw CommandFailure(.noPermission, ReadPolicy.wholeCopyRefusal(what, lang))
        }
    }

    /// Runs a command body, turning every failure into one line on stderr and the
    /// documented exit code (65 invalid data, 69 busy or unreadable, 70 internal).
    func reporting(_ body: (Language) throws -> Void) throws {
        Logs.bootstrap()
        do {
            try body(lang)
        } catch let exit as ExitCode {
            throw exit
        } catch let failure as CommandFailure {
            throw failure.report(lang)
        } catch let error as InvalidTerritory {
            throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
        } catch let error as StoreError {
            switch error {
            case .busy, .unreadable: throw CommandFailure(.unavailable, error.message(in: lang)).report(lang)
            case .constraint, .monthClosed: throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
            case .other: throw CommandFailure(.internal, error.message(in: lang)).report(lang)
            }
        } catch let error as AccessRefusal {
            switch error {
            case .unknownLogin, .readOnly, .notDataOwner: throw CommandFailure(.noPermission, error.message(in: lang)).report(lang)
            default: throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
            }
        } catch let error as ValidationRefusal {
            throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
        } catch let error as InvoiceRefusal {
            throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
        } catch let error as InstallationKeyProblem {
            throw CommandFailure(.unavailable, error.message(in: lang)).report(lang)
        } catch let error as OutputRefusal {
            throw CommandFailure(error.isIOError ? .ioError : .cannotCreate, error.message(in: lang)).report(lang)
        } catch let error as AuthorizedKeys.Problem {
            throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
        } catch let error as BillingScopeRefusal {
            throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
        } catch let error as ConventionRefusal {
            throw CommandFailure(.invalidData, error.message(in: lang)).report(lang)
        } catch {
            throw CommandFailure(.internal, lang.pick("erreur interne : \(error)", "internal error: \(error)")).report(lang)
        }
    }
}

extension Language: ExpressibleByArgument {}

/// A failure with its exit code (cli.md): the message is printed on stderr, in one line.
struct CommandFailure: Error {
    enum Code: Int32 {
        case usage = 64
        case invalidData = 65
        case unavailable = 69
        case `internal` = 70
        /// A file that cannot be created (sysexits' EX_CANTCREAT).
        case cannotCreate = 73
        /// A write that failed on the way, a full disk (sysexits' EX_IOERR).
        case ioError = 74
        /// An unknown login, or an observer trying to change something (sysexits' EX_NOPERM).
        case noPermission = 77
    }

    let code: Code
    let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    func report(_ language: Language) -> ExitCode {
        let prefix = language.pick("releve : erreur : ", "releve: error: ")
        writeError((prefix + message.replacingOccurrences(of: "\n", with: " ") + "\n"))
        return ExitCode(code.rawValue)
    }
}

/// Logs go to stderr; `RELEVE_LOG=debug|info|warning` sets the level (warning by default).
enum Logs {
    private static let once: Void = {
        let level = ProcessInfo.processInfo.environment["RELEVE_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }()

    static func bootstrap() { _ = once }

    static let main = Logger(label: "releve")
}

/// Reading a date or a duration from an option, with a French message naming the option.
enum OptionValue {
    static func date(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate.parseUserInput(text) else {
            throw InvalidTerritory([DataError(option, .invalidUserDate(text))])
        }
        return date
    }

    static func optionalDate(_ text: String?, option: String) throws -> CalendarDate? {
        try text.map { try date($0, option: option) }
    }

    /// An amount typed with a decimal comma or point (`250,00`, `250.5`, `1 050`), in cents; a
    /// leading minus is kept, for the refusal to name the amount.
    static func money(_ text: String, option: String, language: Language) throws -> Int {
        let trimmed = text.trimmingSpaces()
        let negative = trimmed.hasPrefix("-")
        guard let cents = MoneyText.parseUserInput(negative ? String(trimmed.dropFirst()) : trimmed) else {
            throw CommandFailure(.invalidData, language.pick(
                "\(option) : montant « \(text) » invalide : écrivez par exemple 250,00 ou 250.00",
                "\(option): invalid amount \"\(text)\": write for instance 250.00 or 250,00"))
        }
        return negative ? -cents : cents
    }
}

/// Output formats of listing commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case table
}

/// A line on standard output.
func writeLine(_ text: String) { writeOut(text + "\n") }

/// Text on standard error, control characters neutralised (a name from the data never reaches
/// the terminal raw), quoted input cut to a short excerpt.
func writeError(_ text: String) {
    let safe = TextSafety.neutralised(QuotedInput.shortened(text), keeping: ["\n", "\t"])
    FileHandle.standardError.write(Data(safe.utf8))
}

/// Messages quote what the user typed between « » or ' ': a long quotation (100 KB of input)
/// is cut to its first 40 characters.
enum QuotedInput {
    static func shortened(_ message: String) -> String {
        guard message.count > 200 else { return message }
        var out = message
        for (open, close) in [("«\u{a0}", "\u{a0}»"), ("« ", " »"), ("'", "'"), ("\"", "\"")] {
            var searchFrom = out.startIndex
            while let start = out.range(of: open, range: searchFrom..<out.endIndex),
                  let end = out.range(of: close, range: start.upperBound..<out.endIndex) {
                let inner = String(out[start.upperBound..<end.lowerBound])
                let short = inner.count > 60 ? TextExcerpt.short(inner) : inner
                out.replaceSubrange(start.upperBound..<end.lowerBound, with: short)
                guard let next = out.range(of: close, range: start.upperBound..<out.endIndex) else { break }
                searchFrom = next.upperBound
            }
        }
        return out.count > 2000 ? String(out.prefix(2000)) + "…" : out
    }
}

/// Writes text to standard output, control characters neutralised (but line breaks, tabs and
/// the CSV's CR). A write that fails (a full disk behind a
/// redirection, a closed pipe) ends the command with one French line and exit 74.
func writeOut(_ text: String) {
    let bytes = Array(TextSafety.neutralised(text, keeping: ["\n", "\t", "\r"]).utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else {
            let reason = errno == ENOSPC ? "disque plein (ENOSPC)" : String(cString: strerror(errno))
            writeError("releve : erreur : écriture sur la sortie standard impossible : \(reason)\n")
            exit(CommandFailure.Code.ioError.rawValue)
        }
        offset += n
    }
}

/// `--force`: replace an existing file.
struct ForceOption: ParsableArguments {
    @Flag(help: "Remplace le fichier s'il existe déjà.") var force = false
}
