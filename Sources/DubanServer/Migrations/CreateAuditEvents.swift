import Fluent
import SQLKit

/// The audit log table, its indexes, and the triggers that make it append-only on both engines.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema)
            .id()
            .field("government_id", .uuid, .references(Government.schema, .id))
            .field("occurred_at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .uuid)
            .field("summary", .string, .required)
            .field("before_state", .string)
            .field("after_state", .string)
            .field("request_id", .string)
            .create()
        let sql = try database.requireSQL()
        try await sql.raw("CREATE INDEX IF NOT EXISTS audit_events_time ON audit_events (government_id, occurred_at)")
            .run()
        try await sql.raw("CREATE INDEX IF NOT EXISTS audit_events_entity ON audit_events (entity_type, entity_id)")
            .run()
        for statement in sql.dialect.name == "sqlite" ? Self.sqliteGuards : Self.postgresGuards {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_update").run()
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_no_delete").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events").run()
            try await sql.raw("DROP FUNCTION IF EXISTS duban_audit_append_only()").run()
        }
        try await database.schema(AuditEvent.schema).delete()
    }

    /// The message both engines raise, so the application can recognise the refusal.
    static let refusal = "audit events are append-only"

    static let sqliteGuards = [
        "CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events "
            + "BEGIN SELECT RAISE(ABORT, '\(refusal)'); END",
        "CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events "
            + "BEGIN SELECT RAISE(ABORT, '\(refusal)'); END",
    ]

    static let postgresGuards = [
        """
        CREATE OR REPLACE FUNCTION duban_audit_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION '\(refusal)'; END; $$ LANGUAGE plpgsql
        """,
        "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            + "FOR EACH ROW EXECUTE FUNCTION duban_audit_append_only()",
    ]
}
