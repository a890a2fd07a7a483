import Fluent
import Vapor

/// The home page and the plan list: what a 督查室 clerk opens first.
struct PageController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.home.pathComponents, use: home)
        routes.get(SiteURL.plans.pathComponents, use: plans)
    }

    /// Each user starts where their work is: a leader on their own portfolio, a clerk on their unit's desk,
    /// the 督查室 on 督办, everyone else on the plan list.
    @Sendable func home(req: Request) async throws -> Response {
        let user = try req.currentUser()
        if user.role == .leader, let leaderID = user.leaderID {
            return req.redirect(to: SiteURL.leader(leaderID).path)
        }
        if user.role == .clerk, let unitID = user.unitID {
            return req.redirect(to: SiteURL.unitDesk(unitID).path)
        }
        if req.allows(.superviseReporting) { return req.redirect(to: SiteURL.oversight.path) }
        return req.redirect(to: SiteURL.plans.path)
    }

    /// The government's plans, newest first.
    @Sendable func plans(req: Request) async throws -> View {
        let user = try req.currentUser()
        let rows = try await PlanListQuery.rows(governmentID: user.governmentID, on: req.db)
        let chrome = try PageChrome(for: req, title: "责任分解方案", section: .plans)
        let mayImport = req.allows(.importPlans)
        var page = PlanListPage(
            page: chrome, plans: rows.inForce, withdrawn: mayImport ? rows.withdrawn : [],
            importHref: mayImport ? SiteURL.importNew.path : "")
        let below = try await Government.query(on: req.db).filter(\.$id ~~ user.subordinateGovernmentIDs)
            .sort(\.$name).all()
            .filter { government in government.id.map { req.allows(.read, on: Ownership(governmentID: $0)) } ?? false }
        let plansBelow = try await PlanListQuery.inForce(governmentIDs: below.compactMap(\.id), on: req.db)
        for government in below {
            guard let plans = government.id.flatMap({ plansBelow[$0] }), !plans.isEmpty else { continue }
            page.below.append(.init(government: government.shortName, plans: plans))
        }
        return try await req.view.render("plans/index", page)
    }
}
