/// How often units report progress. Plans in our documents report quarterly; a few (and some 专项督办) monthly.
public enum ReportingCycle: String, Sendable, Codable, CaseIterable {
    case quarterly
    case monthly

    /// Periods in one year: 4 quarters or 12 months.
    public var periodsPerYear: Int {
        switch self {
        case .quarterly: 4
        case .monthly: 12
        }
    }

    /// Months in one period.
    public var monthsPerPeriod: Int { 12 / periodsPerYear }

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .quarterly: "按季度"
        case .monthly: "按月"
        }
    }

    /// The Chinese word for one period, for sentences such as "每季度" / "每月".
    public var periodWord: String {
        switch self {
        case .quarterly: "季度"
        case .monthly: "月"
        }
    }
}
