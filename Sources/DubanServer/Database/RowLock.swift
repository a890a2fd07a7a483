import Fluent
import Foundation
import SQLKit

/// A writer that checks a row before it changes it (a draft still a draft, a finding still awaiting review, the
/// next version number) must check it as committed, with no other writer between the check and the write. A
/// model loaded before the transaction is stale by then: a double click on 印发 issued a bulletin twice and
/// doubled its praise.
///
/// On PostgreSQL the row is read `FOR UPDATE`, which waits for any other writer of it and holds it to commit; on
/// SQLite every write transaction begins `IMMEDIATE`, so the read inside it is already current and alone.
enum RowLock {
    /// Locks the row for the rest of the caller's write transaction and returns its `state` as committed now;
    /// nil when the row is gone.
    static func state(of table: String, id: UUID, on database: any Database) async throws -> String? {
        let row = try await select("state", of: table, id: id, on: database)
        return try row?.decode(column: "state", as: String.self)
    }

    /// Locks the row for the rest of the caller's write transaction and returns a number of it as committed now.
    static func int(_ column: String, of table: String, id: UUID, on database: any Database) async throws -> Int? {
        let row = try await select(column, of: table, id: id, on: database)
        return try row?.decode(column: column, as: Int.self)
    }

    /// Locks the row for the rest of the caller's write transaction.
    static func take(_ table: String, id: UUID, on database: any Database) async throws {
        _ = try await select("id", of: table, id: id, on: database)
    }

    private static func select(_ column: String, of table: String, id: UUID, on database: any Database)
        async throws -> (any SQLRow)?
    {
        let sql = try database.requireSQL()
        let lock = sql.isPostgreSQL ? " FOR UPDATE" : ""
        return try await sql.raw(
            "SELECT \(ident: column) FROM \(ident: table) WHERE id = \(bind: id)\(unsafeRaw: lock)"
        ).first()
    }
}
