/// When the report for a period is due. Documents state it in one of three ways, each a case here.
public enum DueDateRule: Sendable, Hashable {
    /// Due on day N of the month after the period ends. 武汉's "在每个季度第1个月的20日前，将上季度的…完成情况报"
    /// is `.dayOfFollowingMonth(20)`: 第一季度 due 4月20日, 第四季度 due the next year's 1月20日. A day past the
    /// month's end falls on its last day (31 → 4月30日).
    case dayOfFollowingMonth(Int)
    /// Due N days after the period's last day, the period's last day being day 0: "每季度结束后5日内" is
    /// `.daysAfterPeriodEnd(5)`, 第一季度 due 4月5日.
    case daysAfterPeriodEnd(Int)
    /// One date per period index, in order (4 for quarters, 12 for months), relative to the plan year. 新洲's
    /// "分别于2023年4月5日、7月5日、10月5日及2024年1月5日前" is 4月5日, 7月5日, 10月5日, 次年1月5日.
    case fixedDates([MonthDay])

    /// The due day of `period`, or nil when a fixed-date list has no entry for its index.
    public func dueDay(for period: ReportingPeriod) -> CalendarDay? {
        switch self {
        case .dayOfFollowingMonth(let day):
            let following = period.lastDay.adding(days: 1)
            return CalendarDay.clamped(year: following.year, month: following.month, day: day)
        case .daysAfterPeriodEnd(let days):
            return period.lastDay.adding(days: days)
        case .fixedDates(let dates):
            guard dates.indices.contains(period.index - 1) else { return nil }
            return dates[period.index - 1].day(inPlanYear: period.year)
        }
    }
}

extension DueDateRule: Codable {
    private enum CodingKeys: String, CodingKey { case kind, day, days, dates }

    private enum Kind: String, Codable {
        case dayOfFollowingMonth, daysAfterPeriodEnd, fixedDates
    }

    /// Decodes the readable form the server stores, e.g. `{"kind": "dayOfFollowingMonth", "day": 20}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .dayOfFollowingMonth: self = .dayOfFollowingMonth(try container.decode(Int.self, forKey: .day))
        case .daysAfterPeriodEnd: self = .daysAfterPeriodEnd(try container.decode(Int.self, forKey: .days))
        case .fixedDates: self = .fixedDates(try container.decode([MonthDay].self, forKey: .dates))
        }
    }

    /// Encodes a `kind` tag plus the case's own field, rather than Swift's `{"_0": …}` default.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .dayOfFollowingMonth(let day):
            try container.encode(Kind.dayOfFollowingMonth, forKey: .kind)
            try container.encode(day, forKey: .day)
        case .daysAfterPeriodEnd(let days):
            try container.encode(Kind.daysAfterPeriodEnd, forKey: .kind)
            try container.encode(days, forKey: .days)
        case .fixedDates(let dates):
            try container.encode(Kind.fixedDates, forKey: .kind)
            try container.encode(dates, forKey: .dates)
        }
    }
}
