import Fluent
import SQLKit
import Vapor

/// Who owns a plan or task once cascades link governments: the record's own government and units, the higher
/// task's units (whose clerks read reports made below), and the lower governments it was handed down to (which
/// read it). Only confirmed links count: a suggestion grants nobody anything.
enum CascadeAccess {
    /// The ownership of a task (its plan and assignments loaded).
    static func ownership(of task: TaskRecord, on database: any Database) async throws -> Ownership {
        let taskID = try task.requireID()
        var ownership = Ownership(
            governmentID: task.plan.$government.id, unitIDs: Set(task.assignments.map(\.$unit.id)))
        let links = try await TaskLink.query(on: database).filter(\.$state == .confirmed)
            .group(.or) { $0.filter(\.$task.$id == taskID).filter(\.$parent.$id == taskID) }.all()
        if let parentID = links.first(where: { $0.$task.id == taskID })?.$parent.id {
            ownership.parentUnitIDs = Set(
                try await TaskAssignment.query(on: database).filter(\.$task.$id == parentID).all(\.$unit.$id))
        }
        let childIDs = links.filter { $0.$parent.id == taskID }.map(\.$task.id)
        ownership.childGovernmentIDs = try await governments(ofTasks: childIDs, on: database)
        return ownership
    }

    /// The ownership of a plan: its government, and the governments with a task localising one of its tasks —
    /// found in one query, so a plan of thousands of tasks costs no more to open than a short one.
    static func ownership(of plan: Plan, on database: any Database) async throws -> Ownership {
        let planID = try plan.requireID()
        var ownership = Ownership(governmentID: plan.$government.id)
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT DISTINCT p.government_id FROM task_links l \
            JOIN tasks parent ON parent.id = l.parent_task_id JOIN tasks child ON child.id = l.task_id \
            JOIN plans p ON p.id = child.plan_id \
            WHERE parent.plan_id = \(bind: planID) AND l.state = \(bind: TaskLink.State.confirmed.rawValue)
            """
        ).all()
        ownership.childGovernmentIDs = Set(try rows.map { try $0.decode(column: "government_id", as: UUID.self) })
        return ownership
    }

    /// The plan named in the path, when the signed-in user may `action` it; otherwise "not found" (or 403).
    static func plan(_ req: Request, id planID: UUID, for action: PolicyAction = .read) async throws -> Plan {
        guard let plan = try await Plan.find(planID, on: req.db) else { throw PageError.planNotFound }
        try req.authorize(action, on: try await ownership(of: plan, on: req.db), hidden: PageError.planNotFound)
        return plan
    }

    /// The task named in the path (with its plan and assignments), when the signed-in user may `action` it.
    static func task(_ req: Request, id taskID: UUID, for action: PolicyAction = .read) async throws -> TaskRecord {
        guard
            let task = try await TaskRecord.query(on: req.db).filter(\.$id == taskID).with(\.$plan)
                .with(\.$assignments).first()
        else { throw PageError.taskNotFound }
        try req.authorize(action, on: try await ownership(of: task, on: req.db), hidden: PageError.taskNotFound)
        return task
    }

    /// The governments of the plans holding these tasks.
    private static func governments(ofTasks taskIDs: [UUID], on database: any Database) async throws -> Set<UUID> {
        guard !taskIDs.isEmpty else { return [] }
        let tasks = try await TaskRecord.query(on: database).filter(\.$id ~~ taskIDs).with(\.$plan).all()
        return Set(tasks.map(\.plan.$government.id))
    }
}
