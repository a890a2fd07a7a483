/// A scheme that cannot be used, with the Chinese sentence the admin sees beside the scheme form.
public enum ScoringSchemeError: Error, Sendable, Equatable {
    /// A number is NaN or infinite; the associated value names the field in Chinese.
    case notANumber(field: String)
    case floorAboveBase(floor: Double, base: Double)
    case capBelowBase(cap: Double, base: Double)
    case negativeWeight(AssignmentRole, Double)
    case negativePoints(rule: ScoringRuleKind, points: Double)
    case negativeLimit(rule: ScoringRuleKind, limit: Double)
    case perDaysTooSmall(rule: ScoringRuleKind, days: Int)
    case perDaysWithBands(rule: ScoringRuleKind)
    case invalidBand(rule: ScoringRuleKind, band: DayBand)
    case bandsOverlap(rule: ScoringRuleKind, DayBand, DayBand)

    /// The user-facing message.
    public var message: String {
        switch self {
        case .notANumber(let field):
            "\(field)不是有效的数字。"
        case .floorAboveBase(let floor, let base):
            "最低分（\(Self.text(floor))分）不能高于基础分（\(Self.text(base))分）。"
        case .capBelowBase(let cap, let base):
            "最高分（\(Self.text(cap))分）不能低于基础分（\(Self.text(base))分）。"
        case .negativeWeight(let role, let weight):
            "\(role.label)的权重不能为负数，当前为\(ScoreNumber.weightText(weight))。"
        case .negativePoints(let rule, let points):
            "“\(rule.label)”的分值不能为负数，当前为\(Self.text(points))分。"
        case .negativeLimit(let rule, let limit):
            "“\(rule.label)”的每期上限不能为负数，当前为\(Self.text(limit))分。"
        case .perDaysTooSmall(let rule, let days):
            "“\(rule.label)”的计分天数应至少为1天，当前为\(days)天。"
        case .perDaysWithBands(let rule):
            "“\(rule.label)”不能同时按天数和按分档计分，请只保留一种。"
        case .invalidBand(let rule, let band):
            "“\(rule.label)”的分档“\(band.daysText)”无效：应从第1天起，且截止天数不小于起始天数。"
        case .bandsOverlap(let rule, let first, let second):
            "“\(rule.label)”的分档“\(first.daysText)”与“\(second.daysText)”重叠。"
        }
    }

    private static func text(_ value: Double) -> String {
        ScoreNumber.text(schemeUnits: ScoreNumber.fixed(value, scale: ScoreNumber.schemeScale))
    }
}
