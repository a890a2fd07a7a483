import Fluent

/// Where a reported figure came from when Duban can tell: "各下级同期报送合计：…" for a higher task's figure equal to
/// the sum of what its lower governments reported for the period. Nil for a figure typed in on its own.
struct AddFigureSources: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ReportActual.schema).field("source", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReportActual.schema).deleteField("source").update()
    }
}
