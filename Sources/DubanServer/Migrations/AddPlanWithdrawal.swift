import Fluent

/// A published plan can be withdrawn — archived, not deleted: its tasks and everything reported against them
/// stay, and an administrator can restore it. One column per statement, as SQLite requires.
struct AddPlanWithdrawal: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema).field("withdrawn_at", .datetime).update()
        try await database.schema(Plan.schema).field("withdrawal_reason", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Plan.schema).deleteField("withdrawal_reason").update()
        try await database.schema(Plan.schema).deleteField("withdrawn_at").update()
    }
}
