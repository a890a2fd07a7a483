import Fluent

/// Tasks with their unit assignments and leaders.
struct CreateTasks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TaskRecord.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("section_id", .uuid, .references(PlanSection.schema, .id, onDelete: .setNull))
            .field("key", .string, .required)
            .field("number", .string, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("deadline", .string)
            .field("parent_number", .string)
            .field("parent_text", .string)
            .field("source_line", .int, .required)
            .field("position", .int, .required)
            .unique(on: "plan_id", "key")
            .create()
        try await database.schema(TaskAssignment.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("role", .string, .required)
            .field("position", .int, .required)
            .unique(on: "task_id", "unit_id", "role")
            .create()
        try await database.schema(TaskLeader.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("leader_id", .uuid, .required, .references(Leader.schema, .id, onDelete: .cascade))
            .field("position", .int, .required)
            .unique(on: "task_id", "leader_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TaskLeader.schema).delete()
        try await database.schema(TaskAssignment.schema).delete()
        try await database.schema(TaskRecord.schema).delete()
    }
}
