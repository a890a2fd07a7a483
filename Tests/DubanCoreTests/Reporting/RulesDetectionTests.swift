import DubanCore
import Testing

/// `ReportingRules.detect` on sentences we wrote ourselves in the ways notices phrase their rules, so the reader
/// is checked in every clone, seeds or not.
@Suite("Reporting rules detection")
struct RulesDetectionTests {
    @Test("Quarterly, first month of the next quarter, from the third quarter, in Chinese numerals")
    func quarterlyFromThirdQuarter() throws {
        // setup
        let text = "请各牵头单位自2026年第三季度起，于每个季度第一个月的十日前，将上季度工作进展情况报送区政府督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2026))
        // assert
        #expect(detected.rules.cycle == .quarterly)
        #expect(detected.rules.dueRule == .dayOfFollowingMonth(10))
        #expect(detected.rules.reporter == .lead)
        // Reporting starts in the third quarter: its first month's report covers the second quarter.
        #expect(detected.rules.firstPeriodIndex == 2)
        #expect(detected.stated == [.cycle, .dueRule, .firstPeriod, .reporter])
        #expect(detected.defaulted == [.workPlanDue, .reminder, .lights])
        #expect(detected.remarks.contains("“从第三季度起”理解为第三季度开始报送：首份报告报第二季度的完成情况，7月10日前报送。"))
        let calendar = ReportingCalendar(rules: detected.rules, year: 2026)
        #expect(calendar.deadlines.first?.due == .iso("2026-07-10"))
    }

    @Test("Work plan and monthly reports in one paragraph, sent by every responsible unit")
    func monthlyWithWorkPlan() throws {
        // setup
        let text = """
            各责任单位须于2026年3月1日前将工作方案报区督查室；
            各责任单位每月5日前将上月推进情况报送区政府办公室。
            """
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: nil))
        // assert
        #expect(detected.planYear == 2026)
        #expect(detected.rules.workPlanDue == .md(3, 1))
        #expect(detected.rules.cycle == .monthly)
        #expect(detected.rules.dueRule == .dayOfFollowingMonth(5))
        #expect(detected.rules.reporter == .responsible)
        #expect(detected.stated == [.workPlanDue, .cycle, .dueRule, .reporter])
    }

    @Test("A list of fixed dates for four quarters, sent by the overall lead units")
    func fixedQuarterDates() throws {
        // setup
        let text = "总牵头单位应分别于2025年4月10日、7月10日、10月10日和2026年1月10日前，将第一、二、三、四季度完成情况报送县督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2025))
        // assert
        #expect(detected.rules.dueRule == .fixedDates([.md(4, 10), .md(7, 10), .md(10, 10), .md(1, 10, 1)]))
        #expect(detected.rules.finalReportCoversYear == false)
        #expect(detected.rules.reporter == .overallLead)
        #expect(ReportingCalendar(rules: detected.rules, year: 2025).deadlines.last?.due == .iso("2026-01-10"))
    }

    @Test("Fixed dates without years wrap into the next year; the last covers the whole year")
    func fixedDatesWithoutYears() throws {
        // setup
        let text = "各牵头单位于4月8日、7月8日、10月8日、1月8日前分别报送一季度、二季度、三季度和全年工作完成情况至市督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2027))
        // assert
        #expect(detected.rules.dueRule == .fixedDates([.md(4, 8), .md(7, 8), .md(10, 8), .md(1, 8, 1)]))
        #expect(detected.rules.finalReportCoversYear)
        #expect(ReportingCalendar(rules: detected.rules, year: 2027).deadlines.last?.period.label == "2027年全年")
    }

    @Test("Fixed dates from the second quarter on start the reports there")
    func fixedDatesFromSecondQuarter() throws {
        // setup
        let text = "各牵头单位于2026年7月5日、10月5日及2027年1月5日前，将第二、三季度及全年完成情况报送区政府督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2026))
        // assert
        #expect(detected.rules.firstPeriodIndex == 2)
        #expect(detected.rules.finalReportCoversYear)
        // The unreported first quarter's slot repeats the pattern a quarter earlier.
        #expect(detected.rules.dueRule == .fixedDates([.md(4, 5), .md(7, 5), .md(10, 5), .md(1, 5, 1)]))
        let dues = ReportingCalendar(rules: detected.rules, year: 2026).deadlines.map(\.due)
        #expect(dues == [.iso("2026-07-05"), .iso("2026-10-05"), .iso("2027-01-05")])
        #expect(throws: Never.self) { try detected.rules.validate() }
    }

    @Test("Days after the quarter's end, with full-width digits and punctuation")
    func daysAfterEnd() throws {
        // setup
        let text = "各牵头单位要于每季度结束后５日内，将完成情况报区政府督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2026))
        // assert
        #expect(detected.rules.dueRule == .daysAfterPeriodEnd(5))
        #expect(detected.rules.reporter == .lead)
    }

    @Test("Working days are flagged rather than guessed")
    func workingDays() throws {
        // setup
        let text = "各责任单位于每季度结束后5个工作日内将工作推进情况报送区督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2026))
        // assert
        #expect(detected.stated == [.cycle, .reporter])
        #expect(detected.rules.dueRule == ReportingRules.default.dueRule)
        #expect(detected.remarks == ["报送时间“结束后5个工作日内”按工作日计算，请人工换算为日期。"])
    }

    @Test("A sentence broken over lines by a PDF, with ASCII commas and spaces, still reads")
    func brokenLines() throws {
        // setup
        let text = "各牵头单位从2026年第二季度起,要在每个季度第 1 个月的 20 日\n前,将上季度的完成情况报市\n人民政府督查室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: nil))
        // assert
        #expect(detected.planYear == 2026)
        #expect(detected.rules.dueRule == .dayOfFollowingMonth(20))
        #expect(detected.rules.firstPeriodIndex == 1)
    }

    @Test("A destination named 牵头单位 is not taken for the sender")
    func destinationIsNotSender() throws {
        // setup
        let text = "每季度由各责任单位将完成情况报送牵头单位汇总。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2026))
        // assert
        #expect(detected.rules.reporter == .responsible)
    }

    @Test("Notes say what was stated and what is a default")
    func notes() throws {
        // setup
        let text = "各单位每季度将工作完成情况报送区政府办公室。"
        // act
        let detected = try #require(ReportingRules.detect(in: text, year: 2026))
        // assert
        #expect(detected.stated == [.cycle])
        #expect(detected.notes.first == "工作方案报送时间：2月15日前报送（通知未写明，使用默认值）")
        #expect(detected.notes.contains("报送周期：按季度（通知写明）"))
        #expect(detected.findings.first?.quote == "各单位每季度将工作完成情况报送区政府办公室")
    }

    @Test(
        "Texts without rules give nil",
        arguments: [
            "请认真贯彻执行。",
            "各责任单位要主动与上级对口部门沟通对接，并根据上级要求报送工作完成情况。",
            "每季度开展一次安全生产大检查。",
            "区政府每季度听取一次重点工作推进情况汇报。",
            "",
        ])
    func nothing(text: String) {
        #expect(ReportingRules.detect(in: text, year: 2026) == nil)
    }
}
