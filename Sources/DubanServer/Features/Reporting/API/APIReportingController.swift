import DubanCore
import Fluent
import Vapor

/// The reporting cycle through the API — a task's reporting, filing work plans and reports (with figures and
/// evidence), reviewing them, 批示 and evidence downloads — through the same services and the same policy as
/// the pages. Registered behind `APIPermission(.read)`; each handler asks the policy about the task at hand.
struct APIReportingController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("tasks", ":id", "reporting", use: reporting)
        routes.post("tasks", ":id", "workplans", use: fileWorkPlan)
        routes.on(
            .POST, "tasks", ":id", "reports", body: .collect(maxSize: TaskReportingController.maxBody), use: fileReport)
        routes.post("reports", ":id", "review", use: reviewReport)
        routes.post("workplans", ":id", "review", use: reviewWorkPlan)
        routes.post("tasks", ":id", "instructions", use: instruct)
        routes.get("attachments", ":id", use: download)
    }

    /// Each reporting unit's light, the current work plans, reports and contributions, and the 批示.
    @Sendable func reporting(req: Request) async throws -> TaskReportingDTO {
        let taskID = try req.apiID(of: .task)
        _ = try req.currentUser()
        guard
            let loaded = try await TaskReportingQuery.load(taskID: taskID, today: req.clock.today(), on: req.db)
        else { throw APIError.notFound(.task) }
        try req.authorize(.readReports, on: loaded.ownership, hidden: APIError.notFound(.task))
        return TaskReportingDTO(
            taskId: taskID,
            lights: loaded.statuses.map {
                LightDTO(
                    unitId: $0.unit.id, unitName: $0.unit.name, light: $0.light.rawValue,
                    awaitingReview: $0.assessment.isAwaitingReview, reasons: $0.assessment.messages)
            },
            workPlans: try loaded.workPlans.filter { $0.state != .superseded }.map(WorkPlanDTO.init),
            reports: try loaded.reports.filter { $0.state != .superseded }
                .sorted { ($0.period, $0.unit.name) < ($1.period, $1.unit.name) }.map {
                    try ReportDTO(
                        $0, targets: TaskTargets.of(loaded.task.text),
                        pace: loaded.reporting.rules.pace)
                },
            instructions: try loaded.instructions.map(InstructionDTO.init))
    }

    /// Files a new version of the caller's unit's work plan; 201 with it.
    @Sendable func fileWorkPlan(req: Request) async throws -> Response {
        let (context, unitID) = try await filing(req)
        let body = try req.apiBody(NewWorkPlanRequest.self)
        let items = body.items.map {
            WorkPlanFiling.Item(
                content: $0.content, plannedMonth: $0.plannedMonth, leader: $0.leader ?? "",
                department: $0.department ?? "")
        }
        let plan = try await WorkPlanFiling.submit(
            items, taskID: try context.task.requireID(), unitID: unitID, by: req.filer(),
            context: try context.requireDuty(), on: req.db)
        return try await WorkPlanDTO(try await Self.workPlan(try plan.requireID(), on: req.db))
            .encodeResponse(status: .created, for: req)
    }

    /// Files a new version of the caller's unit's report (or contribution, for a co-unit): JSON, or multipart
    /// with `files[]` as evidence; 201 with it.
    @Sendable func fileReport(req: Request) async throws -> Response {
        let (context, unitID) = try await filing(req)
        let form: ReportForm
        do {
            form = try req.content.decode(ReportForm.self)
        } catch {
            throw APIError.invalidRequest("请求正文须为 JSON 或 multipart/form-data，并包含 period、status 和 narrative。")
        }
        let submission = try form.submission(targets: TaskTargets.of(context.task.text))
        let report = try await ReportFiling.submit(
            submission, taskID: try context.task.requireID(), unitID: unitID, by: req.filer(),
            context: try context.requireDuty(), on: req.db)
        let (_, reporting) = try context.requireDuty()
        return try await ReportDTO(
            try await Self.report(try report.requireID(), on: req.db),
            targets: TaskTargets.of(context.task.text), pace: reporting.rules.pace
        ).encodeResponse(status: .created, for: req)
    }

    /// Accepts or returns a report (the 督查室); 200 with it as decided.
    @Sendable func reviewReport(req: Request) async throws -> ReportDTO {
        let id = try await review(ProgressReport.self, req: req)
        let report = try await Self.report(id, on: req.db)
        let (duty, reporting) = try await ReportFiling.dutyAndRules(taskID: report.$task.id, on: req.db)
        return try ReportDTO(report, targets: TaskTargets.of(duty.text), pace: reporting.rules.pace)
    }

    /// Accepts or returns a work plan (the 督查室); 200 with it as decided.
    @Sendable func reviewWorkPlan(req: Request) async throws -> WorkPlanDTO {
        let id = try await review(WorkPlan.self, req: req)
        return try WorkPlanDTO(try await Self.workPlan(id, on: req.db))
    }

    /// A leader's 批示 on the task or on one of its reports; 201 with it.
    @Sendable func instruct(req: Request) async throws -> Response {
        let taskID = try req.apiID(of: .task)
        let user = try req.currentUser()
        guard
            let ownership = try await TaskReportingQuery.ownership(taskID: taskID, on: req.db)
        else { throw APIError.notFound(.task) }
        try req.authorize(.instruct, on: ownership, hidden: APIError.notFound(.task))
        guard let author = try await Instructions.Author.of(user, on: req.db) else { throw APIError.forbidden }
        let body = try req.apiBody(NewInstructionRequest.self)
        do {
            let instruction = try await Instructions.give(
                body.text, taskID: taskID, reportID: body.reportId,
                by: author, filer: req.filer(), on: req.db)
            return try await InstructionDTO(instruction).encodeResponse(status: .created, for: req)
        } catch let failure as Instructions.Failure {
            throw failure == .taskWithdrawn
                ? APIError(.conflict, .conflict, failure.message)
                : APIError(.unprocessableEntity, .invalidRequest, failure.message)
        }
    }

    /// An evidence file, as the pages send it: a download, never rendered.
    @Sendable func download(req: Request) async throws -> Response {
        try await TaskReportingController.download(try req.apiID(of: .task), req: req)
    }

    /// The task's filing context and the caller's unit, once the policy lets the caller file on it.
    private func filing(_ req: Request) async throws -> (FilingContext, UUID) {
        let taskID = try req.apiID(of: .task)
        let user = try req.currentUser()
        guard let context = try await FilingContext.load(taskID: taskID, governmentID: user.governmentID, on: req.db)
        else { throw APIError.notFound(.task) }
        try req.authorize(.actOnTask, on: context.ownership, hidden: APIError.notFound(.task))
        // A unit's statement: only its clerk files it, never the 督查室 on its behalf.
        guard let unitID = user.unitID else { throw APIError.forbidden }
        return (context, unitID)
    }

    /// Either review: the 督查室 only, the record of its government; returns the record's id.
    private func review<Record: Reviewable>(_ type: Record.Type, req: Request) async throws -> UUID {
        try req.authorize(.superviseReporting)
        let id = try req.apiID(of: .task)
        let body = try req.apiBody(ReviewRequest.self)
        guard ["accept", "return"].contains(body.decision) else {
            throw APIError.invalidRequest("decision 须为 accept 或 return。")
        }
        let record = try await Review.perform(
            Record.self, id: id, accept: body.decision == "accept", comment: body.comment ?? "", by: req.filer(),
            governmentID: try req.currentUser().governmentID, on: req.db)
        return try record.requireID()
    }

    private static func report(_ id: UUID, on database: any Database) async throws -> ProgressReport {
        guard
            let report = try await ProgressReport.query(on: database).filter(\.$id == id).with(\.$unit)
                .with(\.$actuals).with(\.$attachments).with(\.$flags).first()
        else { throw APIError.notFound(.task) }
        return report
    }

    private static func workPlan(_ id: UUID, on database: any Database) async throws -> WorkPlan {
        guard
            let plan = try await WorkPlan.query(on: database).filter(\.$id == id).with(\.$unit).with(\.$items)
                .first()
        else { throw APIError.notFound(.task) }
        return plan
    }

}
