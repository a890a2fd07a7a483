import DubanCore
import DubanFormats
import Foundation

/// A task's quantified targets over its plan's year: for each target with a reported figure, the figure each
/// reporting unit reported period by period against where 序时 puts the target then — the chart on the task's
/// reporting page, with its numbers.
enum TaskTargetCharts {
    static func make(_ loaded: TaskReportingQuery.Loaded) -> [ChartView] {
        let targets = TaskTargets.of(loaded.task.text)
        let periods = loaded.reporting.calendar.deadlines.map(\.period)
        guard !targets.isEmpty, !periods.isEmpty else { return [] }
        let standing = loaded.reports.filter {
            $0.kind == .report && $0.state != .superseded && $0.state != .returned
        }
        let reporters = loaded.duty?.reporters ?? []
        let pace = loaded.reporting.rules.pace
        return targets.enumerated().compactMap { index, target in
            let actuals = reporters.map { unit in
                periods.map { period -> Double? in
                    standing.first { $0.$unit.id == unit.id && $0.period == period.key }?.actuals
                        .first { $0.label == target.label && $0.unitOfMeasure == target.unit }?.actualValue
                }
            }
            guard actuals.contains(where: { $0.contains { $0 != nil } }) else { return nil }
            let expected = periods.map { period -> Double? in
                PaceAttainment.accumulates(target)
                    ? target.value * pace.expectedShare(at: period) / 100 : target.value
            }
            let lines =
                [LineChart.Series(name: "序时目标", color: ChartPalette.blue, values: expected, dashed: true)]
                + zip(reporters, actuals).map { unit, values in
                    LineChart.Series(
                        name: reporters.count > 1 ? "实际（\(unit.name)）" : "实际", color: ChartPalette.green,
                        values: values)
                }
            let chart = LineChart(
                id: "target-\(index + 1)", title: "\(target.label)：实际与序时目标",
                description: "\(target.label)（年度目标\(target.text)）各期报送的实际数与按序时进度应达到的数。",
                xLabels: periods.map(\.shortLabel), series: lines, unit: target.unit, categoryName: "期次")
            return ChartView(chart)
        }
    }
}
