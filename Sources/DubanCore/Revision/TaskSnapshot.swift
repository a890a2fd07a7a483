/// What a revision compares of one task: the words, the numbering and everything that names someone
/// responsible. The stored plan and a newly parsed document are both brought to this form, so the diff
/// never depends on how either side is kept.
public struct TaskSnapshot: Sendable, Equatable, Hashable {
    /// The task's key inside its plan ("二.7").
    public var key: String
    public var number: String
    public var sections: [String]
    public var text: String
    public var leaders: [String]
    /// Unit names per role, in printed order.
    public var units: [AssignmentRole: [String]]
    public var deadline: String?

    /// Creates a snapshot.
    public init(
        key: String, number: String, sections: [String], text: String, leaders: [String],
        units: [AssignmentRole: [String]], deadline: String?
    ) {
        self.key = key
        self.number = number
        self.sections = sections
        self.text = text
        self.leaders = leaders
        self.units = units.filter { !$0.value.isEmpty }
        self.deadline = deadline
    }

    /// The snapshot of a parsed task.
    public init(_ task: PlanTask) {
        var units: [AssignmentRole: [String]] = [:]
        for role in AssignmentRole.allCases { units[role] = task.roles.units(role).map(\.name) }
        self.init(
            key: task.key, number: task.number, sections: task.sections, text: task.text,
            leaders: task.roles.leaders, units: units, deadline: task.roles.deadline)
    }

    /// The units of one role.
    public func units(_ role: AssignmentRole) -> [String] { units[role] ?? [] }
}
