/// One line of a unit's score: the points one event, the base or a floor or cap counted for, with the sentence
/// that explains it. Every point of a total is on exactly one line, so a unit can check its score line by line.
public struct ScoreLine: Sendable, Hashable, Codable {
    /// What the line accounts for.
    public var kind: ScoreLineKind
    /// The Chinese name of `kind`, stored so a published score reads the same after labels change.
    public var label: String
    /// The signed points counted, after weighting and the rule's period limit, to two decimals.
    public var points: Double
    /// The role weight applied; nil for the base and for floor and cap lines.
    public var weight: Double?
    /// The task's id, for matching lines between two scorings.
    public var taskID: String?
    /// The task's number as the plan prints it.
    public var taskNumber: String?
    /// The task's first words.
    public var taskLabel: String?
    /// The unit's role in the task.
    public var role: AssignmentRole?
    /// When the event happened or was due.
    public var day: CalendarDay?
    /// The record behind the event, for a link.
    public var reference: ScoreReference?
    /// The period the line belongs to, in a year score; nil in a period score.
    public var period: String?
    /// One Chinese sentence explaining the points.
    public var sentence: String

    /// Creates a line.
    public init(
        kind: ScoreLineKind, points: Double, weight: Double? = nil, taskID: String? = nil, taskNumber: String? = nil,
        taskLabel: String? = nil, role: AssignmentRole? = nil, day: CalendarDay? = nil,
        reference: ScoreReference? = nil, period: String? = nil, sentence: String
    ) {
        self.kind = kind
        self.label = kind.label
        self.points = points
        self.weight = weight
        self.taskID = taskID
        self.taskNumber = taskNumber
        self.taskLabel = taskLabel
        self.role = role
        self.day = day
        self.reference = reference
        self.period = period
        self.sentence = sentence
    }

    /// The points in hundredths, the unit totals are added in.
    var hundredths: Int { ScoreNumber.fixed(points, scale: ScoreNumber.scoreScale) }
}
