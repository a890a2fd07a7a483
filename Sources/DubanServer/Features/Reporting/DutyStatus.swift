import DubanCore
import Fluent
import Foundation

/// Where one reporting unit stands on one task today: its light with the reasons, the deadline it is measured
/// against, its latest report and work plan. The desk, the oversight view and the reminders all read this.
struct DutyStatus: Sendable {
    var duty: TaskDuty
    var unit: TaskDuty.UnitRef
    var assessment: TrafficLightAssessment
    /// The earliest overdue unfiled report, else the current one; nil outside the reporting year.
    var watched: DeadlineState?
    /// The next due day not yet passed, filed or not.
    var next: ReportingDeadline?
    var reports: [ReportLedger.Entry]
    var workPlan: ReportLedger.WorkPlanEntry?
    /// The work plan's due day, when the rules ask for one.
    var workPlanDue: CalendarDay?
    /// How many days before a due day the plan's rules remind.
    var reminderDaysBefore: Int

    var light: TrafficLight { assessment.light }
    /// The light as pages draw it: a green whose latest report waits for review is "pending" (待审核), not a
    /// plain green the office has confirmed.
    var shownLight: String { light == .green && assessment.isAwaitingReview ? "pending" : light.rawValue }
    /// The label of `shownLight`.
    var shownLabel: String { light == .green && assessment.isAwaitingReview ? "待审核" : light.label }
    /// The latest report, if it was returned and not yet revised.
    var returnedReport: ReportLedger.Entry? { reports.last { $0.state == .returned } }
    /// True when the latest report standing (not returned) says 已完成.
    var isCompleted: Bool { reports.last { $0.state != .returned }?.status == .completed }

    /// What the review of the unit's reports says for its light: a returned report first (it must be filed
    /// again), else the latest report when it waits for the 督查室.
    static func reviewSignal(_ reports: [ReportLedger.Entry]) -> ReviewSignal? {
        if let returned = reports.last(where: { $0.state == .returned }) { return .returned(returned.period) }
        if let latest = reports.last, latest.state == .submitted { return .awaiting(latest.period) }
        return nil
    }

    /// The statuses of every reporting unit of every task in the scope, as of `today`.
    static func board(_ scope: TaskDuty.Scope, today: CalendarDay, on database: any Database) async throws
        -> [DutyStatus]
    {
        let (duties, plans) = try await TaskDuty.load(scope, on: database)
        return try await board(duties, plans: plans, today: today, on: database)
    }

    /// The same for duties already loaded (pages that also need the duties or the plans' rules themselves).
    static func board(
        _ duties: [TaskDuty], plans: [UUID: PlanReporting], today: CalendarDay, on database: any Database
    ) async throws -> [DutyStatus] {
        let ledger = try await ReportLedger.load(taskIDs: duties.map(\.taskID), on: database)
        // 督查 findings past their 整改时限 turn the unit's light red.
        let backlogs = try await RoundQuery.backlogs(
            taskIDs: Set(duties.map(\.taskID)), governmentIDs: Set(plans.values.map(\.governmentID)), today: today,
            on: database)
        var result: [DutyStatus] = []
        // A calendar and its period order per plan, not per task: a plan may hold thousands of tasks.
        var calendars: [UUID: (calendar: ReportingCalendar, order: [ReportingPeriod: Int])] = [:]
        for (planID, reporting) in plans {
            let calendar = reporting.calendar
            calendars[planID] = (calendar, ReportLedger.periodOrder(calendar))
        }
        for duty in duties {
            guard let reporting = plans[duty.planID], let (calendar, order) = calendars[duty.planID] else { continue }
            let next = calendar.deadline(dueOnOrAfter: today)
            // The task's targets, read only when a report has figures to measure.
            var targets: [QuantifiedTarget]?
            for unit in duty.reporters {
                let reports = ledger.reports(task: duty.taskID, unit: unit.id, order: order)
                // A returned report does not count as filed: its due day shows again, red once it has passed.
                let standing = reports.filter { $0.state != .returned }
                let watched = calendar.watchedDeadline(on: today, filed: Set(standing.map(\.period)))
                var shortfalls: [PaceShortfall] = []
                if let latest = standing.last, latest.actuals.contains(where: { $0.actual != nil }) {
                    if targets == nil { targets = TaskTargets.of(duty.text) }
                    shortfalls = Self.shortfalls(latest, targets: targets ?? [], pace: reporting.rules.pace)
                }
                let assessment = reporting.rules.lights.assess(
                    on: today, deadline: standing.last?.status == .completed ? nil : watched,
                    statuses: standing.map(\.status), review: reviewSignal(reports), paceShortfalls: shortfalls,
                    rectification: backlogs[RoundQuery.TaskUnitKey(task: duty.taskID, unit: unit.id)])
                result.append(
                    DutyStatus(
                        duty: duty, unit: unit, assessment: assessment, watched: watched,
                        next: next, reports: reports,
                        workPlan: ledger.workPlan(task: duty.taskID, unit: unit.id),
                        workPlanDue: calendar.workPlanDue, reminderDaysBefore: reporting.rules.reminderDaysBefore))
            }
        }
        return result
    }

    /// The report's figures that are behind 序时 at its period, each matched to the task's target of the same
    /// label and unit.
    static func shortfalls(_ report: ReportLedger.Entry, targets: [QuantifiedTarget], pace: PaceRule)
        -> [PaceShortfall]
    {
        report.actuals.compactMap { figure in
            guard let actual = figure.actual,
                let attainment = PaceAttainment.assess(
                    actual: actual, label: figure.label, unit: figure.unitOfMeasure, among: targets, at: report.period,
                    rule: pace),
                attainment.standing == .behindPace
            else { return nil }
            return PaceShortfall(label: figure.label, gap: attainment.gap)
        }
    }
}
