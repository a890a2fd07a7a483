import DubanCore
import DubanFormats
import Fluent
import Foundation

/// What a district's 督查室 sends up for a cascaded plan: one row per task handed down, the higher task it
/// answers (its number and words, from the confirmed link or as the plan quotes it), the district's own target,
/// its units and what they reported for the period — assembled from the units' reports, not typed again. A
/// second sheet of the plan's 完成情况 workbook, there only when the plan has tasks handed down.
enum UpwardProgressSheet {
    static let header = ["序号", "上级任务", "本级目标任务", "责任单位", "完成情况"]
    static let widths: [Double] = [7, 40, 36, 20, 80]

    /// The sheet for the plan's period, or nil when no task of the plan answers a higher one.
    static func make(
        plan: Plan, period: ReportingPeriod, lines: [ProgressForm.Line], on database: any Database
    ) async throws -> XlsxWriter.Sheet? {
        let taskIDs = Array(Set(lines.map(\.taskID)))
        guard !taskIDs.isEmpty else { return nil }
        let tasks = try await TaskRecord.query(on: database).filter(\.$id ~~ taskIDs).all()
        let links = try await TaskLink.query(on: database).filter(\.$task.$id ~~ taskIDs)
            .filter(\.$state == .confirmed).with(\.$parent).all()
        var higher: [UUID: String] = [:]
        for task in tasks {
            let id = try task.requireID()
            if let parent = links.first(where: { $0.$task.id == id })?.parent {
                higher[id] = "第\(parent.number)项 \(parent.text)"
            } else if let quoted = task.parentText, !quoted.isEmpty {
                higher[id] = task.parentNumber.map { "第\($0)项 \(quoted)" } ?? quoted
            }
        }
        guard !higher.isEmpty else { return nil }
        var rows = [header]
        var seen: [UUID] = []
        for line in lines where higher[line.taskID] != nil && !seen.contains(line.taskID) { seen.append(line.taskID) }
        for taskID in seen {
            let own = lines.filter { $0.taskID == taskID }
            guard let first = own.first else { continue }
            let progress =
                own.count == 1
                ? first.progress : own.map { "【\($0.unit.name)】\($0.progress)" }.joined(separator: "\n")
            rows.append([
                first.number, higher[taskID] ?? "", first.text, own.map(\.unit.name).joined(separator: "、"), progress,
            ])
        }
        let filed = seen.filter { id in lines.contains { $0.taskID == id && $0.filed } }.count
        return XlsxWriter.Sheet(
            name: "报上级汇总", rows: rows, widths: widths,
            title: "\(plan.title)\(period.shortLabel)完成情况（报上级）", freezesHeader: true, caption: "报上级汇总",
            notes: ["上级下达任务\(seen.count)项，已报送\(filed)项。完成情况取自各责任单位本期报送的报告。"])
    }
}
