import DubanCore
import Fluent
import Vapor

/// `GET /api/v1/plans…` and `GET /api/v1/tasks/{id}`: the government's plans, their sections and tasks.
struct APIPlanController: RouteCollection {
    /// Registers the routes; they sit behind `APIPermission(.read)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("plans", use: plans)
        routes.get("plans", ":id", use: plan)
        routes.get("plans", ":id", "tasks", use: tasks)
        routes.get("tasks", ":id", use: task)
    }

    /// The task list's query parameters.
    struct TaskListParameters: Content {
        var kind: String?
        var unit: UUID?
        var page: Int?
        var perPage: Int?
    }

    /// The government's plans, newest first.
    @Sendable func plans(req: Request) async throws -> ListDTO<PlanSummaryDTO> {
        ListDTO(items: try await APIPlanQuery.list(governmentID: try req.currentUser().governmentID, on: req.db))
    }

    /// One plan with its sections.
    @Sendable func plan(req: Request) async throws -> PlanDTO {
        let planID = try req.apiID(of: .plan)
        guard
            let plan = try await APIPlanQuery.detail(
                planID: planID, governmentID: try req.currentUser().governmentID, on: req.db)
        else { throw APIError.notFound(.plan) }
        return plan
    }

    /// One page of a plan's tasks, optionally of one kind or held by one unit.
    @Sendable func tasks(req: Request) async throws -> PageDTO<TaskSummaryDTO> {
        let planID = try req.apiID(of: .plan)
        let parameters = try req.apiQuery(TaskListParameters.self)
        let paging = try Paging(page: parameters.page, perPage: parameters.perPage)
        let filter = APITaskQuery.Filter(kind: try Self.kind(parameters.kind), unitID: parameters.unit)
        let governmentID = try req.currentUser().governmentID
        guard
            try await Plan.query(on: req.db).filter(\.$id == planID).filter(\.$government.$id == governmentID)
                .count() == 1
        else { throw APIError.notFound(.plan) }
        let (items, total) = try await APITaskQuery.page(planID: planID, filter: filter, paging: paging, on: req.db)
        return PageDTO(items: items, paging: paging, total: total)
    }

    /// One task in full.
    @Sendable func task(req: Request) async throws -> TaskDTO {
        let taskID = try req.apiID(of: .task)
        guard
            let task = try await APITaskQuery.detail(
                taskID: taskID, governmentID: try req.currentUser().governmentID, on: req.db)
        else { throw APIError.notFound(.task) }
        return task
    }

    /// A `kind` parameter as a task kind; an unknown value, the empty one included (`?kind=`), is a 400 that lists
    /// the known ones, as the OpenAPI document's enum says.
    static func kind(_ raw: String?) throws -> TaskKind? {
        guard let raw else { return nil }
        guard let kind = TaskKind(rawValue: raw) else {
            let known = TaskKind.allCases.map(\.rawValue).joined(separator: "、")
            throw APIError.invalidRequest("kind 须为以下之一：\(known)。")
        }
        return kind
    }
}
