/// Where a reported figure stands against its target at a period, as bulletins classify it: 超额, 已完成,
/// 达到序时 or 未达序时, with the gap a bulletin prints ("低于序时进度 250 个", "低于目标 0.9 个百分点").
public struct PaceAttainment: Sendable, Hashable {
    /// The four classes, best first.
    public enum Standing: String, Sendable, Hashable, Codable, CaseIterable {
        /// Beyond the year's target.
        case exceeded
        /// The year's target reached.
        case completed
        /// At or ahead of where the period's share of the year puts it.
        case onPace
        /// Behind it.
        case behindPace

        /// The label bulletins use.
        public var label: String {
            switch self {
            case .exceeded: "超额"
            case .completed: "已完成"
            case .onPace: "达到序时"
            case .behindPace: "未达序时"
            }
        }
    }

    public var standing: Standing
    /// What the figure was measured against at this period: the target scaled by the expected share for a
    /// count, the target itself for a rate or level.
    public var expected: Double
    /// The expected share of the year, in percent, for a count; nil where the target itself is the measure.
    public var expectedShare: Double?
    /// "低于序时进度 250 个" or "低于目标 0.9 个百分点"; "" unless behind.
    public var gap: String

    /// How `actual` stands against `target` at the end of `period` under `rule`.
    ///
    /// A figure that accumulates over the year (新增就业1.2万人, 兑现资金5000万元) is compared with the target times
    /// the period's share. A growth rate (增长8%左右) or a level (比例达到83%) is not scaled: the actual rate is
    /// compared with the target rate itself. A ceiling (控制在3天以内, 压缩至1个工作日) is met from below.
    public static func assess(
        actual: Double, target: QuantifiedTarget, at period: ReportingPeriod, rule: PaceRule = .elapsedTime
    ) -> PaceAttainment {
        // A difference of percentages is in percentage points.
        let unit = target.unit == "%" ? "个百分点" : target.unit
        if target.comparison == .atMost {
            let met = actual <= target.value
            return PaceAttainment(
                standing: met ? .onPace : .behindPace, expected: target.value, expectedShare: nil,
                gap: met ? "" : "高于目标 \(PaceFigure.text(actual - target.value)) \(unit)")
        }
        if accumulates(target) {
            let share = rule.expectedShare(at: period)
            let expected = target.value * share / 100
            let standing: Standing =
                actual > target.value
                ? .exceeded
                : actual >= target.value ? .completed : actual >= expected ? .onPace : .behindPace
            return PaceAttainment(
                standing: standing, expected: expected, expectedShare: share,
                gap: standing == .behindPace ? "低于序时进度 \(PaceFigure.text(expected - actual)) \(unit)" : "")
        }
        // A rate or a level: the target itself; at the year's end reaching it is 完成.
        let yearEnd = rule.expectedShare(at: period) >= 100
        let standing: Standing =
            actual < target.value
            ? .behindPace : yearEnd ? (actual > target.value ? .exceeded : .completed) : .onPace
        return PaceAttainment(
            standing: standing, expected: target.value, expectedShare: nil,
            gap: standing == .behindPace ? "低于目标 \(PaceFigure.text(target.value - actual)) \(unit)" : "")
    }

    /// How a reported figure stands, matched to the task's target of the same label and unit (as a report
    /// records it); nil when no target matches.
    public static func assess(
        actual: Double, label: String, unit: String, among targets: [QuantifiedTarget], at period: ReportingPeriod,
        rule: PaceRule
    ) -> PaceAttainment? {
        guard let target = targets.first(where: { $0.label == label && $0.unit == unit }) else { return nil }
        return assess(actual: actual, target: target, at: period, rule: rule)
    }

    /// Whether the figure builds up over the year, so that part of it is due by each period: counts, and sums
    /// of money or quantities ("兑现资金不少于5000万元", "完成投资370亿元") — not shares, rates or times, which are
    /// where an indicator stands at any moment.
    public static func accumulates(_ target: QuantifiedTarget) -> Bool {
        switch target.kind {
        case .count: true
        case .growthRate: false
        case .level: !standingUnits.contains(target.unit)
        }
    }

    /// Units of a level that is a state, not a total.
    private static let standingUnits: Set<String> = [
        "%", "‰", "个百分点", "天", "日", "个工作日", "工作日", "小时", "分钟", "秒", "倍",
    ]

    /// "达到序时", "未达序时（低于序时进度 250 个）".
    public var text: String { gap.isEmpty ? standing.label : "\(standing.label)（\(gap)）" }
}

/// A figure of the latest report that is behind 序时: the task shows yellow for it, whatever its text says.
public struct PaceShortfall: Sendable, Hashable {
    /// The target's label: "兑现资金".
    public var label: String
    /// "低于序时进度 1250 万元".
    public var gap: String

    public init(label: String, gap: String) {
        self.label = label
        self.gap = gap
    }
}
