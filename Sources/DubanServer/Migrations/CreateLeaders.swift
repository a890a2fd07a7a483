import Fluent

/// Leaders and their portfolios.
struct CreateLeaders: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Leader.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("title", .string, .required)
            .field("portfolio", .string, .required)
            .field("position", .int, .required)
            .unique(on: "government_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Leader.schema).delete()
    }
}
