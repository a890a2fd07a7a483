import DubanCore
import Fluent
import Foundation

/// Builds the 督查室's overview from the stored lights of the government's plans (`DutyStates`), working out in
/// full only the duties it lists.
enum OversightQuery {
    /// How many of the newest waiting reviews the overview lists; the queue has them all.
    static let reviewsShown = 5
    /// How many task rows a page of the overview lists, worst first: the rows a 督查室 reads before filtering
    /// or turning the page, and each is worked out in full.
    static let rowsPerPage = 100

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
        rows: [OversightPage.Row], rowTotal: Int, page: Int, units: [OversightPage.UnitLine],
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
        let chosen = lights(filter.light)
        let rowTotal = try await counts.count(lights: chosen)
        let page = min(max(1, filter.page), max(1, (rowTotal + perPage - 1) / perPage))
        let listed = try await counts.worst(lights: chosen, limit: perPage, offset: (page - 1) * perPage)
        // Only the listed duties are worked out in full, for their reasons, reports and next due day.
        let listedBoard = try await DutyStatus.board(.tasks(Array(Set(listed.map(\.task)))), today: today, on: database)
        var byDuty: [String: DutyStatus] = [:]
        for status in listedBoard { byDuty["\(status.duty.taskID):\(status.unit.id)"] = status }
        let statuses = listed.compactMap { byDuty["\($0.task):\($0.unit)"] }
        let contacts = try await ClerkContacts.load(unitIDs: Set(statuses.map(\.unit.id)), on: database)
        let rows = statuses.map { status in
            OversightPage.Row(
                status, today: today, titles: titles, unitHref: SiteURL.unitDesk(status.unit.id).path,
                contact: contacts[status.unit.id])
        }
        let units = try await counts.unitLines()
        let waiting = try await ReviewQueueQuery.page(
            governmentID: governmentID, filter: .init(planID: filter.planID), perPage: reviewsShown, on: database)
        var charts = try await charts(counts, plans: plans, units: units, today: today, on: database)
        if let scores = try await scoreChart(planIDs: planIDs, on: database) {
            charts.append(scores)
        }
        return (
            rows, rowTotal, page, units, try await counts.tally(), waiting.items.map(ReviewQueuePage.line),
            waiting.total,
            try plans.map { (try $0.requireID(), "\($0.year) · \($0.title)") }, charts
        )
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

    /// The dashboard's charts, counted from the stored lights.
    static func charts(
        _ counts: DutyStateCounts, plans: [Plan], units: [OversightPage.UnitLine], today: CalendarDay,
        on database: any Database
    ) async throws -> [ChartView] {
        let perPlan = try await counts.dutiesPerPlan()
        guard !perPlan.isEmpty else { return [] }
        var named: [UUID: (title: String, year: Int)] = [:]
        for plan in plans { named[try plan.requireID()] = (plan.title, plan.year) }
        let worst = Array(units.prefix(SupervisionCharts.unitsShown))
        var charts = [
            ChartView(SupervisionCharts.sectionChart(try await counts.sectionMix(plans: named), plans: perPlan.count)),
            ChartView(SupervisionCharts.unitChart(try await counts.unitMix(worst), worst: worst.map(\.name))),
            ChartView(SupervisionCharts.leaderChart(try await counts.leaderMix())),
        ]
        // The newest year's plan with the most duties; only its rules are read.
        let newest = plans.compactMap { plan in plan.id.flatMap { id in perPlan[id].map { (plan, $0) } } }
            .max { ($0.0.year, $0.1) < ($1.0.year, $1.1) }?.0
        if let newest {
            let reporting = try await PlanReporting.load(newest, on: database)
            let totals = try await counts.periodTotals(
                planID: reporting.planID, duties: perPlan[reporting.planID] ?? 0)
            if let chart = SupervisionCharts.periodChart(totals, reporting: reporting, today: today) {
                charts.append(ChartView(chart))
            }
        }
        return charts
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
        return worstFirst(Array(perUnit.values.filter { $0.red + $0.yellow > 0 }))
    }

    /// Most red first, then most yellow, then most late reports, then by name.
    static func worstFirst(_ lines: [OversightPage.UnitLine]) -> [OversightPage.UnitLine] {
        lines.sorted { ($0.red, $0.yellow, $0.lateReports, $1.name) > ($1.red, $1.yellow, $1.lateReports, $0.name) }
    }
}
