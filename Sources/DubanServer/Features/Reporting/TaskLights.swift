import DubanCore
import Foundation

/// Each task's light for lists: the worst light among its reporting units, with that unit's reasons, from the
/// stored lights (`DutyStateCounts.taskLights`).
struct TaskLights {
    /// One task's light as a list line shows it.
    struct Shown: Sendable {
        var severity: Int
        /// "red", "yellow", "green" or "pending".
        var light: String
        var label: String
        /// "区财政局：第一季度报告逾期 5 天".
        var reasons: String
    }

    private var byTask: [UUID: Shown] = [:]

    /// From stored lights, each task's units in the order given.
    init(stored: [(task: UUID, shown: Shown)]) {
        for entry in stored { keepWorst(entry.shown, task: entry.task) }
    }

    /// The label of a stored shown light.
    static func label(_ shownLight: String) -> String {
        shownLight == "pending" ? "待审核" : TrafficLight(rawValue: shownLight)?.label ?? ""
    }

    /// The line with its task's light, when the task has one.
    func apply(to line: TaskLine, id: UUID) -> TaskLine {
        guard let shown = byTask[id] else { return line }
        var line = line
        line.light = shown.light
        line.lightLabel = shown.label
        line.lightReasons = shown.reasons
        return line
    }

    /// The first of the worst lights stays.
    private mutating func keepWorst(_ shown: Shown, task: UUID) {
        if let current = byTask[task], current.severity >= shown.severity { return }
        byTask[task] = shown
    }
}
