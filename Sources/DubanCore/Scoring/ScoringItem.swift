/// One task a unit answers for in a period, with the role it plays and what happened on it. The same task
/// appears once for each unit assigned to it, each with its own role and events.
public struct ScoringItem: Sendable, Hashable, Codable {
    /// The task's id on the server; opaque here, used to match lines between two scorings.
    public var taskID: String
    /// The task's number as the plan prints it: "12" or "一、3".
    public var taskNumber: String
    /// The task's first words, for the sentences: "全年地区生产总值增长8%左右".
    public var taskLabel: String
    /// The unit's part in the task, which sets the weight of its events.
    public var role: AssignmentRole
    /// What the rules score, in the order the sentences should list them.
    public var events: [ScoringEvent]

    /// Creates an item.
    public init(taskID: String, taskNumber: String, taskLabel: String, role: AssignmentRole, events: [ScoringEvent]) {
        self.taskID = taskID
        self.taskNumber = taskNumber
        self.taskLabel = taskLabel
        self.role = role
        self.events = events
    }
}
