/// One report a plan expects: the period it covers and the day it is due (inclusive — "4月20日前" is met by a
/// report filed on 4月20日).
public struct ReportingDeadline: Sendable, Hashable, Codable {
    /// The period the report covers.
    public var period: ReportingPeriod
    /// The last day on which the report is on time.
    public var due: CalendarDay

    /// Creates a deadline.
    public init(period: ReportingPeriod, due: CalendarDay) {
        self.period = period
        self.due = due
    }

    /// Days late for a report filed on `submitted`; 0 when filed on or before the due day.
    public func daysLate(submittedOn submitted: CalendarDay) -> Int {
        max(0, due.days(until: submitted))
    }

    /// True once `day` is past the due day.
    public func hasPassed(on day: CalendarDay) -> Bool { day > due }
}
