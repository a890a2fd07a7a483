import Foundation
import DubanCore
import Fluent
import SQLKit

/// The tasks that lists show, each with its lead and responsible units and its leaders, in one query whatever the
/// number of tasks: the names are aggregated per task inside the database (`string_agg(… ORDER BY …)`, which
/// SQLite has since 3.44 and PostgreSQL since 9.0), so a 5,000-task plan is 5,000 rows rather than 20,000
/// assignment and leader rows decoded one by one.
enum TaskLinesQuery {
    /// Which tasks to describe, as a condition on the `tasks t` table.
    enum Scope {
        case plan(UUID)
        case tasks([UUID])
        /// A plan's tasks in the given sections, and when `loose` is given, those outside any section — no
        /// section, or one not among `loose`, the plan's known sections.
        case sections(plan: UUID, ids: [UUID], loose: Set<UUID>?)

        /// The SQL condition; `.tasks([])` matches nothing.
        var condition: SQLQueryString {
            switch self {
            case .plan(let id): "t.plan_id = \(bind: id)"
            case .tasks(let ids) where ids.isEmpty: "1 = 0"
            case .tasks(let ids): "t.id IN (\(binds: ids))"
            case .sections(let plan, let ids, let loose):
                "t.plan_id = \(bind: plan) AND (\(Self.inSections(ids)) OR \(Self.outsideSections(loose)))"
            }
        }

        private static func inSections(_ ids: [UUID]) -> SQLQueryString {
            ids.isEmpty ? "1 = 0" : "t.section_id IN (\(binds: ids))"
        }

        private static func outsideSections(_ known: Set<UUID>?) -> SQLQueryString {
            switch known {
            case nil: "1 = 0"
            case let known? where known.isEmpty: "1 = 1"
            case let known?: "(t.section_id IS NULL OR t.section_id NOT IN (\(binds: Array(known))))"
            }
        }
    }

    /// A task row as lists need it; `excerpt` holds one character more than shown, to tell whether text was cut.
    struct Row {
        var id: UUID
        var planId: UUID
        var sectionId: UUID?
        var number: String
        var kind: String
        var excerpt: String
        /// Names in printed order, joined with `separator`; empty when there are none.
        var leadUnits: String
        var responsibleUnits: String
        var leaders: String
        var withdrawn: Bool

        /// Reads the columns `columns` selects. Decoding column by column skips the key conversion of a
        /// `Decodable` row, which dominates at thousands of rows.
        init(_ row: any SQLRow) throws {
            id = try row.decode(column: "id", as: UUID.self)
            planId = try row.decode(column: "plan_id", as: UUID.self)
            sectionId = try row.decode(column: "section_id", as: UUID?.self)
            number = try row.decode(column: "number", as: String.self)
            kind = try row.decode(column: "kind", as: String.self)
            excerpt = try row.decode(column: "excerpt", as: String.self)
            leadUnits = try row.decode(column: "lead_units", as: String?.self) ?? ""
            responsibleUnits = try row.decode(column: "responsible_units", as: String?.self) ?? ""
            leaders = try row.decode(column: "leaders", as: String?.self) ?? ""
            withdrawn = try row.decode(column: "withdrawn", as: Int.self) != 0
        }
    }

    /// What the aggregated names are joined with: the enumeration comma plans themselves use between names.
    static let separator = "、"

    /// The columns of `Row`, for any query over `tasks t`; the name lists are correlated subqueries served by
    /// the task_id indexes of task_assignments and task_leaders.
    static var columns: SQLQueryString {
        """
        t.id, t.plan_id, t.section_id, t.number, t.kind, \
        CASE WHEN t.withdrawn_at IS NULL THEN 0 ELSE 1 END AS withdrawn, \
        substr(t.text, 1, \(literal: DisplayText.excerptLength + 1)) AS excerpt, \
        \(unitNames(.lead)) AS lead_units, \(unitNames(.responsible)) AS responsible_units, \
        (SELECT string_agg(l.name, \(literal: separator) ORDER BY tl.position) FROM task_leaders tl \
        JOIN leaders l ON l.id = tl.leader_id WHERE tl.task_id = t.id) AS leaders
        """
    }

    /// The names of a task's units in one role, in printed order.
    private static func unitNames(_ role: AssignmentRole) -> SQLQueryString {
        """
        (SELECT string_agg(u.name, \(literal: separator) ORDER BY a.position) FROM task_assignments a \
        JOIN units u ON u.id = a.unit_id WHERE a.task_id = t.id AND a.role = \(literal: role.rawValue))
        """
    }

    /// The tasks of a scope in plan order; `limit` tasks from the `offset`-th when given.
    static func rows(_ scope: Scope, offset: Int = 0, limit: Int? = nil, on database: any Database) async throws
        -> [Row]
    {
        let sql = try database.requireSQL()
        let window: SQLQueryString =
            limit.map { " LIMIT \(literal: max(0, $0)) OFFSET \(literal: max(0, offset))" } ?? ""
        return try await sql.raw(
            "SELECT \(columns) FROM tasks t WHERE \(scope.condition) ORDER BY t.plan_id, t.position\(window)"
        )
        .all().map(Row.init)
    }

    /// The list entry of one task.
    static func line(_ row: Row, planTitle: String = "") -> TaskLine {
        TaskLine(
            number: row.number, kind: row.kind, kindLabel: DisplayText.kindLabel(row.kind),
            excerpt: DisplayText.excerpt(row.excerpt), href: SiteURL.task(row.id).path,
            leadUnits: DisplayText.names(names(row.leadUnits)),
            responsibleUnits: DisplayText.names(names(row.responsibleUnits)), leaders: row.leaders,
            planTitle: planTitle, withdrawn: row.withdrawn)
    }

    /// An aggregated name list split back into names.
    static func names(_ joined: String) -> [String] {
        joined.isEmpty ? [] : joined.components(separatedBy: separator)
    }
}
