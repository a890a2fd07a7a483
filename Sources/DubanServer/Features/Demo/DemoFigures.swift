import DubanCore
import Foundation

/// The figures the demo's reports give for their tasks' quantified targets: near 序时 for a task on schedule,
/// short of it for one behind, the whole target (or a little more) for one completed — so the 序时 classes, the
/// lights, the bulletins and the charts have believable numbers to work on. Seeded like the rest of the demo.
enum DemoFigures {
    /// One figure per target of the task, as the report form would post them.
    static func actuals(
        for targets: [QuantifiedTarget], period: ReportingPeriod, status: ReportStatus, pace: PaceRule,
        random: inout SeededRandom
    ) -> [ReportFiling.Actual] {
        targets.map { target in
            ReportFiling.Actual(
                label: target.label, unitOfMeasure: target.unit, target: target.value,
                actual: value(for: target, period: period, status: status, pace: pace, random: &random))
        }
    }

    /// A figure near where the status puts it.
    static func value(
        for target: QuantifiedTarget, period: ReportingPeriod, status: ReportStatus, pace: PaceRule,
        random: inout SeededRandom
    ) -> Double {
        let behind = status.requiresReason
        func between(_ low: Double, _ high: Double) -> Double {
            low + Double(random.int(in: 0...1000)) / 1000 * (high - low)
        }
        if target.comparison == .atMost {
            return rounded(target.value * (behind ? between(1.05, 1.4) : between(0.6, 1.0)), like: target, up: !behind)
        }
        if PaceAttainment.accumulates(target) {
            let share = status == .completed ? 100 : pace.expectedShare(at: period)
            let expected = target.value * share / 100
            let factor = behind ? between(0.55, 0.9) : status == .completed ? between(1.0, 1.15) : between(1.0, 1.25)
            return rounded(min(expected * factor, target.value * 1.2), like: target, up: !behind)
        }
        // A rate or level: around the target itself.
        let delta = behind ? -between(0.3, 1.6) : between(0.0, 1.2)
        return ((target.value + delta) * 10).rounded() / 10
    }

    /// Things counted one by one (个, 家, 场, 户 …) in whole numbers — rounded up for a unit on schedule, whose
    /// count is at least its 序时 share, down for one behind; amounts, lengths and areas to one decimal.
    private static func rounded(_ value: Double, like target: QuantifiedTarget, up: Bool) -> Double {
        let measured = ["公里", "千米", "米", "亿元", "万元", "元", "万人", "万户", "万平方米", "平方米", "万吨", "吨", "亩", "万亩", "公顷"]
        let counted = target.value == target.value.rounded() && !measured.contains(target.unit)
        guard counted else { return (up ? (value * 10).rounded(.up) : (value * 10).rounded(.down)) / 10 }
        return max(0, up ? value.rounded(.up) : value.rounded(.down))
    }
}
