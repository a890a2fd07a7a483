import Fluent
import Foundation

/// One reporting unit's light on one task as of a day, stored so the 督办 overview and its charts count by SQL
/// instead of working out every light from the raw reports on each request. `DutyStates` writes these rows;
/// nothing else does.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class DutyState: Model, @unchecked Sendable {
    static let schema = "duty_states"

    @ID(key: .id) var id: UUID?
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "plan_id") var planID: UUID
    @Field(key: "government_id") var governmentID: UUID
    /// "red", "yellow" or "green".
    @Field(key: "light") var light: String
    /// 2 red, 1 yellow, 0 green: the worst first in `ORDER BY severity DESC`.
    @Field(key: "severity") var severity: Int
    /// The status mix's series (`SupervisionCharts.series`): 0 已完成, 1 推进中, 2 黄灯, 3 红灯.
    @Field(key: "bucket") var bucket: Int
    /// The light as lists draw it: "pending" for a green waiting for review (`DutyStatus.shownLight`).
    @Field(key: "shown_light") var shownLight: String
    /// The light's reasons in words, joined by "；".
    @Field(key: "reasons") var reasons: String
    /// What is due next, as the desk says it: "二季度：7月20日前（还有 3 天）".
    @Field(key: "next_due") var nextDue: String
    /// The latest report: "一季度 按序时推进 · 待审核"; "尚未报送".
    @Field(key: "last_report") var lastReport: String
    /// The latest report's figures against the targets: "兑现资金 3200万元（目标 5000万元）"; "" when none.
    @Field(key: "figures") var figures: String
    /// True when one of the light's reasons is an overdue report.
    @Field(key: "overdue") var overdue: Bool
    /// How many of the unit's reports on the task were filed late.
    @Field(key: "late_reports") var lateReports: Int
    /// The due day ("2026-07-20") of the report a reminder may be about: the watched period's, while it is
    /// neither filed nor returned and the task not completed; "" otherwise.
    @Field(key: "report_due") var reportDue: String
    /// That report's period (`ReportingPeriod.key`); "" with no due day.
    @Field(key: "report_period") var reportPeriod: String
    /// The work plan's due day while none is filed and the task not completed; "" otherwise.
    @Field(key: "work_plan_due") var workPlanDue: String
    /// How many days before a due day the plan's rules remind.
    @Field(key: "reminder_days") var reminderDays: Int

    init() {}

    init(_ fact: DutyStates.Fact) {
        taskID = fact.taskID
        unitID = fact.unitID
        planID = fact.planID
        governmentID = fact.governmentID
        light = fact.light.rawValue
        severity = fact.severity
        bucket = fact.bucket
        shownLight = fact.shownLight
        reasons = fact.reasons
        nextDue = fact.nextDue
        lastReport = fact.lastReport
        figures = fact.figures
        overdue = fact.overdue
        lateReports = fact.lateReports
        reportDue = fact.reminder.reportDue?.description ?? ""
        reportPeriod = fact.reminder.period?.key ?? ""
        workPlanDue = fact.reminder.workPlanDue?.description ?? ""
        reminderDays = fact.reminder.reminderDays
    }
}

/// One reporting unit's filing of one period on one task: whether it came on time, and how many of its figures
/// were at or ahead of 序时. The period chart sums these. Unlike lights they do not change with the day.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class DutyPeriodState: Model, @unchecked Sendable {
    static let schema = "duty_period_states"

    @ID(key: .id) var id: UUID?
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "plan_id") var planID: UUID
    /// `ReportingPeriod.key`.
    @Field(key: "period") var period: String
    @Field(key: "on_time") var onTime: Bool
    @Field(key: "figures") var figures: Int
    @Field(key: "figures_on_pace") var figuresOnPace: Int

    init() {}

    init(_ fact: DutyStates.PeriodFact) {
        taskID = fact.taskID
        unitID = fact.unitID
        planID = fact.planID
        period = fact.period
        onTime = fact.onTime
        figures = fact.figures
        figuresOnPace = fact.figuresOnPace
    }
}
