import Fluent
import SQLKit

/// Leaders' 批示 and the units' answers to them, and notifications addressed to a leader (the answers).
struct CreateInstructions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Instruction.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("report_id", .uuid, .references(ProgressReport.schema, .id, onDelete: .setNull))
            .field("leader_id", .uuid, .references(Leader.schema, .id, onDelete: .setNull))
            .field("author_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("author", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(InstructionReply.schema)
            .id()
            .field("instruction_id", .uuid, .required, .references(Instruction.schema, .id, onDelete: .cascade))
            .field("report_id", .uuid, .required, .references(ProgressReport.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(Notification.schema)
            .field("leader_id", .uuid, .references(Leader.schema, .id, onDelete: .cascade)).update()
        guard let sql = database as? any SQLDatabase else { return }
        let statements: [SQLQueryString] = [
            "CREATE INDEX instructions_task ON instructions (task_id, created_at)",
            "CREATE INDEX instruction_replies_instruction ON instruction_replies (instruction_id)",
            "CREATE INDEX notifications_leader ON notifications (leader_id, read_at)",
        ]
        for statement in statements { try await sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Notification.schema).deleteField("leader_id").update()
        try await database.schema(InstructionReply.schema).delete()
        try await database.schema(Instruction.schema).delete()
    }
}
