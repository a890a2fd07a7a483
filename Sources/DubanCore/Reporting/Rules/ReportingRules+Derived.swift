extension ReportingRules {
    /// The rules of a plan handed down from `parent`'s, due `daysEarlier` days before the higher level's dates so
    /// the district can collect its units' reports and then report upward (新洲: units by the 5th, the district
    /// to the city by the 20th — 15 days). The higher level's cycle, first period and whole-year report are taken
    /// over; who files, reminders, lights, 序时 and the work plan's date stay the district's own.
    ///
    /// The due rule keeps the higher one's form where it can ("次月20日" 15 days earlier is "次月5日"); when the
    /// earlier date would leave that form (a day before the 1st, a negative count), the dates are listed per
    /// period, computed from `year`'s calendar.
    public func derived(from parent: ReportingRules, daysEarlier: Int, year: Int) -> ReportingRules {
        var rules = self
        rules.cycle = parent.cycle
        rules.firstPeriodIndex = parent.firstPeriodIndex
        rules.finalReportCoversYear = parent.finalReportCoversYear
        switch parent.dueRule {
        case .dayOfFollowingMonth(let day) where day - daysEarlier >= 1 && day - daysEarlier <= 31:
            rules.dueRule = .dayOfFollowingMonth(day - daysEarlier)
        case .daysAfterPeriodEnd(let days) where days - daysEarlier >= 0:
            rules.dueRule = .daysAfterPeriodEnd(days - daysEarlier)
        default:
            let dates = (1...parent.cycle.periodsPerYear).compactMap {
                ReportingPeriod(year: year, cycle: parent.cycle, index: $0)
            }
            .compactMap { period -> MonthDay? in
                guard let due = parent.dueRule.dueDay(for: period)?.adding(days: -daysEarlier) else { return nil }
                return MonthDay(month: due.month, day: due.day, yearOffset: due.year - year)
            }
            if dates.count == parent.cycle.periodsPerYear { rules.dueRule = .fixedDates(dates) }
        }
        return rules
    }
}
