import Fluent
import SQLKit

/// Links from cascaded tasks to the higher tasks they localise.
struct CreateTaskLinks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaskLink.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("parent_task_id", .uuid, .references(TaskRecord.schema, .id, onDelete: .setNull))
            .field("state", .string, .required)
            .field("score", .double)
            .field("updated_at", .datetime)
            .unique(on: "task_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX task_links_parent ON task_links (parent_task_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskLink.schema).delete()
    }
}
