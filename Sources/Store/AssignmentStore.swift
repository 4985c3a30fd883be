import Domain
import GRDB

/// Why an assignment by hand was refused; nothing was written.
public enum AssignmentRefusal: Error, Hashable, Sendable, Localized {
    case unknownRequest(String)
    case unknownAgent(String)

    public func message(in l: Language) -> String {
        switch self {
        case .unknownRequest(let id):
            return l.pick("demande « \(id) » inconnue (une tournée se couvre d'elle-même) : rien n'a été changé",
                          "unknown request \"\(id)\" (a rota cover cannot be assigned): nothing was changed")
        case .unknownAgent(let code):
            return l.pick("agent « \(code) » inconnu : rien n'a été changé", "unknown agent \"\(code)\": nothing was changed")
        }
    }
}

extension AppDatabase {
    /// Puts `request` in `agent`'s hands (nil: back to the rules), in one transaction: the plan
    /// is recomputed with it, the audit trail keeps it. Returns the request's decision after.
    @discardableResult
    public func assign(request: String, agent: String?) throws -> RequestDecision? {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM request WHERE id = ?", arguments: [request]) == 1 else {
                throw AssignmentRefusal.unknownRequest(request)
            }
            if let agent {
                guard try Int.fetchOne(db, sql: "SELECT count(*) FROM agent WHERE code = ?", arguments: [agent]) == 1 else {
                    throw AssignmentRefusal.unknownAgent(agent)
                }
                try db.execute(sql: """
                    INSERT INTO assignment (request, agent) VALUES (?, ?)
                    ON CONFLICT(request) DO UPDATE SET agent = excluded.agent WHERE agent IS NOT excluded.agent
                    """, arguments: [request, agent])
            } else {
                try db.execute(sql: "DELETE FROM assignment WHERE request = ?", arguments: [request])
            }
            try PlanStore.refreshIfStale(db)
            return try PlanWindowReader.decisions(db, [request]).first
        }
    }
}
