import Fluent
import Foundation
import SQLKit

/// Writers of one unit's duty on one task take turns. A filing reads the current version before it writes the
/// next, and a review reads the version it decides: two clerks of a unit filing at once would both write version
/// n+1, and a return could land on a version a filing had just superseded, leaving two live versions.
///
/// On PostgreSQL the turn is a transaction-scoped advisory lock on the duty (there is no one row that stands for
/// it: a unit's first filing has nothing to lock yet); it is released at commit or rollback, and statements after
/// it see what the previous holder committed. On SQLite every write transaction begins `IMMEDIATE`, so writers
/// take turns already.
enum DutyLock {
    /// Takes the duty's turn for the rest of the caller's write transaction; returns whether it may have waited
    /// for another writer, so that anything read before must be read again.
    @discardableResult
    static func take(taskID: UUID, unitID: UUID, on database: any Database) async throws -> Bool {
        let sql = try database.requireSQL()
        guard sql.isPostgreSQL else { return false }
        let key = "duty:\(taskID.uuidString):\(unitID.uuidString)"
        try await sql.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
        return true
    }
}
