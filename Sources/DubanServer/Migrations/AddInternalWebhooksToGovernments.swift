import Fluent
import SQLKit

/// The 督查室's setting that lets its webhooks post to internal addresses (see `WebhookAddress`); off for
/// every government until its administrator turns it on.
struct AddInternalWebhooksToGovernments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Government.schema)
            .field("allow_internal_webhooks", .bool, .required, .sql(.default(false)))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Government.schema).deleteField("allow_internal_webhooks").update()
    }
}
