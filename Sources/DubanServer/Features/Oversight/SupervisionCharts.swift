import DubanCore
import DubanFormats
import Fluent
import Foundation
import SQLKit

/// The charts of the 督办 dashboard and a leader's board: the status mix by section (or plan), by unit and by
/// leader, and period by period the share of reports filed on time and of figures on 序时. Each comes with its
/// numbers as a table. Both count them from the stored lights (`DutyStateCounts`) into `Mix` and `PeriodTotals`.
enum SupervisionCharts {
    /// How many units the by-unit chart lists, those with most red and yellow first.
    static let unitsShown = 12

    /// The status mix's series, in stacking order.
    static let series: [StackedBarChart.Series] = [
        .init(name: "已完成", paint: ChartPaint(color: ChartPalette.green)),
        .init(name: "推进中", paint: ChartPalette.pending),
        .init(name: "黄灯", paint: ChartPaint(color: ChartPalette.yellow)),
        .init(name: "红灯", paint: ChartPaint(color: ChartPalette.red)),
    ]

    /// Which series a status counts in.
    static func bucket(_ status: DutyStatus) -> Int {
        switch status.light {
        case .red: 3
        case .yellow: 2
        case .green: status.isCompleted ? 0 : 1
        }
    }

    /// Duties counted per label and series, labels in first-seen order.
    struct Mix: Sendable {
        private(set) var order: [String] = []
        private(set) var counts: [String: [Double]] = [:]

        mutating func add(_ label: String, bucket: Int, count: Int = 1) {
            if counts[label] == nil {
                order.append(label)
                counts[label] = Array(repeating: 0, count: SupervisionCharts.series.count)
            }
            guard series.indices.contains(bucket) else { return }
            counts[label]?[bucket] += Double(count)
        }

        func chart(id: String, title: String, description: String, category: String) -> StackedBarChart {
            StackedBarChart(
                id: id, title: title, description: description, series: series,
                rows: order.map { .init(label: $0, values: counts[$0] ?? []) }, categoryName: category)
        }
    }

    /// Per period of one plan: how many duties filed on time, and how many figures were reported and on 序时.
    struct PeriodTotals: Sendable {
        var duties = 0
        var onTime: [String: Int] = [:]
        var figures: [String: Int] = [:]
        var onPace: [String: Int] = [:]
    }

    /// The charts counted from stored lights (the 督办 dashboard, a leader's board); `byLeader` adds the
    /// leaders' chart. `plans` are the plans of the counted duties, `units` their laggards worst first.
    static func make(
        _ counts: DutyStateCounts, plans: [Plan], units: [OversightPage.UnitLine], byLeader: Bool,
        today: CalendarDay, on database: any Database
    ) async throws -> [ChartView] {
        let perPlan = try await counts.dutiesPerPlan()
        guard !perPlan.isEmpty else { return [] }
        var named: [UUID: (title: String, year: Int)] = [:]
        for plan in plans { named[try plan.requireID()] = (plan.title, plan.year) }
        let worst = Array(units.prefix(unitsShown))
        var charts = [
            ChartView(sectionChart(try await counts.sectionMix(plans: named), plans: perPlan.count)),
            ChartView(unitChart(try await counts.unitMix(worst), worst: worst.map(\.name))),
        ]
        if byLeader { charts.append(ChartView(leaderChart(try await counts.leaderMix()))) }
        // The newest year's plan with the most duties; only its rules are read.
        let newest = plans.compactMap { plan in plan.id.flatMap { id in perPlan[id].map { (plan, $0) } } }
            .max { ($0.0.year, $0.1) < ($1.0.year, $1.1) }?.0
        if let newest {
            let reporting = try await PlanReporting.load(newest, on: database)
            let totals = try await counts.periodTotals(
                planID: reporting.planID, duties: perPlan[reporting.planID] ?? 0)
            if let chart = periodChart(totals, reporting: reporting, today: today) {
                charts.append(ChartView(chart))
            }
        }
        return charts
    }

    /// The label of duties whose task names no leader.
    static let noLeader = "未明确领导"

    /// The mix per top-level section of one plan, or per plan when the board spans several.
    static func sectionChart(_ mix: Mix, plans: Int) -> StackedBarChart {
        let category = plans > 1 ? "方案" : "板块"
        var labelled = Mix()
        for label in mix.order {
            for (bucket, count) in (mix.counts[label] ?? []).enumerated() {
                labelled.add(label.isEmpty ? "未分板块" : label, bucket: bucket, count: Int(count))
            }
        }
        return labelled.chart(
            id: "status-by-section", title: plans > 1 ? "各方案任务进展" : "各板块任务进展",
            description: "每个\(category)的任务按报送单位计：已完成、推进中、黄灯、红灯各多少。", category: category)
    }

    /// The units with most red and yellow, worst first.
    static func unitChart(_ mix: Mix, worst: [String]) -> StackedBarChart {
        var chart = mix.chart(
            id: "status-by-unit", title: "需要关注的单位",
            description: "红灯、黄灯最多的\(worst.count)个单位，各自承担任务的进展。", category: "单位")
        chart.rows.sort { (worst.firstIndex(of: $0.label) ?? 0) < (worst.firstIndex(of: $1.label) ?? 0) }
        return chart
    }

    /// The mix per responsible leader, by name.
    static func leaderChart(_ mix: Mix) -> StackedBarChart {
        var chart = mix.chart(
            id: "status-by-leader", title: "各位领导分管任务进展",
            description: "每位责任领导分管任务的进展，按报送单位计。", category: "领导")
        chart.rows.sort { $0.label < $1.label }
        return chart
    }

    /// Period by period for the plan: the share of due reports filed on time, and of reported figures at or
    /// ahead of 序时; nil before the first due day.
    static func periodChart(_ totals: PeriodTotals, reporting: PlanReporting, today: CalendarDay) -> LineChart? {
        let due = reporting.calendar.deadlines.filter { $0.due < today }
        guard !due.isEmpty else { return nil }
        let onTime = due.map { deadline -> Double? in
            totals.duties == 0
                ? nil : Double(totals.onTime[deadline.period.key] ?? 0) / Double(totals.duties) * 100
        }
        let onPace = due.map { deadline -> Double? in
            let figures = totals.figures[deadline.period.key] ?? 0
            return figures == 0 ? nil : Double(totals.onPace[deadline.period.key] ?? 0) / Double(figures) * 100
        }
        return LineChart(
            id: "rates-by-period", title: "按时报送率和序时达标率",
            description: "《\(reporting.planTitle)》每期按时报送的报告占应报的比例，和所报量化指标达到序时进度的比例。",
            xLabels: due.map(\.period.shortLabel),
            series: [
                .init(name: "按时报送率", color: ChartPalette.green, values: onTime.map { $0.map(rounded) }),
                .init(name: "序时达标率", color: ChartPalette.blue, values: onPace.map { $0.map(rounded) }),
            ], unit: "%", categoryName: "期次")
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
