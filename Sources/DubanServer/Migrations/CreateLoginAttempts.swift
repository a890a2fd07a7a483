import Fluent

/// Sign-in attempts, read by the login throttle by username and address within a recent time window.
struct CreateLoginAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("username", .string, .required)
            .field("ip_address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        let sql = try database.requireSQL()
        try await sql.raw(
            "CREATE INDEX IF NOT EXISTS login_attempts_key ON login_attempts (username, ip_address, attempted_at)"
        ).run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS login_attempts_time ON login_attempts (attempted_at)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        try await sql.raw("DROP INDEX IF EXISTS login_attempts_time").run()
        try await sql.raw("DROP INDEX IF EXISTS login_attempts_key").run()
        try await database.schema(LoginAttempt.schema).delete()
    }
}
