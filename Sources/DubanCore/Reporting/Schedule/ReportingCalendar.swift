/// A plan's rules laid out over one plan year: every report it expects, with its due day.
///
/// The year's reports can fall due in the next year (第四季度 on 1月20日), so "this year's calendar" is the plan
/// year's, not the calendar year's: build it with the plan's year and ask it about any day.
public struct ReportingCalendar: Sendable, Hashable {
    /// The rules laid out.
    public let rules: ReportingRules
    /// The plan year.
    public let year: Int
    /// Every expected report, earliest due first (ties in period order).
    public let deadlines: [ReportingDeadline]

    /// Lays out `rules` over plan year `year`. Periods a fixed-date rule gives no date are left out; run
    /// `rules.validate()` first to catch that.
    public init(rules: ReportingRules, year: Int) {
        self.rules = rules
        self.year = year
        let dated = rules.reportedPeriods(in: year).compactMap { period in
            rules.dueRule.dueDay(for: period).map { ReportingDeadline(period: period, due: $0) }
        }
        // Periods due on the same day keep their order, which the offset guarantees because `sorted` is not stable.
        deadlines = dated.enumerated()
            .sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }
            .map(\.element)
    }

    /// The day the work plan is due, when the rules ask for one.
    public var workPlanDue: CalendarDay? { rules.workPlanDue?.day(inPlanYear: year) }

    /// The deadline of a period, if the plan expects a report for it.
    public func deadline(for period: ReportingPeriod) -> ReportingDeadline? {
        deadlines.first { $0.period == period }
    }

    /// The earliest deadline due on or after `day`, whatever period it covers; nil after the year's last.
    public func deadline(dueOnOrAfter day: CalendarDay) -> ReportingDeadline? {
        deadlines.first { $0.due >= day }
    }

    /// The report units are working towards on `day`: among the reports whose period has begun by `day`, the
    /// earliest whose due day has not passed (the due day itself still counts).
    ///
    /// Nil before the first reported period begins (a plan reporting from 第二季度 has nothing current in February)
    /// and after the year's last due day. On 4月10日 under 武汉's rules it is 第一季度 (due 4月20日), though 第二季度
    /// has begun; on 4月21日 it is 第二季度.
    public func currentDeadline(on day: CalendarDay) -> ReportingDeadline? {
        deadlines.first { $0.period.firstDay <= day && $0.due >= day }
    }

    /// The deadline a task is measured against on `day`, given the periods it has filed: the earliest overdue
    /// unfiled report if there is one — a missed report stays red until it is filed — else the current deadline.
    public func watchedDeadline(on day: CalendarDay, filed: Set<ReportingPeriod>) -> DeadlineState? {
        if let missed = deadlines.first(where: { $0.hasPassed(on: day) && !filed.contains($0.period) }) {
            return DeadlineState(deadline: missed, isFiled: false)
        }
        guard let current = currentDeadline(on: day) else { return nil }
        return DeadlineState(deadline: current, isFiled: filed.contains(current.period))
    }

    /// The day the reporting units are reminded of a deadline.
    public func reminderDay(for deadline: ReportingDeadline) -> CalendarDay {
        deadline.due.adding(days: -rules.reminderDaysBefore)
    }

    /// Days late for a report filed on `submitted`; 0 when on time.
    public func delay(of submitted: CalendarDay, for deadline: ReportingDeadline) -> Int {
        deadline.daysLate(submittedOn: submitted)
    }
}
