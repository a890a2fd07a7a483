import Fluent
import Foundation
import SQLKit

/// The generation of what a plan's scores are worked out from: every report, review, work plan, flag, finding,
/// issued bulletin, rule, scheme, task and unit of the plan. A writer of any of them counts the plan's generation
/// up inside its own transaction (`changed`), so the scores worked out at one generation hold until it moves and
/// can be kept (`ScoreCache`) instead of being worked out from a whole plan's rows on every request.
///
/// The reminders job reads the same generation (`ReminderInputs`) to skip a government whose plans have not
/// changed, so a writer that forgets to count up leaves reminders unsent as well as scores stale.
///
/// The count lives on the plan's row in `duty_state_marks`, which writers of the plan's lights already take
/// turns on. A writer creates the row if it is missing before counting, and a reader caches nothing for a plan
/// without one, so no change is ever counted on a row that does not exist yet.
enum ScoreInputs {
    /// The plan's generation as committed now; nil when no writer or reader has given the plan its row yet.
    static func generation(planID: UUID, on database: any Database) async throws -> Int? {
        let row = try await database.requireSQL().raw(
            "SELECT score_generation FROM duty_state_marks WHERE plan_id = \(bind: planID)"
        ).first()
        return try row?.decode(column: "score_generation", as: Int.self)
    }

    /// The plans' scores depend on something the caller is changing in its transaction.
    static func changed(planIDs: [UUID], on database: any Database) async throws {
        guard !planIDs.isEmpty else { return }
        let sql = try database.requireSQL()
        for planID in Set(planIDs) { try await DutyStateMarks.ensure(planID, on: sql) }
        try await sql.raw(
            """
            UPDATE duty_state_marks SET score_generation = score_generation + 1 \
            WHERE plan_id IN (\(binds: Array(Set(planIDs))))
            """
        ).run()
    }

    /// Every plan of a government (a unit merged or renamed).
    static func changed(governmentID: UUID, on database: any Database) async throws {
        let rows = try await database.requireSQL().raw(
            "SELECT id FROM plans WHERE government_id = \(bind: governmentID)"
        ).all()
        try await changed(planIDs: try rows.map { try $0.decode(column: "id", as: UUID.self) }, on: database)
    }

    /// The plan of this report.
    static func changed(reportID: UUID, on database: any Database) async throws {
        let rows = try await database.requireSQL().raw(
            "SELECT t.plan_id FROM progress_reports r JOIN tasks t ON t.id = r.task_id WHERE r.id = \(bind: reportID)"
        ).all()
        try await changed(planIDs: try rows.map { try $0.decode(column: "plan_id", as: UUID.self) }, on: database)
    }

    /// The plans of these tasks.
    static func changed(taskIDs: [UUID], on database: any Database) async throws {
        guard !taskIDs.isEmpty else { return }
        let rows = try await database.requireSQL().raw(
            "SELECT DISTINCT plan_id FROM tasks WHERE id IN (\(binds: taskIDs))"
        ).all()
        try await changed(planIDs: try rows.map { try $0.decode(column: "plan_id", as: UUID.self) }, on: database)
    }
}
