/// A reporting rule that cannot be used, with the Chinese sentence the admin sees beside the rule form.
public enum ReportingRulesError: Error, Sendable, Equatable {
    case dueDayOutOfRange(Int)
    case daysAfterPeriodEndOutOfRange(Int)
    case fixedDatesCount(expected: Int, found: Int)
    case firstPeriodOutOfRange(Int, periodsPerYear: Int)
    case negativeReminder(Int)
    case negativeYellowWindow(Int)
    case redThresholdTooLow(Int)

    /// The user-facing message.
    public var message: String {
        switch self {
        case .dueDayOutOfRange(let day):
            "报送截止日应在1日到31日之间，当前为\(day)日。"
        case .daysAfterPeriodEndOutOfRange(let days):
            "期末后的报送天数应在0到60天之间，当前为\(days)天。"
        case .fixedDatesCount(let expected, let found):
            "固定报送日期应为每期一个，共\(expected)个，当前为\(found)个。"
        case .firstPeriodOutOfRange(let index, let count):
            "起始报送期应在第1期到第\(count)期之间，当前为第\(index)期。"
        case .negativeReminder(let days):
            "提前提醒天数不能为负数，当前为\(days)天。"
        case .negativeYellowWindow(let days):
            "黄灯提示天数不能为负数，当前为\(days)天。"
        case .redThresholdTooLow(let count):
            "亮红灯所需的滞后报告次数至少为1次，当前为\(count)次。"
        }
    }
}
