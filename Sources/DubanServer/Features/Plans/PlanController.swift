import Fluent
import Vapor

/// The plan page and the task page.
struct PlanController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.plan(.parameter).pathComponents, use: plan)
        routes.get(SiteURL.task(.parameter).pathComponents, use: task)
    }

    /// One plan: counts by kind, the section tree and every task.
    @Sendable func plan(req: Request) async throws -> View {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        let user = try req.currentUser()
        guard
            let detail = try await PlanPageQuery.detail(
                planID: planID, governmentID: user.governmentID, today: req.clock.today(), on: req.db)
        else { throw PageError.planNotFound }
        let chrome = try PageChrome(
            for: req, title: detail.title, section: .plans,
            breadcrumbs: [.init(label: "方案", href: SiteURL.plans.path), .init(label: detail.title, href: "")])
        let searchHref = SiteURL.searchWith([("plan", detail.id)]).path
        let mayImport = req.allows(.importPlans)
        let withdrawn = !detail.withdrawalNote.isEmpty
        let reviseHref = mayImport && !withdrawn ? SiteURL.importRevision(planID).path : ""
        let notice =
            switch (try? req.query.get(String.self, at: "withdrawn"), try? req.query.get(String.self, at: "restored")) {
            case ("1", _) where withdrawn: "方案已撤回，不再要求报送。可以在下方恢复。"
            case (_, "1") where !withdrawn: "方案已恢复，报送、提醒和统计照旧。"
            default: ""
            }
        let revisions = try await PlanRevision.query(on: req.db).filter(\.$plan.$id == planID)
            .sort(\.$number, .descending).all()
        let revisionNote = revisions.first.map { "已修订 \(revisions.count) 次，最近一次（\($0.fileName)）：\($0.summary)" } ?? ""
        var supervision: [LinkItem] = []
        if !withdrawn {
            supervision.append(.init(label: "量化指标完成情况", href: SiteURL.planTargets(planID).path))
            supervision.append(
                .init(label: "导出本期完成情况汇总（Excel）", href: SiteURL.planProgressXlsx(planID, period: nil).path))
            if req.allows(.viewContacts, on: Ownership(governmentID: user.governmentID)) {
                supervision.append(.init(label: "导出督办工作人员名单（Excel）", href: SiteURL.planContactsXlsx(planID).path))
            }
            if req.allows(.readScores) {
                supervision.append(.init(label: "考核得分", href: SiteURL.scores(plan: planID, period: nil).path))
            }
            supervision.append(.init(label: "考核办法", href: SiteURL.scoringScheme(planID).path))
        }
        var page = PlanPage(
            page: chrome, plan: detail, searchHref: searchHref,
            exportXlsxHref: SiteURL.planExportXlsx(planID).path, exportCsvHref: SiteURL.planExportCsv(planID).path,
            reviseHref: reviseHref, revisionNote: revisionNote,
            rulesHref: req.allows(.superviseReporting) && !withdrawn ? SiteURL.planRules(planID).path : "",
            withdrawalNote: detail.withdrawalNote,
            withdrawHref: mayImport && !withdrawn ? SiteURL.planWithdraw(planID).path : "",
            restoreAction: mayImport && withdrawn ? SiteURL.planRestore(planID).path : "", notice: notice,
            supervision: supervision)
        if let token = try await Plan.find(planID, on: req.db)?.publicToken, !withdrawn {
            page.publicHref = SiteURL.publicPlan(token).path
        }
        if req.allows(.superviseReporting), !withdrawn { page.publicAction = SiteURL.planPublic(planID).path }
        return try await req.view.render("plans/show", page)
    }

    /// One task in full, with the lines of the document it was read from.
    @Sendable func task(req: Request) async throws -> View {
        let taskID = try req.requireID("taskID", orThrow: .taskNotFound)
        let user = try req.currentUser()
        guard let detail = try await TaskPageQuery.detail(taskID: taskID, governmentID: user.governmentID, on: req.db)
        else { throw PageError.taskNotFound }
        let crumbs =
            [
                PageChrome.Link(label: "方案", href: SiteURL.plans.path),
                PageChrome.Link(label: detail.planTitle, href: detail.planHref),
            ]
            + detail.sections.map { PageChrome.Link(label: $0.label, href: $0.href) }
            + [PageChrome.Link(label: "任务 \(detail.number)", href: "")]
        let chrome = try PageChrome(
            for: req, title: "任务 \(detail.number) · \(detail.planTitle)", section: .plans, breadcrumbs: crumbs)
        let board = try await DutyStatus.board(.tasks([taskID]), today: req.clock.today(), on: req.db)
        let lights = board.map { TaskReportingPage.LightLine($0, contact: nil) }
        return try await req.view.render(
            "tasks/show",
            TaskPage(
                page: chrome, task: detail, reportingHref: SiteURL.taskReporting(taskID).path, lights: lights))
    }
}
