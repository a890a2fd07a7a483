import DubanCore
import Foundation
import Testing

/// `ReportingRules.detect` on the real notices in ../shared/seeds, checked against what each one says.
@Suite("Reporting rules in the seed plans")
struct SeedRulesDetectionTests {
    static func seed(_ name: String) throws -> String {
        let folder = try #require(TestPaths.seedsFolder)
        return try String(contentsOf: folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
    }

    @Test(
        "武汉 2022: work plan by 2月15日, quarterly by the 20th, from the second quarter, lead units",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func wuhan2022() throws {
        // act
        let detected = try #require(ReportingRules.detect(in: try Self.seed("001_0582390a37362b00"), year: 2022))
        // assert
        let expected = ReportingRules(
            workPlanDue: .md(2, 15), cycle: .quarterly, dueRule: .dayOfFollowingMonth(20), firstPeriodIndex: 1,
            reporter: .lead)
        #expect(detected.rules == expected)
        #expect(detected.stated == [.workPlanDue, .cycle, .dueRule, .firstPeriod, .reporter])
        let calendar = ReportingCalendar(rules: detected.rules, year: 2022)
        #expect(calendar.workPlanDue == .iso("2022-02-15"))
        #expect(
            calendar.deadlines.map(\.due) == [
                .iso("2022-04-20"), .iso("2022-07-20"), .iso("2022-10-20"), .iso("2023-01-20"),
            ])
        #expect(detected.findings.first { $0.field == .reporter }?.quote.hasPrefix("各牵头单位从2022年第二季度起") == true)
    }

    @Test(
        "江夏 2023: overall lead units report, the second work-plan date is noted",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func jiangxia2023() throws {
        // act
        let detected = try #require(ReportingRules.detect(in: try Self.seed("002_e6966e7ac26a54e2"), year: nil))
        // assert
        #expect(detected.planYear == 2023)
        let expected = ReportingRules(
            workPlanDue: .md(2, 15), cycle: .quarterly, dueRule: .dayOfFollowingMonth(20), firstPeriodIndex: 1,
            reporter: .overallLead)
        #expect(detected.rules == expected)
        #expect(detected.stated == [.workPlanDue, .cycle, .dueRule, .firstPeriod, .reporter])
        #expect(detected.remarks.contains { $0.hasPrefix("通知另有方案报送时间：2月23日前") })
    }

    @Test(
        "新洲 2023 (inside a gazette): fixed dates for the first three quarters and the whole year",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func xinzhou2023() throws {
        // act
        let detected = try #require(ReportingRules.detect(in: try Self.seed("004_c63438cecac099c4"), year: 2023))
        // assert
        #expect(detected.rules.dueRule == .fixedDates([.md(4, 5), .md(7, 5), .md(10, 5), .md(1, 5, 1)]))
        #expect(detected.rules.finalReportCoversYear)
        #expect(detected.rules.reporter == .lead)
        #expect(detected.stated == [.cycle, .dueRule, .reporter])
        let deadlines = ReportingCalendar(rules: detected.rules, year: 2023).deadlines
        #expect(deadlines.map(\.period.label) == ["2023年第一季度", "2023年第二季度", "2023年第三季度", "2023年全年"])
        #expect(
            deadlines.map(\.due) == [.iso("2023-04-05"), .iso("2023-07-05"), .iso("2023-10-05"), .iso("2024-01-05")])
    }

    @Test(
        "东西湖 2022: quarterly, sent by the responsible units, no date",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func dongxihu2022() throws {
        // act
        let detected = try #require(ReportingRules.detect(in: try Self.seed("000_7880d5122929e61d"), year: 2022))
        // assert
        #expect(detected.stated == [.cycle, .reporter])
        #expect(detected.rules == ReportingRules(reporter: .responsible))
        #expect(detected.notes.contains("报送截止时间：下一季度第1个月的20日前报送上季度完成情况（通知未写明，使用默认值）"))
    }

    @Test(
        "东西湖 2019: the notice sets no rules",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func dongxihu2019() throws {
        #expect(ReportingRules.detect(in: try Self.seed("003_81d44f3e05d7e8e0"), year: 2019) == nil)
    }
}
