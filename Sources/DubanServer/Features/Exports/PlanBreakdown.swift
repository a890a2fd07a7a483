import DubanCore
import Fluent
import Foundation

/// A plan's 分解表 as the 督查室 hands it upward: every task in force, with all its roles, its deadline, its
/// light and each reporting unit's latest report and figures — the same content in the XLSX and the CSV.
struct PlanBreakdown: Sendable {
    static let header = [
        "序号", "所属部分", "任务内容", "类别", "责任领导", "总牵头单位", "牵头单位", "责任单位", "协办单位", "完成时限", "灯",
        "最近报告", "量化指标完成情况", "序时进度",
    ]
    /// Column widths in characters, for the workbook.
    static let widths: [Double] = [7, 18, 50, 10, 12, 16, 18, 24, 18, 12, 8, 30, 30, 30]

    var title: String
    var fileName: String
    /// The header, then one row per task.
    var rows: [[String]]

    /// The breakdown of the plan of the government; nil when there is no such plan.
    static func make(planID: UUID, governmentID: UUID, today: CalendarDay, on database: any Database) async throws
        -> PlanBreakdown?
    {
        guard let plan = try await Plan.find(planID, on: database), plan.$government.id == governmentID else {
            return nil
        }
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID)
            .filter(\.$withdrawnAt == nil).with(\.$assignments) { $0.with(\.$unit) }
            .with(\.$leaderLinks) { $0.with(\.$leader) }.sort(\.$position).all()
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all()
        let sectionTitles = Dictionary(uniqueKeysWithValues: try sections.map { (try $0.requireID(), $0.title) })
        let board = try await DutyStatus.board(.plan(planID), today: today, on: database)
        let byTask = Dictionary(grouping: board, by: \.duty.taskID)
        let pace = try await PlanReporting.load(plan, on: database).rules.pace
        var rows = [header]
        for task in tasks {
            let taskID = try task.requireID()
            let statuses = (byTask[taskID] ?? []).sorted { $0.unit.name < $1.unit.name }
            func units(_ role: AssignmentRole) -> String {
                task.assignments.filter { $0.role == role }.sorted { $0.position < $1.position }.map(\.unit.name)
                    .joined(separator: "、")
            }
            let worst = statuses.max { $0.light < $1.light }
            let reports = statuses.map { status in
                let latest = status.reports.last.map {
                    "\($0.period.shortLabel) \($0.status.label) · \($0.state.label)"
                }
                return "\(status.unit.name)：\(latest ?? "尚未报送")"
            }
            let figureLines = statuses.compactMap { status in
                LatestFigures.of(status).map { "\(status.unit.name)：\($0)" }
            }
            // 序时: each unit's latest standing report's figures, classed at its period.
            let targets = statuses.isEmpty ? [] : TaskTargets.of(task.text)
            let paceLines = statuses.compactMap { status -> String? in
                guard let latest = status.reports.last(where: { $0.state != .returned }) else { return nil }
                let classes = ScoreRecords.figures(latest, targets: targets, pace: pace).map { figure in
                    "\(figure.label)\(figure.standing.label)"
                        + (figure.gap.isEmpty ? "" : "（\(figure.gap.replacingOccurrences(of: " ", with: ""))）")
                }
                return classes.isEmpty ? nil : "\(status.unit.name)：" + classes.joined(separator: "；")
            }
            rows.append([
                task.number, task.$section.id.flatMap { sectionTitles[$0] } ?? "", task.text, task.kind.label,
                task.leaderLinks.sorted { $0.position < $1.position }.map(\.leader.name).joined(separator: "、"),
                units(.overallLead), units(.lead), units(.responsible), units(.assisting), task.deadline ?? "",
                worst.map(\.shownLabel) ?? "", reports.joined(separator: "\n"), figureLines.joined(separator: "\n"),
                paceLines.joined(separator: "\n"),
            ])
        }
        return PlanBreakdown(
            title: "\(plan.title)（截至\(today.chinese)）",
            fileName: FileDownload.safeName(plan.title, fallback: "方案") + "（分解表）",
            rows: rows)
    }
}
