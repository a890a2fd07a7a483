import Foundation
import DubanCore
import Fluent
import SQLKit

/// Tasks as the API returns them: a filtered page of a plan's tasks, any list of tasks by id (search hits), and
/// one task in full. A page costs four queries however many tasks it holds.
enum APITaskQuery {
    /// What a plan's task list may be narrowed to.
    struct Filter: Sendable, Equatable {
        var kind: TaskKind?
        /// Tasks this unit holds in any role.
        var unitID: UUID?
    }

    /// One page of the plan's tasks in plan order, and the number of all tasks the filter keeps.
    static func page(planID: UUID, filter: Filter, paging: Paging, on database: any Database) async throws
        -> (items: [TaskSummaryDTO], total: Int)
    {
        let sql = try database.requireSQL()
        var conditions: [SQLQueryString] = ["t.plan_id = \(bind: planID)"]
        if let kind = filter.kind { conditions.append("t.kind = \(bind: kind.rawValue)") }
        if let unitID = filter.unitID {
            conditions.append("t.id IN (SELECT task_id FROM task_assignments WHERE unit_id = \(bind: unitID))")
        }
        let condition = conditions.joined(separator: " AND ")
        let total =
            try await sql.raw("SELECT COUNT(*) AS n FROM tasks t WHERE \(condition)")
            .first(decodingColumn: "n", as: Int.self) ?? 0
        let ids = try await sql.raw(
            """
            SELECT t.id FROM tasks t WHERE \(condition) ORDER BY t.position
            LIMIT \(literal: paging.perPage) OFFSET \(literal: paging.offset)
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        return (try await summaries(ids, on: database), total)
    }

    /// The tasks with these ids, in the order given, with their units and leaders.
    static func summaries(_ ids: [UUID], on database: any Database) async throws -> [TaskSummaryDTO] {
        guard !ids.isEmpty else { return [] }
        let tasks = try await TaskRecord.query(on: database).filter(\.$id ~~ ids).with(\.$plan).all()
        let roles = try await roles(of: ids, on: database)
        let leaders = try await leaders(of: ids, on: database)
        let byID = Dictionary(tasks.compactMap { task in task.id.map { ($0, task) } }, uniquingKeysWith: { a, _ in a })
        return ids.compactMap { id in
            byID[id].map { task in
                TaskSummaryDTO(
                    id: id, planId: task.$plan.id, planTitle: task.plan.title, sectionId: task.$section.id,
                    key: task.key, number: task.number, kind: task.kind.rawValue, text: task.text,
                    deadline: task.deadline,
                    roles: roles[id] ?? [], leaders: leaders[id] ?? [])
            }
        }
    }

    /// Each task's units grouped by role in the order of responsibility, units in printed order.
    static func roles(of taskIDs: [UUID], on database: any Database) async throws -> [UUID: [TaskRoleDTO]] {
        let assignments = try await TaskAssignment.query(on: database).filter(\.$task.$id ~~ taskIDs)
            .with(\.$unit).sort(\.$position).all()
        var byTask: [UUID: [AssignmentRole: [UnitRefDTO]]] = [:]
        for assignment in assignments {
            let role = assignment.role
            let unit = UnitRefDTO(id: try assignment.unit.requireID(), name: assignment.unit.name)
            byTask[assignment.$task.id, default: [:]][role, default: []].append(unit)
        }
        return byTask.mapValues { units in
            AssignmentRole.allCases.compactMap { role in
                units[role].map { TaskRoleDTO(role: role.apiName, label: role.label, units: $0) }
            }
        }
    }

    /// Each task's leaders in printed order.
    static func leaders(of taskIDs: [UUID], on database: any Database) async throws -> [UUID: [LeaderRefDTO]] {
        let links = try await TaskLeader.query(on: database).filter(\.$task.$id ~~ taskIDs).with(\.$leader)
            .sort(\.$position).all()
        var byTask: [UUID: [LeaderRefDTO]] = [:]
        for link in links {
            byTask[link.$task.id, default: []].append(
                LeaderRefDTO(id: try link.leader.requireID(), name: link.leader.name, title: link.leader.title))
        }
        return byTask
    }
}
