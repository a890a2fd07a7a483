import Fluent

/// Governments: the owner of plans, units, leaders and (later) users.
struct CreateGovernments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Government.schema)
            .id()
            .field("name", .string, .required)
            .field("short_name", .string, .required)
            .field("level", .string, .required)
            .field("parent_id", .uuid, .references(Government.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Government.schema).delete()
    }
}
