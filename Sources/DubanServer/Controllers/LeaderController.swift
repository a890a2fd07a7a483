import Fluent
import Vapor

/// The leader list and each leader's tasks.
struct LeaderController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get("leaders", use: leaders)
        routes.get("leaders", ":leaderID", use: leader)
    }

    /// Every leader of the government with their portfolio and task count.
    @Sendable func leaders(req: Request) async throws -> View {
        let government = try await GovernmentScope.current(on: req.db)
        var rows: [LeaderListPage.Row] = []
        if let government { rows = try await LeaderQuery.rows(governmentID: government.requireID(), on: req.db) }
        let chrome = PageChrome(title: "责任领导", government: government?.shortName ?? "", section: .leaders)
        return try await req.view.render("leaders/index", LeaderListPage(page: chrome, leaders: rows))
    }

    /// One leader's tasks grouped by plan.
    @Sendable func leader(req: Request) async throws -> View {
        let leaderID = try req.requireID("leaderID", orThrow: .leaderNotFound)
        let government = try await GovernmentScope.require(on: req.db, orThrow: .leaderNotFound)
        guard
            let detail = try await LeaderQuery.detail(
                leaderID: leaderID, governmentID: government.requireID(),
                on: req.db)
        else { throw PageError.leaderNotFound }
        let chrome = PageChrome(
            title: detail.name, government: government.shortName, section: .leaders,
            breadcrumbs: [.init(label: "领导", href: SiteURL.leaders.path), .init(label: detail.name, href: "")])
        return try await req.view.render("leaders/show", LeaderPage(page: chrome, leader: detail))
    }
}
