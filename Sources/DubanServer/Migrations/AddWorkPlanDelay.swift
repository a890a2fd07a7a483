import Fluent

/// A work plan filed after the rules' due day is late like a report: the days are stamped when it is filed,
/// so the review queue, the desk and the task page can say "逾期 3 天" without working it out again.
struct AddWorkPlanDelay: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WorkPlan.schema).field("days_late", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WorkPlan.schema).deleteField("days_late").update()
    }
}
