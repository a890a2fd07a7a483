import Fluent

/// Accounts. A user's unit or leader may be merged or removed later; the account then loses that link rather
/// than blocking the change (the unit merger moves clerks to the surviving unit first).
struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .uuid, .references(Unit.schema, .id, onDelete: .setNull))
            .field("leader_id", .uuid, .references(Leader.schema, .id, onDelete: .setNull))
            .field("is_disabled", .bool, .required)
            .field("session_epoch", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        let sql = try database.requireSQL()
        try await sql.raw("CREATE INDEX IF NOT EXISTS users_government ON users (government_id, username)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.requireSQL().raw("DROP INDEX IF EXISTS users_government").run()
        try await database.schema(User.schema).delete()
    }
}
