import DubanCore
import Foundation

/// The rows that tie a task to its units and leaders, resolved against the government's directories (new names
/// created there). One place for a new plan's tasks and for tasks a revision adds or changes.
enum TaskLinks {
    /// A parsed task as a new record.
    static func record(_ task: PlanTask, id: UUID, planID: UUID, sectionID: UUID?, position: Int) -> TaskRecord {
        TaskRecord(
            id: id, planID: planID, sectionID: sectionID, key: task.key, number: task.number,
            kind: task.kind, text: task.text, deadline: task.roles.deadline, parentNumber: task.parent?.number,
            parentText: task.parent?.text, sourceLine: task.line, position: position)
    }

    /// The task's units in every role, in printed order; a unit named twice in one role (two names for one unit)
    /// is kept once.
    static func assignments(taskID: UUID, roles: TaskRoles, units: inout UnitDirectory) -> [TaskAssignment] {
        var seen = Set<String>()
        var rows: [TaskAssignment] = []
        for role in AssignmentRole.allCases {
            for (index, unit) in roles.units(role).enumerated() {
                let unitID = units.resolve(unit)
                guard seen.insert("\(unitID)|\(role.rawValue)").inserted else { continue }
                rows.append(TaskAssignment(id: UUID(), taskID: taskID, unitID: unitID, role: role, position: index))
            }
        }
        return rows
    }

    /// The task's leaders in printed order, each once.
    static func leaders(taskID: UUID, names: [String], leaders: inout LeaderDirectory) -> [TaskLeader] {
        var seen = Set<UUID>()
        var rows: [TaskLeader] = []
        for (index, name) in names.enumerated() {
            let leaderID = leaders.resolve(name)
            guard seen.insert(leaderID).inserted else { continue }
            rows.append(TaskLeader(id: UUID(), taskID: taskID, leaderID: leaderID, position: index))
        }
        return rows
    }
}
