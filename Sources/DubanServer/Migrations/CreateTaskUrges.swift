import Fluent
import SQLKit

/// One row per task and unit each time the 督查室 urges (催办): the unit's desk shows that a task was urged, by
/// whom and when, which a notification addressed to the whole unit cannot say per task.
struct CreateTaskUrges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaskUrge.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("urged_by", .string, .required)
            .field("message", .string, .required)
            .field("urged_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX task_urges_unit ON task_urges (unit_id, urged_at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskUrge.schema).delete()
    }
}
