import Foundation
import DubanCore
import Fluent
import SQLKit

/// Chinese substring search over task text, with filters by plan, section, unit, leader and kind.
///
/// The query is cut at white space into terms; a task matches when its text contains every term. How a term is
/// matched depends on the engine and the term's length, so that the indexes `CreateTaskSearchIndex` builds are
/// used wherever they can be:
/// - SQLite, 3 or more characters: the FTS5 table `task_search` (trigram tokenizer), with the term quoted as a
///   phrase (`"…"`, inner quotes doubled) so that operators typed by a user are read as text.
/// - PostgreSQL: `tasks.text ILIKE '%…%'` with `%`, `_` and `\` escaped; the `pg_trgm` GIN index serves it for
///   3 or more characters.
/// - 1 or 2 characters, on either engine: a trigram index cannot match fewer than three characters, so the term
///   falls back to a plain `LIKE` / `ILIKE` scan. Two characters are common in Chinese ("养老", "食堂"), and a scan
///   of a government's tasks is fast enough at the thousands of rows a government has.
struct TaskSearch {
    /// What to look for; nil filters are not applied.
    struct Criteria: Sendable, Equatable {
        var text = ""
        var planID: UUID?
        /// A section of the plan; its descendants' tasks match too.
        var sectionID: UUID?
        var unitID: UUID?
        var leaderID: UUID?
        var kind: TaskKind?

        /// The white-space separated terms of the query.
        var terms: [String] { text.split(whereSeparator: \.isWhitespace).map(String.init) }

        /// True when nothing at all was asked: the page then shows the form and a hint, not every task.
        var isEmpty: Bool {
            terms.isEmpty && planID == nil && sectionID == nil && unitID == nil && leaderID == nil && kind == nil
        }
    }

    /// One matching task.
    struct Hit: Decodable, Sendable {
        var id: UUID
        var planId: UUID
        var planTitle: String
        var number: String
        var kind: String
        var text: String
    }

    /// One page of hits and the number of all matching tasks.
    struct Results: Sendable {
        var total: Int
        var hits: [Hit]
    }

    let database: any Database

    /// The tasks of the government matching `criteria`, newest plan first then in plan order, `limit` from `offset`.
    func search(_ criteria: Criteria, governmentID: UUID, limit: Int, offset: Int) async throws -> Results {
        let sql = try database.requireSQL()
        let filter = try await conditions(criteria, governmentID: governmentID, dialect: sql.dialect.name)
            .joined(separator: " AND ")
        let from: SQLQueryString = "FROM tasks t JOIN plans p ON p.id = t.plan_id WHERE \(filter)"
        let total = try await sql.raw("SELECT COUNT(*) AS n \(from)").first(decodingColumn: "n", as: Int.self) ?? 0
        let hits = try await sql.raw(
            """
            SELECT t.id, t.plan_id, p.title AS plan_title, t.number, t.kind, t.text \(from)
            ORDER BY p.year DESC, p.created_at DESC, p.id, t.position
            LIMIT \(literal: max(limit, 0)) OFFSET \(literal: max(offset, 0))
            """
        ).all(decoding: Hit.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Results(total: total, hits: hits)
    }

    /// The WHERE conditions, always scoped to the government.
    private func conditions(_ criteria: Criteria, governmentID: UUID, dialect: String) async throws -> [SQLQueryString]
    {
        var conditions: [SQLQueryString] = ["p.government_id = \(bind: governmentID)"]
        conditions += criteria.terms.map { Self.textCondition($0, dialect: dialect) }
        // A withdrawn plan's tasks are found only by searching that plan itself, from its archived page.
        if let planID = criteria.planID {
            conditions.append("t.plan_id = \(bind: planID)")
        } else {
            conditions.append("p.withdrawn_at IS NULL")
        }
        if let sectionID = criteria.sectionID {
            conditions.append("t.section_id IN (\(binds: try await sectionAndDescendants(sectionID)))")
        }
        if let kind = criteria.kind { conditions.append("t.kind = \(bind: kind.rawValue)") }
        if let unitID = criteria.unitID {
            conditions.append("t.id IN (SELECT task_id FROM task_assignments WHERE unit_id = \(bind: unitID))")
        }
        if let leaderID = criteria.leaderID {
            conditions.append("t.id IN (SELECT task_id FROM task_leaders WHERE leader_id = \(bind: leaderID))")
        }
        return conditions
    }

    /// The condition one term puts on `t.text` (see the type's documentation for why it differs).
    static func textCondition(_ term: String, dialect: String) -> SQLQueryString {
        if dialect == "sqlite" {
            guard term.unicodeScalars.count >= 3 else { return "t.text LIKE \(bind: likePattern(term)) ESCAPE '\\'" }
            return "t.id IN (SELECT task_id FROM task_search WHERE task_search MATCH \(bind: ftsPhrase(term)))"
        }
        return "t.text ILIKE \(bind: likePattern(term)) ESCAPE '\\'"
    }

    /// The term as one FTS5 phrase: quoted, inner quotes doubled.
    static func ftsPhrase(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `%term%` with the LIKE wildcards and the escape character escaped.
    static func likePattern(_ term: String) -> String {
        var escaped = ""
        for character in term {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// The section and every section below it, so that filtering by 二、 finds the tasks under its (一), (二) ….
    private func sectionAndDescendants(_ sectionID: UUID) async throws -> [UUID] {
        guard let section = try await PlanSection.find(sectionID, on: database) else { return [sectionID] }
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == section.$plan.id).all()
        var children: [UUID: [UUID]] = [:]
        for child in sections {
            if let parentID = child.$parent.id, let id = child.id { children[parentID, default: []].append(id) }
        }
        var found = [sectionID]
        var index = 0
        while index < found.count, found.count <= sections.count {
            found += children[found[index]] ?? []
            index += 1
        }
        return found
    }
}
