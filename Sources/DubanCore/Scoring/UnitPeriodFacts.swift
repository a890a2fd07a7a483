/// Everything the engine needs to score one unit for one period: the unit, the period's label and the tasks it
/// answered for. A unit with no task in the period is not scored at all (不纳入), rather than given the base
/// score for doing nothing or 0 for having nothing to report.
public struct UnitPeriodFacts: Sendable, Hashable, Codable {
    /// The unit's id on the server; opaque here.
    public var unitID: String
    /// The unit's name: "市发展改革委".
    public var unitName: String
    /// The period's label: "2026年第二季度".
    public var periodLabel: String
    /// The tasks the unit answered for in the period.
    public var items: [ScoringItem]

    /// Creates the facts.
    public init(unitID: String, unitName: String, periodLabel: String, items: [ScoringItem]) {
        self.unitID = unitID
        self.unitName = unitName
        self.periodLabel = periodLabel
        self.items = items
    }
}
