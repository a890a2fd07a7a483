import Fluent
import SQLKit

/// The stored lights and period facts of every reporting duty, and per plan the day they were worked out for.
struct CreateDutyStates: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DutyState.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("government_id", .uuid, .required)
            .field("light", .string, .required)
            .field("severity", .int, .required)
            .field("bucket", .int, .required)
            .field("shown_light", .string, .required)
            .field("reasons", .string, .required)
            .field("next_due", .string, .required)
            .field("last_report", .string, .required)
            .field("figures", .string, .required)
            .field("overdue", .bool, .required)
            .field("late_reports", .int, .required)
            .unique(on: "task_id", "unit_id")
            .create()
        try await database.schema(DutyPeriodState.schema)
            .id()
            .field("task_id", .uuid, .required, .references(TaskRecord.schema, .id, onDelete: .cascade))
            .field("unit_id", .uuid, .required, .references(Unit.schema, .id, onDelete: .cascade))
            .field("plan_id", .uuid, .required, .references(Plan.schema, .id, onDelete: .cascade))
            .field("period", .string, .required)
            .field("on_time", .bool, .required)
            .field("figures", .int, .required)
            .field("figures_on_pace", .int, .required)
            .unique(on: "task_id", "unit_id", "period")
            .create()
        try await database.schema(DutyStates.marksSchema)
            .field("plan_id", .uuid, .identifier(auto: false), .references(Plan.schema, .id, onDelete: .cascade))
            .field("as_of", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The overview counts a government's or a plan's duties by light; the period chart sums one plan.
        try await sql.raw("CREATE INDEX duty_states_plan ON duty_states (plan_id, severity)").run()
        try await sql.raw("CREATE INDEX duty_states_unit ON duty_states (unit_id)").run()
        try await sql.raw("CREATE INDEX duty_period_states_plan ON duty_period_states (plan_id, period)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DutyStates.marksSchema).delete()
        try await database.schema(DutyPeriodState.schema).delete()
        try await database.schema(DutyState.schema).delete()
    }
}
