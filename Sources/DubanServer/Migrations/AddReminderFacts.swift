import Fluent
import SQLKit

/// What the reminders need of each duty (`DutyStates.Fact`), stored with its light, so the reminders job reads one
/// table instead of working every board out from the raw rows. Every plan is marked stale, so the next reader
/// works its rows out again with the new columns filled.
struct AddReminderFacts: AsyncMigration {
    private static let columns = [
        "report_due TEXT NOT NULL DEFAULT ''", "report_period TEXT NOT NULL DEFAULT ''",
        "work_plan_due TEXT NOT NULL DEFAULT ''", "reminder_days INTEGER NOT NULL DEFAULT 0",
    ]

    func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        // One column per statement: SQLite adds one at a time.
        for column in Self.columns {
            try await sql.raw("ALTER TABLE duty_states ADD COLUMN \(unsafeRaw: column)").run()
        }
        try await sql.raw("UPDATE duty_state_marks SET as_of = ''").run()
    }

    func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        for column in Self.columns {
            let name = column.prefix { $0 != " " }
            try await sql.raw("ALTER TABLE duty_states DROP COLUMN \(unsafeRaw: String(name))").run()
        }
    }
}
