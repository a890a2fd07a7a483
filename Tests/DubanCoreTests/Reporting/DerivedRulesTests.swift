import DubanCore
import Testing

/// A district's due dates derived from the city's, N days earlier, so it can collect its units' reports first.
@Suite("Rules derived from the higher level")
struct DerivedRulesTests {
    static func dues(_ rules: ReportingRules, _ year: Int) -> [String] {
        rules.reportedPeriods(in: year).compactMap { rules.dueRule.dueDay(for: $0)?.description }
    }

    @Test("The city's 次月20日, 15 days earlier, is 次月5日; the district keeps its own reporter and reminders")
    func followingMonth() {
        let city = ReportingRules(dueRule: .dayOfFollowingMonth(20), firstPeriodIndex: 1, finalReportCoversYear: true)
        let district = ReportingRules(reporter: .responsible, reminderDaysBefore: 2)
        let derived = district.derived(from: city, daysEarlier: 15, year: 2026)
        #expect(derived.dueRule == .dayOfFollowingMonth(5))
        #expect(derived.finalReportCoversYear && derived.reporter == .responsible)
        #expect(derived.reminderDaysBefore == 2)
        #expect(Self.dues(derived, 2026) == ["2026-04-05", "2026-07-05", "2026-10-05", "2027-01-05"])
    }

    @Test("Earlier than the 1st of the month: the dates are listed per period, across a year's end")
    func listedDates() {
        let city = ReportingRules(dueRule: .dayOfFollowingMonth(5))
        let derived = ReportingRules.default.derived(from: city, daysEarlier: 7, year: 2026)
        #expect(Self.dues(derived, 2026) == ["2026-03-29", "2026-06-28", "2026-09-28", "2026-12-29"])
        #expect(throws: Never.self) { try derived.validate() }
    }

    @Test("Days after the period's end count down; a monthly city makes a monthly district")
    func daysAfterAndCycle() {
        let city = ReportingRules(cycle: .monthly, dueRule: .daysAfterPeriodEnd(10))
        let derived = ReportingRules.default.derived(from: city, daysEarlier: 5, year: 2026)
        #expect(derived.cycle == .monthly && derived.dueRule == .daysAfterPeriodEnd(5))
        let fixed = ReportingRules(
            dueRule: .fixedDates(
                [4, 7, 10].compactMap { MonthDay(month: $0, day: 10) }
                    + [MonthDay(month: 1, day: 10, yearOffset: 1)]
                    .compactMap { $0 }))
        #expect(
            Self.dues(ReportingRules.default.derived(from: fixed, daysEarlier: 3, year: 2026), 2026) == [
                "2026-04-07", "2026-07-07", "2026-10-07", "2027-01-07",
            ])
    }
}
