import Fluent
import SQLKit

/// A plan's public page: the random token of its address while the 督查室 publishes it, nil otherwise.
struct AddPublicPages: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Plan.schema).field("public_token", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE UNIQUE INDEX plans_public_token ON plans (public_token)").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX plans_public_token").run() }
        try await database.schema(Plan.schema).deleteField("public_token").update()
    }
}
