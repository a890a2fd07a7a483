import Fluent
import Vapor

/// A leader writes a 批示 from a task's reporting page: on the task, or on one report of it.
struct InstructionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.taskInstructions(.parameter).pathComponents, use: give)
    }

    /// `text`, and `report` (a report id) when the instruction is written on a report.
    @Sendable func give(req: Request) async throws -> Response {
        let taskID = try req.requireID("taskID", orThrow: .taskNotFound)
        let user = try req.currentUser()
        guard
            let ownership = try await TaskReportingQuery.ownership(taskID: taskID, on: req.db)
        else { throw PageError.taskNotFound }
        try req.authorize(.instruct, on: ownership, hidden: PageError.taskNotFound)
        guard let author = try await Instructions.Author.of(user, on: req.db) else {
            throw AuthorizationError.forbidden
        }
        let form = (try? req.content.decode(InstructionForm.self)) ?? InstructionForm()
        let reportID = form.report.flatMap(UUID.init(uuidString:))
        do {
            _ = try await Instructions.give(
                form.text ?? "", taskID: taskID, reportID: reportID,
                by: author, filer: try req.filer(), on: req.db)
            return req.redirect(to: SiteURL.taskReporting(taskID).path + "?done=instruction#instructions")
        } catch let failure as Instructions.Failure {
            var page = try await TaskReportingQuery.pageAfterRefusal(taskID: taskID, req: req, error: failure.message)
            page.instructions.typed = form.text ?? ""
            page.instructions.error = failure.message
            return try await req.answer(req.view.render("reporting/task", page), status: .unprocessableEntity)
        }
    }
}

/// The 批示 form.
struct InstructionForm: Content {
    var text: String?
    var report: String?
}
