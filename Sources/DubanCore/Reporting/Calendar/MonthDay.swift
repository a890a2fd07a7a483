/// A month and day relative to a plan's year — "4月5日", or "次年1月5日" with `yearOffset` 1.
///
/// Rules are stored once per plan template and reused year after year, so the dates they name cannot carry an
/// absolute year: 新洲's "2024年1月5日前" for the 2023 plan is "next January 5th" for every plan year.
public struct MonthDay: Sendable, Hashable {
    /// 1–12.
    public let month: Int
    /// 1–31 as the month allows in a leap year (2月29日 is accepted and falls on 2月28日 in other years).
    public let day: Int
    /// Years after the plan year: 0 for the plan year, 1 for the following year, -1 for the year before.
    public let yearOffset: Int

    /// Creates a month-day, or nil when no year has that day (2月30日, 4月31日).
    public init?(month: Int, day: Int, yearOffset: Int = 0) {
        guard (1...12).contains(month), (1...CalendarDay.numberOfDays(inMonth: month, year: 2000)).contains(day) else {
            return nil
        }
        self.month = month
        self.day = day
        self.yearOffset = yearOffset
    }

    /// The calendar day for a plan year; 2月29日 becomes 2月28日 in a common year rather than vanishing.
    public func day(inPlanYear planYear: Int) -> CalendarDay {
        CalendarDay.clamped(year: planYear + yearOffset, month: month, day: day)
    }

    /// The same day `months` later (earlier when negative), clamped to the month's length.
    func shifted(byMonths months: Int) -> MonthDay {
        let total = yearOffset * 12 + (month - 1) + months
        let offset = total >= 0 ? total / 12 : (total - 11) / 12
        let newMonth = total - offset * 12 + 1
        let newDay = min(day, CalendarDay.numberOfDays(inMonth: newMonth, year: 2000))
        return MonthDay(month: newMonth, day: newDay, yearOffset: offset) ?? self
    }

    /// The Chinese form: "2月15日", "次年1月5日", "上年12月31日".
    public var chinese: String {
        let prefix =
            switch yearOffset {
            case 0: ""
            case 1: "次年"
            case -1: "上年"
            case let offset where offset > 1: "\(offset)年后的"
            default: "\(-yearOffset)年前的"
            }
        return "\(prefix)\(month)月\(day)日"
    }
}

extension MonthDay: Codable {
    private enum CodingKeys: String, CodingKey { case month, day, yearOffset }

    /// Decodes `{"month": 1, "day": 5, "yearOffset": 1}`; a missing offset means the plan year.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let month = try container.decode(Int.self, forKey: .month)
        let day = try container.decode(Int.self, forKey: .day)
        let offset = try container.decodeIfPresent(Int.self, forKey: .yearOffset) ?? 0
        guard let value = MonthDay(month: month, day: day, yearOffset: offset) else {
            throw DecodingError.dataCorruptedError(
                forKey: .day, in: container, debugDescription: "no year has \(month)-\(day)")
        }
        self = value
    }

    /// Encodes all three fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(month, forKey: .month)
        try container.encode(day, forKey: .day)
        try container.encode(yearOffset, forKey: .yearOffset)
    }
}
