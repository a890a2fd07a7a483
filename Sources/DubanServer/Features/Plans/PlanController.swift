import Fluent
import Vapor

/// The plan page and the task page.
struct PlanController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.plan(.parameter).pathComponents, use: plan)
        routes.get(SiteURL.task(.parameter).pathComponents, use: task)
    }

    /// One plan: counts by kind, the section tree, and one page of tasks (`?page=N`, or the page holding
    /// `?section=<anchor>`); a page number past the end shows the last page.
    @Sendable func plan(req: Request) async throws -> View {
        let planID = try req.requireID("planID", orThrow: .planNotFound)
        let user = try req.currentUser()
        let record = try await CascadeAccess.plan(req, id: planID)
        // A higher government's office reads a lower government's plan; it manages none of it.
        let own = record.$government.id == user.governmentID
        guard
            let detail = try await PlanPageQuery.detail(
                planID: planID, governmentID: record.$government.id, today: req.clock.today(),
                page: .init(
                    number: (try? req.query.get(String.self, at: "page")).flatMap { Int($0) },
                    sectionAnchor: try? req.query.get(String.self, at: "section")),
                on: req.db)
        else { throw PageError.planNotFound }
        let chrome = try PageChrome(
            for: req, title: detail.title, section: .plans,
            breadcrumbs: [.init(label: "方案", href: SiteURL.plans.path), .init(label: detail.title, href: "")])
        let searchHref = SiteURL.searchWith([("plan", detail.id)]).path
        let mayImport = own && req.allows(.importPlans)
        let maySupervise = own && req.allows(.superviseReporting)
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
        if !withdrawn, own {
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
            page: chrome, plan: detail, pager: detail.pager, searchHref: own ? searchHref : "",
            exportXlsxHref: own ? SiteURL.planExportXlsx(planID).path : "",
            exportCsvHref: own ? SiteURL.planExportCsv(planID).path : "",
            reviseHref: reviseHref, revisionNote: revisionNote,
            rulesHref: maySupervise && !withdrawn ? SiteURL.planRules(planID).path : "",
            withdrawalNote: detail.withdrawalNote,
            withdrawHref: mayImport && !withdrawn ? SiteURL.planWithdraw(planID).path : "",
            restoreAction: mayImport && withdrawn ? SiteURL.planRestore(planID).path : "", notice: notice,
            supervision: supervision)
        if let token = record.publicToken, !withdrawn { page.publicHref = SiteURL.publicPlan(token).path }
        if maySupervise, !withdrawn { page.publicAction = SiteURL.planPublic(planID).path }
        if maySupervise,
            try await TaskLink.query(on: req.db).join(TaskRecord.self, on: \TaskLink.$task.$id == \TaskRecord.$id)
                .filter(TaskRecord.self, \.$plan.$id == planID).count() > 0
        {
            page.parentsHref = SiteURL.planParents(planID).path
        }
        if !own {
            page.foreignNote = "这是下级政府的方案，本级只能查阅，不能修改或审核。"
        }
        return try await req.view.render("plans/show", page)
    }

    /// One task in full, with the lines of the document it was read from.
    @Sendable func task(req: Request) async throws -> View {
        let taskID = try req.requireID("taskID", orThrow: .taskNotFound)
        let record = try await CascadeAccess.task(req, id: taskID)
        let ownership = try await CascadeAccess.ownership(of: record, on: req.db)
        guard
            let detail = try await TaskPageQuery.detail(
                taskID: taskID, governmentID: record.plan.$government.id, on: req.db)
        else { throw PageError.taskNotFound }
        let crumbs =
            [
                PageChrome.Link(label: "方案", href: SiteURL.plans.path),
                PageChrome.Link(label: detail.planTitle, href: detail.planHref),
            ]
            + detail.sections.map { PageChrome.Link(label: $0.label, href: $0.href) }
            + [PageChrome.Link(label: "任务 \(detail.number)", href: "")]
        let user = try req.currentUser()
        let chrome = try PageChrome(
            for: req, title: "任务 \(detail.number) · \(detail.planTitle)", section: .plans, breadcrumbs: crumbs)
        let board = try await DutyStatus.board(.tasks([taskID]), today: req.clock.today(), on: req.db)
        let lights = board.map { TaskReportingPage.LightLine($0, contact: nil) }
        return try await req.view.render(
            "tasks/show",
            TaskPage(
                page: chrome, task: detail,
                reportingHref: req.allows(.readReports, on: ownership) || ownership.governmentID == user.governmentID
                    ? SiteURL.taskReporting(taskID).path : "",
                lights: lights, cascade: try await CascadePanelQuery.load(record, req: req)))
    }
}
