import Domain
import Foundation
import GRDB

/// Why a user operation or a session was refused.
public enum AccessRefusal: Error, Localized, Equatable {
    /// Users are defined and this login is not one of them.
    case unknownLogin(String)
    /// The login is an observer: it reads only.
    case readOnly(String)
    case firstUserMustBeCoordinator
    case lastCoordinator(String)
    case notAUser(String)
    case invalidLogin(String)
    /// `--as LOGIN` from an account that does not own the data.
    case notDataOwner(login: String, path: String)

    public func message(in l: Language) -> String {
        switch self {
        case .unknownLogin(let login):
            return l.pick("utilisateur « \(TextExcerpt.short(login)) » inconnu de ce service : demandez au coordinateur de vous ajouter (releve user add \(TextExcerpt.short(login)) --role observer)",
                          "user \"\(TextExcerpt.short(login))\" unknown to this service: ask the coordinator to add you (releve user add \(TextExcerpt.short(login)) --role observer)")
        case .readOnly(let login):
            return l.pick("lecture seule : « \(TextExcerpt.short(login)) » est observateur, rien n'a été modifié",
                          "read-only: \"\(TextExcerpt.short(login))\" is an observer, nothing was changed")
        case .firstUserMustBeCoordinator:
            return l.pick("le premier utilisateur déclaré doit être coordinateur (--role coordinator), sinon plus personne ne pourrait rien modifier",
                          "the first user must be a coordinator (--role coordinator), or no one could change anything any more")
        case .lastCoordinator(let login):
            return l.pick("« \(TextExcerpt.short(login)) » est le dernier coordinateur : ajoutez-en un autre avant de le retirer",
                          "\"\(TextExcerpt.short(login))\" is the last coordinator: add another one before removing it")
        case .notAUser(let login):
            return l.pick("« \(TextExcerpt.short(login)) » n'est pas un utilisateur déclaré (releve user list)", "\"\(TextExcerpt.short(login))\" is not a declared user (releve user list)")
        case .notDataOwner(let login, let path):
            return l.pick("--as \(login) refusé : seul le compte propriétaire des données (\(path)) peut agir au nom d'un autre utilisateur, par la commande forcée de sa clé SSH",
                          "--as \(login) refused: only the account that owns the data (\(path)) may act as another user, through its SSH key's forced command")
        case .invalidLogin(let login):
            return l.pick("identifiant « \(TextExcerpt.short(login)) » invalide : de 1 à 32 lettres, chiffres, points, tirets ou soulignés",
                          "invalid login \"\(TextExcerpt.short(login))\": 1 to 32 letters, digits, dots, dashes or underscores")
        }
    }
}

/// What a login may do on this database.
public enum Access: Sendable, Equatable {
    /// No user is declared yet: everyone is coordinator.
    case open
    case granted(UserRole)
}

extension AppDatabase {
    /// The Unix login running this process (from the system, not from the environment).
    public static func currentLogin() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid\(geteuid())"
    }

    /// Refuses `--as` unless this process runs as the Unix account that owns the database (its
    /// file, or the directory it will be created in): then it is the forced command of that
    /// account's `authorized_keys`, or the owner itself. Anyone else could name any login.
    public static func requireDataOwner(path: String, for login: String) throws {
        var info = stat()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let probe = stat(path, &info) == 0 ? path : directory
        guard probe == path || stat(directory, &info) == 0, info.st_uid == geteuid() else {
            throw AccessRefusal.notDataOwner(login: login, path: probe)
        }
    }

    /// What this session may read: an observer's (read-only) session never gets private fields.
    public var readPolicy: ReadPolicy { ReadPolicy(isReadOnly ? .observer : .coordinator) }

    /// Declared users and their roles, by login.
    public func users() throws -> [(login: String, role: UserRole)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT login, role FROM app_user ORDER BY login").map {
                (login: $0["login"], role: UserRole(rawValue: $0["role"]) ?? .observer)
            }
        }
    }

    /// What `login` may do; throws `AccessRefusal.unknownLogin` once users are declared and it is not one.
    public func access(for login: String) throws -> Access {
        try read { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0 > 0 else { return .open }
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM app_user WHERE login = ?", arguments: [login])
                .flatMap(UserRole.init) else { throw AccessRefusal.unknownLogin(login) }
            return .granted(role)
        }
    }

    /// Declares `login` with `role` (or changes its role). The first user must be a coordinator;
    /// the last coordinator cannot become an observer.
    public func setUser(_ login: String, role: UserRole) throws {
        guard !login.isEmpty, login.count <= TextSafety.loginLimit, login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw AccessRefusal.invalidLogin(login)
        }
        try write { db in
            let coordinators = try String.fetchAll(db, sql: "SELECT login FROM app_user WHERE role = 'coordinator'")
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0
            if count == 0 && role != .coordinator { throw AccessRefusal.firstUserMustBeCoordinator }
            if role != .coordinator && coordinators == [login] { throw AccessRefusal.lastCoordinator(login) }
            try db.execute(sql: "INSERT INTO app_user (login, role) VALUES (?, ?) ON CONFLICT (login) DO UPDATE SET role = excluded.role",
                           arguments: [login, role.rawValue])
        }
    }

    /// Removes a declared user, never the last coordinator while others remain.
    public func removeUser(_ login: String) throws {
        try write { db in
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM app_user WHERE login = ?", arguments: [login]) else {
                throw AccessRefusal.notAUser(login)
            }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user") ?? 0
            let coordinators = try Int.fetchOne(db, sql: "SELECT count(*) FROM app_user WHERE role = 'coordinator'") ?? 0
            if role == UserRole.coordinator.rawValue && coordinators == 1 && total > 1 { throw AccessRefusal.lastCoordinator(login) }
            try db.execute(sql: "DELETE FROM app_user WHERE login = ?", arguments: [login])
        }
    }
}
