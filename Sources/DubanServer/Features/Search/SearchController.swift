import Fluent
import Vapor

/// Task search with filters.
struct SearchController: RouteCollection {
    /// Registers the routes of these pages.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.search.pathComponents, use: search)
    }

    /// The filter form, and one page of matching tasks once something is asked.
    @Sendable func search(req: Request) async throws -> View {
        let parameters = try req.query.decode(SearchParameters.self)
        let user = try req.currentUser()
        let view = try await SearchPageQuery.view(parameters, governmentID: user.governmentID, on: req.db)
        let chrome = try PageChrome(
            for: req, title: view.form.text.isEmpty ? "搜索任务" : "搜索：\(view.form.text)", section: .search,
            query: view.form.text)
        return try await req.view.render("search/index", SearchPage(page: chrome, search: view))
    }
}
