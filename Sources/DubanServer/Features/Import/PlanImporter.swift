import DubanCore
import Fluent
import Foundation

/// Stores a parsed plan: the plan, its source text, its section tree, its tasks, and every unit and leader
/// they name — resolved against the government's directory, new ones created — in one transaction, so a
/// failed import leaves nothing behind.
struct PlanImporter {
    /// Where the plan was read from.
    struct Source: Sendable {
        var fileName: String
        var format: String
        var encoding: String
        var text: String
    }

    let database: any Database
    /// Recorded in the audit log as the one who imported.
    var actor: AuditActor = .system
    var requestID: String?
    /// Told (written, total) as task rows are stored, for a progress line on long documents.
    var progress: (@Sendable (Int, Int) -> Void)?

    /// Imports one parsed document as a plan of the government.
    @discardableResult
    func importPlan(_ document: PlanDocument, governmentID: UUID, year: Int? = nil, source: Source? = nil)
        async throws -> Plan
    {
        try await database.writeTransaction { database in
            let plan = Plan(
                id: UUID(), governmentID: governmentID, title: document.title,
                year: PlanYear.resolve(chosen: year, document: document),
                docNumber: document.docNumber, issuer: document.issuer, issuedOn: document.date)
            try await plan.create(on: database)
            let planID = try plan.requireID()
            if let source {
                try await PlanSource(
                    planID: planID, fileName: source.fileName, format: source.format,
                    encoding: source.encoding, text: source.text
                ).create(on: database)
            }
            let sections = SectionTree(planID: planID, tasks: document.tasks)
            try await sections.records.create(on: database)
            var units = try await UnitDirectory.load(governmentID: governmentID, on: database)
            var leaders = try await LeaderDirectory.load(governmentID: governmentID, on: database)
            var rows = TaskRows()
            for (position, task) in document.tasks.enumerated() {
                rows.add(
                    task, planID: planID, sectionID: sections.sectionID(for: task.sections), position: position,
                    units: &units, leaders: &leaders)
            }
            try await units.save(on: database)
            try await leaders.save(on: database)
            try await rows.save(on: database, progress: progress)
            // A cascade of a higher plan on this installation: suggest each task's parent for the 督查室 to confirm.
            try await CascadeLinking.suggest(planID: planID, on: database)
            try await AuditLog.record(
                .planImported, by: actor, governmentID: governmentID, entityType: "plan", entityID: planID,
                summary: "导入方案《\(plan.title)》，共 \(rows.tasks.count) 项任务",
                after: ImportedPlanState(
                    title: plan.title, year: plan.year, docNumber: plan.docNumber,
                    tasks: rows.tasks.count, newUnits: units.created.map(\.name),
                    sourceFile: source?.fileName),
                requestID: requestID, on: database)
            return plan
        }
    }
}

/// What the audit log keeps of an import.
private struct ImportedPlanState: Encodable, Sendable {
    var title: String
    var year: Int
    var docNumber: String?
    var tasks: Int
    var newUnits: [String]
    var sourceFile: String?
}

/// The records for a batch of tasks, built first and written in a few statements.
private struct TaskRows {
    var tasks: [TaskRecord] = []
    var assignments: [TaskAssignment] = []
    var leaderLinks: [TaskLeader] = []

    mutating func add(
        _ task: PlanTask, planID: UUID, sectionID: UUID?, position: Int,
        units: inout UnitDirectory, leaders: inout LeaderDirectory
    ) {
        let taskID = UUID()
        tasks.append(TaskLinks.record(task, id: taskID, planID: planID, sectionID: sectionID, position: position))
        assignments += TaskLinks.assignments(taskID: taskID, roles: task.roles, units: &units)
        leaderLinks += TaskLinks.leaders(taskID: taskID, names: task.roles.leaders, leaders: &leaders)
    }

    func save(on database: any Database, progress: (@Sendable (Int, Int) -> Void)?) async throws {
        var written = 0
        for chunk in tasks.chunked(200) {
            try await chunk.create(on: database)
            written += chunk.count
            progress?(written, tasks.count)
        }
        for chunk in assignments.chunked(200) { try await chunk.create(on: database) }
        for chunk in leaderLinks.chunked(200) { try await chunk.create(on: database) }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements: batch inserts stay under the engines' parameter limits.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
