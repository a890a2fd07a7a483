import DubanCore
import Foundation

/// What the reminders need to know of one duty (a unit on a task), worked out with its light and stored with it in
/// `duty_states`, so the reminders job reads them instead of working every board out from the raw rows: after a
/// restart that took a province's server a third of a minute of both cores, slowing every page meanwhile.
struct ReminderFacts: Sendable, Equatable {
    /// The due day of the report a reminder may be about: the watched period's, while that report is neither
    /// filed nor returned (a returned report's unit was told by the return itself) and the task is not completed.
    var reportDue: CalendarDay?
    /// That report's period.
    var period: ReportingPeriod?
    /// The work plan's due day while none is filed and the task is not completed.
    var workPlanDue: CalendarDay?
    /// How many days before a due day the plan's rules remind.
    var reminderDays: Int

    init(reportDue: CalendarDay?, period: ReportingPeriod?, workPlanDue: CalendarDay?, reminderDays: Int) {
        self.reportDue = reportDue
        self.period = period
        self.workPlanDue = workPlanDue
        self.reminderDays = reminderDays
    }

    /// The facts of a duty's status as of the day its board was worked out.
    init(_ status: DutyStatus) {
        self.init(reportDue: nil, period: nil, workPlanDue: nil, reminderDays: status.reminderDaysBefore)
        guard !status.isCompleted else { return }
        if let watched = status.watched, !watched.isFiled,
            !status.reports.contains(where: { $0.period == watched.deadline.period && $0.state == .returned })
        {
            reportDue = watched.deadline.due
            period = watched.deadline.period
        }
        if let due = status.workPlanDue, status.workPlan == nil { workPlanDue = due }
    }

    /// The facts as stored; nil fields for the empty strings.
    init(reportDue: String, period: String, workPlanDue: String, reminderDays: Int) {
        let period = ReportingPeriod(key: period)
        self.init(
            reportDue: period == nil ? nil : CalendarDay(reportDue), period: period,
            workPlanDue: CalendarDay(workPlanDue), reminderDays: reminderDays)
        if self.reportDue == nil { self.period = nil }
    }
}
