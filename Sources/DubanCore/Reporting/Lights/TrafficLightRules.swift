/// When a task turns yellow or red. Stored inside `ReportingRules`, so each plan can tune them.
///
/// - Green: reports are filed on time and the latest says the task is on schedule (or done).
/// - Yellow: a report is due within `yellowWithinDays` and not yet filed, or the latest report says 滞后 or
///   无法完成 and fewer than `redAfterBehindReports` reports have said so.
/// - Red: a report is overdue (its due day has passed and it is not filed), or at least `redAfterBehindReports`
///   of the task's reports say 滞后 or 无法完成. "Twice" counts across the year, consecutive or not, and does not
///   reset when a later report is on schedule: a task that has slipped twice stays under watch until it is done.
///
/// A task whose latest report says 已完成 is green and has no further deadlines.
public struct TrafficLightRules: Sendable, Hashable {
    /// Days before a due day from which an unfiled report turns the task yellow (the due day itself is day 0).
    public var yellowWithinDays: Int
    /// How many 滞后/无法完成 reports turn the task red.
    public var redAfterBehindReports: Int
    /// True to count 未启动 like 滞后. Off by default: many tasks are scheduled to start later in the year, and
    /// the reason the unit must give is enough to flag the odd one.
    public var notStartedCountsAsBehind: Bool

    /// Creates rules; the defaults are the product's.
    public init(yellowWithinDays: Int = 5, redAfterBehindReports: Int = 2, notStartedCountsAsBehind: Bool = false) {
        self.yellowWithinDays = yellowWithinDays
        self.redAfterBehindReports = redAfterBehindReports
        self.notStartedCountsAsBehind = notStartedCountsAsBehind
    }

    /// Yellow five days ahead, red after two reports behind.
    public static let `default` = TrafficLightRules()

    /// True when a report with this status counts towards yellow and red.
    public func countsAsBehind(_ status: ReportStatus) -> Bool {
        switch status {
        case .behind, .impossible: true
        case .notStarted: notStartedCountsAsBehind
        case .completed, .onSchedule: false
        }
    }

    /// Checks the numbers; throws the first problem with its Chinese message.
    public func validate() throws(ReportingRulesError) {
        guard yellowWithinDays >= 0 else { throw .negativeYellowWindow(yellowWithinDays) }
        guard redAfterBehindReports >= 1 else { throw .redThresholdTooLow(redAfterBehindReports) }
    }

    /// The rules in one short Chinese phrase, for the admin's confirmation list.
    public var summary: String {
        "截止前 \(yellowWithinDays) 天内未报送亮黄灯，逾期未报送或累计 \(redAfterBehindReports) 次滞后亮红灯"
    }

    /// The rules as Chinese sentences for the plan's settings page.
    public func describe() -> [String] {
        let words = notStartedCountsAsBehind ? "滞后、未启动或无法完成" : "滞后或无法完成"
        let yellowStatus =
            redAfterBehindReports > 1 ? "，或最近一次报告为\(words)（累计未满 \(redAfterBehindReports) 次）" : ""
        return [
            "绿灯：按时报送且按序时推进，或任务已完成。",
            "黄灯：报告截止前 \(yellowWithinDays) 天内尚未报送\(yellowStatus)。",
            "红灯：报告逾期未报送，或累计 \(redAfterBehindReports) 次报告为\(words)（不要求连续，之后按序时推进也不撤销）。",
        ]
    }
}

extension TrafficLightRules: Codable {
    private enum CodingKeys: String, CodingKey {
        case yellowWithinDays, redAfterBehindReports, notStartedCountsAsBehind
    }

    /// Decodes stored rules; a missing field takes its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = TrafficLightRules.default
        yellowWithinDays =
            try container.decodeIfPresent(Int.self, forKey: .yellowWithinDays) ?? fallback.yellowWithinDays
        redAfterBehindReports =
            try container.decodeIfPresent(Int.self, forKey: .redAfterBehindReports) ?? fallback.redAfterBehindReports
        notStartedCountsAsBehind =
            try container.decodeIfPresent(Bool.self, forKey: .notStartedCountsAsBehind)
            ?? fallback.notStartedCountsAsBehind
    }

    /// Encodes every field.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(yellowWithinDays, forKey: .yellowWithinDays)
        try container.encode(redAfterBehindReports, forKey: .redAfterBehindReports)
        try container.encode(notStartedCountsAsBehind, forKey: .notStartedCountsAsBehind)
    }
}
