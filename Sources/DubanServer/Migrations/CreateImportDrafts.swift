import Fluent

/// The import wizard's drafts: one row per uploaded file, listed per government.
struct CreateImportDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportDraft.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("created_by_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("encoding", .string, .required)
            .field("source_text", .string, .required)
            .field("year", .int)
            .field("status", .string, .required)
            .field("unit_choices", .string, .required)
            .field("published_plan_id", .uuid, .references(Plan.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportDraft.schema).delete()
    }
}
