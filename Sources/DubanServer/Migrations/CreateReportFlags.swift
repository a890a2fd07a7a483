import Fluent
import SQLKit

/// The checks' flags on report versions, with their dismissal.
struct CreateReportFlags: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportFlag.schema)
            .id()
            .field("report_id", .uuid, .required, .references(ProgressReport.schema, .id, onDelete: .cascade))
            .field("related_report_id", .uuid, .references(ProgressReport.schema, .id, onDelete: .setNull))
            .field("kind", .string, .required)
            .field("evidence", .string, .required)
            .field("similarity", .double)
            .field("created_at", .datetime, .required)
            .field("dismissed_at", .datetime)
            .field("dismissed_by", .string)
            .field("dismiss_reason", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX report_flags_report ON report_flags (report_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportFlag.schema).delete()
    }
}
