import DubanCore
import Fluent
import Foundation

/// A plan's public page: its tasks with their units, deadlines and where each stands by its latest report the
/// 督查室 has accepted, with the figures against their targets and 序时 — and nothing internal: no report texts,
/// comments, reviews, contacts or names of staff, and nothing a unit filed that the 督查室 has not accepted.
struct PublicPlanPage: Encodable {
    var page: PageChrome
    var government: String
    var planTitle: String
    var year: Int
    var updated: String
    var counts: [Count]
    var sections: [Section]

    struct Count: Encodable {
        var label: String
        var count: Int
    }

    struct Section: Encodable {
        var title: String
        var tasks: [Task]
    }

    struct Task: Encodable {
        var number: String
        var text: String
        var kindLabel: String
        var units: String
        var deadline: String
        /// "已完成", "按序时推进" …, or "暂无审核通过的报告".
        var status: String
        /// `ReportStatus` raw value for the badge; "" without a report.
        var statusClass: String
        /// "2026年第三季度".
        var period: String
        var figures: [String]
    }

    /// The page of a published plan, as of its reports accepted by now.
    static func make(_ plan: Plan, on database: any Database) async throws -> PublicPlanPage {
        let planID = try plan.requireID()
        let government = try await Government.find(plan.$government.id, on: database)
        let (duties, plans) = try await TaskDuty.load(.plan(planID), on: database)
        let reporting = plans[planID]
        let order = reporting.map { ReportLedger.periodOrder($0.calendar) } ?? [:]
        let ledger = try await ReportLedger.load(taskIDs: duties.map(\.taskID), on: database)
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID)
            .filter(\.$withdrawnAt == nil).with(\.$assignments) { $0.with(\.$unit) }.sort(\.$position).all()
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).sort(\.$position).all()
        var titles: [UUID: String] = [:]
        for section in sections { titles[try section.requireID()] = section.title }
        var byDuty: [UUID: TaskDuty] = [:]
        for duty in duties { byDuty[duty.taskID] = duty }
        var blocks: [Section] = []
        var tally: [String: Int] = [:]
        for task in tasks {
            let taskID = try task.requireID()
            let accepted = (byDuty[taskID]?.reporters ?? []).compactMap { unit in
                ledger.reports(task: taskID, unit: unit.id, order: order).last { $0.state == .accepted }
            }.max { (order[$0.period] ?? 0) < (order[$1.period] ?? 0) }
            let targets = accepted == nil ? [] : TaskTargets.of(task.text)
            let figures =
                accepted.map { report in
                    reporting.map { reporting in
                        ScoreRecords.figures(report, targets: targets, pace: reporting.rules.pace).map {
                            "\($0.text)（目标\($0.target)，\($0.standing.label)）"
                        }
                    } ?? []
                } ?? []
            let units = task.assignments.filter { $0.role != .assisting }.sorted { $0.position < $1.position }
                .map(\.unit.name)
            let status = accepted?.status.label ?? "暂无审核通过的报告"
            tally[status, default: 0] += 1
            let line = Task(
                number: task.number, text: task.text, kindLabel: task.kind.label,
                units: DisplayText.names(units, limit: 4), deadline: task.deadline ?? "", status: status,
                statusClass: accepted?.status.rawValue ?? "", period: accepted?.period.label ?? "", figures: figures)
            let title = task.$section.id.flatMap { titles[$0] } ?? ""
            if blocks.last?.title == title {
                blocks[blocks.count - 1].tasks.append(line)
            } else {
                blocks.append(Section(title: title, tasks: [line]))
            }
        }
        let labels = ReportStatus.allCases.map(\.label) + ["暂无审核通过的报告"]
        return PublicPlanPage(
            page: PageChrome(signedOutTitle: plan.title), government: government?.name ?? "", planTitle: plan.title,
            year: plan.year, updated: "",
            counts: labels.compactMap { label in
                tally[label].map { Count(label: label, count: $0) }
            }, sections: blocks)
    }
}
