import DubanCore
import Fluent
import Foundation

/// A leader's board of their portfolio: the lights of their tasks, what is overdue, the tasks' reporting units
/// with their latest report and figures a page at a time, worst first, the units behind — the 督办 view limited
/// to what they lead, read only — and, for the leader themself, their notifications. Counted and listed from the
/// stored lights (`DutyStates`).
struct LeaderBoard: Encodable {
    /// How many rows a page lists: as many as the 督办 overview's page, for the same reason.
    static let rowsPerPage = OversightQuery.rowsPerPage
    /// How many overdue duties are listed above the rows, the most urgent first; the rows have the rest.
    static let overdueShown = 30

    var tally: [DeskPage.LightCount]
    /// Overdue reports, worst first, at most `overdueShown` of `overdueTotal`.
    var overdue: [OversightPage.Row]
    var overdueTotal: Int
    /// One page of the portfolio's duties, worst first, of `rowTotal`.
    var rows: [OversightPage.Row]
    var rowTotal: Int
    var pager: Pager
    /// The units behind, worst first, at most `OversightQuery.unitsShown` of `unitTotal`; the rows list them all.
    var units: [OversightPage.UnitLine]
    var unitTotal: Int
    /// The leader's own notifications, shown only when the leader is the one reading.
    var showsNotifications = false
    var notifications: [NotificationLine] = []
    var unread: Int
    var notificationsHref: String
    /// The portfolio's charts, each with its numbers.
    var charts: [ChartView] = []

    /// The board of the tasks as of `today`, showing page `page` of its rows (`href(n)` is page n's address),
    /// with each task's light for the task list.
    static func load(
        taskIDs: [UUID], page: Int, today: CalendarDay, on database: any Database, href: (Int) -> String
    ) async throws -> (board: LeaderBoard, lights: TaskLights) {
        let plans = try await portfolioPlans(taskIDs, on: database)
        let planIDs = try plans.map { try $0.requireID() }
        try await DutyStates.current(planIDs: planIDs, today: today, on: database)
        let counts = try DutyStateCounts(taskIDs: taskIDs, planIDs: planIDs, on: database)
        let every = Array(TrafficLight.allCases.reversed())
        let rowTotal = try await counts.count(lights: every)
        let pageCount = Pager.pageCount(total: rowTotal, perPage: rowsPerPage)
        let shownPage = min(max(1, page), pageCount)
        let listed = try await counts.worst(lights: every, limit: rowsPerPage, offset: (shownPage - 1) * rowsPerPage)
        let overdueTotal = try await counts.count(lights: every, overdue: true)
        let overdue = try await counts.worst(lights: every, overdue: true, limit: overdueShown, offset: 0)
        let titles = Dictionary(uniqueKeysWithValues: try plans.map { (try $0.requireID(), $0.title) })
        func rows(_ duties: [DutyStateCounts.Listed]) -> [OversightPage.Row] {
            duties.map { .init($0, titles: titles, unitHref: SiteURL.unit($0.unitID).path, contact: nil) }
        }
        let units = try await counts.unitLines()
        var board = LeaderBoard(
            tally: try await counts.tally(), overdue: rows(overdue), overdueTotal: overdueTotal, rows: rows(listed),
            rowTotal: rowTotal,
            pager: Pager(page: shownPage, pageCount: pageCount, note: "，每页 \(rowsPerPage) 项，最需要关注的在前", href: href),
            units: Array(units.prefix(OversightQuery.unitsShown)), unitTotal: units.count, unread: 0,
            notificationsHref: SiteURL.notifications.path)
        board.charts = try await SupervisionCharts.make(
            counts, plans: plans, units: units, byLeader: false, today: today, on: database)
        return (board, try await counts.taskLights())
    }

    /// The plans in force that hold the tasks.
    private static func portfolioPlans(_ taskIDs: [UUID], on database: any Database) async throws -> [Plan] {
        guard !taskIDs.isEmpty else { return [] }
        var planIDs = Set<UUID>()
        for chunk in taskIDs.chunked(1_000) {
            for row in try await database.requireSQL().raw(
                "SELECT DISTINCT plan_id FROM tasks WHERE id IN (\(binds: chunk))"
            ).all() {
                planIDs.insert(try row.decode(column: "plan_id", as: UUID.self))
            }
        }
        return try await Plan.query(on: database).filter(\.$id ~~ planIDs).filter(\.$withdrawnAt == nil)
            .sort(\.$year, .descending).all()
    }
}

/// The figures of reports against their targets, as one line each.
enum LatestFigures {
    /// "兑现资金 3200万元（目标 5000万元）；…" of the unit's latest report, from the figures its ledger already
    /// holds; nil when it has no report or no figure in it.
    static func of(_ status: DutyStatus) -> String? {
        let line = line(status.reports.last?.actuals ?? [])
        return line.isEmpty ? nil : line
    }

    /// One report's figures in their target order; those left blank are not named.
    static func line(_ figures: [ReportLedger.Figure]) -> String {
        figures.compactMap { figure -> String? in
            guard let value = figure.actual else { return nil }
            let unit = figure.unitOfMeasure
            let target = figure.target.map { "（目标 \(TaskReportingQuery.format($0))\(unit)）" } ?? ""
            return "\(figure.label) \(TaskReportingQuery.format(value))\(unit)\(target)"
        }.joined(separator: "；")
    }
}
