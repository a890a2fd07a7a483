import Fluent
import Vapor

extension DatabaseID {
    /// A second set of connections to the application's SQLite file, for the background jobs.
    static let sqliteJobs = DatabaseID(string: "sqlite-jobs")
}

extension Application {
    /// The database the background jobs read and write.
    ///
    /// On an SQLite file it has connections of its own. Fluent keeps one SQLite connection per event loop, and a
    /// job's long read (the reminders read a whole government's reports) held the connection that every request
    /// on that loop waits for: pages stalled for a quarter of a second, again and again while the round ran at
    /// province scale. On PostgreSQL each request takes its own pooled connection anyway, and in-memory SQLite is
    /// one database per connection, so there the jobs use the application's database.
    var jobsDatabase: any Database {
        databases.configuration(for: .sqliteJobs) == nil ? db : db(.sqliteJobs)
    }
}
