import Fluent
import SQLKit
import Vapor

extension DatabaseID {
    /// One more connection to the application's SQLite file, which only ever asks `PRAGMA data_version`.
    static let sqliteVersion = DatabaseID(string: "sqlite-version")
}

/// A token that changes whenever anything is committed to the database, by this process or any other: what the
/// page cache compares to know that a page rendered earlier is still true.
///
/// Both engines answer it from their own bookkeeping, so no write path has to report its writes:
/// - SQLite: `PRAGMA data_version` changes when another connection commits. The question is always asked on one
///   connection that never writes, so every commit — the requests', the background jobs', a `duban import` run
///   beside the server — is "another connection's".
/// - PostgreSQL: `pg_current_snapshot()` names which transactions are visible. Two equal snapshots see exactly the
///   same committed data; any commit (or abort) in between changes it. It is read from the requests' pool, so every
///   replica asks the same server.
enum DataVersion: Sendable {
    /// The watcher connection of `sqliteVersion` on this event loop (Fluent keeps one SQLite connection per loop).
    case sqlite(eventLoop: any EventLoop)
    case postgres

    /// The database's version now. `DataVersionReader` asks on behalf of many requests at once.
    func read(_ app: Application) async throws -> String {
        switch self {
        case .sqlite(let eventLoop):
            guard
                let sql = app.databases.database(.sqliteVersion, logger: app.logger, on: eventLoop)
                    as? any SQLDatabase,
                let version = try await sql.raw("PRAGMA data_version").first(
                    decodingColumn: "data_version", as: Int.self)
            else { throw DataVersionError.unanswered }
            return String(version)
        case .postgres:
            guard let sql = app.db as? any SQLDatabase,
                let version = try await sql.raw("SELECT pg_current_snapshot()::text AS v").first(
                    decodingColumn: "v", as: String.self)
            else { throw DataVersionError.unanswered }
            return version
        }
    }
}

/// The database gave no version; the page is then rendered as if there were no cache.
enum DataVersionError: Error {
    case unanswered
}
