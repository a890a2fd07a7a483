/// A task's light with every reason for it, worst first.
public struct TrafficLightAssessment: Sendable, Hashable {
    /// The worst light any reason calls for; green when there is no reason.
    public var light: TrafficLight
    /// Why; empty for an ordinary green task.
    public var reasons: [TrafficLightReason]

    /// Creates an assessment from reasons alone, so light and reasons cannot disagree.
    public init(reasons: [TrafficLightReason]) {
        // Worst first; reasons of one colour keep their order (the deadline before the report history), which
        // the offset guarantees because `sorted` is not stable.
        self.reasons = reasons.enumerated()
            .sorted { lhs, rhs in
                lhs.element.light != rhs.element.light ? lhs.element.light > rhs.element.light : lhs.offset < rhs.offset
            }
            .map(\.element)
        light = reasons.map(\.light).max() ?? .green
    }

    /// True when the latest report waits for the 督查室: the light is not yet a confirmed one, and pages show it
    /// as 待审核 rather than plain green.
    public var isAwaitingReview: Bool {
        reasons.contains { if case .awaitingReview = $0 { true } else { false } }
    }

    /// The reasons as Chinese sentences.
    public var messages: [String] { reasons.map(\.message) }
}
