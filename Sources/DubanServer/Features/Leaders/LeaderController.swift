import Fluent
import Vapor

/// The leader list and each leader's tasks.
struct LeaderController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.leaders.pathComponents, use: leaders)
        routes.get(SiteURL.leader(.parameter).pathComponents, use: leader)
    }

    /// Every leader of the government with their portfolio and task count.
    @Sendable func leaders(req: Request) async throws -> View {
        let user = try req.currentUser()
        let rows = try await LeaderQuery.rows(governmentID: user.governmentID, on: req.db)
        let chrome = try PageChrome(for: req, title: "责任领导", section: .leaders)
        return try await req.view.render("leaders/index", LeaderListPage(page: chrome, leaders: rows))
    }

    /// One leader's tasks grouped by plan.
    @Sendable func leader(req: Request) async throws -> View {
        let leaderID = try req.requireID("leaderID", orThrow: .leaderNotFound)
        let user = try req.currentUser()
        guard
            let detail = try await LeaderQuery.detail(leaderID: leaderID, governmentID: user.governmentID, on: req.db)
        else { throw PageError.leaderNotFound }
        let chrome = try PageChrome(
            for: req, title: detail.name, section: .leaders,
            breadcrumbs: [.init(label: "领导", href: SiteURL.leaders.path), .init(label: detail.name, href: "")])
        return try await req.view.render("leaders/show", LeaderPage(page: chrome, leader: detail))
    }
}
