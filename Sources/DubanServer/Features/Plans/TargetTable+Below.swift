import DubanCore
import Fluent
import Foundation

extension TargetTable {
    /// Decides whether the reader may see a lower government's task's reports (the policy's `.readReports`).
    typealias ReadsBelow = @Sendable (TaskRecord) async throws -> Bool

    /// The rows beneath each of a higher task's targets: every lower government's localised target (from the
    /// confirmed links) with its own reporting units' figures in the higher plan's periods, for the readers the
    /// policy lets read them. Keyed by the higher task and its target.
    static func belowRows(
        of measured: [(TaskDuty, [QuantifiedTarget])], periods: [ReportingPeriod], reads: ReadsBelow,
        on database: any Database
    ) async throws -> [UUID: [QuantifiedTarget: [Row]]] {
        let parentIDs = measured.map(\.0.taskID)
        guard !parentIDs.isEmpty else { return [:] }
        let links = try await TaskLink.query(on: database).filter(\.$parent.$id ~~ parentIDs)
            .filter(\.$state == .confirmed).all()
        guard !links.isEmpty else { return [:] }
        let children = try await TaskRecord.query(on: database).filter(\.$id ~~ links.map(\.$task.id))
            .filter(\.$withdrawnAt == nil).with(\.$plan) { $0.with(\.$government) }.with(\.$assignments).all()
        var readable: [TaskRecord] = []
        for child in children where try await reads(child) { readable.append(child) }
        guard !readable.isEmpty else { return [:] }
        let childIDs = try readable.map { try $0.requireID() }
        let (duties, plans) = try await TaskDuty.load(.tasks(childIDs), on: database)
        let ledger = try await ReportLedger.load(taskIDs: childIDs, on: database)
        var result: [UUID: [QuantifiedTarget: [Row]]] = [:]
        for (parent, targets) in measured {
            let own = readable.filter { child in
                links.contains { $0.$task.id == child.id && $0.$parent.id == parent.taskID }
            }
            .sorted { ($0.plan.government.shortName, $0.position) < ($1.plan.government.shortName, $1.position) }
            for child in own {
                guard let childID = child.id, let duty = duties.first(where: { $0.taskID == childID }),
                    let reporting = plans[duty.planID]
                else { continue }
                let quoted = child.parentText.flatMap { $0.isEmpty ? nil : $0 } ?? parent.text
                let compared = TargetLocalisation.compare(parentText: quoted, localText: child.text)
                let order = ReportLedger.periodOrder(reporting.calendar)
                for (item, line) in zip(compared, CascadePanelQuery.lines(compared)) {
                    // The quoted words may place the figure elsewhere than the parent's text: match by what it measures.
                    guard let quotedTarget = item.parent, let local = item.local,
                        let parentTarget = targets.first(where: {
                            $0.label == quotedTarget.label && $0.unit == quotedTarget.unit
                        })
                    else { continue }
                    for unit in duty.reporters {
                        let reports = ledger.reports(task: childID, unit: unit.id, order: order).filter {
                            $0.state != .returned
                        }
                        var below = row(
                            duty, target: local, unit: unit, reports: reports, periods: periods,
                            pace: reporting.rules.pace)
                        below.level = "below"
                        below.number = "↳ " + duty.number
                        below.unitName = "\(child.plan.government.shortName) · \(unit.name)"
                        below.kindLabel = line.kindLabel
                        below.target = local.text + (line.note.isEmpty ? "" : "（\(line.note)）")
                        result[parent.taskID, default: [:]][parentTarget, default: []].append(below)
                    }
                }
            }
        }
        return result
    }
}
