/// One numbered task of a responsibility decomposition plan, as the document states it.
public struct PlanTask: Sendable, Equatable, Hashable {
    /// Unique inside its document: the section path plus the number ("二.7").
    public var key: String
    /// The number as printed: "7", "(三)".
    public var number: String
    /// What sort of task this is.
    public var kind: TaskKind
    /// The headings above the task, outermost first, as printed.
    public var sections: [String]
    /// The task's own words, with page-break line breaks and the unit parenthesis removed.
    public var text: String
    /// Leaders, units and deadline.
    public var roles: TaskRoles
    /// For cascaded rows: the higher level's task.
    public var parent: ParentTask?
    /// 1-based line of the task's first line in the decoded text.
    public var line: Int

    /// Creates a task.
    public init(
        key: String, number: String, kind: TaskKind, sections: [String], text: String,
        roles: TaskRoles = TaskRoles(), parent: ParentTask? = nil, line: Int
    ) {
        self.key = key
        self.number = number
        self.kind = kind
        self.sections = sections
        self.text = text
        self.roles = roles
        self.parent = parent
        self.line = line
    }
}
