import Fluent
import Vapor

/// The server-rendered pages. Each handler loads through a query function and renders one context struct.
struct PageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("plans", use: plans)
    }

    /// The home page is the plan list: what a 督查室 clerk opens first.
    @Sendable func home(req: Request) async throws -> Response {
        req.redirect(to: SiteURL.plans.path)
    }

    @Sendable func plans(req: Request) async throws -> View {
        let government = try await GovernmentScope.current(on: req.db)
        let rows = try await PlanListQuery.rows(governmentID: government?.requireID(), on: req.db)
        let chrome = PageChrome(title: "责任分解方案", government: government?.shortName ?? "", section: .plans)
        return try await req.view.render("plans/index", PlanListPage(page: chrome, plans: rows))
    }
}

/// The government whose data the pages show. Until accounts choose one, it is the first government created.
enum GovernmentScope {
    static func current(on database: any Database) async throws -> Government? {
        try await Government.query(on: database).sort(\.$createdAt).sort(\.$name).first()
    }
}
