import Fluent
import Vapor

/// `POST /api/v1/units/{id}/merge`: folds another unit into the one in the path, as the unit page's merge form
/// does — the same `UnitMerger`, so the same transaction and audit entry, naming the token's user.
struct APIUnitMergeController: RouteCollection {
    /// Registers the route; it sits behind `APIPermission(.mergeUnits)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.post("units", ":id", "merge", use: merge)
    }

    /// Merges `sourceId` into the unit in the path and answers with what moved and the unit as it is now.
    @Sendable func merge(req: Request) async throws -> UnitMergeDTO {
        let targetID = try req.apiID(of: .unit)
        let body = try req.apiBody(UnitMergeRequest.self)
        let governmentID = try req.currentUser().governmentID
        let outcome: UnitMerger.Outcome
        do {
            outcome = try await UnitMerger(database: req.db, actor: req.auditActor, requestID: req.requestID)
                .merge(sourceID: body.sourceId, into: targetID, governmentID: governmentID)
        } catch let error as UnitMergeError {
            throw Self.apiError(error)
        }
        guard let unit = try await APIUnitQuery.detail(unitID: targetID, governmentID: governmentID, on: req.db)
        else { throw APIError.notFound(.unit) }
        return UnitMergeDTO(
            unit: unit, movedAssignments: outcome.movedAssignments, droppedDuplicates: outcome.droppedDuplicates,
            addedAliases: outcome.addedAliases, movedFilings: outcome.movedFilings)
    }

    /// The merger's refusals in the API's words: they speak of fields, not of a form to refresh.
    static func apiError(_ error: UnitMergeError) -> APIError {
        switch error {
        case .targetNotFound: .notFound(.unit)
        case .sameUnit: APIError(.conflict, .conflict, "sourceId 与路径中的单位相同：不能把一个单位合并到它自己。")
        case .sourceNotFound, .sourceMissing:
            APIError(.notFound, .notFound, "sourceId 指定的单位不存在或不属于本级政府，可能已被合并。")
        }
    }
}
