/// The stretch of a year one progress report covers: a quarter, a month, or — for plans such as 新洲's that ask
/// for "第一、二、三季度及全年" — the whole year, which replaces the last quarter's report.
///
/// The whole-year report keeps the last index of its cycle (4 for quarters) and sets `coversWholeYear`, so it
/// sorts and navigates as the year's final report while its first day is 1月1日 and its label is "全年".
public struct ReportingPeriod: Sendable, Hashable {
    /// The plan year the period belongs to.
    public let year: Int
    /// Quarters or months.
    public let cycle: ReportingCycle
    /// 1–4 for quarters, 1–12 for months.
    public let index: Int
    /// True for the year-end report that covers the whole year; only the cycle's last index may set it.
    public let coversWholeYear: Bool

    /// Creates a period, or nil for an index outside the cycle or a whole-year flag on another than the last index.
    public init?(year: Int, cycle: ReportingCycle, index: Int, coversWholeYear: Bool = false) {
        guard (1...9999).contains(year), (1...cycle.periodsPerYear).contains(index),
            !coversWholeYear || index == cycle.periodsPerYear
        else { return nil }
        self.year = year
        self.cycle = cycle
        self.index = index
        self.coversWholeYear = coversWholeYear
    }

    /// A quarter, 1–4.
    public static func quarter(_ index: Int, of year: Int) -> ReportingPeriod? {
        ReportingPeriod(year: year, cycle: .quarterly, index: index)
    }

    /// A month, 1–12.
    public static func month(_ index: Int, of year: Int) -> ReportingPeriod? {
        ReportingPeriod(year: year, cycle: .monthly, index: index)
    }

    /// The whole-year report that closes a cycle.
    public static func wholeYear(_ year: Int, cycle: ReportingCycle = .quarterly) -> ReportingPeriod? {
        ReportingPeriod(year: year, cycle: cycle, index: cycle.periodsPerYear, coversWholeYear: true)
    }

    /// The quarter or month that contains `day`.
    public static func containing(_ day: CalendarDay, cycle: ReportingCycle) -> ReportingPeriod {
        let index = (day.month - 1) / cycle.monthsPerPeriod + 1
        return ReportingPeriod(checkedYear: day.year, cycle: cycle, index: index, coversWholeYear: false)
    }

    private init(checkedYear year: Int, cycle: ReportingCycle, index: Int, coversWholeYear: Bool) {
        self.year = year
        self.cycle = cycle
        self.index = index
        self.coversWholeYear = coversWholeYear
    }

    /// The first day covered: 1月1日 for a whole-year report.
    public var firstDay: CalendarDay {
        let month = coversWholeYear ? 1 : (index - 1) * cycle.monthsPerPeriod + 1
        return CalendarDay(checkedYear: year, month: month, day: 1)
    }

    /// The last day covered.
    public var lastDay: CalendarDay {
        CalendarDay(checkedYear: year, month: index * cycle.monthsPerPeriod, day: 1).lastOfMonth
    }

    /// True when `day` lies in the period.
    public func contains(_ day: CalendarDay) -> Bool { firstDay <= day && day <= lastDay }

    /// The period before, on the plain calendar: 2026年第一季度 → 2025年第四季度. A whole-year report's
    /// predecessor is the period before its last index (第三季度); which periods a plan actually reports is
    /// `ReportingCalendar`'s business.
    public var previous: ReportingPeriod {
        index > 1
            ? ReportingPeriod(checkedYear: year, cycle: cycle, index: index - 1, coversWholeYear: false)
            : ReportingPeriod(checkedYear: year - 1, cycle: cycle, index: cycle.periodsPerYear, coversWholeYear: false)
    }

    /// The period after, on the plain calendar: 2026年12月 → 2027年1月; after a whole-year report comes the next
    /// year's first period.
    public var next: ReportingPeriod {
        index < cycle.periodsPerYear
            ? ReportingPeriod(checkedYear: year, cycle: cycle, index: index + 1, coversWholeYear: false)
            : ReportingPeriod(checkedYear: year + 1, cycle: cycle, index: 1, coversWholeYear: false)
    }

    /// The Chinese label with the year: "2026年第一季度", "2026年3月", "2026年全年".
    public var label: String { "\(year)年\(shortLabel)" }

    /// The Chinese label without the year, for sentences about one plan: "第一季度", "3月", "全年".
    public var shortLabel: String {
        if coversWholeYear { return "全年" }
        switch cycle {
        case .quarterly: return "第\(Self.quarterNumerals[index - 1])季度"
        case .monthly: return "\(index)月"
        }
    }

    private static let quarterNumerals = ["一", "二", "三", "四"]
}

extension ReportingPeriod: Codable {
    private enum CodingKeys: String, CodingKey { case year, cycle, index, coversWholeYear }

    /// Decodes `{"year": 2026, "cycle": "quarterly", "index": 4, "coversWholeYear": true}`, checking the index.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let year = try container.decode(Int.self, forKey: .year)
        let cycle = try container.decode(ReportingCycle.self, forKey: .cycle)
        let index = try container.decode(Int.self, forKey: .index)
        let wholeYear = try container.decodeIfPresent(Bool.self, forKey: .coversWholeYear) ?? false
        guard let period = ReportingPeriod(year: year, cycle: cycle, index: index, coversWholeYear: wholeYear) else {
            throw DecodingError.dataCorruptedError(
                forKey: .index, in: container, debugDescription: "no \(cycle.rawValue) period \(index) in \(year)")
        }
        self = period
    }

    /// Encodes all four fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(year, forKey: .year)
        try container.encode(cycle, forKey: .cycle)
        try container.encode(index, forKey: .index)
        try container.encode(coversWholeYear, forKey: .coversWholeYear)
    }
}
