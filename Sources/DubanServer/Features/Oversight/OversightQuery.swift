import DubanCore
import Fluent
import Foundation

/// Builds the 督查室's overview from the stored lights of the government's plans (`DutyStates`), working out in
/// full only the duties it lists.
enum OversightQuery {
    /// How many of the newest waiting reviews the overview lists; the queue has them all.
    static let reviewsShown = 5
    /// How many task rows a page of the overview lists, worst first: the rows a 督查室 reads before filtering
    /// or turning the page. Fifty rows are most of the overview's HTML and time at province scale.
    static let rowsPerPage = 50
    /// How many units the "需要关注的单位" table lists, worst first. It listed every unit with a red or yellow
    /// light: a third of the page's HTML for a district of 300 units, and a province's government has more.
    static let unitsShown = 30

    /// The filters of the overview.
    struct Filter: Sendable {
        var planID: UUID?
        /// "problems" (red and yellow, the default), "red", "yellow", "green" or "all".
        var light: String
        /// 1-based; a page past the end shows the last.
        var page = 1
    }

    static func page(
        governmentID: UUID, filter: Filter, today: CalendarDay, perPage: Int = rowsPerPage, on database: any Database
    ) async throws -> (
        rows: [OversightPage.Row], rowTotal: Int, page: Int, pageCount: Int, units: [OversightPage.UnitLine],
        tally: [DeskPage.LightCount],
        reviews: [ReviewQueuePage.Line], reviewTotal: Int, plans: [(UUID, String)], charts: [ChartView]
    ) {
        let plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).all()
        let titles = Dictionary(uniqueKeysWithValues: try plans.map { (try $0.requireID(), $0.title) })
        let allPlanIDs = try plans.map { try $0.requireID() }
        let planIDs = filter.planID.map { chosen in allPlanIDs.filter { $0 == chosen } } ?? allPlanIDs
        try await DutyStates.current(planIDs: planIDs, today: today, on: database)
        let counts = try DutyStateCounts(planIDs: planIDs, on: database)
        // The parts below read the stored lights independently: on PostgreSQL each takes a pooled connection and
        // they run side by side, which took the page's time at province scale from the sum of some twenty queries
        // to the longest chain of them.
        async let duties = listedDuties(
            counts, lights: lights(filter.light), page: filter.page, perPage: perPage, titles: titles, on: database)
        async let unitsAndCharts = unitsAndCharts(counts, plans: plans, planIDs: planIDs, today: today, on: database)
        async let waiting = ReviewQueueQuery.page(
            governmentID: governmentID, filter: .init(planID: filter.planID), perPage: reviewsShown, on: database)
        async let tally = counts.tally()
        let listed = try await duties
        let (units, charts) = try await unitsAndCharts
        let reviews = try await waiting
        return (
            listed.rows, listed.total, listed.page, listed.pageCount, units, try await tally,
            reviews.items.map(ReviewQueuePage.line), reviews.total,
            try plans.map { (try $0.requireID(), "\($0.year) · \($0.title)") }, charts
        )
    }

    /// One page of the duties with the chosen lights, worst first, with their units' clerks.
    private static func listedDuties(
        _ counts: DutyStateCounts, lights chosen: [TrafficLight], page asked: Int, perPage: Int,
        titles: [UUID: String], on database: any Database
    ) async throws -> (rows: [OversightPage.Row], total: Int, page: Int, pageCount: Int) {
        let total = try await counts.count(lights: chosen)
        let pageCount = Pager.pageCount(total: total, perPage: perPage)
        let page = min(max(1, asked), pageCount)
        let listed = try await counts.worst(lights: chosen, limit: perPage, offset: (page - 1) * perPage)
        let contacts = try await ClerkContacts.load(unitIDs: Set(listed.map(\.unitID)), on: database)
        let rows = listed.map { duty in
            OversightPage.Row(
                duty, titles: titles, unitHref: SiteURL.unitDesk(duty.unitID).path, contact: contacts[duty.unitID])
        }
        return (rows, total, page, pageCount)
    }

    /// The units most in need of attention, and the charts (which rank the same units), with the scores' chart.
    private static func unitsAndCharts(
        _ counts: DutyStateCounts, plans: [Plan], planIDs: [UUID], today: CalendarDay, on database: any Database
    ) async throws -> ([OversightPage.UnitLine], [ChartView]) {
        let units = try await counts.unitLines()
        var charts = try await SupervisionCharts.make(
            counts, plans: plans, units: units, byLeader: true, today: today, on: database)
        if let scores = try await scoreChart(planIDs: planIDs, on: database) {
            charts.append(scores)
        }
        return (units, charts)
    }

    /// The lights a filter lists.
    static func lights(_ filter: String) -> [TrafficLight] {
        switch filter {
        case "red": [.red]
        case "yellow": [.yellow]
        case "green": [.green]
        case "all": [.red, .yellow, .green]
        default: [.red, .yellow]
        }
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

    /// Most red first, then most yellow, then most late reports, then by name.
    static func worstFirst(_ lines: [OversightPage.UnitLine]) -> [OversightPage.UnitLine] {
        lines.sorted { ($0.red, $0.yellow, $0.lateReports, $1.name) > ($1.red, $1.yellow, $1.lateReports, $0.name) }
    }
}
