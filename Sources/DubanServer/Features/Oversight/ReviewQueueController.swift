import DubanCore
import Fluent
import Vapor

/// The 督查室's review queue at `/oversight/reviews`. Registered behind `RequirePermission(.superviseReporting)`.
struct ReviewQueueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.reviewQueue.pathComponents, use: index)
    }

    /// `?plan=&unit=&period=2026-Q1&kind=report|workplan&page=`; unknown values are ignored, not refused.
    @Sendable func index(req: Request) async throws -> View {
        let governmentID = try req.currentUser().governmentID
        var filter = ReviewQueueQuery.Filter()
        filter.planID = try? req.query.get(UUID.self, at: "plan")
        filter.unitID = try? req.query.get(UUID.self, at: "unit")
        filter.period = (try? req.query.get(String.self, at: "period")).flatMap(ReportingPeriod.init(key:))?.key
        filter.kind = (try? req.query.get(String.self, at: "kind")).flatMap {
            ["report", "workplan"].contains($0) ? $0 : nil
        }
        filter.page = PageNumber.clamped(try? req.query.get(Int.self, at: "page"))
        let (items, page, total) = try await ReviewQueueQuery.page(
            governmentID: governmentID, filter: filter, on: req.db)
        let plans = try await Plan.query(on: req.db).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$title).all()
        let units = try await Unit.query(on: req.db).filter(\.$government.$id == governmentID).sort(\.$name).all()
        let periods = try await ReviewQueueQuery.periods(governmentID: governmentID, on: req.db)
        let lastPage = Pager.pageCount(total: total, perPage: ReviewQueueQuery.pageSize)
        func choice(_ value: String, _ label: String, _ selected: Bool) -> OversightPage.Choice {
            .init(value: value, label: label, selected: selected)
        }
        let context = ReviewQueuePage(
            page: try PageChrome(
                for: req, title: "待审核", section: .oversight,
                breadcrumbs: [.init(label: "督办", href: SiteURL.oversight.path), .init(label: "待审核", href: "")]),
            total: total, action: SiteURL.reviewQueue.path,
            plans: [choice("", "全部方案", filter.planID == nil)]
                + (try plans.map {
                    choice(
                        try $0.requireID().uuidString.lowercased(), "\($0.year) · \($0.title)", $0.id == filter.planID)
                }),
            units: [choice("", "全部单位", filter.unitID == nil)]
                + (try units.map { choice(try $0.requireID().uuidString.lowercased(), $0.name, $0.id == filter.unitID) }),
            periods: [choice("", "全部期次", filter.period == nil)]
                + periods.map { choice($0, ReportingPeriod(key: $0)?.label ?? $0, $0 == filter.period) },
            kinds: [
                choice("", "报告和办理方案", filter.kind == nil), choice("report", "完成情况报告", filter.kind == "report"),
                choice("workplan", "办理方案", filter.kind == "workplan"),
            ],
            items: items.map(ReviewQueuePage.line),
            previousHref: page > 1 ? Self.href(req, page: page - 1) : "",
            nextHref: page < lastPage ? Self.href(req, page: page + 1) : "",
            pageLabel: "第 \(page) / \(lastPage) 页",
            filtered: filter.planID != nil || filter.unitID != nil || filter.period != nil || filter.kind != nil)
        return try await req.view.render("reporting/reviews", context)
    }

    /// The same filter on another page.
    private static func href(_ req: Request, page: Int) -> String {
        SiteURL.reviewQueueWith(req.queryItems(page: page)).path
    }
}
