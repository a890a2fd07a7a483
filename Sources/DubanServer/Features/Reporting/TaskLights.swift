import DubanCore
import Foundation

/// Each task's light for lists: the worst light among its reporting units, with that unit's reasons.
struct TaskLights {
    private var byTask: [UUID: DutyStatus] = [:]

    init(_ board: [DutyStatus]) {
        for status in board {
            if let current = byTask[status.duty.taskID], current.light >= status.light { continue }
            byTask[status.duty.taskID] = status
        }
    }

    /// The line with its task's light, when the task has one.
    func apply(to line: TaskLine, id: UUID) -> TaskLine {
        guard let status = byTask[id] else { return line }
        var line = line
        line.light = status.shownLight
        line.lightLabel = status.shownLabel
        line.lightReasons = ([status.unit.name] + status.assessment.messages).joined(separator: "：")
        return line
    }
}
