import DubanCore
import Fluent
import Vapor

/// A task's reporting: the page, filing work plans and reports (clerks of the task's units), reviewing them
/// (the 督查室), and downloading evidence. Registered for every signed-in role; each handler asks the policy
/// about the task at hand.
struct TaskReportingController: RouteCollection {
    /// Reports carry up to ten files of 10 MB.
    static let maxBody: ByteCount = "110mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.taskReporting(.parameter).pathComponents, use: page)
        routes.upload(.POST, SiteURL.taskReports(.parameter).pathComponents, limit: Self.maxBody, use: fileReport)
        routes.post(SiteURL.taskWorkPlans(.parameter).pathComponents, use: fileWorkPlan)
        routes.post(SiteURL.reportReview(.parameter).pathComponents, use: reviewReport)
        routes.post(SiteURL.workPlanReview(.parameter).pathComponents, use: reviewWorkPlan)
        routes.post(SiteURL.flagDismiss(.parameter).pathComponents, use: dismissFlag)
        routes.get(SiteURL.report(.parameter).pathComponents, use: showReport)
        routes.get(SiteURL.attachment(.parameter).pathComponents, use: download)
    }

    /// The reporting page; `?period=2026-Q2` chooses the period of the form, `?done=` names what just happened.
    @Sendable func page(req: Request) async throws -> View {
        let loaded = try await load(req)
        try req.authorize(.readReports, on: loaded.ownership, hidden: PageError.taskNotFound)
        let notices = [
            "report": "已报送。督查室审核后会通知本单位。", "contribution": "配合材料已提交，牵头单位汇总时可以直接引用。",
            "workplan": "办理方案已报送。", "reviewed": "审核意见已发送给报送单位。",
            "instruction": "批示已发送，承担任务的单位和督查室都会收到。",
            "dismissed": "已排除这条质量提示，理由已记入审计日志。",
        ]
        let done = req.notice(from: notices)
        let period = try? req.query.get(String.self, at: "period")
        var page = try TaskReportingQuery.page(loaded, req: req, period: period, notice: done, error: "")
        page.cascade = try await CascadePanelQuery.load(loaded.task, req: req)
        for index in page.cascade.sums.indices {
            let sum = page.cascade.sums[index]
            if let field = page.filing?.targets.first(where: { $0.label == sum.label && $0.unit == sum.unit }) {
                page.cascade.sums[index].field = "actual-\(field.index)"
            }
        }
        return try await req.view.render("reporting/task", page)
    }

    /// Files a new version of the unit's report or contribution. The POST authorizes and files from a small
    /// lookup (`FilingContext`); the full page is built only to show a refused form again as typed.
    @Sendable func fileReport(req: Request) async throws -> Response {
        let context = try await filingContext(req)
        let user = try req.currentUser()
        let form = (try? req.content.decode(ReportForm.self)) ?? ReportForm()
        // Reports are the unit's own statement: only its clerk files them, never the 督查室 on its behalf.
        guard let unitID = user.unitID else { throw AuthorizationError.forbidden }
        let taskID = try context.task.requireID()
        do {
            let submission = try form.submission(targets: TaskTargets.of(context.task.text))
            let report = try await ReportFiling.submit(
                submission, taskID: taskID, unitID: unitID, by: req.filer(), context: try context.requireDuty(),
                on: req.db)
            let done = report.kind == .report ? "report" : "contribution"
            return req.redirect(to: SiteURL.taskReporting(taskID).path + "?done=\(done)")
        } catch let error as ReportFilingError where error.status == .unprocessableEntity {
            let page = try TaskReportingQuery.page(
                try await load(req), req: req, period: form.period, notice: "", error: error.reason, typed: form)
            return try await req.answer(req.view.render("reporting/task", page), status: .unprocessableEntity)
        }
    }

    /// Files a new version of the unit's work plan from rows `content-N`, `month-N`, `leader-N`, `department-N`;
    /// like a report, from the small lookup.
    @Sendable func fileWorkPlan(req: Request) async throws -> Response {
        let context = try await filingContext(req)
        guard let unitID = try req.currentUser().unitID else { throw AuthorizationError.forbidden }
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        var items: [WorkPlanFiling.Item] = []
        for index in 0..<(WorkPlanFiling.maxItems + 5) where form["content-\(index)"] != nil {
            items.append(
                .init(
                    content: form["content-\(index)"] ?? "", plannedMonth: form["month-\(index)"].flatMap { Int($0) },
                    leader: form["leader-\(index)"] ?? "", department: form["department-\(index)"] ?? ""))
        }
        let taskID = try context.task.requireID()
        if form["addRows"] != nil {
            // Without JavaScript, "添加行" comes here: the form again as typed, with more empty rows, nothing saved.
            let typed = items.filter { !$0.isBlank }
            let page = try TaskReportingQuery.page(
                try await load(req), req: req, period: nil, notice: "", error: "", typedWorkPlan: typed)
            return try await req.answer(req.view.render("reporting/task", page), status: .ok)
        }
        do {
            _ = try await WorkPlanFiling.submit(
                items, taskID: taskID, unitID: unitID, by: req.filer(), context: try context.requireDuty(), on: req.db)
        } catch let error as ReportFilingError where error.status == .unprocessableEntity {
            let page = try TaskReportingQuery.page(
                try await load(req), req: req, period: nil, notice: "", error: error.reason, typedWorkPlan: items)
            return try await req.answer(req.view.render("reporting/task", page), status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.taskReporting(taskID).path + "?done=workplan")
    }

    /// Accepts (`decision=accept`) or returns (`decision=return`, with `comment`) a report.
    @Sendable func reviewReport(req: Request) async throws -> Response {
        try await review(ProgressReport.self, idParameter: "reportID", req: req)
    }

    /// Accepts or returns a work plan.
    @Sendable func reviewWorkPlan(req: Request) async throws -> Response {
        try await review(WorkPlan.self, idParameter: "workPlanID", req: req)
    }

    /// Either review, the same way: the 督查室 only, the record of its government, then back to the task.
    private func review<Record: Reviewable>(_ type: Record.Type, idParameter: String, req: Request) async throws
        -> Response
    {
        try req.authorize(.superviseReporting)
        let id = try req.requireID(idParameter, orThrow: .taskNotFound)
        let form = (try? req.content.decode(ReviewForm.self)) ?? ReviewForm(decision: "")
        do {
            guard form.decision == "accept" || form.decision == "return" else {
                throw ReportFilingError.decisionMissing
            }
            let record = try await Review.perform(
                Record.self, id: id, accept: form.decision == "accept", comment: form.comment ?? "", by: req.filer(),
                governmentID: try req.currentUser().governmentID, on: req.db)
            return req.redirect(
                to: SiteURL.taskReporting(try record.reviewedTask.requireID()).path + "?done=reviewed")
        } catch let error as ReportFilingError where error.status == .unprocessableEntity {
            // The task's page again, inside the layout, with the message beside the record's review form.
            guard let record = try await Record.findForReview(id, on: req.db),
                record.reviewedUnit.$government.id == (try req.currentUser().governmentID)
            else { throw ReportFilingError.notFound }
            var page = try await TaskReportingQuery.pageAfterRefusal(
                taskID: try record.reviewedTask.requireID(), req: req, error: error.reason)
            page.refuseReview(of: id.uuidString.lowercased(), message: error.reason)
            return try await req.answer(req.view.render("reporting/task", page), status: .unprocessableEntity)
        }
    }

    /// Dismisses a report's quality flag (`reason` required): the 督查室 only, a flag of its government.
    @Sendable func dismissFlag(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let id = try req.requireID("flagID", orThrow: .taskNotFound)
        let user = try req.currentUser()
        guard
            let flag = try await ReportFlag.query(on: req.db).filter(\.$id == id)
                .with(\.$report, { $0.with(\.$unit) }).first(), flag.report.unit.$government.id == user.governmentID
        else { throw PageError.taskNotFound }
        let taskID = flag.report.$task.id
        let reason = (try? req.content.decode([String: String].self))?["reason"] ?? ""
        do {
            try await ReportChecks.dismiss(
                flag, reason: reason, governmentID: user.governmentID, by: try req.filer(), on: req.db)
        } catch let error as ReportFilingError where error.status == .unprocessableEntity {
            let page = try await TaskReportingQuery.pageAfterRefusal(taskID: taskID, req: req, error: error.reason)
            return try await req.answer(req.view.render("reporting/task", page), status: .unprocessableEntity)
        }
        let anchor = "#report-" + flag.$report.id.uuidString.lowercased()
        return req.redirect(to: SiteURL.taskReporting(taskID).path + "?done=dismissed" + anchor)
    }

    /// A report version's place on its task's page (links in notifications and the audit log).
    @Sendable func showReport(req: Request) async throws -> Response {
        let id = try req.requireID("reportID", orThrow: .taskNotFound)
        let user = try req.currentUser()
        guard let report = try await ProgressReport.query(on: req.db).filter(\.$id == id).with(\.$unit).first(),
            report.unit.$government.id == user.governmentID
        else { throw PageError.taskNotFound }
        return req.redirect(to: SiteURL.taskReporting(report.$task.id).path + "#report-\(id.uuidString.lowercased())")
    }

    /// Sends an evidence file to those who may read the task's reports, as a download (never rendered inline,
    /// so an uploaded file cannot run in the site's origin).
    @Sendable func download(req: Request) async throws -> Response {
        try await Self.download(try req.requireID("attachmentID", orThrow: .taskNotFound), req: req)
    }

    /// The attachment `id` as a download, when the signed-in user may read its task's reports (the API's
    /// download too).
    static func download(_ id: UUID, req: Request) async throws -> Response {
        _ = try req.currentUser()
        guard let attachment = try await ReportAttachment.query(on: req.db).filter(\.$id == id).with(\.$report).first(),
            let ownership = try await TaskReportingQuery.ownership(taskID: attachment.report.$task.id, on: req.db)
        else { throw PageError.taskNotFound }
        try req.authorize(.readReports, on: ownership, hidden: PageError.taskNotFound)
        guard let blob = try await AttachmentBlob.find(attachment.blobID, on: req.db) else {
            throw PageError.taskNotFound
        }
        return FileDownload.evidence(blob.data, contentType: attachment.contentType, fileName: attachment.fileName)
    }

    /// The task's filing context, once the policy lets the signed-in user act on it.
    private func filingContext(_ req: Request) async throws -> FilingContext {
        let taskID = try req.requireID("taskID", orThrow: .taskNotFound)
        guard
            let context = try await FilingContext.load(
                taskID: taskID, governmentID: try req.currentUser().governmentID, on: req.db)
        else { throw PageError.taskNotFound }
        try req.authorize(.actOnTask, on: context.ownership, hidden: PageError.taskNotFound)
        return context
    }

    private func load(_ req: Request) async throws -> TaskReportingQuery.Loaded {
        let taskID = try req.requireID("taskID", orThrow: .taskNotFound)
        guard
            let loaded = try await TaskReportingQuery.load(taskID: taskID, today: req.clock.today(), on: req.db)
        else { throw PageError.taskNotFound }
        return loaded
    }

}

/// The review buttons' form.
struct ReviewForm: Content {
    var decision: String
    var comment: String?
}
