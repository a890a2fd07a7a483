import DubanCore
import DubanFormats
import Fluent
import Vapor

/// `/plans/:planID/targets`: the plan's quantified targets, period by period, for every role that reads the plan,
/// and the same as a workbook (also at `/api/v1/plans/{id}/exports/targets.xlsx`).
struct TargetTableController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.planTargets(.parameter).pathComponents, use: page)
        routes.get(SiteURL.planTargetsXlsx(.parameter).pathComponents) { req in
            try await Self.workbook(req, planID: try req.requireID("planID", orThrow: .planNotFound))
        }
    }

    @Sendable func page(req: Request) async throws -> View {
        let plan = try await Self.plan(req, try req.requireID("planID", orThrow: .planNotFound))
        let planID = try plan.requireID()
        let number = (try? req.query.get(String.self, at: "page")).flatMap { Int($0) } ?? 1
        let table = try await TargetTable.make(plan: plan, reads: Self.readsBelow(req), page: number, on: req.db)
        let page = TargetTablePage(
            page: try PageChrome(
                for: req, title: "指标完成情况", section: .plans,
                breadcrumbs: [
                    .init(label: "方案", href: SiteURL.plans.path),
                    .init(label: plan.title, href: SiteURL.plan(planID).path),
                    .init(label: "指标完成情况", href: ""),
                ]),
            planTitle: plan.title, planHref: SiteURL.plan(planID).path, periods: table.periods, rows: table.rows,
            exportHref: SiteURL.planTargetsXlsx(planID).path, targetCount: table.targetCount,
            pager: Pager(
                page: table.page, pageCount: table.pageCount,
                note: "，每页 \(TargetTable.tasksPerPage) 项任务；下载 Excel 含全部指标"
            ) {
                SiteURL.planTargetsPage(planID, page: $0).path
            })
        return try await req.view.render("plans/targets", page)
    }

    /// The table as a workbook.
    static func workbook(_ req: Request, planID: UUID) async throws -> Response {
        let plan = try await plan(req, planID)
        let table = try await TargetTable.make(plan: plan, reads: readsBelow(req), on: req.db)
        let widths: [Double] = [7, 36, 18, 14, 18] + table.periods.map { _ in 18 } + [24]
        let data = try XlsxWriter.data(sheets: [
            .init(
                name: "指标完成情况", rows: table.sheetRows, widths: widths,
                title: "\(plan.title) 量化指标完成情况（截至\(req.clock.today().chinese)）", freezesHeader: true)
        ])
        return FileDownload.response(
            data, contentType: FileDownload.xlsx,
            fileName: FileDownload.safeName(plan.title, fallback: "方案") + "（指标完成情况）.xlsx", asciiName: "targets.xlsx")
    }

    /// Whether the reader may see a lower government's task's reports.
    private static func readsBelow(_ req: Request) -> TargetTable.ReadsBelow {
        { child in req.allows(.readReports, on: try await CascadeAccess.ownership(of: child, on: req.db)) }
    }

    /// The plan, of the user's government or one below it.
    private static func plan(_ req: Request, _ planID: UUID) async throws -> Plan {
        try await CascadeAccess.plan(req, id: planID)
    }
}

/// The target table's page.
struct TargetTablePage: Encodable {
    var page: PageChrome
    var planTitle: String
    var planHref: String
    var periods: [String]
    var rows: [TargetTable.Row]
    var exportHref: String
    /// Targets in the whole plan; a page shows fifty tasks' worth.
    var targetCount: Int
    var pager: Pager
}
