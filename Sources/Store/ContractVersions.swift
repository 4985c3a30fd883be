import Crypto
import Domain
import Foundation
import GRDB

extension AppDatabase {
    /// The version a contract prints as on `date`: the last one recorded when the contract says
    /// the same as then (same fingerprint), else a new version recorded now, which names the
    /// date of the one it replaces. A read-only role records nothing: a changed contract
    /// prints as a draft.
    public func contractVersion(request: String, fingerprint text: String, on day: CalendarDate) throws -> ServiceContract.Version {
        let fingerprint = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        func last(_ db: Database) throws -> Row? {
            try Row.fetchOne(db, sql: """
                SELECT number, version_date, fingerprint FROM contract_version WHERE request = ?
                ORDER BY number DESC LIMIT 1
                """, arguments: [request])
        }
        func versionDate(_ row: Row?) -> CalendarDate? { row.flatMap { CalendarDate.parseISO($0["version_date"]) } }
        func previous(_ db: Database, before number: Int) throws -> CalendarDate? {
            let text = try String.fetchOne(db, sql: "SELECT version_date FROM contract_version WHERE request = ? AND number = ?",
                                           arguments: [request, number - 1])
            return text.flatMap { CalendarDate.parseISO($0) }
        }
        let known: ServiceContract.Version? = try read { db in
            guard let row = try last(db), row["fingerprint"] as String == fingerprint, let recordedDay = versionDate(row) else { return nil }
            let number: Int = row["number"]
            return ServiceContract.Version(number: number, date: recordedDay, replaces: try previous(db, before: number))
        }
        if let known { return known }
        if isReadOnly {
            let recorded = try read { db in versionDate(try last(db)) }
            return ServiceContract.Version(number: 0, date: day, replaces: recorded, recorded: false)
        }
        let actor = self.actor
        return try write { db in
            let row = try last(db)
            if let row, row["fingerprint"] as String == fingerprint, let recordedDay = versionDate(row) {
                let number: Int = row["number"]
                return ServiceContract.Version(number: number, date: recordedDay, replaces: try previous(db, before: number))
            }
            let number = (row?["number"] as Int? ?? 0) + 1
            try db.execute(sql: """
                INSERT INTO contract_version (request, number, version_date, fingerprint, printed_at, printed_by)
                VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)
                """, arguments: [request, number, day.iso, fingerprint, actor])
            return ServiceContract.Version(number: number, date: day, replaces: versionDate(row))
        }
    }
}
