import DubanCore
import Fluent
import Foundation

/// Suggests, for a lower government's new plan, the higher task each cascaded task localises: among the tasks of
/// the plans of the governments above it with the plan's year, on the same installation. A plan is read as a
/// cascade when it quotes parents (a 市级下达的责任事项 column) or its title says it is one ("涉及我区"); a
/// district's own 政府工作报告 is not matched, however alike its words.
enum CascadeLinking {
    /// Writes a suggestion for each task of the plan that quotes a higher task well enough; returns how many.
    /// Tasks already linked are left as they are, so a revision's new tasks can be matched without touching the
    /// 督查室's choices.
    @discardableResult
    static func suggest(planID: UUID, on database: any Database) async throws -> Int {
        guard let plan = try await Plan.find(planID, on: database) else { return 0 }
        let candidates = try await Self.candidates(for: plan, on: database)
        guard !candidates.isEmpty else { return 0 }
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id == planID)
            .filter(\.$withdrawnAt == nil).sort(\.$position).all()
        let isCascadePlan = isCascade(title: plan.title)
        let linked = Set(
            try await TaskLink.query(on: database).filter(\.$task.$id ~~ tasks.compactMap(\.id)).all(\.$task.$id))
        var links: [TaskLink] = []
        for task in tasks {
            let taskID = try task.requireID()
            guard !linked.contains(taskID), isCascadePlan || task.kind == .cascaded || task.parentText != nil else {
                continue
            }
            guard let match = ParentMatcher.suggest(quote: quote(of: task), ownText: task.text, among: candidates),
                let parentID = UUID(uuidString: match.id)
            else { continue }
            links.append(TaskLink(taskID: taskID, parentTaskID: parentID, state: .suggested, score: match.score))
        }
        try await links.create(on: database)
        return links.count
    }

    /// The higher tasks a task of `plan` may localise.
    static func candidates(for plan: Plan, on database: any Database) async throws -> [ParentMatcher.Candidate] {
        let tree = try await GovernmentHierarchy.tree(on: database)
        let above = tree.ancestors(of: plan.$government.id)
        guard !above.isEmpty else { return [] }
        let plans = try await Plan.query(on: database).filter(\.$government.$id ~~ above)
            .filter(\.$year == plan.year).filter(\.$withdrawnAt == nil).all()
        guard !plans.isEmpty else { return [] }
        let tasks = try await TaskRecord.query(on: database).filter(\.$plan.$id ~~ plans.compactMap(\.id))
            .filter(\.$withdrawnAt == nil).sort(\.$position).all()
        return try tasks.map {
            ParentMatcher.Candidate(id: try $0.requireID().uuidString, number: $0.number, text: $0.text)
        }
    }

    /// The parent the task quotes, when its document has a column for it.
    static func quote(of task: TaskRecord) -> ParentTask? {
        task.parentText.map { ParentTask(number: task.parentNumber ?? "", text: $0) }
    }

    /// Whether a plan's title names it a cascade of a higher document: "…涉及我区工作任务责任分解方案".
    static func isCascade(title: String) -> Bool {
        ["涉及我区", "涉及我市", "涉及我县", "涉及我镇", "涉及我街", "下达", "涉及本区", "涉及本市"].contains { title.contains($0) }
    }
}
