import Fluent
import SQLKit

/// A migration that adds plain indexes: Fluent's schema builder has no index API, so they are created in SQL that
/// both SQLite and PostgreSQL accept, and dropped again on revert.
protocol PlainIndexMigration: AsyncMigration {
    /// Name, table and columns of each index.
    static var indexes: [(name: String, table: String, columns: String)] { get }
}

extension PlainIndexMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.requireSQL()
        for (name, table, columns) in Self.indexes {
            try await sql.raw(
                "CREATE INDEX IF NOT EXISTS \(unsafeRaw: name) ON \(unsafeRaw: table) (\(unsafeRaw: columns))"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = try database.requireSQL()
        for (name, _, _) in Self.indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
        }
    }
}

/// Plain indexes for the lookups every page makes (tasks of a plan, assignments of a unit, …).
struct CreateQueryIndexes: PlainIndexMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("tasks_plan_position", "tasks", "plan_id, position"),
        ("tasks_section", "tasks", "section_id"),
        ("task_assignments_unit", "task_assignments", "unit_id, role"),
        ("task_assignments_task", "task_assignments", "task_id"),
        ("task_leaders_leader", "task_leaders", "leader_id"),
        ("plan_sections_plan", "plan_sections", "plan_id, position"),
        ("units_government", "units", "government_id, kind"),
        ("unit_aliases_alias", "unit_aliases", "alias"),
    ]
}

extension Database {
    /// The SQL interface of the database; both supported engines provide it.
    func requireSQL() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw DatabaseSetupError.notSQL }
        return sql
    }
}

/// Failures while preparing the database.
enum DatabaseSetupError: Error, CustomStringConvertible {
    case notSQL

    var description: String { "the configured database does not support SQL" }
}
