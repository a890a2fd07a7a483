import DubanCore
import Fluent
import Foundation

/// What a filing POST needs before it files — the task (its words hold the targets), the units that hold it
/// (for the policy), its duty and its plan's rules — in a few queries. The reporting page itself is built
/// only to show the form again after a refusal.
struct FilingContext: Sendable {
    var task: TaskRecord
    var ownership: Ownership
    /// Who reports and who contributes, and the plan's rules; nil for a withdrawn task, which takes no filing.
    var duty: (TaskDuty, PlanReporting)?

    /// The task of the government with its duty; nil when the government has no such task.
    static func load(taskID: UUID, governmentID: UUID, on database: any Database) async throws -> FilingContext? {
        guard
            let task = try await TaskRecord.query(on: database).filter(\.$id == taskID).with(\.$plan)
                .with(\.$assignments).first(), task.plan.$government.id == governmentID
        else { return nil }
        let (duties, plans) = try await TaskDuty.load(.tasks([taskID]), on: database)
        let duty = duties.first.flatMap { duty in plans[duty.planID].map { (duty, $0) } }
        return FilingContext(
            task: task,
            ownership: Ownership(governmentID: governmentID, unitIDs: Set(task.assignments.map(\.$unit.id))),
            duty: duty)
    }

    /// The duty and rules, or the refusal a withdrawn task gets.
    func requireDuty() throws -> (TaskDuty, PlanReporting) {
        guard let duty else { throw ReportFilingError.taskWithdrawn }
        return duty
    }
}
