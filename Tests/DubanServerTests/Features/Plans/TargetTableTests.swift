@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing

/// A plan's quantified targets in one table and one workbook: each reporting unit's figure by period with its
/// 序时 class and its course.
@Suite("Target table")
struct TargetTableTests {
    @Test(
        "Each target's figures by period, with their 序时 class, on the page and in the workbook",
        arguments: TestDatabase.available)
    func targets(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 区财政局's 兑现资金 1000万元 in the first quarter
            let sample = try await SampleData.create(on: app.db)
            _ = try await ScorePagesTests.history(sample, on: app.db)
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-05-01"), hour: 9)))
            // act
            let page = try await app.page(SiteURL.planTargets(sample.mainPlanID).path, as: .viewer)
            // assert: headline targets first; the figure with its class and a sparkline
            #expect(page.status == .ok && page.html.contains("量化指标完成情况"))
            let gdp = try #require(page.html.range(of: "地区生产总值增长"))
            let funds = try #require(page.html.range(of: "兑现资金"))
            #expect(gdp.lowerBound < funds.lowerBound)
            #expect(page.html.contains("1000万元<div><span class=\"badge pace-behindPace\">未达序时</span>"))
            #expect(page.html.contains("class=\"sparkline\""))
            let plan = try await app.page(SiteURL.plan(sample.mainPlanID).path, as: .viewer)
            #expect(plan.html.contains(SiteURL.planTargets(sample.mainPlanID).path))
            // act / assert: the workbook says the same
            let book = try await app.page(SiteURL.planTargetsXlsx(sample.mainPlanID).path, as: .viewer)
            let sheet = try #require(try XlsxReader.sheets(data: book.data, fileName: "指标.xlsx").first)
            #expect(sheet.rows[1] == ["序号", "任务", "指标", "年度目标", "报送单位", "第一季度", "第二季度", "第三季度", "第四季度", "最新序时"])
            let row = try #require(sheet.rows.first { $0.count > 5 && $0[2] == "兑现资金" })
            #expect(row[3] == "不少于5000万元" && row[4] == "区财政局" && row[5] == "1000万元（未达序时）")
            #expect(row.last == "未达序时（低于序时进度 250 万元）")
        }
    }
}
