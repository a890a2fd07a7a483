/// How one unit's score changed between a published (frozen) snapshot and today's recomputation — because a
/// late report was filed after publication, a finding was rectified, or the scheme was corrected — so the
/// 督查室 can see what a republication would change before doing it.
public struct ScoreDifference: Sendable, Hashable, Codable {
    /// How the unit's score changed.
    public enum Change: String, Sendable, Hashable, Codable {
        /// Scored in both, with a different total or different lines.
        case changed
        /// Scored today, absent from the published snapshot.
        case appeared
        /// In the published snapshot, absent today.
        case disappeared
    }

    /// The unit's id.
    public var unitID: String
    /// The unit's name, today's where it still has a score.
    public var unitName: String
    /// The period's label.
    public var periodLabel: String
    /// How it changed.
    public var change: Change
    /// The published total; nil when the unit was absent or not included.
    public var publishedTotal: Double?
    /// Today's total; nil when the unit is absent or not included.
    public var currentTotal: Double?
    /// Lines today has that the published score did not.
    public var addedLines: [ScoreLine]
    /// Lines the published score had that today's does not.
    public var removedLines: [ScoreLine]

    /// Creates a difference.
    public init(
        unitID: String, unitName: String, periodLabel: String, change: Change, publishedTotal: Double?,
        currentTotal: Double?, addedLines: [ScoreLine], removedLines: [ScoreLine]
    ) {
        self.unitID = unitID
        self.unitName = unitName
        self.periodLabel = periodLabel
        self.change = change
        self.publishedTotal = publishedTotal
        self.currentTotal = currentTotal
        self.addedLines = addedLines
        self.removedLines = removedLines
    }
}
