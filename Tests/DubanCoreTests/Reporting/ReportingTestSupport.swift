import DubanCore

// Shorthands for values written out in tests; a typo stops the run at once, naming the value.

extension CalendarDay {
    /// A day from its ISO form.
    static func iso(_ text: String) -> CalendarDay {
        guard let day = CalendarDay(text) else { preconditionFailure("not a calendar day: \(text)") }
        return day
    }
}

extension ReportingPeriod {
    /// A quarter.
    static func q(_ index: Int, _ year: Int) -> ReportingPeriod {
        guard let period = ReportingPeriod.quarter(index, of: year) else { preconditionFailure("no quarter \(index)") }
        return period
    }
}

extension MonthDay {
    /// A month-day relative to the plan year.
    static func md(_ month: Int, _ day: Int, _ yearOffset: Int = 0) -> MonthDay {
        guard let value = MonthDay(month: month, day: day, yearOffset: yearOffset) else {
            preconditionFailure("no month-day \(month)-\(day)")
        }
        return value
    }
}
