import DubanCore
import Fluent
import Foundation

/// Filing a unit's work plan (办理方案) for a task and the 督查室's review of it. Any unit of the task may file
/// one: the reporting unit's is the task's plan, the co-units add their own items beside it.
enum WorkPlanFiling {
    /// One item as typed.
    struct Item: Sendable, Equatable {
        var content: String
        var plannedMonth: Int?
        var leader: String
        var department: String

        /// A row left empty: nothing typed and no month chosen.
        var isBlank: Bool { content.isEmpty && leader.isEmpty && department.isEmpty && plannedMonth == nil }
    }

    /// At most this many items per plan.
    static let maxItems = 30

    /// Files a new version of the unit's work plan, superseding the current one. Empty rows are ignored.
    static func submit(
        _ items: [Item], taskID: UUID, unitID: UUID, by filer: ReportFiling.Filer,
        context: (TaskDuty, PlanReporting)? = nil, on database: any Database
    ) async throws -> WorkPlan {
        let (duty, reporting): (TaskDuty, PlanReporting)
        if let context {
            (duty, reporting) = context
        } else {
            (duty, reporting) = try await ReportFiling.dutyAndRules(taskID: taskID, on: database)
        }
        guard duty.units.contains(where: { $0.id == unitID }) else { throw ReportFilingError.notAUnitOfTask }
        let rows = items.map { item in
            Item(
                content: item.content.trimmingCharacters(in: .whitespacesAndNewlines), plannedMonth: item.plannedMonth,
                leader: item.leader.trimmingCharacters(in: .whitespacesAndNewlines),
                department: item.department.trimmingCharacters(in: .whitespacesAndNewlines))
        }.filter { !$0.isBlank }
        guard !rows.isEmpty else { throw ReportFilingError.workPlanEmpty }
        guard rows.count <= maxItems else { throw ReportFilingError.workPlanItem(maxItems + 1, "最多 \(maxItems) 项") }
        for (index, row) in rows.enumerated() {
            if row.content.isEmpty { throw ReportFilingError.workPlanItem(index + 1, "请填写工作内容。") }
            guard let month = row.plannedMonth, (1...12).contains(month) else {
                throw ReportFilingError.workPlanItem(index + 1, "请选择计划完成月份。")
            }
        }
        return try await database.writeTransaction { database in
            try await DutyLock.take(taskID: taskID, unitID: unitID, on: database)
            let previous = try await WorkPlan.query(on: database).filter(\.$task.$id == taskID)
                .filter(\.$unit.$id == unitID).filter(\.$state != ReviewState.superseded).first()
            if let previous {
                previous.state = ReviewState.superseded
                try await previous.save(on: database)
            }
            // Late against the rules' due day, kept from the first version as a report's delay is.
            let due = reporting.calendar.workPlanDue
            let daysLate = previous?.daysLate ?? due.map { max(0, $0.days(until: filer.today)) } ?? 0
            let plan = WorkPlan(
                taskID: taskID, unitID: unitID, version: (previous?.version ?? 0) + 1, daysLate: daysLate,
                submittedAt: filer.now, submittedByID: filer.userID)
            try await plan.create(on: database)
            try await ScoreInputs.changed(planIDs: [duty.planID], on: database)
            let planID = try plan.requireID()
            for (position, row) in rows.enumerated() {
                try await WorkPlanItem(
                    workPlanID: planID, position: position, content: row.content, plannedMonth: row.plannedMonth ?? 12,
                    leader: row.leader, department: row.department
                ).create(on: database)
            }
            let unitName = duty.units.first { $0.id == unitID }?.name ?? ""
            try await AuditLog.record(
                .workPlanSubmitted, by: filer.actor, governmentID: reporting.governmentID, entityType: "task",
                entityID: taskID,
                summary: "\(unitName)报送第 \(duty.number) 项任务的办理方案（第 \(plan.version) 版，\(rows.count) 项工作）",
                after: rows.map { "\($0.plannedMonth ?? 0)月：\($0.content)" }, requestID: filer.requestID,
                at: filer.now, on: database)
            try await OfficeNotice.submitted(
                unitName: unitName, what: "办理方案（第 \(plan.version) 版）", daysLate: daysLate, duty: duty,
                planTitle: reporting.planTitle, link: SiteURL.taskReporting(taskID).path + "#workplans",
                governmentID: reporting.governmentID, by: filer, on: database)
            return plan
        }
    }
}
