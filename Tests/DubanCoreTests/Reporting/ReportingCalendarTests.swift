import DubanCore
import Foundation
import Testing

/// Rules laid out over a year: due days for each rule kind, the current and watched deadlines, delays, validation
/// and the stored JSON form.
@Suite("Reporting calendar")
struct ReportingCalendarTests {
    /// 新洲 2023: 4月5日, 7月5日, 10月5日 and 次年1月5日 for 第一、二、三季度及全年.
    static let xinzhou = ReportingRules(
        workPlanDue: nil, dueRule: .fixedDates([.md(4, 5), .md(7, 5), .md(10, 5), .md(1, 5, 1)]),
        finalReportCoversYear: true)

    @Test("The default: quarterly, the 20th of the following month, Q4 due next January")
    func defaultRules() throws {
        let calendar = ReportingCalendar(rules: .default, year: 2026)
        #expect(
            calendar.deadlines.map(\.due) == [
                .iso("2026-04-20"), .iso("2026-07-20"), .iso("2026-10-20"), .iso("2027-01-20"),
            ])
        #expect(calendar.deadlines.map(\.period) == [.q(1, 2026), .q(2, 2026), .q(3, 2026), .q(4, 2026)])
        #expect(calendar.workPlanDue == .iso("2026-02-15"))
        try ReportingRules.default.validate()
    }

    @Test("Fixed dates with a whole-year report due the next year")
    func fixedDates() throws {
        let calendar = ReportingCalendar(rules: Self.xinzhou, year: 2023)
        #expect(
            calendar.deadlines.map(\.due) == [
                .iso("2023-04-05"), .iso("2023-07-05"), .iso("2023-10-05"), .iso("2024-01-05"),
            ])
        let last = try #require(calendar.deadlines.last)
        #expect(last.period.coversWholeYear)
        #expect(last.period.label == "2023年全年")
        #expect(last.period.firstDay == .iso("2023-01-01"))
        #expect(calendar.workPlanDue == nil)
        try Self.xinzhou.validate()
    }

    @Test("Monthly reports: December's is due in January, February's in a leap year too")
    func monthly() throws {
        let rules = ReportingRules(cycle: .monthly, dueRule: .dayOfFollowingMonth(5))
        let calendar = ReportingCalendar(rules: rules, year: 2024)
        #expect(calendar.deadlines.count == 12)
        #expect(calendar.deadlines.first?.due == .iso("2024-02-05"))
        #expect(calendar.deadlines.last?.due == .iso("2025-01-05"))
        #expect(calendar.deadlines.last?.period.label == "2024年12月")
        let february = try #require(ReportingPeriod.month(2, of: 2024))
        #expect(calendar.deadline(for: february)?.due == .iso("2024-03-05"))
    }

    @Test("A due day past the month's end falls on its last day")
    func clampedDueDay() {
        let rules = ReportingRules(dueRule: .dayOfFollowingMonth(31))
        let dues = ReportingCalendar(rules: rules, year: 2026).deadlines.map(\.due)
        #expect(dues == [.iso("2026-04-30"), .iso("2026-07-31"), .iso("2026-10-31"), .iso("2027-01-31")])
        let monthly = ReportingRules(cycle: .monthly, dueRule: .dayOfFollowingMonth(30))
        #expect(ReportingCalendar(rules: monthly, year: 2023).deadlines.first?.due == .iso("2023-02-28"))
        #expect(ReportingCalendar(rules: monthly, year: 2024).deadlines.first?.due == .iso("2024-02-29"))
    }

    @Test("Days after the period's end")
    func daysAfterEnd() {
        let rules = ReportingRules(dueRule: .daysAfterPeriodEnd(5))
        let dues = ReportingCalendar(rules: rules, year: 2026).deadlines.map(\.due)
        #expect(dues == [.iso("2026-04-05"), .iso("2026-07-05"), .iso("2026-10-05"), .iso("2027-01-05")])
    }

    @Test("A 2月29日 work-plan date falls on 2月28日 in a common year")
    func leapDayWorkPlan() {
        let rules = ReportingRules(workPlanDue: .md(2, 29))
        #expect(ReportingCalendar(rules: rules, year: 2024).workPlanDue == .iso("2024-02-29"))
        #expect(ReportingCalendar(rules: rules, year: 2026).workPlanDue == .iso("2026-02-28"))
    }

    @Test("Periods before the first reported one have no deadline")
    func firstPeriod() {
        let rules = ReportingRules(firstPeriodIndex: 2)
        let calendar = ReportingCalendar(rules: rules, year: 2022)
        #expect(calendar.deadlines.map(\.period) == [.q(2, 2022), .q(3, 2022), .q(4, 2022)])
        #expect(calendar.deadline(for: .q(1, 2022)) == nil)
        #expect(calendar.currentDeadline(on: .iso("2022-03-01")) == nil)
        #expect(calendar.currentDeadline(on: .iso("2022-04-01"))?.period == .q(2, 2022))
    }

    @Test(
        "The deadline due on or after a day, and the current one",
        arguments: [
            ("2026-01-01", "2026-04-20", "2026-04-20"),
            ("2026-04-10", "2026-04-20", "2026-04-20"),
            ("2026-04-20", "2026-04-20", "2026-04-20"),
            ("2026-04-21", "2026-07-20", "2026-07-20"),
            ("2026-12-31", "2027-01-20", "2027-01-20"),
            ("2027-01-20", "2027-01-20", "2027-01-20"),
            ("2027-01-21", nil, nil),
            ("2025-12-01", "2026-04-20", nil),
        ])
    func deadlineLookup(day: String, dueOnOrAfter: String?, current: String?) {
        let calendar = ReportingCalendar(rules: .default, year: 2026)
        #expect(calendar.deadline(dueOnOrAfter: .iso(day))?.due == dueOnOrAfter.map(CalendarDay.iso))
        #expect(calendar.currentDeadline(on: .iso(day))?.due == current.map(CalendarDay.iso))
    }

    @Test("Under fixed dates the whole-year report is current only after the third quarter's")
    func currentUnderFixedDates() {
        let calendar = ReportingCalendar(rules: Self.xinzhou, year: 2023)
        #expect(calendar.currentDeadline(on: .iso("2023-04-06"))?.period == .q(2, 2023))
        #expect(calendar.currentDeadline(on: .iso("2023-10-06"))?.period.coversWholeYear == true)
        #expect(calendar.currentDeadline(on: .iso("2024-01-05"))?.period.label == "2023年全年")
        #expect(calendar.currentDeadline(on: .iso("2024-01-06")) == nil)
    }

    @Test("The watched deadline is the earliest missed report, else the current one")
    func watched() throws {
        let calendar = ReportingCalendar(rules: .default, year: 2026)
        let q1 = try #require(calendar.deadline(for: .q(1, 2026)))
        let q2 = try #require(calendar.deadline(for: .q(2, 2026)))
        #expect(
            calendar.watchedDeadline(on: .iso("2026-04-10"), filed: []) == DeadlineState(deadline: q1, isFiled: false))
        #expect(
            calendar.watchedDeadline(on: .iso("2026-04-10"), filed: [.q(1, 2026)])
                == DeadlineState(deadline: q1, isFiled: true))
        #expect(
            calendar.watchedDeadline(on: .iso("2026-05-10"), filed: []) == DeadlineState(deadline: q1, isFiled: false))
        #expect(
            calendar.watchedDeadline(on: .iso("2026-05-10"), filed: [.q(1, 2026)])
                == DeadlineState(deadline: q2, isFiled: false))
        #expect(calendar.watchedDeadline(on: .iso("2027-02-01"), filed: Set(calendar.deadlines.map(\.period))) == nil)
    }

    @Test("Delay counts days after the due day; the due day itself is on time")
    func delay() throws {
        let calendar = ReportingCalendar(rules: .default, year: 2026)
        let q4 = try #require(calendar.deadline(for: .q(4, 2026)))
        #expect(calendar.delay(of: .iso("2027-01-01"), for: q4) == 0)
        #expect(calendar.delay(of: .iso("2027-01-20"), for: q4) == 0)
        #expect(calendar.delay(of: .iso("2027-01-21"), for: q4) == 1)
        #expect(calendar.delay(of: .iso("2027-02-03"), for: q4) == 14)
        #expect(calendar.reminderDay(for: q4) == .iso("2027-01-17"))
    }

    @Test("Validation names the problem in Chinese")
    func validation() {
        #expect(throws: ReportingRulesError.dueDayOutOfRange(32)) {
            try ReportingRules(dueRule: .dayOfFollowingMonth(32)).validate()
        }
        #expect(throws: ReportingRulesError.fixedDatesCount(expected: 4, found: 3)) {
            try ReportingRules(dueRule: .fixedDates([.md(4, 5), .md(7, 5), .md(10, 5)])).validate()
        }
        #expect(throws: ReportingRulesError.firstPeriodOutOfRange(5, periodsPerYear: 4)) {
            try ReportingRules(firstPeriodIndex: 5).validate()
        }
        #expect(throws: ReportingRulesError.negativeReminder(-1)) {
            try ReportingRules(reminderDaysBefore: -1).validate()
        }
        #expect(throws: ReportingRulesError.redThresholdTooLow(0)) {
            try ReportingRules(lights: TrafficLightRules(redAfterBehindReports: 0)).validate()
        }
        #expect(ReportingRulesError.fixedDatesCount(expected: 4, found: 3).message == "固定报送日期应为每期一个，共4个，当前为3个。")
        #expect(throws: Never.self) {
            try ReportingRules(cycle: .monthly, dueRule: .dayOfFollowingMonth(5), firstPeriodIndex: 12).validate()
        }
    }

    @Test("Rules round-trip through JSON in a readable form")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Self.xinzhou)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""dueRule":{"dates":[{"day":5,"month":4,"yearOffset":0}"#))
        #expect(text.contains(#""kind":"fixedDates""#))
        #expect(text.contains(#""workPlanDue":null"#))
        #expect(try JSONDecoder().decode(ReportingRules.self, from: data) == Self.xinzhou)
        let defaultData = try encoder.encode(ReportingRules.default)
        #expect(
            String(decoding: defaultData, as: UTF8.self).contains(#""dueRule":{"day":20,"kind":"dayOfFollowingMonth"}"#)
        )
        #expect(try JSONDecoder().decode(ReportingRules.self, from: defaultData) == .default)
    }

    @Test("Fields missing from stored JSON take their defaults; an explicit null work plan stays none")
    func lenientJSON() throws {
        let sparse = try JSONDecoder().decode(ReportingRules.self, from: Data(#"{"cycle": "monthly"}"#.utf8))
        #expect(sparse.cycle == .monthly)
        #expect(sparse.workPlanDue == .md(2, 15))
        #expect(sparse.lights == .default)
        let none = try JSONDecoder().decode(ReportingRules.self, from: Data(#"{"workPlanDue": null}"#.utf8))
        #expect(none.workPlanDue == nil)
        let badDay = Data(#"{"workPlanDue": {"month": 2, "day": 30}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ReportingRules.self, from: badDay) }
    }

    @Test("The rules read back as Chinese sentences")
    func describe() {
        #expect(
            ReportingRules.default.describe().prefix(7) == [
                "工作方案：2月15日前报送。", "按季度报送：下一季度第1个月的20日前报送上季度完成情况。", "首次报送第一季度的完成情况。",
                "由牵头单位报送（无牵头单位的由责任单位报送）。", "截止前 3 天提醒报送单位。",
                "序时进度按时间进度计算：第一季度 25%，上半年 50%，前三季度 75%；增长率和比例指标直接与目标比较。",
                "绿灯：按时报送且按序时推进，或任务已完成。",
            ])
        var frontLoaded = ReportingRules.default
        frontLoaded.pace = PaceRule(shareByMonth: [3: 40])
        #expect(frontLoaded.describe().contains("序时进度按本方案的安排：3月 40%，其余月份按时间进度；增长率和比例指标直接与目标比较。"))
        #expect(Self.xinzhou.describe()[0] == "按季度报送：第一季度4月5日前，第二季度7月5日前，第三季度10月5日前，全年次年1月5日前。")
        let monthly = ReportingRules(
            workPlanDue: nil, cycle: .monthly, dueRule: .daysAfterPeriodEnd(3), reminderDaysBefore: 0)
        #expect(monthly.describe().prefix(2) == ["按月报送：每月结束后 3 日内报送。", "首次报送1月的完成情况。"])
        #expect(monthly.describe().contains("截止当天提醒报送单位。"))
    }
}
