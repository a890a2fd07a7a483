/// A plan's 绩效考核 scheme: each unit starts a period at the base score, loses points by rule for what went wrong
/// on its tasks and gains them for good work, weighted by its role in each task, and ends between the floor and
/// the cap. One value per plan, stored as JSON and shown to units as sentences (`describe()`), so every unit
/// knows the rules before it is scored by them.
///
/// Scored are units and the work on their tasks, never individual people; and nothing is scored on attendance,
/// online time or logins — the 2023 rules against formalism in 督查检查考核 ban both.
public struct ScoringScheme: Sendable {
    /// The score each unit starts a period with.
    public var base: Double
    /// The lowest score, however many deductions.
    public var floor: Double
    /// The highest score: additions may lift a unit above the base up to here.
    public var cap: Double
    /// How much an event counts by the unit's role in the task.
    public var roleWeights: RoleWeights
    /// The points of each rule; a rule missing here is switched off (and equal to one set to `.off`).
    public var rules: [ScoringRuleKind: ScoringRule]

    /// Creates a scheme; a rule not given in `rules` is the standard scheme's.
    public init(
        base: Double = 100, floor: Double = 0, cap: Double = 105, roleWeights: RoleWeights = .standard,
        rules: [ScoringRuleKind: ScoringRule] = ScoringScheme.standardRules
    ) {
        self.base = base
        self.floor = floor
        self.cap = cap
        self.roleWeights = roleWeights
        self.rules = Self.standardRules.merging(rules) { _, given in given }
    }

    /// The rule of one kind; switched off when the scheme has none.
    public func rule(_ kind: ScoringRuleKind) -> ScoringRule {
        rules[kind] ?? .off
    }

    /// Base 100, floor 0, cap 105, the common role weights and the standard rules.
    public static let standard = ScoringScheme()

    /// The points most 督查 绩效考核 rules give: a missing report costs more than a late one, a late one more the
    /// longer it is late, and praise in a 通报 is worth the most.
    public static let standardRules: [ScoringRuleKind: ScoringRule] = [
        .workPlanMissing: ScoringRule(points: 2),
        // Never more than a missing work plan.
        .workPlanLate: ScoringRule(points: 0.5, perDays: 3, periodLimit: 2),
        .reportMissing: ScoringRule(points: 3),
        .reportLate: ScoringRule(
            points: 0.5,
            bands: [
                DayBand(from: 1, to: 3, points: 0.5), DayBand(from: 4, to: 7, points: 1),
                DayBand(from: 8, to: nil, points: 2),
            ]),
        .reportReturned: ScoringRule(points: 1),
        .behindPace: ScoringRule(points: 1),
        .findingNotRectified: ScoringRule(points: 2),
        .qualityFlag: ScoringRule(points: 0.5),
        .completedEarly: ScoringRule(points: 1),
        .overTarget: ScoringRule(points: 1),
        .praised: ScoringRule(points: 2),
    ]
}

extension ScoringScheme: Hashable {
    /// Equal when every rule scores the same, whether a switched-off rule is stored as `.off` or left out.
    public static func == (lhs: ScoringScheme, rhs: ScoringScheme) -> Bool {
        lhs.base == rhs.base && lhs.floor == rhs.floor && lhs.cap == rhs.cap && lhs.roleWeights == rhs.roleWeights
            && ScoringRuleKind.allCases.allSatisfy { lhs.rule($0) == rhs.rule($0) }
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(base)
        hasher.combine(floor)
        hasher.combine(cap)
        hasher.combine(roleWeights)
        for kind in ScoringRuleKind.allCases { hasher.combine(rule(kind)) }
    }
}
