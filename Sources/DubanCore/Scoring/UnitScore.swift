/// Which bound clipped a score.
public enum ScoreClip: String, Sendable, Hashable, Codable {
    /// Deductions took the sum below the floor; the floor was given.
    case floor
    /// Additions took the sum above the cap; the cap was given.
    case cap
}

/// One unit's score for a period or a year, with every point explained. Stored when a score is published, so
/// the published numbers and sentences stay as they were even if the scheme or the facts change later.
public struct UnitScore: Sendable, Hashable, Codable {
    /// The unit's id on the server.
    public var unitID: String
    /// The unit's name.
    public var unitName: String
    /// The period's label ("2026年第二季度"), or the year's for a year score.
    public var periodLabel: String
    /// False when the unit had no task in the period (不纳入): it has no total and no rank.
    public var included: Bool
    /// The score, to two decimals; nil when the unit is not included.
    public var total: Double?
    /// The points deducted, after weighting and limits, before the floor (a positive number).
    public var deductions: Double
    /// The points added, after weighting and limits, before the cap.
    public var additions: Double
    /// The bound that clipped the sum, if any; a year score is never clipped itself (its periods may have been).
    public var clip: ScoreClip?
    /// For a year score, the labels of the periods averaged; empty for a period score.
    public var averagedPeriods: [String]
    /// The lines, in order: base, events task by task, then the floor or cap. In a period score they add up to
    /// `total`; in a year score each period's lines add up to that period's total.
    public var lines: [ScoreLine]

    /// Creates a score.
    public init(
        unitID: String, unitName: String, periodLabel: String, included: Bool, total: Double?, deductions: Double,
        additions: Double, clip: ScoreClip?, averagedPeriods: [String] = [], lines: [ScoreLine]
    ) {
        self.unitID = unitID
        self.unitName = unitName
        self.periodLabel = periodLabel
        self.included = included
        self.total = total
        self.deductions = deductions
        self.additions = additions
        self.clip = clip
        self.averagedPeriods = averagedPeriods
        self.lines = lines
    }

    /// The score of a unit that is not scored in the period.
    static func excluded(unitID: String, unitName: String, periodLabel: String) -> UnitScore {
        UnitScore(
            unitID: unitID, unitName: unitName, periodLabel: periodLabel, included: false, total: nil, deductions: 0,
            additions: 0, clip: nil, lines: [])
    }

    /// The total in hundredths, for exact comparison; nil when not included.
    var totalHundredths: Int? { total.map { ScoreNumber.fixed($0, scale: ScoreNumber.scoreScale) } }

    /// The score in one Chinese sentence, for the head of the unit's score page.
    public var summary: String {
        guard included, let total else { return "\(periodLabel)未承担任务，不纳入考核。" }
        let totalText = ScoreNumber.text(points: total)
        guard averagedPeriods.isEmpty else {
            return "\(periodLabel)得分为\(averagedPeriods.joined(separator: "、"))\(averagedPeriods.count)期得分的平均值，"
                + "计\(totalText)分。"
        }
        let clipText =
            switch clip {
            case .floor: "，低于最低分，按\(totalText)分计"
            case .cap: "，超过最高分，按\(totalText)分计"
            case nil: ""
            }
        return "\(periodLabel)扣\(ScoreNumber.text(points: deductions))分，加\(ScoreNumber.text(points: additions))分"
            + "\(clipText)，得\(totalText)分。"
    }
}
