import DubanCore
import DubanFormats
import Fluent
import Foundation
import SQLKit

/// The charts of the 督办 dashboard and a leader's board, drawn from the board already loaded for the page:
/// the status mix by section (or plan), by unit and by leader, and period by period the share of reports filed
/// on time and of figures on 序时. Each comes with its numbers as a table.
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

    /// The charts for `board`; `byLeader` adds the leaders' chart (the 督办 dashboard, not a leader's own).
    static func make(
        _ board: [DutyStatus], plans: [UUID: PlanReporting], today: CalendarDay, byLeader: Bool,
        on database: any Database
    ) async throws -> [ChartView] {
        guard !board.isEmpty else { return [] }
        var charts = [ChartView(try await bySection(board, plans: plans, on: database))]
        charts.append(ChartView(byUnit(board)))
        if byLeader { charts.append(ChartView(try await byLeaders(board, on: database))) }
        if let pace = try await periods(board, plans: plans, today: today, on: database) {
            charts.append(ChartView(pace))
        }
        return charts
    }

    /// The mix per top-level section of one plan, or per plan when the board spans several.
    static func bySection(_ board: [DutyStatus], plans: [UUID: PlanReporting], on database: any Database)
        async throws -> StackedBarChart
    {
        let planIDs = Set(board.map(\.duty.planID))
        var label: [UUID: String] = [:]
        let category: String
        if planIDs.count > 1 {
            category = "方案"
            for status in board { label[status.duty.taskID] = plans[status.duty.planID]?.planTitle ?? "" }
        } else {
            category = "板块"
            label = try await rootSections(planIDs: planIDs, on: database)
        }
        // Plans newest first; sections in the plan's own order, as the board lists its tasks.
        let ordered =
            planIDs.count > 1
            ? board.sorted { lhs, rhs in
                let (left, right) = (plans[lhs.duty.planID], plans[rhs.duty.planID])
                return ((left?.year ?? 0), rhs.duty.planID.uuidString) > (
                    (right?.year ?? 0), lhs.duty.planID.uuidString
                )
            } : board
        return mix(
            ordered, id: "status-by-section", title: planIDs.count > 1 ? "各方案任务进展" : "各板块任务进展",
            description: "每个\(category)的任务按报送单位计：已完成、推进中、黄灯、红灯各多少。", category: category
        ) { label[$0.duty.taskID].flatMap { $0.isEmpty ? nil : $0 } ?? "未分板块" }
    }

    /// The units with most red and yellow, worst first.
    static func byUnit(_ board: [DutyStatus]) -> StackedBarChart {
        let worst = OversightQuery.unitLines(board).prefix(unitsShown).map(\.name)
        let shown = Set(worst)
        var chart = mix(
            board.filter { shown.contains($0.unit.name) }, id: "status-by-unit", title: "需要关注的单位",
            description: "红灯、黄灯最多的\(worst.count)个单位，各自承担任务的进展。", category: "单位"
        ) { $0.unit.name }
        chart.rows.sort { (worst.firstIndex(of: $0.label) ?? 0) < (worst.firstIndex(of: $1.label) ?? 0) }
        return chart
    }

    /// The mix per responsible leader.
    static func byLeaders(_ board: [DutyStatus], on database: any Database) async throws -> StackedBarChart {
        let taskIDs = Array(Set(board.map(\.duty.taskID)))
        var leaders: [UUID: [String]] = [:]
        for chunk in taskIDs.chunked(500) {
            let links = try await TaskLeader.query(on: database).filter(\.$task.$id ~~ chunk).with(\.$leader).all()
            for link in links { leaders[link.$task.id, default: []].append(link.leader.name) }
        }
        var rows: [String: [Double]] = [:]
        for status in board {
            for name in leaders[status.duty.taskID] ?? ["未明确领导"] {
                rows[name, default: Array(repeating: 0, count: series.count)][bucket(status)] += 1
            }
        }
        return StackedBarChart(
            id: "status-by-leader", title: "各位领导分管任务进展",
            description: "每位责任领导分管任务的进展，按报送单位计。", series: series,
            rows: rows.sorted { $0.key < $1.key }.map { .init(label: $0.key, values: $0.value) }, categoryName: "领导")
    }

    /// Period by period for the board's main plan: the share of due reports filed on time, and of reported figures
    /// at or ahead of 序时; nil before the first due day.
    static func periods(
        _ board: [DutyStatus], plans: [UUID: PlanReporting], today: CalendarDay, on database: any Database
    ) async throws -> LineChart? {
        // The newest year's plan with the most reporting duties: the one the office reports on.
        var duties: [UUID: Int] = [:]
        for status in board { duties[status.duty.planID, default: 0] += 1 }
        guard
            let reporting = plans.values.filter({ duties[$0.planID] != nil })
                .max(by: { ($0.year, duties[$0.planID] ?? 0) < ($1.year, duties[$1.planID] ?? 0) })
        else { return nil }
        let due = reporting.calendar.deadlines.filter { $0.due < today }
        guard !due.isEmpty else { return nil }
        let statuses = board.filter { $0.duty.planID == reporting.planID }
        var targets: [UUID: [QuantifiedTarget]] = [:]
        var onTime: [Double?] = []
        var onPace: [Double?] = []
        for deadline in due {
            let filed = statuses.compactMap { status in status.reports.first { $0.period == deadline.period } }
            let inTime = filed.filter { $0.daysLate == 0 }.count
            onTime.append(statuses.isEmpty ? nil : Double(inTime) / Double(statuses.count) * 100)
            var figures = 0
            var ahead = 0
            for status in statuses {
                guard
                    let report = status.reports.first(where: { $0.period == deadline.period && $0.state != .returned }),
                    report.actuals.contains(where: { $0.actual != nil })
                else { continue }
                let taskTargets =
                    targets[status.duty.taskID] ?? TaskTargets.of(status.duty.text)
                targets[status.duty.taskID] = taskTargets
                for figure in ScoreRecords.figures(report, targets: taskTargets, pace: reporting.rules.pace) {
                    figures += 1
                    if figure.standing != .behindPace { ahead += 1 }
                }
            }
            onPace.append(figures == 0 ? nil : Double(ahead) / Double(figures) * 100)
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

    /// A stacked chart of `board` grouped by `key`, rows in first-seen order.
    private static func mix(
        _ board: [DutyStatus], id: String, title: String, description: String, category: String,
        key: (DutyStatus) -> String
    ) -> StackedBarChart {
        var order: [String] = []
        var rows: [String: [Double]] = [:]
        for status in board {
            let label = key(status)
            if rows[label] == nil {
                order.append(label)
                rows[label] = Array(repeating: 0, count: series.count)
            }
            rows[label]?[bucket(status)] += 1
        }
        return StackedBarChart(
            id: id, title: title, description: description, series: series,
            rows: order.map { .init(label: $0, values: rows[$0] ?? []) }, categoryName: category)
    }

    /// The title of each task's outermost section.
    private static func rootSections(planIDs: Set<UUID>, on database: any Database) async throws -> [UUID: String] {
        guard !planIDs.isEmpty else { return [:] }
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id ~~ planIDs).all()
        var byID: [UUID: PlanSection] = [:]
        for section in sections { byID[try section.requireID()] = section }
        func root(_ id: UUID) -> String {
            var section = byID[id]
            var guardSteps = 0
            while let parent = section?.$parent.id, let next = byID[parent], guardSteps < 20 {
                section = next
                guardSteps += 1
            }
            return section?.title ?? ""
        }
        var result: [UUID: String] = [:]
        let rows = try await database.requireSQL().raw(
            "SELECT id, section_id FROM tasks WHERE plan_id IN (\(binds: Array(planIDs)))"
        ).all()
        for row in rows {
            let task = try row.decode(column: "id", as: UUID.self)
            if let section = try row.decode(column: "section_id", as: UUID?.self) { result[task] = root(section) }
        }
        return result
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
}
