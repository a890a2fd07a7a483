import DubanCore
import DubanFormats
import Fluent
import Foundation

/// 附表3 第X季度工作目标完成情况: 序号 | 责任事项 | 完成情况, in the plan's order, for one unit or for every
/// reporting unit of a plan — units that filed nothing are listed with "未报送", not left out. Each 完成情况
/// states the declared status, the narrative, the figures against their targets with their 序时 class, and the
/// reason for any delay.
struct ProgressForm: Sendable {
    static let header = ["序号", "责任事项", "完成情况"]
    static let widths: [Double] = [7, 40, 80]
    static let planHeader = ["单位", "序号", "责任事项", "完成情况"]
    static let planWidths: [Double] = [20, 7, 40, 80]
    static let footnote = "备注：为便于统计，责任事项序号按方案确定的序号排序。"

    var sheet: XlsxWriter.Sheet
    var fileName: String
    /// For a plan handed down from above, the rows the district sends up (`UpwardProgressSheet`).
    var upward: XlsxWriter.Sheet?

    /// One unit's form for the plan's period.
    static func unit(
        _ unit: Unit, plan: Plan, period: ReportingPeriod, on database: any Database
    ) async throws -> ProgressForm {
        let unitID = try unit.requireID()
        let lines = try await rows(plan: plan, period: period, on: database).filter { $0.unit.id == unitID }
        let label = try await AnnexLabels.of(planID: try plan.requireID(), on: database).progress
        let rows = [header] + lines.map { [$0.number, $0.text, $0.progress] } + [[footnote]]
        return ProgressForm(
            sheet: XlsxWriter.Sheet(
                name: label, rows: rows, widths: widths, title: "\(unit.name)\(period.shortLabel)工作目标完成情况",
                merges: [.init(rows: (rows.count - 1)...(rows.count - 1), columns: 0...2)], freezesHeader: true,
                caption: label, notes: ["单位：\(unit.name)　　主要负责人（签字）："]),
            fileName: FileDownload.safeName("\(unit.name)\(period.label)完成情况（\(label)）", fallback: "完成情况"))
    }

    /// Every reporting unit's form for the plan's period on one sheet, a unit's name merged over its rows.
    static func plan(_ plan: Plan, period: ReportingPeriod, on database: any Database) async throws -> ProgressForm {
        let inPlanOrder = try await rows(plan: plan, period: period, on: database)
        let lines = inPlanOrder.sorted { ($0.unit.name, $0.position) < ($1.unit.name, $1.position) }
        let label = try await AnnexLabels.of(planID: try plan.requireID(), on: database).progress
        var rows = [planHeader]
        var merges: [XlsxWriter.Merge] = []
        var start = 1
        for (index, line) in lines.enumerated() {
            rows.append([line.unit.name, line.number, line.text, line.progress])
            let last = index == lines.count - 1 || lines[index + 1].unit.id != line.unit.id
            if last {
                if rows.count - 1 > start { merges.append(.init(rows: start...(rows.count - 1), columns: 0...0)) }
                start = rows.count
            }
        }
        let filed = Set(lines.filter { $0.filed }.map(\.unit.id)).count
        let units = Set(lines.map(\.unit.id)).count
        return ProgressForm(
            sheet: XlsxWriter.Sheet(
                name: label, rows: rows, widths: planWidths, title: "\(plan.title)\(period.shortLabel)工作目标完成情况汇总",
                merges: merges, freezesHeader: true, caption: label,
                notes: ["报送单位\(units)个，已报送\(filed)个，未报送\(units - filed)个。未报送的单位列为“未报送”。"]),
            fileName: FileDownload.safeName("\(plan.title)\(period.label)完成情况汇总（\(label)）", fallback: "完成情况"),
            upward: try await UpwardProgressSheet.make(plan: plan, period: period, lines: inPlanOrder, on: database))
    }

    /// One reporting unit's line on one task.
    struct Line {
        var taskID: UUID
        var unit: TaskDuty.UnitRef
        var number: String
        var text: String
        var position: Int
        var progress: String
        var filed: Bool
    }

    /// Every reporting unit's line on every task of the plan in force, in the plan's order.
    static func rows(plan: Plan, period: ReportingPeriod, on database: any Database) async throws -> [Line] {
        let planID = try plan.requireID()
        let (duties, plans) = try await TaskDuty.load(.plan(planID), on: database)
        guard let reporting = plans[planID] else { return [] }
        let ledger = try await ReportLedger.load(taskIDs: duties.map(\.taskID), on: database)
        let order = ReportLedger.periodOrder(reporting.calendar)
        var lines: [Line] = []
        for (position, duty) in duties.enumerated() {
            let targets = TaskTargets.of(duty.text)
            for unit in duty.reporters {
                let report = ledger.reports(task: duty.taskID, unit: unit.id, order: order)
                    .first { $0.period == period && $0.state != .returned }
                lines.append(
                    Line(
                        taskID: duty.taskID, unit: unit, number: duty.number, text: duty.text, position: position,
                        progress: report.map { progress($0, targets: targets, pace: reporting.rules.pace) } ?? "未报送",
                        filed: report != nil))
            }
        }
        return lines
    }

    /// "按序时推进。已梳理政策清单86项……兑现资金3200万元（目标不少于5000万元，未达序时：低于序时进度250万元）。"
    static func progress(_ report: ReportLedger.Entry, targets: [QuantifiedTarget], pace: PaceRule) -> String {
        var text = "【\(report.status.label)】\(report.narrative)"
        let figures = ScoreRecords.figures(report, targets: targets, pace: pace).map { figure in
            let gap = figure.gap.isEmpty ? "" : "：" + figure.gap.replacingOccurrences(of: " ", with: "")
            return "\(figure.text)（目标\(figure.target)，\(figure.standing.label)\(gap)）"
        }
        if !figures.isEmpty { text += "\n量化指标：" + figures.joined(separator: "；") }
        if !report.reason.isEmpty { text += "\n原因：" + report.reason }
        return text
    }
}
