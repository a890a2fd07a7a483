import DubanCore
import Fluent
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
    }

    /// The current version of one work plan.
    struct WorkPlanEntry: Sendable {
        var id: UUID
        var state: ReviewState
        var version: Int
        var daysLate: Int
    }

    private var reports: [String: [Entry]] = [:]
    private var workPlans: [String: ReportLedger.WorkPlanEntry] = [:]

    private static func key(_ taskID: UUID, _ unitID: UUID) -> String { "\(taskID)|\(unitID)" }

    /// Loads the consolidated reports and work plans of the tasks.
    static func load(taskIDs: [UUID], on database: any Database) async throws -> ReportLedger {
        var ledger = ReportLedger()
        for chunk in taskIDs.chunked(500) {
            let rows = try await ProgressReport.query(on: database).filter(\.$task.$id ~~ chunk)
                .filter(\.$kind == ProgressReport.Kind.report)
                .filter(\.$state != ReviewState.superseded).all()
            // The figures of these reports, in one query per chunk.
            var figures: [UUID: [Figure]] = [:]
            for actual in try await ReportActual.query(on: database).filter(\.$report.$id ~~ rows.compactMap(\.id))
                .sort(\.$position).all()
            {
                figures[actual.$report.id, default: []].append(
                    Figure(label: actual.label, unitOfMeasure: actual.unitOfMeasure, actual: actual.actualValue))
            }
            for row in rows {
                guard let period = ReportingPeriod(key: row.period) else { continue }
                let status = row.status
                ledger.reports[key(row.$task.id, row.$unit.id), default: []].append(
                    Entry(
                        reportID: try row.requireID(), period: period, version: row.version, status: status,
                        state: row.state, daysLate: row.daysLate, submittedOn: row.submittedOn,
                        actuals: figures[try row.requireID()] ?? [], reason: row.reason, narrative: row.narrative))
            }
            let plans = try await WorkPlan.query(on: database).filter(\.$task.$id ~~ chunk)
                .filter(\.$state != ReviewState.superseded).all()
            for plan in plans {
                ledger.workPlans[key(plan.$task.id, plan.$unit.id)] = WorkPlanEntry(
                    id: try plan.requireID(), state: plan.state, version: plan.version, daysLate: plan.daysLate)
            }
        }
        return ledger
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
