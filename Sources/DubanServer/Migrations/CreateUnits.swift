import Fluent

/// Units, their other names and collective memberships.
struct CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Unit.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("is_collective", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "government_id", "name")
            .create()
        try await database.schema(UnitAlias.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("alias", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "unit_id", "alias")
            .create()
        try await database.schema(UnitMembership.schema)
            .id()
            .field("group_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("member_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .unique(on: "group_id", "member_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitMembership.schema).delete()
        try await database.schema(UnitAlias.schema).delete()
        try await database.schema(Unit.schema).delete()
    }
}
