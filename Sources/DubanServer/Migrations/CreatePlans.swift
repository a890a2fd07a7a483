import Fluent

/// Plans, the documents they were read from, and their section trees.
struct CreatePlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("year", .int, .required)
            .field("doc_number", .string)
            .field("issuer", .string)
            .field("issued_on", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PlanSource.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("encoding", .string, .required)
            .field("text", .string, .required)
            .unique(on: "plan_id")
            .create()
        try await database.schema(PlanSection.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("parent_id", .uuid, .references(PlanSection.schema, .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("level", .int, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanSection.schema).delete()
        try await database.schema(PlanSource.schema).delete()
        try await database.schema(Plan.schema).delete()
    }
}
