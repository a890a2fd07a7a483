import Fluent
import SQLKit

/// Corrections and revisions in the import wizard: a draft keeps the admin's edits to parsed tasks, the leader
/// mapping, and — when it revises a published plan — which changes are accepted. A revised plan keeps every
/// version of its source, and a task a revision removes is withdrawn, never deleted, so what was reported
/// against it stays.
struct AddPlanRevisions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // SQLite adds one column per statement.
        for column in ["task_edits", "leader_choices", "change_choices"] {
            try await database.schema(ImportDraft.schema)
                .field(
                    .definition(
                        name: .key(.string(column)), dataType: .string,
                        constraints: [.required, .sql(.default("{}"))])
                )
                .update()
        }
        try await database.schema(ImportDraft.schema).field("revises_plan_id", .uuid).update()
        try await database.schema(TaskRecord.schema).field("withdrawn_at", .datetime).update()
        try await database.schema(PlanRevision.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("encoding", .string, .required)
            .field("text", .string, .required)
            .field("summary", .string, .required)
            .field("created_by_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime)
            .unique(on: "plan_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlanRevision.schema).delete()
        try await database.schema(TaskRecord.schema).deleteField("withdrawn_at").update()
        for column in ["task_edits", "leader_choices", "change_choices", "revises_plan_id"] {
            try await database.schema(ImportDraft.schema).deleteField(.key(.string(column))).update()
        }
    }
}
