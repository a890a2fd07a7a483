import Fluent

/// Personal API tokens, looked up by the hash of the presented token on every API request (unique index) and
/// listed per user on the account's token page.
struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        let sql = try database.requireSQL()
        try await sql.raw("CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens (user_id, created_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.requireSQL().raw("DROP INDEX IF EXISTS api_tokens_user").run()
        try await database.schema(APIToken.schema).delete()
    }
}
