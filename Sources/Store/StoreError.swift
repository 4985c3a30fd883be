import Domain
import GRDB

/// A failure of the database itself, said in a way a coordinator can act on.
public enum StoreError: Error, Localized, Equatable {
    /// Another session held the database longer than the busy timeout.
    case busy
    /// The file is not a Relève database, is damaged, or cannot be opened.
    case unreadable(String)
    /// A constraint refused the write (the data would have been invalid).
    case constraint(String)
    /// The hours are in a month the coordinator closed.
    case monthClosed
    /// Anything else SQLite reported.
    case other(String)

    init(_ error: DatabaseError) {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
            self = .unreadable(error.message ?? "\(error.resultCode)")
        case .SQLITE_CONSTRAINT where error.message == "month closed": self = .monthClosed
        case .SQLITE_CONSTRAINT: self = .constraint(error.message ?? "constraint")
        default: self = .other(error.message ?? "\(error.resultCode)")
        }
    }

    public func message(in l: Language) -> String {
        switch self {
        case .busy:
            return l.pick("base de données occupée par une autre session depuis plus de 10 s : réessayez dans un instant",
                          "database busy in another session for more than 10 s: try again in a moment")
        case .unreadable(let detail):
            return l.pick("base de données illisible (\(detail)) : vérifiez le chemin (--db) et les droits du fichier",
                          "database unreadable (\(detail)): check the path (--db) and the file's permissions")
        case .constraint(let detail):
            return l.pick("écriture refusée par la base, rien n'a été modifié (\(detail))",
                          "write refused by the database, nothing was changed (\(detail))")
        case .monthClosed:
            return l.pick("mois clos : ses heures ne peuvent plus changer ; le coordinateur peut le rouvrir (releve hours reopen AAAA-MM)",
                          "month closed: its hours cannot change any more; the coordinator can reopen it (releve hours reopen YYYY-MM)")
        case .other(let detail):
            return l.pick("erreur de la base de données (\(detail))", "database error (\(detail))")
        }
    }
}
