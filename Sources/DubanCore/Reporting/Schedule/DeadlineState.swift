/// The deadline a task is measured against today, and whether its report is in.
public struct DeadlineState: Sendable, Hashable {
    /// The period and its due day.
    public var deadline: ReportingDeadline
    /// True once the report for the period has been filed (submitted, whether or not reviewed yet).
    public var isFiled: Bool

    /// Creates a state.
    public init(deadline: ReportingDeadline, isFiled: Bool) {
        self.deadline = deadline
        self.isFiled = isFiled
    }
}
