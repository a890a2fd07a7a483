import Fluent
import SQLKit
import Vapor

/// One row of the plan list.
struct PlanRow: Encodable {
    var title: String
    var year: Int
    var issuer: String
    var docNumber: String
    var taskCount: Int
    var href: String
    /// "2026-12-03 09:30 撤回：误导入" for a withdrawn plan; empty for one in force.
    var withdrawalNote: String = ""
}

/// The plans of a government, newest year first, with their task counts.
enum PlanListQuery {
    /// The government's plans in force and its withdrawn ones, in one query and one count; none without a
    /// government.
    static func rows(governmentID: UUID?, on database: any Database) async throws
        -> (inForce: [PlanRow], withdrawn: [PlanRow])
    {
        guard let governmentID else { return ([], []) }
        let plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
            .sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        var result: (inForce: [PlanRow], withdrawn: [PlanRow]) = ([], [])
        for (plan, row) in try await rows(of: plans, on: database) {
            if plan.withdrawnAt == nil { result.inForce.append(row) } else { result.withdrawn.append(row) }
        }
        return result
    }

    /// The plans in force of each of these governments, newest year first, in one query and one count: a
    /// province's office reads the plans of every city and district below it.
    static func inForce(governmentIDs: [UUID], on database: any Database) async throws -> [UUID: [PlanRow]] {
        guard !governmentIDs.isEmpty else { return [:] }
        let plans = try await Plan.query(on: database).filter(\.$government.$id ~~ governmentIDs)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
        var rows: [UUID: [PlanRow]] = [:]
        for (plan, row) in try await self.rows(of: plans, on: database) {
            rows[plan.$government.id, default: []].append(row)
        }
        return rows
    }

    /// Each plan with its row, in the plans' order.
    private static func rows(of plans: [Plan], on database: any Database) async throws -> [(Plan, PlanRow)] {
        guard !plans.isEmpty else { return [] }
        let counts = try await taskCounts(planIDs: try plans.map { try $0.requireID() }, on: database)
        return try plans.map { plan in
            let id = try plan.requireID()
            let row = PlanRow(
                title: plan.title, year: plan.year, issuer: plan.issuer ?? "", docNumber: plan.docNumber ?? "",
                taskCount: counts[id] ?? 0, href: SiteURL.plan(id).path,
                withdrawalNote: plan.withdrawnAt.map { PlanWithdrawal.note(at: $0, reason: plan.withdrawalReason) }
                    ?? "")
            return (plan, row)
        }
    }

    /// Task count of each of these plans, in one grouped query over their tasks alone (the tasks' plan index),
    /// not over every task of every government in the installation.
    static func taskCounts(planIDs: [UUID], on database: any Database) async throws -> [UUID: Int] {
        guard !planIDs.isEmpty else { return [:] }
        let sql = try database.requireSQL()
        let rows = try await sql.select().column("plan_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(TaskRecord.schema).where(SQLColumn("plan_id"), .in, SQLBind.group(planIDs)).groupBy("plan_id").all()
        var counts: [UUID: Int] = [:]
        for row in rows {
            counts[try row.decode(column: "plan_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

/// The plan list page.
struct PlanListPage: Encodable {
    var page: PageChrome
    var plans: [PlanRow]
    /// Withdrawn plans, for the administrator who may restore them; empty for others.
    var withdrawn: [PlanRow]
    /// The import wizard, for those who may import; empty otherwise.
    var importHref: String
    /// The plans of the governments below the user's, each government with its plans in force, for a higher
    /// office that reads them; empty otherwise.
    var below: [GovernmentPlans] = []

    struct GovernmentPlans: Encodable {
        var government: String
        var plans: [PlanRow]
    }
}
