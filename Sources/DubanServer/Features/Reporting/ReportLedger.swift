import DubanCore
import Fluent
import SQLKit
import Foundation

/// The current (not superseded) reports and work plans of a set of tasks, looked up by task, unit and period.
struct ReportLedger: Sendable {
    /// The current version of one report.
    struct Entry: Sendable {
        var reportID: UUID
        var period: ReportingPeriod
        var version: Int
        var status: ReportStatus
        var state: ReviewState
        var daysLate: Int
        var submittedOn: String
        /// The figures reported, in the task's target order.
        var actuals: [Figure] = []
        /// Why the task is behind, as the unit wrote it.
        var reason = ""
        /// What the unit reports it did.
        var narrative = ""
    }

    /// A figure of a report.
    struct Figure: Sendable {
        var label: String
        var unitOfMeasure: String
        var actual: Double?
        /// The target the figure was reported against, as the report stored it.
        var target: Double? = nil
    }

    /// The current version of one work plan.
    struct WorkPlanEntry: Sendable {
        var id: UUID
        var state: ReviewState
        var version: Int
        var daysLate: Int
    }

    /// One unit on one task.
    private struct Key: Hashable {
        var task: UUID
        var unit: UUID
    }

    private var reports: [Key: [Entry]] = [:]
    private var workPlans: [Key: ReportLedger.WorkPlanEntry] = [:]

    private static func key(_ taskID: UUID, _ unitID: UUID) -> Key { Key(task: taskID, unit: unitID) }

    /// Loads the consolidated reports and work plans of the tasks: four queries per 500 tasks, rows decoded
    /// column by column (a model per row costs more than the query at a government's tens of thousands of
    /// reports). The figures are read by their reports' ids, not joined to the reports: at province scale
    /// PostgreSQL joined them by reading the whole figures table (30 ms a chunk) whenever the sampled statistics
    /// overestimated a chunk's reports, and the target table reads several chunks.
    static func load(taskIDs: [UUID], on database: any Database) async throws -> ReportLedger {
        var ledger = ReportLedger()
        let sql = try database.requireSQL()
        for chunk in taskIDs.chunked(500) {
            var entries: [(key: Key, entry: Entry)] = []
            for row in try await sql.raw(
                """
                SELECT r.id, r.task_id, r.unit_id, r.period, r.version, r.status, r.state, r.days_late, \
                r.submitted_on, r.reason, r.narrative FROM progress_reports r \
                WHERE r.task_id IN (\(binds: chunk)) AND r.kind = \(bind: ProgressReport.Kind.report.rawValue) \
                AND r.state <> \(bind: ReviewState.superseded.rawValue)
                """
            ).all() {
                guard let period = ReportingPeriod(key: try row.decode(column: "period", as: String.self)),
                    let status = ReportStatus(rawValue: try row.decode(column: "status", as: String.self)),
                    let state = ReviewState(rawValue: try row.decode(column: "state", as: String.self))
                else { continue }
                let key = Key(
                    task: try row.decode(column: "task_id", as: UUID.self),
                    unit: try row.decode(column: "unit_id", as: UUID.self))
                entries.append(
                    (
                        key,
                        Entry(
                            reportID: try row.decode(column: "id", as: UUID.self), period: period,
                            version: try row.decode(column: "version", as: Int.self), status: status, state: state,
                            daysLate: try row.decode(column: "days_late", as: Int.self),
                            submittedOn: try row.decode(column: "submitted_on", as: String.self),
                            reason: try row.decode(column: "reason", as: String.self),
                            narrative: try row.decode(column: "narrative", as: String.self))
                    ))
            }
            let figures = try await Self.figures(of: entries.map(\.entry.reportID), on: sql)
            for (key, entry) in entries {
                var entry = entry
                entry.actuals = figures[entry.reportID] ?? []
                ledger.reports[key, default: []].append(entry)
            }
            for row in try await sql.raw(
                """
                SELECT id, task_id, unit_id, state, version, days_late FROM work_plans \
                WHERE task_id IN (\(binds: chunk)) AND state <> \(bind: ReviewState.superseded.rawValue)
                """
            ).all() {
                guard let state = ReviewState(rawValue: try row.decode(column: "state", as: String.self)) else {
                    continue
                }
                let key = Key(
                    task: try row.decode(column: "task_id", as: UUID.self),
                    unit: try row.decode(column: "unit_id", as: UUID.self))
                ledger.workPlans[key] = WorkPlanEntry(
                    id: try row.decode(column: "id", as: UUID.self), state: state,
                    version: try row.decode(column: "version", as: Int.self),
                    daysLate: try row.decode(column: "days_late", as: Int.self))
            }
        }
        return ledger
    }

    /// The figures of the reports, each report's in its target order, read through the index on their report.
    private static func figures(of reportIDs: [UUID], on sql: any SQLDatabase) async throws -> [UUID: [Figure]] {
        var figures: [UUID: [Figure]] = [:]
        for chunk in reportIDs.chunked(500) {
            for row in try await sql.raw(
                """
                SELECT report_id, label, unit_of_measure, actual_value, target_value FROM report_actuals \
                WHERE report_id IN (\(binds: chunk)) ORDER BY report_id, position
                """
            ).all() {
                figures[try row.decode(column: "report_id", as: UUID.self), default: []].append(
                    Figure(
                        label: try row.decode(column: "label", as: String.self),
                        unitOfMeasure: try row.decode(column: "unit_of_measure", as: String.self),
                        actual: try row.decode(column: "actual_value", as: Double?.self),
                        target: try row.decode(column: "target_value", as: Double?.self)))
            }
        }
        return figures
    }

    /// The position of each period in a calendar, for ordering reports; build it once per plan.
    static func periodOrder(_ calendar: ReportingCalendar) -> [ReportingPeriod: Int] {
        Dictionary(calendar.deadlines.enumerated().map { ($1.period, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit's current reports on the task, in period order.
    func reports(task: UUID, unit: UUID, in calendar: ReportingCalendar) -> [Entry] {
        reports(task: task, unit: unit, order: Self.periodOrder(calendar))
    }

    /// The same, with the calendar's period order already built.
    func reports(task: UUID, unit: UUID, order: [ReportingPeriod: Int]) -> [Entry] {
        guard let entries = reports[Self.key(task, unit)] else { return [] }
        return entries.sorted { (order[$0.period] ?? 99) < (order[$1.period] ?? 99) }
    }

    /// The unit's current work plan on the task.
    func workPlan(task: UUID, unit: UUID) -> ReportLedger.WorkPlanEntry? {
        workPlans[Self.key(task, unit)]
    }
}
