import Fluent
import SQLKit

/// 绩效考核: each plan's scheme (JSON on the plan, like its reporting rules) and the published snapshots of its
/// scores, one row per publication of a period.
struct CreateScoring: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema).field("scoring_scheme", .string).update()
        try await database.schema(ScoreSnapshot.schema)
            .id()
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("period", .string, .required)
            .field("version", .int, .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .string, .required)
            .field("scheme", .string, .required)
            .field("scores", .string, .required)
            .unique(on: "plan_id", "period", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ScoreSnapshot.schema).delete()
        try await database.schema(Plan.schema).deleteField("scoring_scheme").update()
    }
}
