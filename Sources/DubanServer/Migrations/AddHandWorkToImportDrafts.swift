import Fluent

/// What an administrator adds to a draft by hand — tasks the reader did not find, and the plan's title and
/// 文号 as corrected — kept beside the reader's own result (one column per statement, as SQLite requires).
struct AddHandWorkToImportDrafts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportDraft.schema)
            .field("hand_tasks", .string, .required, .sql(.default("[]")))
            .update()
        try await database.schema(ImportDraft.schema)
            .field("details", .string, .required, .sql(.default("{}")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportDraft.schema).deleteField("details").update()
        try await database.schema(ImportDraft.schema).deleteField("hand_tasks").update()
    }
}
