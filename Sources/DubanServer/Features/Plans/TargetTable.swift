import DubanCore
import DubanFormats
import Fluent
import Foundation

/// A plan's quantified targets in one table: each target of each task (主要预期目标 first) with every reporting
/// unit's figure period by period, its 序时 class, and its course over the year — the page the 督查室 reads
/// before a bulletin, and the workbook it hands upward.
struct TargetTable: Sendable {
    /// One target as one reporting unit reports it.
    struct Row: Encodable, Sendable {
        var number: String
        var taskText: String
        var taskHref: String
        var kindLabel: String
        var label: String
        /// "8%左右", "不少于5000万元".
        var target: String
        var unitName: String
        var cells: [Cell]
        /// The latest figure's class: "达到序时".
        var latest: String
        /// Its `PaceAttainment.Standing` raw value, for the badge; "" when nothing was reported.
        var latestStanding: String
        var sparkline: String
        /// "below" for a lower government's localised target shown beneath the higher one; "" for the plan's own.
        var level = ""
    }

    /// One period's figure.
    struct Cell: Encodable, Sendable {
        /// "3200万元", or "" when not reported.
        var value: String
        var standing: String
        var standingLabel: String
    }

    var periods: [String]
    var rows: [Row]
    /// Targets in the whole table (not only this page's), and the page shown with the number of pages.
    var targetCount = 0
    var page = 1
    var pageCount = 1

    /// Tasks with targets per page: enough for a long screen, few enough that a page reads only its own reports.
    static let tasksPerPage = 50

    /// The table of `plan`; with `reads`, each target is followed by the lower governments' localised targets the
    /// reader may see. With `page` (1-based), only that page's tasks are read and shown; without, all of them (the
    /// workbook).
    static func make(plan: Plan, reads: ReadsBelow? = nil, page: Int? = nil, on database: any Database) async throws
        -> TargetTable
    {
        let planID = try plan.requireID()
        // Which tasks have targets, from their words alone; only the shown tasks' duties are loaded.
        var targeted: [(id: UUID, targets: [QuantifiedTarget])] = []
        for task in try await TargetTasks.load(planID: planID, on: database) {
            let targets = TaskTargets.of(task.text)
            if !targets.isEmpty { targeted.append((task.id, targets)) }
        }
        let targetCount = targeted.reduce(0) { $0 + $1.targets.count }
        let pageCount = Pager.pageCount(total: targeted.count, perPage: tasksPerPage)
        let shownPage = min(max(page ?? 1, 1), pageCount)
        if page != nil {
            targeted = Array(targeted.dropFirst((shownPage - 1) * tasksPerPage).prefix(tasksPerPage))
        }
        let (duties, plans) = try await TaskDuty.load(
            page == nil ? .plan(planID) : .tasks(targeted.map(\.id)), on: database)
        let reporting: PlanReporting
        if let loaded = plans[planID] {
            reporting = loaded
        } else if plan.withdrawnAt == nil {
            reporting = try await PlanReporting.load(plan, on: database)
        } else {
            return TargetTable(periods: [], rows: [])
        }
        let periods = reporting.calendar.deadlines.map(\.period)
        let order = ReportLedger.periodOrder(reporting.calendar)
        let dutyOf = Dictionary(duties.map { ($0.taskID, $0) }) { first, _ in first }
        let measured = targeted.compactMap { task in dutyOf[task.id].map { ($0, task.targets) } }
        let ledger = try await ReportLedger.load(taskIDs: measured.map(\.0.taskID), on: database)
        let below =
            if let reads {
                try await belowRows(of: measured, periods: periods, reads: reads, on: database)
            } else {
                [UUID: [QuantifiedTarget: [Row]]]()
            }
        var rows: [Row] = []
        for (duty, targets) in measured {
            defer { rows += targets.flatMap { below[duty.taskID]?[$0] ?? [] } }
            for unit in duty.reporters {
                let reports = ledger.reports(task: duty.taskID, unit: unit.id, order: order).filter {
                    $0.state != .returned
                }
                for target in targets {
                    rows.append(
                        row(
                            duty, target: target, unit: unit, reports: reports, periods: periods,
                            pace: reporting.rules.pace))
                }
            }
        }
        return TargetTable(
            periods: periods.map(\.shortLabel), rows: rows, targetCount: targetCount, page: page == nil ? 1 : shownPage,
            pageCount: page == nil ? 1 : pageCount)
    }

    static func row(
        _ duty: TaskDuty, target: QuantifiedTarget, unit: TaskDuty.UnitRef, reports: [ReportLedger.Entry],
        periods: [ReportingPeriod], pace: PaceRule
    ) -> Row {
        var values: [Double?] = []
        var cells: [Cell] = []
        var latest: PaceAttainment?
        for period in periods {
            // A lower plan reporting monthly answers a quarter with the month that ends it.
            let report = reports.first { $0.period == period } ?? reports.first { $0.period.lastDay == period.lastDay }
            let figure = report?.actuals.first {
                $0.label == target.label && $0.unitOfMeasure == target.unit
            }?.actual
            values.append(figure)
            guard let figure else {
                cells.append(Cell(value: "", standing: "", standingLabel: ""))
                continue
            }
            let attainment = PaceAttainment.assess(actual: figure, target: target, at: period, rule: pace)
            latest = attainment
            cells.append(
                Cell(
                    value: TaskReportingQuery.format(figure) + target.unit, standing: attainment.standing.rawValue,
                    standingLabel: attainment.standing.label))
        }
        let expected = periods.map { period -> Double? in
            PaceAttainment.accumulates(target) ? target.value * pace.expectedShare(at: period) / 100 : target.value
        }
        return Row(
            number: duty.number, taskText: DisplayText.excerpt(duty.text),
            taskHref: SiteURL.taskReporting(duty.taskID).path + "#targets", kindLabel: DisplayText.kindLabel(duty.kind),
            label: target.label, target: target.text, unitName: unit.name, cells: cells, latest: latest?.text ?? "未报",
            latestStanding: latest?.standing.rawValue ?? "",
            sparkline: Sparkline(values: values, expected: expected, label: "\(target.label)各期实际与序时目标").svg())
    }

    /// The table as a sheet: 序号 | 任务 | 指标 | 年度目标 | 报送单位 | each period | 最新序时.
    var sheetRows: [[String]] {
        [["序号", "任务", "指标", "年度目标", "报送单位"] + periods + ["最新序时"]]
            + rows.map { row in
                [row.number, row.taskText, row.label, row.target, row.unitName]
                    + row.cells.map { $0.value.isEmpty ? "" : "\($0.value)（\($0.standingLabel)）" } + [row.latest]
            }
    }
}

/// The words of a plan's tasks in force, headline targets (指标类) first, each group in plan order: what the
/// target table needs to know which tasks it lists before loading any of their units.
enum TargetTasks {
    static func load(planID: UUID, on database: any Database) async throws -> [(id: UUID, text: String)] {
        let rows = try await database.requireSQL().raw(
            """
            SELECT t.id, t.text, t.kind FROM tasks t \
            WHERE t.plan_id = \(bind: planID) AND t.withdrawn_at IS NULL AND \(PlanWithdrawal.taskOfActivePlan) \
            ORDER BY t.position
            """
        ).all()
        var headline: [(id: UUID, text: String)] = []
        var other: [(id: UUID, text: String)] = []
        for row in rows {
            let task = (
                id: try row.decode(column: "id", as: UUID.self), text: try row.decode(column: "text", as: String.self)
            )
            if try row.decode(column: "kind", as: String.self) == TaskKind.target.rawValue {
                headline.append(task)
            } else {
                other.append(task)
            }
        }
        return headline + other
    }
}
