import Fluent
import SQLKit

/// Chinese substring search over task text that stays fast as plans grow: an FTS5 table with the trigram
/// tokenizer (kept in step by triggers) on SQLite, a pg_trgm GIN index on PostgreSQL.
struct CreateTaskSearchIndex: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        if sql.dialect.name == "sqlite" {
            for statement in Self.sqliteStatements { try await sql.raw("\(unsafeRaw: statement)").run() }
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS tasks_text_trgm ON tasks USING gin (text gin_trgm_ops)").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        if sql.dialect.name == "sqlite" {
            for name in ["tasks_search_insert", "tasks_search_delete", "tasks_search_update"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name)").run()
            }
            try await sql.raw("DROP TABLE IF EXISTS task_search").run()
        } else {
            try await sql.raw("DROP INDEX IF EXISTS tasks_text_trgm").run()
        }
    }

    static let sqliteStatements = [
        "CREATE VIRTUAL TABLE IF NOT EXISTS task_search USING fts5(task_id UNINDEXED, text, tokenize = 'trigram')",
        """
        CREATE TRIGGER IF NOT EXISTS tasks_search_insert AFTER INSERT ON tasks BEGIN
          INSERT INTO task_search (task_id, text) VALUES (new.id, new.text);
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS tasks_search_delete AFTER DELETE ON tasks BEGIN
          DELETE FROM task_search WHERE task_id = old.id;
        END
        """,
        """
        CREATE TRIGGER IF NOT EXISTS tasks_search_update AFTER UPDATE OF text ON tasks BEGIN
          DELETE FROM task_search WHERE task_id = old.id;
          INSERT INTO task_search (task_id, text) VALUES (new.id, new.text);
        END
        """,
    ]
}
