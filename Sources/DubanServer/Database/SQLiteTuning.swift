import Fluent
import SQLKit
import Vapor

/// The SQLite settings that let many requests share one file: write-ahead logging, so readers never block
/// the writer nor it them, and a busy timeout, so a statement that finds the write lock taken sleeps until
/// it is free (for up to ten seconds) instead of spinning or failing.
enum SQLiteTuning {
    static let busyTimeoutMilliseconds = 10_000

    /// Applies the settings to the connection of every event loop, the requests' and the background jobs'
    /// (`jobsDatabase`). WAL is a property of the file, kept once set; the busy timeout belongs to each
    /// connection, and Fluent keeps one per event loop for the life of the application.
    static func apply(to app: Application) async throws {
        var first = true
        for id in [DatabaseID.sqlite, .sqliteJobs] where app.databases.configuration(for: id) != nil {
            for eventLoop in app.eventLoopGroup.makeIterator() {
                guard let sql = app.databases.database(id, logger: app.logger, on: eventLoop) as? any SQLDatabase
                else { continue }
                if first {
                    try await sql.raw("PRAGMA journal_mode = WAL").run()
                    first = false
                }
                try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
            }
        }
    }
}
