import Fluent
import Vapor

/// Sessions in a table of our own (`StoredSession`), with the times that let expired ones be found and
/// removed; it replaces Fluent's `_fluent_sessions`, which had no times and kept every visitor's row for ever.
struct CreateSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredSession.schema)
            .id()
            .field("key", .string, .required)
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "key")
            .create()
        let sql = try database.requireSQL()
        try await sql.raw("CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at)").run()
        // Sign-ins held in the old table end here; everyone signs in once more.
        try await SessionRecord.migration.revert(on: database).get()
    }

    func revert(on database: any Database) async throws {
        try await SessionRecord.migration.prepare(on: database).get()
        let sql = try database.requireSQL()
        try await sql.raw("DROP INDEX IF EXISTS sessions_expiry").run()
        try await database.schema(StoredSession.schema).delete()
    }
}
