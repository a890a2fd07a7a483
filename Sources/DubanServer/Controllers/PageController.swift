import Fluent
import Vapor

/// The home page and the plan list: what a 督查室 clerk opens first.
struct PageController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("plans", use: plans)
    }

    /// The home page is the plan list.
    @Sendable func home(req: Request) async throws -> Response {
        req.redirect(to: SiteURL.plans.path)
    }

    /// The government's plans, newest first.
    @Sendable func plans(req: Request) async throws -> View {
        let government = try await GovernmentScope.current(on: req.db)
        let rows = try await PlanListQuery.rows(governmentID: government?.requireID(), on: req.db)
        let chrome = PageChrome(title: "责任分解方案", government: government?.shortName ?? "", section: .plans)
        return try await req.view.render("plans/index", PlanListPage(page: chrome, plans: rows))
    }
}

/// The government whose data the pages show. Until accounts choose one, it is the first government created.
enum GovernmentScope {
    /// The current government, nil on an empty installation.
    static func current(on database: any Database) async throws -> Government? {
        try await Government.query(on: database).sort(\.$createdAt).sort(\.$name).first()
    }

    /// The current government for a page about one of its records: without a government there is no record,
    /// so the page's own not-found error is thrown.
    static func require(on database: any Database, orThrow error: PageError) async throws -> Government {
        guard let government = try await current(on: database) else { throw error }
        return government
    }
}
