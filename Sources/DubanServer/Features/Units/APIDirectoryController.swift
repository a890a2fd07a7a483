import Fluent
import Vapor

/// `GET /api/v1/units…` and `GET /api/v1/leaders`: the government's unit directory and leaders.
struct APIDirectoryController: RouteCollection {
    /// Registers the routes; they sit behind `APIPermission(.read)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("units", use: units)
        routes.get("units", ":id", use: unit)
        routes.get("leaders", use: leaders)
    }

    /// The directory's filter.
    struct UnitListParameters: Content {
        var q: String?
    }

    /// The government's units by name, optionally those whose name or alias contains `q`.
    @Sendable func units(req: Request) async throws -> ListDTO<UnitSummaryDTO> {
        let query = SearchText.clean(try req.apiQuery(UnitListParameters.self).q)
        let governmentID = try req.currentUser().governmentID
        return ListDTO(items: try await APIUnitQuery.list(governmentID: governmentID, query: query, on: req.db))
    }

    /// One unit with its names, groups, members and task counts by role.
    @Sendable func unit(req: Request) async throws -> UnitDTO {
        let unitID = try req.apiID(of: .unit)
        guard
            let unit = try await APIUnitQuery.detail(
                unitID: unitID, governmentID: try req.currentUser().governmentID, on: req.db)
        else { throw APIError.notFound(.unit) }
        return unit
    }

    /// The government's leaders in order of precedence, with their task counts.
    @Sendable func leaders(req: Request) async throws -> ListDTO<LeaderDTO> {
        let governmentID = try req.currentUser().governmentID
        let counts = try await LeaderQuery.taskCounts(governmentID: governmentID, on: req.db)
        let leaders = try await LeaderQuery.ordered(governmentID: governmentID, on: req.db).map { leader in
            let id = try leader.requireID()
            return LeaderDTO(
                id: id, name: leader.name, title: leader.title, portfolio: leader.portfolio,
                taskCount: counts[id] ?? 0)
        }
        return ListDTO(items: leaders)
    }
}
