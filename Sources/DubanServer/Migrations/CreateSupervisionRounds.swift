import Fluent
import SQLKit

/// 督查 rounds, their findings, the units' 整改 responses and the evidence filed with them.
struct CreateSupervisionRounds: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SupervisionRound.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("section_id", .uuid, .references(PlanSection.schema, .id, onDelete: .setNull))
            .field("created_by_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("inspectors", .string, .required)
            .field("unit_ids", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(RoundFinding.schema)
            .id()
            .field("round_id", .uuid, .required, .references(SupervisionRound.schema, .id, onDelete: .cascade))
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("created_by_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("problem", .string, .required)
            .field("requirement", .string, .required)
            .field("due_on", .string, .required)
            .field("state", .string, .required)
            .field("review_comment", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_at", .datetime)
            .create()
        try await database.schema(FindingResponse.schema)
            .id()
            .field("finding_id", .uuid, .required, .references(RoundFinding.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("submitted_by_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("text", .string, .required)
            .field("submitted_on", .string, .required)
            .field("days_late", .int, .required)
            .field("submitted_at", .datetime, .required)
            .create()
        try await database.schema(FindingAttachment.schema)
            .id()
            .field("response_id", .uuid, .required, .references(FindingResponse.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("byte_count", .int, .required)
            .field("blob_id", .uuid, .required, .references(AttachmentBlob.schema, .id))
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        let statements: [SQLQueryString] = [
            "CREATE INDEX supervision_rounds_government ON supervision_rounds (government_id, starts_on)",
            "CREATE INDEX round_findings_round ON round_findings (round_id, created_at)",
            "CREATE INDEX round_findings_unit ON round_findings (unit_id, state, due_on)",
            "CREATE INDEX round_findings_task ON round_findings (task_id, unit_id, state)",
            "CREATE INDEX finding_responses_finding ON finding_responses (finding_id, submitted_at)",
            "CREATE INDEX finding_attachments_response ON finding_attachments (response_id)",
        ]
        for statement in statements { try await sql.raw(statement).run() }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FindingAttachment.schema).delete()
        try await database.schema(FindingResponse.schema).delete()
        try await database.schema(RoundFinding.schema).delete()
        try await database.schema(SupervisionRound.schema).delete()
    }
}
