/// One fact about a unit's work on a task in a period that a rule scores: a report filed 5 days late, a figure
/// behind 序时, a praise in a bulletin. The server gathers them; the engine only weighs and explains them.
public struct ScoringEvent: Sendable, Hashable, Codable {
    /// The rule the event falls under.
    public var kind: ScoringRuleKind
    /// When it happened (a report filed, a task completed) or was due (a report never filed, a rectification
    /// deadline); nil when not known.
    public var day: CalendarDay?
    /// Days late, for the lateness rules; days early as a negative number for `completedEarly`.
    public var daysLate: Int?
    /// The record behind the event.
    public var reference: ScoreReference?
    /// What the sentence should name: the period ("第二季度"), the figure and its gap ("地区生产总值增长7.1%，低于
    /// 序时0.9个百分点"), the problem found, the bulletin's 期号 ("2026年第3期").
    public var detail: String

    /// Creates an event.
    public init(
        kind: ScoringRuleKind, day: CalendarDay? = nil, daysLate: Int? = nil, reference: ScoreReference? = nil,
        detail: String = ""
    ) {
        self.kind = kind
        self.day = day
        self.daysLate = daysLate
        self.reference = reference
        self.detail = detail
    }
}
