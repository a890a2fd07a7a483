import Fluent
import Vapor

/// `GET /api/v1/search`: the same Chinese substring search as the search page, with its filters.
struct APISearchController: RouteCollection {
    /// Registers the route; it sits behind `APIPermission(.read)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("search", use: search)
    }

    /// The search's query parameters.
    struct SearchParameters: Content {
        var q: String?
        var plan: UUID?
        var section: UUID?
        var unit: UUID?
        var leader: UUID?
        var kind: String?
        var page: Int?
        var perPage: Int?
    }

    /// One page of matching tasks, newest plan first then in plan order; with no term and no filter, every task
    /// of the government in that order (a client's paged listing).
    @Sendable func search(req: Request) async throws -> PageDTO<TaskSummaryDTO> {
        let parameters = try req.apiQuery(SearchParameters.self)
        let paging = try Paging(page: parameters.page, perPage: parameters.perPage)
        let criteria = TaskSearch.Criteria(
            text: SearchText.clean(parameters.q), planID: parameters.plan,
            sectionID: parameters.section, unitID: parameters.unit, leaderID: parameters.leader,
            kind: try APIPlanController.kind(parameters.kind))
        let results = try await TaskSearch(database: req.db).search(
            criteria, governmentID: try req.currentUser().governmentID, limit: paging.perPage, offset: paging.offset)
        let items = try await APITaskQuery.summaries(results.hits.map(\.id), on: req.db)
        return PageDTO(items: items, paging: paging, total: results.total)
    }
}
