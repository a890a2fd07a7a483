/// Where the 督查室's review of a unit's latest report stands, when it is not accepted: the light says so, since
/// a report nobody has checked is not yet the office's green, and a returned one is not a report at all.
public enum ReviewSignal: Sendable, Hashable {
    /// Filed for the period and waiting for review.
    case awaiting(ReportingPeriod)
    /// Returned for the period and not yet filed again.
    case returned(ReportingPeriod)

    /// True for a returned report.
    public var isReturned: Bool {
        if case .returned = self { true } else { false }
    }
}
