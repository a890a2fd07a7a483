/// How a plan's units report: when the work plan is due, how often progress is reported and by when, who files
/// it, and when the system reminds and warns. One value per plan, stored as JSON, confirmed by the 督查室 admin
/// after `detect(in:year:)` has read what the notice says.
public struct ReportingRules: Sendable, Hashable {
    /// When each unit's 办理方案/工作方案 is due, relative to the plan year; nil when the plan asks for none.
    public var workPlanDue: MonthDay?
    /// How often progress is reported.
    public var cycle: ReportingCycle
    /// When each period's report is due.
    public var dueRule: DueDateRule
    /// The index of the first period reported on; earlier periods have no report.
    ///
    /// Our reading of 武汉's "各牵头单位从2022年第二季度起，要在每个季度第1个月的20日前，将上季度的责任事项完成情况报…":
    /// "从第二季度起" says when the reporting *starts* — in the second quarter — and what is reported in each quarter's
    /// first month is the quarter before. So the first report is the one due 4月20日, and it covers 第一季度:
    /// `firstPeriodIndex` is 1. The plans are issued in January or February, so the first quarter is mostly worked
    /// under the plan and is worth a report. A plan saying "从第三季度起" in that form starts with the report due
    /// 7月20日, on 第二季度 (index 2).
    public var firstPeriodIndex: Int
    /// True when the year's last report covers the whole year (新洲: "第一、二、三季度及全年").
    public var finalReportCoversYear: Bool
    /// Which units file the reports.
    public var reporter: Reporter
    /// Days before a due day on which the reporting units are reminded (0 for a reminder on the day only).
    public var reminderDaysBefore: Int
    /// When a task shows yellow or red.
    public var lights: TrafficLightRules
    /// 序时进度: the share of a year's target expected at each period.
    public var pace: PaceRule

    /// Creates rules; every value not given is the default's.
    public init(
        workPlanDue: MonthDay? = MonthDay(month: 2, day: 15), cycle: ReportingCycle = .quarterly,
        dueRule: DueDateRule = .dayOfFollowingMonth(20), firstPeriodIndex: Int = 1, finalReportCoversYear: Bool = false,
        reporter: Reporter = .lead, reminderDaysBefore: Int = 3, lights: TrafficLightRules = .default,
        pace: PaceRule = .elapsedTime
    ) {
        self.workPlanDue = workPlanDue
        self.cycle = cycle
        self.dueRule = dueRule
        self.firstPeriodIndex = firstPeriodIndex
        self.finalReportCoversYear = finalReportCoversYear
        self.reporter = reporter
        self.reminderDaysBefore = reminderDaysBefore
        self.lights = lights
        self.pace = pace
    }

    /// What a plan gets when its notice states nothing: work plans by 2月15日, quarterly reports due on the 20th of
    /// the month after each quarter, filed by the lead unit — the pattern most Wuhan plans follow.
    public static let `default` = ReportingRules()

    /// How many days before a due day an unfiled report turns its task yellow (a shortcut into `lights`).
    public var yellowWithinDays: Int {
        get { lights.yellowWithinDays }
        set { lights.yellowWithinDays = newValue }
    }

    /// Checks that the rules can produce a calendar; throws the first problem with its Chinese message.
    public func validate() throws(ReportingRulesError) {
        switch dueRule {
        case .dayOfFollowingMonth(let day):
            guard (1...31).contains(day) else { throw .dueDayOutOfRange(day) }
        case .daysAfterPeriodEnd(let days):
            guard (0...60).contains(days) else { throw .daysAfterPeriodEndOutOfRange(days) }
        case .fixedDates(let dates):
            guard dates.count == cycle.periodsPerYear else {
                throw .fixedDatesCount(expected: cycle.periodsPerYear, found: dates.count)
            }
        }
        guard (1...cycle.periodsPerYear).contains(firstPeriodIndex) else {
            throw .firstPeriodOutOfRange(firstPeriodIndex, periodsPerYear: cycle.periodsPerYear)
        }
        guard reminderDaysBefore >= 0 else { throw .negativeReminder(reminderDaysBefore) }
        try lights.validate()
    }

    /// The periods of `year` that are reported on, in order; the last is the whole-year report where the rules
    /// say so.
    public func reportedPeriods(in year: Int) -> [ReportingPeriod] {
        let last = cycle.periodsPerYear
        guard firstPeriodIndex <= last else { return [] }
        return (max(1, firstPeriodIndex)...last).compactMap { index in
            ReportingPeriod(
                year: year, cycle: cycle, index: index, coversWholeYear: finalReportCoversYear && index == last)
        }
    }
}
