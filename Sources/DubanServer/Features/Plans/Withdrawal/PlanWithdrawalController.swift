import Fluent
import SQLKit
import Vapor

/// Withdrawing a plan and restoring it, for the administrator: a confirmation page that says what the
/// withdrawal does and asks why, then the action. Registered behind `RequirePermission(.importPlans)`.
struct PlanWithdrawalController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planWithdraw(.parameter).pathComponents, use: confirm)
        routes.post(SiteURL.planWithdraw(.parameter).pathComponents, use: withdraw)
        routes.post(SiteURL.planRestore(.parameter).pathComponents, use: restore)
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let plan = try await findPlan(req)
        guard plan.withdrawnAt == nil else { return req.redirect(to: SiteURL.plan(try plan.requireID()).path) }
        return try await req.answer(try await page(req, plan: plan, reason: "", error: ""), status: .ok)
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let plan = try await findPlan(req)
        let planID = try plan.requireID()
        let reason = (try? req.content.decode(WithdrawalForm.self))?.reason ?? ""
        do {
            _ = try await PlanWithdrawal.withdraw(
                planID: planID, governmentID: plan.$government.id, reason: reason, actor: req.auditActor,
                requestID: req.requestID, on: req.db)
        } catch let error as PlanWithdrawalError where error == .reasonMissing || error == .reasonTooLong {
            return try await req.answer(
                try await page(req, plan: plan, reason: reason, error: error.reason), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.plan(planID).path + "?withdrawn=1")
    }

    @Sendable func restore(req: Request) async throws -> Response {
        let plan = try await findPlan(req)
        let planID = try plan.requireID()
        _ = try await PlanWithdrawal.restore(
            planID: planID, governmentID: plan.$government.id, actor: req.auditActor, requestID: req.requestID,
            on: req.db)
        return req.redirect(to: SiteURL.plan(planID).path + "?restored=1")
    }

    private func findPlan(_ req: Request) async throws -> Plan {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        guard
            let plan = try await Plan.query(on: req.db).filter(\.$id == planID)
                .filter(\.$government.$id == (try req.currentUser().governmentID)).first()
        else { throw PageError.planNotFound }
        return plan
    }

    /// The confirmation page, with what the plan holds that the withdrawal keeps.
    private func page(_ req: Request, plan: Plan, reason: String, error: String) async throws -> View {
        let planID = try plan.requireID()
        let sql = try req.db.requireSQL()
        func count(_ query: SQLQueryString) async throws -> Int {
            try await sql.raw(query).first(decodingColumn: "n", as: Int.self) ?? 0
        }
        let tasks = try await count(
            "SELECT COUNT(*) AS n FROM tasks WHERE plan_id = \(bind: planID) AND withdrawn_at IS NULL")
        let units = try await count(
            """
            SELECT COUNT(DISTINCT a.unit_id) AS n FROM task_assignments a JOIN tasks t ON t.id = a.task_id \
            WHERE t.plan_id = \(bind: planID) AND t.withdrawn_at IS NULL
            """)
        let reports = try await count(
            """
            SELECT COUNT(*) AS n FROM progress_reports r JOIN tasks t ON t.id = r.task_id \
            WHERE t.plan_id = \(bind: planID)
            """)
        let workPlans = try await count(
            "SELECT COUNT(*) AS n FROM work_plans w JOIN tasks t ON t.id = w.task_id WHERE t.plan_id = \(bind: planID)"
        )
        let chrome = try PageChrome(
            for: req, title: "撤回方案 · \(plan.title)", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: plan.title, href: SiteURL.plan(planID).path),
                .init(label: "撤回", href: ""),
            ])
        return try await req.view.render(
            "plans/withdraw",
            PlanWithdrawalPage(
                page: chrome, planTitle: plan.title, planHref: SiteURL.plan(planID).path,
                action: SiteURL.planWithdraw(planID).path, taskCount: tasks, unitCount: units, reportCount: reports,
                workPlanCount: workPlans, reason: reason, error: error,
                maxReasonLength: PlanWithdrawal.maxReasonLength))
    }

    struct WithdrawalForm: Decodable {
        var reason: String?
    }
}

/// The withdrawal's confirmation page.
struct PlanWithdrawalPage: Encodable {
    var page: PageChrome
    var planTitle: String
    var planHref: String
    var action: String
    var taskCount: Int
    var unitCount: Int
    var reportCount: Int
    var workPlanCount: Int
    var reason: String
    var error: String
    var maxReasonLength: Int
}
