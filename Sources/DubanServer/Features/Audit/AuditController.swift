import Fluent
import Vapor

/// The audit log page: every change, who made it and when, filterable. Read-only — there is no route that
/// changes an entry, and the database refuses such changes anyway.
struct AuditController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.audit.pathComponents, use: index)
    }

    /// Lists entries newest first, 50 per page.
    @Sendable func index(req: Request) async throws -> View {
        let governmentID = try req.currentUser().governmentID
        let filter = Self.filter(from: req)
        let (events, total) = try await AuditQuery.page(governmentID: governmentID, filter: filter, on: req.db)
        let actorNames = try await AuditQuery.actorNames(governmentID: governmentID, on: req.db)
        let lastPage = max(1, (total + AuditFilter.pageSize - 1) / AuditFilter.pageSize)
        let context = AuditPage(
            page: try PageChrome(for: req, title: "审计日志", section: .audit),
            rows: events.map(AuditPage.row), total: total,
            actions: AuditAction.allCases.map {
                .init(value: $0.rawValue, label: $0.label, selected: $0 == filter.action)
            },
            actors: actorNames.map { .init(value: $0, label: $0, selected: $0 == filter.actor) },
            from: AuditDay.field(filter.from), to: AuditDay.field(filter.to),
            previousHref: filter.page > 1 ? Self.href(req, page: filter.page - 1) : "",
            nextHref: filter.page < lastPage ? Self.href(req, page: filter.page + 1) : "",
            pageLabel: "第 \(filter.page) / \(lastPage) 页")
        return try await req.view.render("audit/index", context)
    }

    private static func filter(from req: Request) -> AuditFilter {
        var filter = AuditFilter()
        filter.action = (try? req.query.get(String.self, at: "action")).flatMap(AuditAction.init(rawValue:))
        filter.actor = (try? req.query.get(String.self, at: "actor")) ?? ""
        filter.from = AuditDay.parse(try? req.query.get(String.self, at: "from"))
        filter.to = AuditDay.parse(try? req.query.get(String.self, at: "to"))
        filter.page = PageNumber.clamped(try? req.query.get(Int.self, at: "page"))
        return filter
    }

    /// The same filter on another page.
    private static func href(_ req: Request, page: Int) -> String {
        SiteURL.auditWith(req.queryItems(page: page)).path
    }
}
