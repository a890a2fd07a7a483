import DubanCore
import DubanFormats
import Fluent
import Vapor

/// A plan's ranking of units for a period or the year: published (frozen) scores with what has changed since,
/// or today's computation with the button that publishes it; the spread of scores as a chart; the units not
/// scored; earlier publications.
struct ScoreRankingPage: Encodable {
    var page: PageChrome
    var notice: String
    var planTitle: String
    var planHref: String
    var spanLabel: String
    var spanKey: String
    var periods: [SelectOption]
    var filterAction: String
    /// "第1版，2026-04-28 10:00 由 张敏（admin）发布" or "" when not published.
    var published: String
    /// For the year: the periods averaged from today's computation because they were not published.
    var unpublishedPeriods: String
    var rows: [Row]
    var excluded: [String]
    var differences: [Difference]
    var history: [String]
    var chart: ChartView
    /// Empty when the user may not publish.
    var publishAction: String
    var exportHref: String
    var schemeHref: String
    /// True when a leader sees only their portfolio's units.
    var isPortfolio: Bool
    var csrf: String

    /// One unit's place.
    struct Row: Encodable {
        var rank: String
        var unitName: String
        var href: String
        var total: String
        var deductions: String
        var additions: String
        /// "今日 97.5" when today's computation differs from the published total; "".
        var now: String
    }

    /// How one unit's published score differs from today's.
    struct Difference: Encodable {
        var unitName: String
        var published: String
        var current: String
        var added: [String]
        var removed: [String]
    }

    /// The spread of totals in the bands 督查 reports use.
    static func distribution(_ scores: [UnitScore], span: String) -> ColumnChart {
        let totals = scores.compactMap(\.total)
        let bins: [(String, (Double) -> Bool)] = [
            ("90分以下", { $0 < 90 }), ("90–95分", { $0 >= 90 && $0 < 95 }), ("95–100分", { $0 >= 95 && $0 < 100 }),
            ("100分", { $0 == 100 }), ("100分以上", { $0 > 100 }),
        ]
        return ColumnChart(
            id: "score-distribution", title: "\(span)得分分布",
            description: "各分数段的单位数，共\(totals.count)个单位参加考核。",
            bins: bins.map { label, test in ColumnChart.Bin(label: label, count: totals.filter(test).count) },
            categoryName: "分数段", valueName: "单位数")
    }
}

extension ScorePages {
    /// Builds the ranking for the signed-in user.
    static func ranking(
        plan: Plan, span: Scores.Span, reporting: PlanReporting, access: ScoreAccess, req: Request, notice: String
    ) async throws -> ScoreRankingPage {
        let planID = try plan.requireID()
        let today = req.clock.today()
        let computed = try await current(plan: plan, span: span, reporting: reporting, today: today, on: req.db)
        let snapshot = try await Scores.latest(planID: planID, key: span.key, on: req.db)
        let published = try snapshot.map { ScoreEngine.rank(try $0.scores()) }
        let shown = published ?? computed.ranked
        let todays = Dictionary(
            computed.ranked.map { ($0.score.unitID, $0.score.total) }, uniquingKeysWith: { first, _ in first })
        let rows = shown.filter { access.allows($0.score.unitID) && $0.score.included }.map { entry in
            let score = entry.score
            let now = todays[score.unitID] ?? nil
            return ScoreRankingPage.Row(
                rank: entry.rank.map(String.init) ?? "—", unitName: score.unitName,
                href: SiteURL.unitScore(plan: planID, unit: UUID(uuidString: score.unitID) ?? UUID(), period: span.key)
                    .path, total: score.total.map(ScoreEngine.text(points:)) ?? "—",
                deductions: ScoreEngine.text(points: score.deductions),
                additions: ScoreEngine.text(points: score.additions),
                now: published != nil && now != score.total ? "今日 \(now.map(ScoreEngine.text(points:)) ?? "不纳入")" : "")
        }
        let differences =
            published.map {
                ScoreEngine.difference(published: $0.map(\.score), current: computed.ranked.map(\.score))
            }.map { $0.filter { access.allows($0.unitID) } } ?? []
        let history = try await Scores.history(planID: planID, on: req.db).filter { $0.period == span.key }.map {
            "第\($0.version)版 · \(DisplayTime.minute($0.publishedAt)) · \($0.publishedBy)"
        }
        let visible = shown.map(\.score).filter { access.allows($0.unitID) && $0.included }
        return ScoreRankingPage(
            page: try PageChrome(
                for: req, title: "\(span.label)考核得分", section: .scores,
                breadcrumbs: [
                    .init(label: "考核", href: SiteURL.scoresIndex.path),
                    .init(label: plan.title, href: SiteURL.plan(planID).path), .init(label: span.label, href: ""),
                ]),
            notice: notice, planTitle: plan.title, planHref: SiteURL.plan(planID).path, spanLabel: span.label,
            spanKey: span.key, periods: spanOptions(reporting, chosen: span),
            filterAction: SiteURL.scores(plan: planID, period: nil).path,
            published: snapshot.map {
                "第\($0.version)版，\(DisplayTime.minute($0.publishedAt)) 由 \($0.publishedBy) 发布"
            } ?? "", unpublishedPeriods: computed.unpublished.joined(separator: "、"), rows: rows,
            excluded: shown.filter { !$0.score.included && access.allows($0.score.unitID) }.map(\.score.unitName),
            differences: differences.map(difference), history: history,
            chart: ChartView(ScoreRankingPage.distribution(visible, span: span.label)),
            publishAction: req.allows(.superviseReporting) ? SiteURL.scoresPublish(planID).path : "",
            exportHref: SiteURL.scoresXlsx(plan: planID, period: span.key).path,
            schemeHref: SiteURL.scoringScheme(planID).path, isPortfolio: access.units != nil, csrf: req.csrfToken)
    }

    /// Today's computation of the span: a period's scores, or the year's from its due periods.
    static func current(
        plan: Plan, span: Scores.Span, reporting: PlanReporting, today: CalendarDay, on database: any Database
    ) async throws -> (ranked: [RankedScore], unpublished: [String]) {
        switch span {
        case .period(let period):
            return (try await Scores.current(plan: plan, period: period, today: today, on: database), [])
        case .year:
            return try await Scores.year(
                plan: plan, periods: Scores.duePeriods(of: reporting, today: today), today: today, on: database)
        }
    }

    /// The plan's periods and the year, as the span picker's options.
    static func spanOptions(_ reporting: PlanReporting, chosen: Scores.Span) -> [SelectOption] {
        Scores.periods(of: reporting).map {
            SelectOption(value: $0.key, label: $0.label, selected: chosen == .period($0))
        } + [SelectOption(value: Scores.yearKey, label: "\(reporting.year)年度", selected: chosen.key == Scores.yearKey)]
    }

    private static func difference(_ difference: ScoreDifference) -> ScoreRankingPage.Difference {
        ScoreRankingPage.Difference(
            unitName: difference.unitName,
            published: difference.publishedTotal.map(ScoreEngine.text(points:)) ?? "不纳入",
            current: difference.currentTotal.map(ScoreEngine.text(points:)) ?? "不纳入",
            added: difference.addedLines.map(\.sentence), removed: difference.removedLines.map(\.sentence))
    }
}

/// Building the score pages.
enum ScorePages {}
