import Domain
import Testing

@Suite("authorized_keys lines (issue 10)")
struct AuthorizedKeysTests {
    static let body = "AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f"

    @Test func aPublicKeyIsReadWithItsTypeBodyAndComment() throws {
        let key = try AuthorizedKeys.parsePublicKey("# ma clé\n\nssh-ed25519 \(Self.body) alice@portable\n")
        #expect(key == AuthorizedKeys.PublicKey(type: "ssh-ed25519", body: Self.body, comment: "alice@portable"))
    }

    @Test(arguments: [
        ("", AuthorizedKeys.Problem.empty),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n-----END OPENSSH PRIVATE KEY-----", .privateKey),
        ("ssh-ed25519 \(body) a\nssh-ed25519 \(body) b", .notOneKey(2)),
        ("command=\"sh\" ssh-ed25519 \(body)", .hasOptions),
        ("ssh-dss \(body)", .unknownType("ssh-dss")),
        ("ssh-ed25519 not*base64", .badBody),
        ("ssh-ed25519", .badBody),
    ])
    func whatIsNotOnePublicKeyIsRefused(text: String, problem: AuthorizedKeys.Problem) {
        #expect(throws: problem) { try AuthorizedKeys.parsePublicKey(text) }
    }

    @Test func theForcedCommandQuotesThePathAndRefusesWhatCouldBreakOut() throws {
        #expect(try AuthorizedKeys.forcedCommand(executable: "/usr/local/bin/releve", database: "/srv/releve/releve.sqlite", login: "alice")
                == "/usr/local/bin/releve --db '/srv/releve/releve.sqlite' --as alice")
        for path in ["/srv/it's.sqlite", "/srv/a\".sqlite", "/srv/a\\b", "/srv/a\nb"] {
            #expect(throws: AuthorizedKeys.Problem.unsafePath(path)) {
                try AuthorizedKeys.forcedCommand(executable: "/usr/bin/releve", database: path, login: "alice")
            }
        }
    }

    @Test func linesAreAddedReplacedAndRemovedByLoginOthersKept() throws {
        let key = try AuthorizedKeys.parsePublicKey("ssh-ed25519 \(Self.body) x")
        let line = AuthorizedKeys.line(for: "alice", key: key, command: "/r --as alice")
        #expect(line == "command=\"/r --as alice\",restrict ssh-ed25519 \(Self.body) releve:alice")
        let own = "ssh-rsa AAAA admin\n"
        let once = try AuthorizedKeys.adding(line, login: "alice", key: key, to: own)
        #expect(once == own + line + "\n")
        #expect(try AuthorizedKeys.adding(line, login: "alice", key: key, to: once) == once)
        #expect(throws: AuthorizedKeys.Problem.keyTakenBy("alice")) {
            try AuthorizedKeys.adding(AuthorizedKeys.line(for: "bob", key: key, command: "/r --as bob"), login: "bob", key: key, to: once)
        }
        let removed = AuthorizedKeys.removing(login: "alice", from: once)
        #expect(removed.file == own && removed.removed == 1)
        #expect(AuthorizedKeys.removing(login: "bob", from: once).removed == 0)
    }
}
