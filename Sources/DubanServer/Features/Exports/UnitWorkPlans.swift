import DubanCore
import DubanFormats
import Fluent
import Foundation

/// 附表1 办理方案 of one unit, as the offices hand it in: 序号 | 责任事项 | 具体工作内容 | 完成时间 | 分管领导 | 责任部门,
/// one row per work item, the task's number and words merged over its items. Built from the unit's current
/// work plans on the tasks of plans in force, in plan and task order.
struct UnitWorkPlans: Sendable {
    static let header = ["序号", "责任事项", "具体工作内容", "完成时间", "分管领导", "责任部门"]
    static let widths: [Double] = [7, 40, 50, 10, 12, 16]

    var title: String
    var fileName: String
    /// The header, then one row per work item.
    var rows: [[String]]
    /// The 序号 and 责任事项 cells of a task with several items, merged (rows of `rows`, the header is 0).
    var merges: [XlsxWriter.Merge]
    /// The form's number in the notice of the plan its work plans belong to ("附表1").
    var label: String
    /// "单位：区财政局　　主要负责人（签字）：".
    var signatureLine: String

    /// The unit's 附表1; nil when the government has no such unit.
    static func make(unitID: UUID, governmentID: UUID, on database: any Database) async throws -> UnitWorkPlans? {
        guard let unit = try await Unit.find(unitID, on: database), unit.$government.id == governmentID else {
            return nil
        }
        let plans = try await WorkPlan.query(on: database)
            .join(TaskRecord.self, on: \WorkPlan.$task.$id == \TaskRecord.$id)
            .join(Plan.self, on: \TaskRecord.$plan.$id == \Plan.$id)
            .filter(\.$unit.$id == unitID).filter(\.$state != ReviewState.superseded)
            .filter(TaskRecord.self, \.$withdrawnAt == nil).filter(Plan.self, \.$withdrawnAt == nil)
            .with(\.$task) { $0.with(\.$plan) }.with(\.$items).all()
            .sorted {
                ($0.task.plan.year, $0.task.plan.title, $0.task.position)
                    < ($1.task.plan.year, $1.task.plan.title, $1.task.position)
            }
        var rows = [header]
        var merges: [XlsxWriter.Merge] = []
        var planTitles: [String] = []
        for plan in plans {
            if !planTitles.contains(plan.task.plan.title) { planTitles.append(plan.task.plan.title) }
            let items = plan.items.sorted { $0.position < $1.position }
            let first = rows.count
            for (index, item) in items.enumerated() {
                rows.append([
                    index == 0 ? plan.task.number : "", index == 0 ? plan.task.text : "", item.content,
                    "\(item.plannedMonth)月", item.leader, item.department,
                ])
            }
            if items.count > 1 {
                merges.append(.init(rows: first...(rows.count - 1), columns: 0...0))
                merges.append(.init(rows: first...(rows.count - 1), columns: 1...1))
            }
        }
        let source = planTitles.count == 1 ? "（\(planTitles[0])）" : ""
        // One plan's notice numbers the form; across plans the standard number is used.
        let planIDs = Set(plans.map { $0.task.$plan.id })
        var label = AnnexNumbering.standard.workPlan
        if planIDs.count == 1, let only = planIDs.first {
            label = try await AnnexLabels.of(planID: only, on: database).workPlan
        }
        return UnitWorkPlans(
            title: "\(unit.name)办理方案\(source)",
            fileName: FileDownload.safeName(unit.name, fallback: "单位") + "办理方案（\(label)）", rows: rows,
            merges: merges, label: label, signatureLine: "单位：\(unit.name)　　主要负责人（签字）：")
    }
}
