import Foundation
import Fluent
import SQLKit

/// The leader list and each leader's tasks, each in a fixed number of queries.
enum LeaderQuery {
    /// The government's leaders in order of precedence with their task counts.
    static func rows(governmentID: UUID, on database: any Database) async throws -> [LeaderListPage.Row] {
        let leaders = try await ordered(governmentID: governmentID, on: database)
        let countByLeader = try await taskCounts(governmentID: governmentID, on: database)
        return try leaders.map { leader in
            let id = try leader.requireID()
            return LeaderListPage.Row(
                name: leader.name, title: leader.title, portfolio: leader.portfolio,
                taskCount: countByLeader[id] ?? 0, href: SiteURL.leader(id).path)
        }
    }

    /// The government's leaders in order of precedence, then by name.
    static func ordered(governmentID: UUID, on database: any Database) async throws -> [Leader] {
        try await Leader.query(on: database).filter(\.$government.$id == governmentID)
            .sort(\.$position).sort(\.$name).all()
    }

    /// Tasks per leader of the government, in one grouped query.
    static func taskCounts(governmentID: UUID, on database: any Database) async throws -> [UUID: Int] {
        let sql = try database.requireSQL()
        let counts = try await sql.raw(
            """
            SELECT tl.leader_id, COUNT(*) AS n FROM task_leaders tl JOIN leaders l ON l.id = tl.leader_id
            JOIN tasks t ON t.id = tl.task_id
            WHERE l.government_id = \(bind: governmentID) AND \(PlanWithdrawal.taskOfActivePlan) GROUP BY tl.leader_id
            """
        ).all()
        var countByLeader: [UUID: Int] = [:]
        for row in counts {
            countByLeader[try row.decode(column: "leader_id", as: UUID.self)] = try row.decode(
                column: "n", as: Int.self)
        }
        return countByLeader
    }

    /// How many of a leader's tasks in one plan their page lists before linking to the search for the rest: the
    /// board above already lists every duty, worst first, so the list is for finding a task, not for reading all.
    static let tasksShownPerPlan = 30

    /// The leader of the government with their tasks grouped by plan, newest plan first; nil when unknown.
    static func detail(leaderID: UUID, governmentID: UUID, on database: any Database) async throws -> LeaderDetail? {
        guard
            let leader = try await Leader.query(on: database).filter(\.$id == leaderID)
                .filter(\.$government.$id == governmentID).first()
        else { return nil }
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT p.title AS plan_title, \(TaskLinesQuery.columns) FROM task_leaders tl
            JOIN tasks t ON t.id = tl.task_id JOIN plans p ON p.id = t.plan_id
            WHERE tl.leader_id = \(bind: leaderID) AND p.withdrawn_at IS NULL ORDER BY p.year DESC, p.created_at DESC, p.id, t.position
            """
        ).all()
        var plans: [LeaderDetail.PlanTasks] = []
        for row in rows {
            let planID = try row.decode(column: "plan_id", as: UUID.self)
            if plans.last?.href != SiteURL.plan(planID).path {
                plans.append(
                    LeaderDetail.PlanTasks(
                        title: try row.decode(column: "plan_title", as: String.self),
                        href: SiteURL.plan(planID).path, tasks: []))
            }
            plans[plans.count - 1].total += 1
            guard plans[plans.count - 1].tasks.count < tasksShownPerPlan else {
                guard plans[plans.count - 1].moreHref.isEmpty else { continue }
                plans[plans.count - 1].moreHref =
                    SiteURL.searchWith([
                        ("plan", planID.uuidString.lowercased()), ("leader", leaderID.uuidString.lowercased()),
                    ]).path
                continue
            }
            plans[plans.count - 1].tasks.append(TaskLinesQuery.line(try TaskLinesQuery.Row(row)))
        }
        return LeaderDetail(
            name: leader.name, title: leader.title, portfolio: leader.portfolio, taskCount: rows.count,
            plans: plans, taskIDs: try rows.map { try $0.decode(column: "id", as: UUID.self) })
    }
}
