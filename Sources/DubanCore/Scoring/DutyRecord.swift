/// What the records say about one unit's part in one task for one scoring period: its role, its reports and
/// work plan, the problems 督查 found and the praise it earned. The server reads these from its tables;
/// `ScoringFacts` turns them into the events the rules score, so which fact costs or earns a point is decided
/// here, in one place, and tested without a database.
public struct DutyRecord: Sendable, Hashable {
    /// A filing: its record, the day it came in and how many days late.
    public struct Filing: Sendable, Hashable {
        public var id: String
        public var day: CalendarDay
        public var daysLate: Int

        public init(id: String, day: CalendarDay, daysLate: Int) {
            self.id = id
            self.day = day
            self.daysLate = daysLate
        }
    }

    /// A report version the 督查室 sent back, and the day it did.
    public struct Return: Sendable, Hashable {
        public var id: String
        public var day: CalendarDay?

        public init(id: String, day: CalendarDay?) {
            self.id = id
            self.day = day
        }
    }

    /// A reported figure measured against its target at the period: "兑现资金 3200万元" 未达序时.
    public struct Figure: Sendable, Hashable {
        /// The target's label: "兑现资金".
        public var label: String
        /// "兑现资金3200万元".
        public var text: String
        public var standing: PaceAttainment.Standing
        /// "低于序时进度 250 万元"; "" unless behind.
        public var gap: String
        /// The target as the task prints it: "不少于5000万元", "8%左右".
        public var target: String
        /// True when the figure meets the year's target itself (a rate at its target mid-year is on 序时 and
        /// meets it; a count at three quarters of its target is on 序时 and does not).
        public var reachesTarget: Bool

        public init(
            label: String, text: String, standing: PaceAttainment.Standing, gap: String = "", target: String = "",
            reachesTarget: Bool? = nil
        ) {
            self.label = label
            self.text = text
            self.standing = standing
            self.gap = gap
            self.target = target
            self.reachesTarget = reachesTarget ?? (standing == .completed || standing == .exceeded)
        }
    }

    /// The report standing for the period (not superseded, not returned).
    public struct Standing: Sendable, Hashable {
        public var id: String
        public var status: ReportStatus
        public var day: CalendarDay
        public var figures: [Figure]
        /// Why the task is behind, as the unit wrote it; "" when none.
        public var reason: String

        public init(id: String, status: ReportStatus, day: CalendarDay, figures: [Figure] = [], reason: String = "") {
            self.id = id
            self.status = status
            self.day = day
            self.figures = figures
            self.reason = reason
        }
    }

    /// The work plan, when its due day falls in the period.
    public struct WorkPlanDuty: Sendable, Hashable {
        public var due: CalendarDay
        /// The first version filed; nil when none.
        public var filed: Filing?

        public init(due: CalendarDay, filed: Filing?) {
            self.due = due
            self.filed = filed
        }
    }

    /// A 督查 finding whose 整改时限 falls in the period.
    public struct FindingDuty: Sendable, Hashable {
        public var id: String
        public var problem: String
        public var due: CalendarDay
        /// The day the unit first answered; nil while it has not.
        public var answered: CalendarDay?

        public init(id: String, problem: String, due: CalendarDay, answered: CalendarDay?) {
            self.id = id
            self.problem = problem
            self.due = due
            self.answered = answered
        }
    }

    /// A quality flag on the standing report that the 督查室 has not dismissed.
    public struct Flag: Sendable, Hashable {
        public var id: String
        /// "与本单位第一季度报告的文字相同92%".
        public var evidence: String

        public init(id: String, evidence: String) {
            self.id = id
            self.evidence = evidence
        }
    }

    /// A praise in an issued 督查通报.
    public struct Praise: Sendable, Hashable {
        public var bulletinID: String
        /// "2026年第3期".
        public var issue: String
        public var day: CalendarDay

        public init(bulletinID: String, issue: String, day: CalendarDay) {
            self.bulletinID = bulletinID
            self.issue = issue
            self.day = day
        }
    }

    public var taskID: String
    public var taskNumber: String
    public var taskLabel: String
    public var unitID: String
    public var unitName: String
    public var role: AssignmentRole
    /// True when the unit files the task's consolidated report: its reports and work plan are scored. A unit
    /// that only contributes is scored on what 督查 found and the praise it earned.
    public var reports: Bool
    /// The period's due day; nil when the plan asks no report for it.
    public var due: CalendarDay?
    /// The period's first filing; nil when nothing was filed.
    public var firstFiling: Filing?
    public var returns: [Return]
    public var standing: Standing?
    /// True when a report of an earlier period already said 已完成.
    public var completedEarlier: Bool
    /// The labels of figures already beyond their target in an earlier period.
    public var exceededEarlier: Set<String>
    /// The last day the task's 完成时限 allows; nil for an ongoing task.
    public var deadline: CalendarDay?
    public var workPlan: WorkPlanDuty?
    public var findings: [FindingDuty]
    public var praises: [Praise]
    /// The standing report's quality flags still standing.
    public var flags: [Flag] = []

    /// A record with nothing filed, found or praised yet.
    public init(
        taskID: String, taskNumber: String, taskLabel: String, unitID: String, unitName: String,
        role: AssignmentRole, reports: Bool, due: CalendarDay? = nil, firstFiling: Filing? = nil,
        returns: [Return] = [], standing: Standing? = nil, completedEarlier: Bool = false,
        exceededEarlier: Set<String> = [], deadline: CalendarDay? = nil, workPlan: WorkPlanDuty? = nil,
        findings: [FindingDuty] = [], praises: [Praise] = []
    ) {
        self.taskID = taskID
        self.taskNumber = taskNumber
        self.taskLabel = taskLabel
        self.unitID = unitID
        self.unitName = unitName
        self.role = role
        self.reports = reports
        self.due = due
        self.firstFiling = firstFiling
        self.returns = returns
        self.standing = standing
        self.completedEarlier = completedEarlier
        self.exceededEarlier = exceededEarlier
        self.deadline = deadline
        self.workPlan = workPlan
        self.findings = findings
        self.praises = praises
    }
}
