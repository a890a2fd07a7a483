import Fluent
import SQLKit

/// Each plan's generation of score inputs (`ScoreInputs`), beside the day of its stored lights.
struct AddScoreGenerations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.requireSQL().raw(
            "ALTER TABLE duty_state_marks ADD COLUMN score_generation BIGINT NOT NULL DEFAULT 0"
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.requireSQL().raw("ALTER TABLE duty_state_marks DROP COLUMN score_generation").run()
    }
}
