/// The lines of an OpenSSH `authorized_keys` file that give each person of the service the
/// interface under their own login, and nothing else (issue 10): several people reach one
/// dedicated Unix account that owns the data, each by a forced command, the way gitolite
/// serves git:
///
///     command="/usr/local/bin/releve --db '/srv/releve/releve.sqlite' --as alice",restrict ssh-ed25519 AAAA… releve:alice
///
/// `restrict` turns off port, agent and X11 forwarding and the pty-less tricks; sshd runs the
/// forced command whatever the client asked (the request goes, unexecuted, to
/// `SSH_ORIGINAL_COMMAND`, which Relève never reads). The comment `releve:LOGIN` marks the lines
/// Relève manages, so that `releve user remove` takes out exactly those.
public enum AuthorizedKeys {
    /// A public key as found in a `.pub` file: its type, its base64 body and its comment.
    public struct PublicKey: Sendable, Equatable {
        public var type: String
        public var body: String
        public var comment: String

        public init(type: String, body: String, comment: String) {
            self.type = type
            self.body = body
            self.comment = comment
        }
    }

    public enum Problem: Error, Sendable, Equatable, Localized {
        case empty
        case privateKey
        case notOneKey(Int)
        case unknownType(String)
        case badBody
        case hasOptions
        case unsafePath(String)
        case keyTakenBy(String)

        public func message(in l: Language) -> String {
            switch self {
            case .empty:
                return l.pick("le fichier de clé est vide : donnez la clé publique (fichier .pub)",
                              "the key file is empty: give the public key (.pub file)")
            case .privateKey:
                return l.pick("ce fichier est une clé PRIVÉE : donnez la clé publique (le fichier .pub), et ne transmettez jamais la clé privée",
                              "this file is a PRIVATE key: give the public key (the .pub file), and never pass the private key around")
            case .notOneKey(let count):
                return l.pick("le fichier de clé doit contenir exactement une clé publique (il en contient \(count))",
                              "the key file must hold exactly one public key (it holds \(count))")
            case .unknownType(let type):
                return l.pick("type de clé « \(TextExcerpt.short(type)) » inconnu : ssh-ed25519, ssh-rsa, ecdsa-sha2-… ou sk-…",
                              "unknown key type \"\(TextExcerpt.short(type))\": ssh-ed25519, ssh-rsa, ecdsa-sha2-… or sk-…")
            case .badBody:
                return l.pick("le corps de la clé publique n'est pas du base64 valable",
                              "the public key's body is not valid base64")
            case .hasOptions:
                return l.pick("la ligne de clé porte déjà des options (command=, from=…) : donnez la clé publique seule",
                              "the key line already carries options (command=, from=…): give the bare public key")
            case .unsafePath(let path):
                return l.pick("le chemin « \(TextExcerpt.short(path)) » contient une apostrophe, un guillemet, une barre oblique inverse ou un caractère de contrôle : il ne peut pas aller dans une commande forcée",
                              "the path \"\(TextExcerpt.short(path))\" holds a quote, a backslash or a control character: it cannot go into a forced command")
            case .keyTakenBy(let login):
                return l.pick("cette clé est déjà celle de « \(login) » : une clé ne sert qu'à une personne (releve user remove \(login) d'abord)",
                              "this key already belongs to \"\(login)\": one key serves one person (releve user remove \(login) first)")
            }
        }
    }

    static let knownTypes: Set<String> = [
        "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
    ]

    /// Reads the one public key of a `.pub` file (blank lines and `#` comments ignored).
    public static func parsePublicKey(_ text: String) throws(Problem) -> PublicKey {
        if text.contains("PRIVATE KEY") { throw .privateKey }
        let lines = text.split(whereSeparator: \.isNewline)
            .map { line in String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard !lines.isEmpty else { throw .empty }
        guard lines.count == 1 else { throw .notOneKey(lines.count) }
        let fields = lines[0].split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard let type = fields.first else { throw .empty }
        guard knownTypes.contains(type) else {
            if type.contains("=") || type.contains("\"") || type == "restrict" { throw .hasOptions }
            throw .unknownType(type)
        }
        guard fields.count >= 2, isBase64(fields[1]) else { throw .badBody }
        return PublicKey(type: type, body: fields[1], comment: fields.count > 2 ? fields[2] : "")
    }

    static func isBase64(_ text: String) -> Bool {
        !text.isEmpty && text.count % 4 == 0
            && text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSetLike.base64.contains($0)) }
    }

    /// The forced command that opens Relève's interface as `login` on `database`.
    public static func forcedCommand(executable: String, database: String, login: String) throws(Problem) -> String {
        for path in [executable, database] where path.contains(where: { "'\"\\".contains($0) }) || TextSafety.containsControl(path) {
            throw .unsafePath(path)
        }
        return "\(executable) --db '\(database)' --as \(login)"
    }

    /// The whole line for `login`.
    public static func line(for login: String, key: PublicKey, command: String) -> String {
        "command=\"\(command)\",restrict \(key.type) \(key.body) \(marker(login))"
    }

    static func marker(_ login: String) -> String { "releve:\(login)" }

    /// The login a line managed by Relève serves, if it is one.
    public static func login(ofLine line: Substring) -> String? {
        guard line.hasPrefix("command=\""), let last = line.split(separator: " ").last, last.hasPrefix("releve:") else { return nil }
        return String(last.dropFirst("releve:".count))
    }

    /// The file with `login`'s line put in (replacing that login's earlier line, other lines kept
    /// as they are). The same key already serving another login is refused.
    public static func adding(_ line: String, login: String, key: PublicKey, to file: String) throws(Problem) -> String {
        var kept: [Substring] = []
        for existing in file.split(separator: "\n", omittingEmptySubsequences: false) {
            if let other = Self.login(ofLine: existing) {
                if other == login { continue }
                if existing.contains(" \(key.type) \(key.body) ") { throw .keyTakenBy(other) }
            }
            kept.append(existing)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return (kept + [Substring(line)]).joined(separator: "\n") + "\n"
    }

    /// The file without `login`'s lines, and how many were taken out.
    public static func removing(login: String, from file: String) -> (file: String, removed: Int) {
        var removed = 0
        var kept: [Substring] = []
        for existing in file.split(separator: "\n", omittingEmptySubsequences: false) {
            if Self.login(ofLine: existing) == login { removed += 1; continue }
            kept.append(existing)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        return (kept.isEmpty ? "" : kept.joined(separator: "\n") + "\n", removed)
    }
}

private enum CharacterSetLike {
    static let base64: Set<Unicode.Scalar> = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=".unicodeScalars)
}

