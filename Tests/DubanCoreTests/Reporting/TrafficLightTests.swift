import DubanCore
import Testing

/// The traffic-light rules, one signal at a time and over a simulated year of filings.
@Suite("Traffic lights")
struct TrafficLightTests {
    let rules = TrafficLightRules.default
    let calendar = ReportingCalendar(rules: .default, year: 2026)

    /// A task's filings: when each period's report came in and what it said.
    struct Filing {
        var period: ReportingPeriod
        var day: CalendarDay
        var status: ReportStatus
    }

    /// The assessment on `today`, seeing only the filings made by then.
    func assess(_ filings: [Filing], on today: CalendarDay, rules: TrafficLightRules = .default)
        -> TrafficLightAssessment
    {
        let made = filings.filter { $0.day <= today }
        let watched = calendar.watchedDeadline(on: today, filed: Set(made.map(\.period)))
        return rules.assess(on: today, deadline: watched, statuses: made.map(\.status))
    }

    @Test("A year of one task: due soon, on time, overdue, filed late and slipping, slipping again, done")
    func simulatedYear() {
        let filings = [
            Filing(period: .q(1, 2026), day: .iso("2026-04-18"), status: .onSchedule),
            Filing(period: .q(2, 2026), day: .iso("2026-07-24"), status: .behind),
            Filing(period: .q(3, 2026), day: .iso("2026-10-19"), status: .behind),
            Filing(period: .q(4, 2026), day: .iso("2027-01-19"), status: .completed),
        ]
        let expected: [(String, TrafficLight, [String])] = [
            ("2026-02-01", .green, []),
            ("2026-04-14", .green, []),
            ("2026-04-15", .yellow, ["第一季度报告将于4月20日截止，还剩 5 天"]),
            ("2026-04-17", .yellow, ["第一季度报告将于4月20日截止，还剩 3 天"]),
            ("2026-04-18", .green, []),
            ("2026-04-20", .green, []),
            ("2026-07-15", .yellow, ["第二季度报告将于7月20日截止，还剩 5 天"]),
            ("2026-07-20", .yellow, ["第二季度报告今天截止"]),
            ("2026-07-21", .red, ["第二季度报告已逾期 1 天"]),
            ("2026-07-23", .red, ["第二季度报告已逾期 3 天"]),
            ("2026-07-24", .yellow, ["最近一次报告为“滞后”"]),
            ("2026-10-16", .yellow, ["第三季度报告将于10月20日截止，还剩 4 天", "最近一次报告为“滞后”"]),
            ("2026-10-19", .red, ["连续 2 次报告滞后"]),
            ("2027-01-16", .red, ["连续 2 次报告滞后", "第四季度报告将于1月20日截止，还剩 4 天"]),
            ("2027-01-19", .green, ["任务已完成"]),
            ("2027-03-01", .green, ["任务已完成"]),
        ]
        for (day, light, messages) in expected {
            let assessment = assess(filings, on: .iso(day))
            #expect(assessment.light == light, "\(day)")
            #expect(assessment.messages == messages, "\(day)")
        }
    }

    @Test("A report never filed keeps the task red while later quarters pass")
    func missedReportStaysRed() {
        let filings = [Filing(period: .q(2, 2026), day: .iso("2026-07-10"), status: .onSchedule)]
        let assessment = assess(filings, on: .iso("2026-07-10"))
        #expect(assessment.light == .red)
        #expect(assessment.messages == ["第一季度报告已逾期 81 天"])
    }

    @Test("Slipping twice counts across the year; recovering in between does not reset it")
    func twiceAcrossTheYear() {
        let result = rules.assess(on: .iso("2026-11-01"), deadline: nil, statuses: [.behind, .onSchedule, .impossible])
        #expect(result.light == .red)
        #expect(result.reasons == [.repeatedlyBehind([.behind, .impossible], consecutive: false)])
        #expect(result.messages == ["累计 2 次报告滞后或无法完成"])
        let recovered = rules.assess(on: .iso("2026-11-01"), deadline: nil, statuses: [.behind, .behind, .onSchedule])
        #expect(recovered.light == .red)
        #expect(recovered.messages == ["累计 2 次报告滞后"])
    }

    @Test("One slip is yellow only while it is the latest report")
    func oneSlip() {
        #expect(
            rules.assess(on: .iso("2026-08-01"), deadline: nil, statuses: [.impossible]).messages == ["最近一次报告为“无法完成”"])
        #expect(rules.assess(on: .iso("2026-08-01"), deadline: nil, statuses: [.behind, .onSchedule]).light == .green)
    }

    @Test("未启动 counts only when the rules say so")
    func notStarted() {
        let statuses: [ReportStatus] = [.notStarted, .notStarted]
        #expect(rules.assess(on: .iso("2026-08-01"), deadline: nil, statuses: statuses).light == .green)
        let strict = TrafficLightRules(notStartedCountsAsBehind: true)
        #expect(strict.assess(on: .iso("2026-08-01"), deadline: nil, statuses: statuses).messages == ["连续 2 次报告未启动"])
        #expect(strict.assess(on: .iso("2026-08-01"), deadline: nil, statuses: [.notStarted]).light == .yellow)
    }

    @Test("A higher red threshold keeps a second slip yellow")
    func threshold() {
        let lenient = TrafficLightRules(redAfterBehindReports: 3)
        #expect(lenient.assess(on: .iso("2026-08-01"), deadline: nil, statuses: [.behind, .behind]).light == .yellow)
        #expect(
            lenient.assess(on: .iso("2026-11-01"), deadline: nil, statuses: [.behind, .behind, .behind]).light == .red)
    }

    @Test("The yellow window is configurable, and a filed report never warns")
    func window() throws {
        let q1 = try #require(calendar.deadline(for: .q(1, 2026)))
        let unfiled = DeadlineState(deadline: q1, isFiled: false)
        #expect(
            TrafficLightRules(yellowWithinDays: 10).assess(on: .iso("2026-04-10"), deadline: unfiled, statuses: [])
                .light == .yellow)
        #expect(
            TrafficLightRules(yellowWithinDays: 0).assess(on: .iso("2026-04-19"), deadline: unfiled, statuses: []).light
                == .green)
        #expect(
            TrafficLightRules(yellowWithinDays: 0).assess(on: .iso("2026-04-20"), deadline: unfiled, statuses: []).light
                == .yellow)
        let filed = DeadlineState(deadline: q1, isFiled: true)
        #expect(rules.assess(on: .iso("2026-05-01"), deadline: filed, statuses: [.onSchedule]).light == .green)
    }

    @Test("Completed wins over an overdue report; red reasons come first")
    func ordering() throws {
        let q1 = try #require(calendar.deadline(for: .q(1, 2026)))
        let overdue = DeadlineState(deadline: q1, isFiled: false)
        #expect(rules.assess(on: .iso("2026-05-01"), deadline: overdue, statuses: [.completed]).reasons == [.completed])
        let mixed = rules.assess(on: .iso("2026-04-16"), deadline: overdue, statuses: [.onSchedule, .behind, .behind])
        #expect(mixed.light == .red)
        #expect(mixed.reasons.map(\.light) == [.red, .yellow])
    }

    @Test("Whole-year reports are named 全年")
    func wholeYearMessage() throws {
        let period = try #require(ReportingPeriod.wholeYear(2023))
        let state = DeadlineState(deadline: ReportingDeadline(period: period, due: .iso("2024-01-05")), isFiled: false)
        #expect(rules.assess(on: .iso("2024-01-08"), deadline: state, statuses: []).messages == ["全年报告已逾期 3 天"])
    }

    @Test("Lights order by severity and read in Chinese")
    func lights() {
        #expect(TrafficLight.green < .yellow && TrafficLight.yellow < .red)
        #expect([TrafficLight.yellow, .red, .green].max() == .red)
        #expect(TrafficLight.allCases.map(\.label) == ["绿灯", "黄灯", "红灯"])
        #expect(TrafficLight.allCases.map(\.severity) == [0, 1, 2])
    }

    @Test("The light rules read as sentences")
    func describe() {
        #expect(
            rules.describe() == [
                "绿灯：按时报送且按序时推进，或任务已完成。",
                "黄灯：报告截止前 5 天内尚未报送，或最近一次报告为滞后或无法完成（累计未满 2 次）。",
                "红灯：报告逾期未报送，或累计 2 次报告为滞后或无法完成（不要求连续，之后按序时推进也不撤销）。",
            ])
        #expect(TrafficLightRules(redAfterBehindReports: 1).describe()[1] == "黄灯：报告截止前 5 天内尚未报送。")
    }

    @Test("Report statuses: stable raw values, Chinese labels, which need a reason")
    func statuses() {
        #expect(
            ReportStatus.allCases.map(\.rawValue) == [
                "completed", "on_schedule", "behind", "not_started", "impossible",
            ])
        #expect(ReportStatus.allCases.map(\.label) == ["已完成", "按序时推进", "滞后", "未启动", "无法完成"])
        #expect(ReportStatus.allCases.filter(\.requiresReason) == [.behind, .notStarted, .impossible])
    }
}
