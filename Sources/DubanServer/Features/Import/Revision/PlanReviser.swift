import DubanCore
import Fluent
import Foundation

/// Applies a revised version of a plan's document to the published plan: only the changes the admin
/// accepted, in one transaction, each one in the audit log with its before and after.
///
/// Tasks keep their identity: an edited task is updated in place, a removed one is withdrawn (kept, marked,
/// left out of reporting), so every report, work plan and reminder attached to a task survives any revision.
struct PlanReviser {
    /// What a revision did, for the summary and the admin's notice.
    struct Outcome: Sendable, Equatable {
        var added = 0
        var changed = 0
        var withdrawn = 0
        /// Changes the admin did not accept.
        var refused = 0

        /// "新增 2 项，修改 5 项，撤销 1 项（未采纳 1 项）".
        var summary: String {
            var parts = ["新增 \(added) 项", "修改 \(changed) 项", "撤销 \(withdrawn) 项"]
            if refused > 0 { parts.append("未采纳 \(refused) 项") }
            return parts.joined(separator: "，")
        }
    }

    let database: any Database
    var actor: AuditActor = .system
    var requestID: String?
    var now = Date()

    /// The changes between the plan as stored and the revised document, for the preview.
    /// `choices` are the draft's unit choices not yet registered as aliases.
    static func changes(
        planID: UUID, document: PlanDocument, choices: [String: UUID] = [:], on database: any Database
    ) async throws -> [TaskChange] {
        guard let plan = try await Plan.find(planID, on: database) else { throw ImportWizardError.planNotFound }
        let stored = try await StoredPlanTasks.load(planID: planID, on: database)
        let canonical = try await CanonicalUnits.apply(
            to: document, governmentID: plan.$government.id, choices: choices, on: database)
        return PlanDiff.changes(from: stored.snapshots, to: canonical.tasks.map(TaskSnapshot.init))
    }

    /// Applies the accepted changes and keeps the revised source as the plan's next revision.
    @discardableResult
    func revise(
        planID: UUID, with document: PlanDocument, source: PlanImporter.Source,
        accepted: @escaping @Sendable (TaskChange) -> Bool
    ) async throws -> Outcome {
        let actor = actor, requestID = requestID, now = now
        return try await database.writeTransaction { database in
            guard let plan = try await Plan.find(planID, on: database) else { throw ImportWizardError.planNotFound }
            let governmentID = plan.$government.id
            // Tasks, their units and their words change: the plan's lights are worked out again when next read.
            try await DutyStates.invalidate(planIDs: [planID], on: database)
            let document = try await CanonicalUnits.apply(to: document, governmentID: governmentID, on: database)
            var stored = try await StoredPlanTasks.load(planID: planID, on: database)
            let newSnapshots = document.tasks.map(TaskSnapshot.init)
            let pairs = PlanDiff.pair(stored.snapshots, newSnapshots)
            let changes = PlanDiff.changes(from: stored.snapshots, to: newSnapshots)
            var decisions: [String: Bool] = [:]
            for change in changes { decisions[change.id] = accepted(change) }
            let revisionNumber = try await PlanRevision.query(on: database).filter(\.$plan.$id == planID).count() + 1

            var units = try await UnitDirectory.load(governmentID: governmentID, on: database)
            var leaders = try await LeaderDirectory.load(governmentID: governmentID, on: database)
            var sections = SectionTree(planID: planID, existing: stored.sectionIDs, count: stored.sectionCount)
            var outcome = Outcome()
            var final: [(record: TaskRecord, key: String)] = []
            var links = LinkRows()
            var audit: [PendingAudit] = []
            var oldInFinal = Set<Int>()

            for (newIndex, task) in document.tasks.enumerated() {
                let snapshot = newSnapshots[newIndex]
                if let oldIndex = pairs[newIndex] {
                    let record = stored.records[oldIndex]
                    let before = stored.snapshots[oldIndex]
                    oldInFinal.insert(oldIndex)
                    let fields = PlanDiff.differences(before, snapshot)
                    let id = "changed:\(before.key)"
                    // The line refers to the newest version of the document, which the task page shows.
                    record.sourceLine = task.line
                    guard !fields.isEmpty, decisions[id] == true else {
                        if !fields.isEmpty { outcome.refused += 1 }
                        final.append((record, record.key))
                        continue
                    }
                    record.number = task.number
                    record.text = task.text
                    record.deadline = task.roles.deadline
                    record.parentNumber = task.parent?.number
                    record.parentText = task.parent?.text
                    record.$section.id = sections.id(for: task.sections)
                    let taskID = try record.requireID()
                    if fields.contains(.units) { links.replaceUnits(of: taskID, with: task.roles, units: &units) }
                    if fields.contains(.leaders) {
                        links.replaceLeaders(of: taskID, with: task.roles.leaders, leaders: &leaders)
                    }
                    final.append((record, task.key))
                    outcome.changed += 1
                    audit.append(
                        PendingAudit(
                            action: .taskChanged, taskID: taskID,
                            summary:
                                "修订方案《\(plan.title)》：修改第 \(before.number) 项（\(fields.map(\.label).joined(separator: "、"))）",
                            before: RevisedTaskState(before), after: RevisedTaskState(snapshot)))
                } else {
                    guard decisions["added:\(snapshot.key)"] == true else {
                        outcome.refused += 1
                        continue
                    }
                    let taskID = UUID()
                    let record = TaskLinks.record(
                        task, id: taskID, planID: planID, sectionID: sections.id(for: task.sections), position: 0)
                    links.newTasks.append(record)
                    links.replaceUnits(of: taskID, with: task.roles, units: &units)
                    links.replaceLeaders(of: taskID, with: task.roles.leaders, leaders: &leaders)
                    final.append((record, task.key))
                    outcome.added += 1
                    audit.append(
                        PendingAudit(
                            action: .taskAdded, taskID: taskID, summary: "修订方案《\(plan.title)》：新增第 \(task.number) 项",
                            before: nil, after: RevisedTaskState(snapshot)))
                }
            }
            // Tasks the revision no longer lists: withdrawn when accepted, otherwise kept after the task that
            // preceded them.
            for (oldIndex, record) in stored.records.enumerated() where !oldInFinal.contains(oldIndex) {
                let before = stored.snapshots[oldIndex]
                if decisions["removed:\(before.key)"] == true {
                    record.withdrawnAt = now
                    outcome.withdrawn += 1
                    audit.append(
                        PendingAudit(
                            action: .taskWithdrawn, taskID: try record.requireID(),
                            summary: "修订方案《\(plan.title)》：撤销第 \(before.number) 项（已报送的材料保留）",
                            before: RevisedTaskState(before), after: nil))
                    stored.records[oldIndex] = record
                    continue
                }
                outcome.refused += 1
                let previous = stride(from: oldIndex - 1, through: 0, by: -1).first { index in
                    final.contains { $0.record === stored.records[index] }
                }
                let at = previous.flatMap { index in final.firstIndex { $0.record === stored.records[index] } }
                final.insert((record, record.key), at: at.map { $0 + 1 } ?? 0)
            }

            let withdrawn = stored.records.filter { $0.withdrawnAt != nil && $0.withdrawnAt == now }
            try await sections.records.create(on: database)
            try await units.save(on: database)
            try await leaders.save(on: database)
            try await KeyWriter.write(
                final: final, withdrawn: withdrawn, revision: revisionNumber, newTasks: links.newTasks, on: database)
            try await links.save(on: database)
            // Links are kept by task, so they survive the revision; a task it adds to a cascade gets a suggestion.
            if outcome.added > 0 { _ = try await CascadeLinking.suggest(planID: planID, on: database) }
            try await PlanRevision(
                planID: planID, number: revisionNumber, source: source, summary: outcome.summary,
                createdByID: actor.userID
            ).create(on: database)
            for entry in audit {
                try await AuditLog.record(
                    entry.action, by: actor, governmentID: governmentID, entityType: "task", entityID: entry.taskID,
                    summary: entry.summary, before: entry.before, after: entry.after, requestID: requestID,
                    at: now, on: database)
            }
            try await AuditLog.record(
                .planRevised, by: actor, governmentID: governmentID, entityType: "plan", entityID: planID,
                summary: "按“\(source.fileName)”修订方案《\(plan.title)》（第 \(revisionNumber) 次修订）：\(outcome.summary)",
                requestID: requestID, at: now, on: database)
            return outcome
        }
    }
}

/// An audit entry waiting for the task rows it names to be written.
private struct PendingAudit {
    var action: AuditAction
    var taskID: UUID
    var summary: String
    var before: RevisedTaskState?
    var after: RevisedTaskState?
}

/// What the audit log keeps of a task before and after a revision.
struct RevisedTaskState: Encodable, Sendable {
    var number: String
    var sections: [String]
    var text: String
    var leaders: [String]
    var units: [String: [String]]
    var deadline: String?

    init(_ snapshot: TaskSnapshot) {
        number = snapshot.number
        sections = snapshot.sections
        text = snapshot.text
        leaders = snapshot.leaders
        units = Dictionary(uniqueKeysWithValues: snapshot.units.map { ($0.key.rawValue, $0.value) })
        deadline = snapshot.deadline
    }
}
