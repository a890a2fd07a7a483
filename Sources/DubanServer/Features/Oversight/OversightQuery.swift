import DubanCore
import Fluent
import Foundation

/// Builds the 督查室's overview from the board of the whole government.
enum OversightQuery {
    /// How many of the newest waiting reviews the overview lists; the queue has them all.
    static let reviewsShown = 5
    /// How many task rows the overview lists (worst first); a narrower filter shows the rest.
    static let rowsShown = 300

    /// The filters of the overview.
    struct Filter: Sendable {
        var planID: UUID?
        /// "problems" (red and yellow, the default), "red", "yellow", "green" or "all".
        var light: String
    }

    static func page(
        governmentID: UUID, filter: Filter, today: CalendarDay, on database: any Database
    ) async throws -> (
        rows: [OversightPage.Row], rowTotal: Int, units: [OversightPage.UnitLine], tally: [DeskPage.LightCount],
        reviews: [ReviewQueuePage.Line], reviewTotal: Int, plans: [(UUID, String)], charts: [ChartView]
    ) {
        let scope: TaskDuty.Scope = filter.planID.map { .plan($0) } ?? .government(governmentID)
        let (duties, reportings) = try await TaskDuty.load(scope, on: database)
        let board = try await DutyStatus.board(duties, plans: reportings, today: today, on: database)
        let plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).all()
        let titles = Dictionary(uniqueKeysWithValues: try plans.map { (try $0.requireID(), $0.title) })
        let shown = board.filter { status in
            switch filter.light {
            case "red": status.light == .red
            case "yellow": status.light == .yellow
            case "green": status.light == .green
            case "all": true
            default: status.light != .green
            }
        }.sorted { ($0.light, $0.unit.name) > ($1.light, $1.unit.name) }
        let listed = shown.prefix(rowsShown)
        let contacts = try await ClerkContacts.load(unitIDs: Set(listed.map(\.unit.id)), on: database)
        let rows = listed.map { status in
            OversightPage.Row(
                status, today: today, titles: titles, unitHref: SiteURL.unitDesk(status.unit.id).path,
                contact: contacts[status.unit.id])
        }
        let units = unitLines(board)
        let tally = DeskPage.LightCount.tally(board)
        let waiting = try await ReviewQueueQuery.page(
            governmentID: governmentID, filter: .init(planID: filter.planID), perPage: reviewsShown, on: database)
        var charts = try await SupervisionCharts.make(
            board, plans: reportings, today: today, byLeader: true, on: database)
        if let scores = try await scoreChart(
            planIDs: filter.planID.map { [$0] } ?? (try plans.map { try $0.requireID() }), on: database)
        {
            charts.append(scores)
        }
        return (
            rows, shown.count, units, tally, waiting.items.map(ReviewQueuePage.line),
            waiting.total,
            try plans.map { (try $0.requireID(), "\($0.year) · \($0.title)") }, charts
        )
    }

    /// The spread of the latest published period's scores among the plans; nil before the first publication.
    static func scoreChart(planIDs: [UUID], on database: any Database) async throws -> ChartView? {
        guard !planIDs.isEmpty,
            let snapshot = try await ScoreSnapshot.query(on: database).filter(\.$plan.$id ~~ planIDs)
                .filter(\.$period != Scores.yearKey).sort(\.$publishedAt, .descending).first()
        else { return nil }
        let label = ReportingPeriod(key: snapshot.period)?.label ?? snapshot.period
        let scores = try snapshot.scores().filter(\.included)
        return ChartView(ScoreRankingPage.distribution(scores, span: label))
    }

    /// Each unit's standing over a board, those with a red or yellow light only, worst first: the names a
    /// 督查通报 would list.
    static func unitLines(_ board: [DutyStatus]) -> [OversightPage.UnitLine] {
        var perUnit: [UUID: OversightPage.UnitLine] = [:]
        for status in board {
            var line =
                perUnit[status.unit.id]
                ?? OversightPage.UnitLine(
                    name: status.unit.name, href: SiteURL.unitDesk(status.unit.id).path, red: 0, yellow: 0, green: 0,
                    lateReports: 0)
            switch status.light {
            case .red: line.red += 1
            case .yellow: line.yellow += 1
            case .green: line.green += 1
            }
            line.lateReports += status.reports.filter { $0.daysLate > 0 }.count
            perUnit[status.unit.id] = line
        }
        return perUnit.values.filter { $0.red + $0.yellow > 0 }
            .sorted { ($0.red, $0.yellow, $0.lateReports, $1.name) > ($1.red, $1.yellow, $1.lateReports, $0.name) }
    }
}
