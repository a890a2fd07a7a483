import Fluent
import SQLKit

/// 督查通报 and the units each issued one names, by task, for the scores' praise rule and the units' notices.
struct CreateBulletins: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Bulletin.schema)
            .id()
            .field("government_id", .uuid, .required, .references(Government.schema, .id, onDelete: .cascade))
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("round_id", .uuid, .references(SupervisionRound.schema, .id, onDelete: .setNull))
            .field("created_by_id", .uuid, .references(User.schema, .id, onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("issued_at", .datetime)
            .field("state", .string, .required)
            .field("issue_year", .int, .required)
            .field("issue_number", .int, .required)
            .field("title", .string, .required)
            .field("organ", .string, .required)
            .field("signed_on", .string, .required)
            .field("period", .string, .required)
            .field("content", .string, .required)
            .field("numbers", .string, .required)
            .field("document_blob_id", .uuid)
            .field("issued_by", .string)
            .create()
        try await database.schema(BulletinMention.schema)
            .id()
            .field("bulletin_id", .uuid, .required, .references(Bulletin.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX bulletins_government ON bulletins (government_id, issue_year, issue_number)")
            .run()
        try await sql.raw("CREATE INDEX bulletin_mentions_bulletin ON bulletin_mentions (bulletin_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BulletinMention.schema).delete()
        try await database.schema(Bulletin.schema).delete()
    }
}
