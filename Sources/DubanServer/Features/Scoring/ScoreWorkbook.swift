import DubanCore
import DubanFormats
import Fluent
import Vapor

/// The scores as a workbook: the ranking on one sheet, every point's explanation on another — what the
/// 督查室 attaches when it reports the scores upward.
struct ScoreWorkbook {
    var data: Data
    var fileName: String

    static let rankingWidths: [Double] = [8, 30, 10, 10, 10, 14]
    static let lineWidths: [Double] = [26, 14, 12, 30, 16, 12, 10, 70]

    static func make(
        plan: Plan, span: Scores.Span, reporting: PlanReporting, access: ScoreAccess, req: Request
    ) async throws -> ScoreWorkbook {
        let planID = try plan.requireID()
        let snapshot = try await Scores.latest(planID: planID, key: span.key, on: req.db)
        let ranked: [RankedScore]
        if let snapshot {
            ranked = ScoreEngine.rank(try snapshot.scores())
        } else {
            ranked = try await ScorePages.current(
                plan: plan, span: span, reporting: reporting, today: req.clock.today(), on: req.db
            ).ranked
        }
        let visible = ranked.filter { access.allows($0.score.unitID) }
        let state =
            snapshot.map { "已发布第\($0.version)版（\(DisplayTime.minute($0.publishedAt))）" }
            ?? "未发布，截至\(req.clock.today().chinese)"
        var ranking = [["名次", "单位", "得分", "扣分", "加分", "备注"]]
        for entry in visible {
            let score = entry.score
            ranking.append([
                entry.rank.map(String.init) ?? "", score.unitName,
                score.total.map(ScoreEngine.text(points:)) ?? "不纳入", ScoreEngine.text(points: score.deductions),
                ScoreEngine.text(points: score.additions), score.included ? "" : "本期未承担任务，不纳入考核",
            ])
        }
        var lines = [["单位", "期次", "规则", "任务", "职责", "日期", "分值", "说明"]]
        for entry in visible {
            for line in entry.score.lines {
                lines.append([
                    entry.score.unitName, line.period ?? span.label, line.label,
                    line.taskNumber.map { "第\($0)项" + (line.taskLabel.map { "“\($0)”" } ?? "") } ?? "",
                    line.role?.label ?? "", line.day?.description ?? "", ScoreEngine.text(points: line.points),
                    line.sentence,
                ])
            }
        }
        let title = "\(plan.title) \(span.label)考核得分（\(state)）"
        let data = try XlsxWriter.data(sheets: [
            .init(
                name: "得分排名", rows: ranking, widths: rankingWidths, title: title, freezesHeader: true,
                numericColumns: [0, 2, 3, 4]),
            .init(
                name: "扣分加分明细", rows: lines, widths: lineWidths, title: title, freezesHeader: true,
                numericColumns: [6]),
        ])
        let name = FileDownload.safeName("\(plan.title)\(span.label)考核得分", fallback: "考核得分")
        return ScoreWorkbook(data: data, fileName: name + ".xlsx")
    }
}
