import DubanCore
import DubanFormats
import Fluent
import Vapor

/// One unit's score for a period or the year, every point explained: the rule, the task, the unit's role and
/// weight, the day, the record behind it. The published score when there is one, with what has changed since.
struct UnitScorePage: Encodable {
    var page: PageChrome
    var planTitle: String
    var planHref: String
    var unitName: String
    var unitHref: String
    var spanLabel: String
    var periods: [SelectOption]
    var filterAction: String
    var summary: String
    var total: String
    /// "第3名，共28个单位".
    var rank: String
    var published: String
    var lines: [Line]
    /// Lines today's computation has that the published score does not, and the reverse.
    var added: [String]
    var removed: [String]
    var rules: [String]
    var rankingHref: String
    var chart: ChartView?

    /// One line of the score.
    struct Line: Encodable {
        var label: String
        var period: String
        var task: String
        var taskHref: String
        var role: String
        var day: String
        var points: String
        var isAddition: Bool
        var isDeduction: Bool
        var sentence: String
        var recordHref: String
    }
}

extension ScorePages {
    /// The explained score of a unit, for whoever `ScoreAccess.authorize` let through.
    static func unit(
        plan: Plan, unitID: UUID, unitName: String, span: Scores.Span, reporting: PlanReporting, req: Request
    ) async throws -> UnitScorePage {
        let planID = try plan.requireID()
        let today = req.clock.today()
        let computed = try await current(plan: plan, span: span, reporting: reporting, today: today, on: req.db)
        let snapshot = try await Scores.latest(planID: planID, key: span.key, on: req.db)
        let ranked = try snapshot.map { ScoreEngine.rank(try $0.scores()) } ?? computed.ranked
        let key = unitID.uuidString
        let entry = ranked.first { $0.score.unitID == key }
        let score =
            entry?.score
            ?? UnitScore(
                unitID: key, unitName: unitName, periodLabel: span.label, included: false, total: nil, deductions: 0,
                additions: 0, clip: nil, lines: [])
        let todays = computed.ranked.first { $0.score.unitID == key }?.score
        var added: [String] = []
        var removed: [String] = []
        if snapshot != nil,
            let difference = ScoreEngine.difference(
                published: [score], current: todays.map { [$0] } ?? []
            ).first
        {
            added = difference.addedLines.map(\.sentence)
            removed = difference.removedLines.map(\.sentence)
        }
        let included = ranked.filter(\.score.included).count
        return UnitScorePage(
            page: try PageChrome(
                for: req, title: "\(unitName) \(span.label)考核得分", section: req.allows(.readScores) ? .scores : .desk,
                breadcrumbs: req.allows(.readScores)
                    ? [
                        .init(label: "考核", href: SiteURL.scoresIndex.path),
                        .init(label: span.label, href: SiteURL.scores(plan: planID, period: span.key).path),
                        .init(label: unitName, href: ""),
                    ] : []),
            planTitle: plan.title, planHref: SiteURL.plan(planID).path, unitName: unitName,
            unitHref: SiteURL.unit(unitID).path, spanLabel: span.label, periods: spanOptions(reporting, chosen: span),
            filterAction: SiteURL.unitScore(plan: planID, unit: unitID, period: nil).path, summary: score.summary,
            total: score.total.map(ScoreEngine.text(points:)) ?? "不纳入",
            rank: entry?.rank.map { "第\($0)名，共\(included)个单位" } ?? "",
            published: snapshot.map { "已发布（第\($0.version)版，\(DisplayTime.minute($0.publishedAt))）" }
                ?? "尚未发布：以下为截至今天的计算，随报送和审核变化",
            lines: score.lines.map { line(of: $0, planID: planID) }, added: added, removed: removed,
            rules: Scores.scheme(of: plan).describe(cycle: reporting.rules.cycle),
            rankingHref: req.allows(.readScores) ? SiteURL.scores(plan: planID, period: span.key).path : "",
            chart: try await trend(planID: planID, unitID: key, reporting: reporting, on: req.db))
    }

    /// A score line as the page shows it, linked to its task and the record behind it.
    private static func line(of line: ScoreLine, planID: UUID) -> UnitScorePage.Line {
        let taskID = line.taskID.flatMap(UUID.init(uuidString:))
        var record = ""
        if let reference = line.reference, let id = UUID(uuidString: reference.id) {
            switch reference.kind {
            case .report: record = SiteURL.report(id).path
            case .workPlan: record = taskID.map { SiteURL.taskReporting($0).path } ?? ""
            case .finding: record = SiteURL.finding(id).path
            case .bulletin: record = SiteURL.bulletin(id).path
            case .flag: record = taskID.map { SiteURL.taskReporting($0).path } ?? ""
            }
        }
        let points = ScoreEngine.text(points: line.points)
        let isRule = line.kind.rule != nil
        return UnitScorePage.Line(
            label: line.label, period: line.period ?? "",
            task: line.taskNumber.map { number in "第\(number)项" + (line.taskLabel.map { "“\($0)”" } ?? "") } ?? "",
            taskHref: taskID.map { SiteURL.taskReporting($0).path } ?? "",
            role: line.role.map { "\($0.label)" + (line.weight.map { "（权重\($0)）" } ?? "") } ?? "",
            day: line.day?.chinese ?? "", points: line.points > 0 && isRule ? "+" + points : points,
            isAddition: isRule && line.points > 0, isDeduction: line.points < 0, sentence: line.sentence,
            recordHref: record)
    }

    /// The unit's published totals period by period, for the trend beside its score; nil before any
    /// publication.
    private static func trend(planID: UUID, unitID: String, reporting: PlanReporting, on database: any Database)
        async throws -> ChartView?
    {
        let periods = Scores.periods(of: reporting)
        var values: [Double?] = []
        var any = false
        for period in periods {
            let total = try await Scores.latest(planID: planID, key: period.key, on: database)?.scores()
                .first { $0.unitID == unitID }?.total
            any = any || total != nil
            values.append(total)
        }
        guard any else { return nil }
        let chart = LineChart(
            id: "unit-score-trend", title: "各期已发布得分", description: "本单位每期已发布的考核得分。",
            xLabels: periods.map(\.shortLabel),
            series: [.init(name: "得分", color: ChartPalette.blue, values: values)], unit: "分",
            categoryName: "期次")
        return ChartView(chart)
    }
}
