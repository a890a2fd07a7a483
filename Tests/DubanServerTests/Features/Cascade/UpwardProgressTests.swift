@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing

/// What a district sends up for the city's tasks it was handed: assembled from its units' reports of the
/// period, each row naming the city task it answers, read back from the downloaded workbook.
@Suite("Reporting upward")
struct UpwardProgressTests {
    @Test(
        "The cascaded plan's 完成情况 carries a sheet for the city: the city task, the district's target, every unit's report",
        arguments: TestDatabase.available)
    func upwardSheet(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 青溪区's housing task confirmed under the city's task 21; its lead unit reports the quarter
            let data = try await CityData.create(on: app.db)
            let housing = try await data.task("改造老旧小区18个", plan: data.sample.cascadePlanID, on: app.db)
            let link = try #require(
                try await TaskLink.query(on: app.db).filter(\.$task.$id == housing.requireID()).first())
            link.state = .confirmed
            try await link.save(on: app.db)
            let unit = try await data.unit("区住房和城乡建设局", government: data.sample.governmentID, on: app.db)
            try await CityData.file(
                housing, unit: unit, period: try #require(ReportingPeriod.quarter(1, of: 2025)), count: 6,
                words: "东坡片区6个老旧小区完成立项招标。", on: try #require(CalendarDay("2025-04-08")), database: app.db)

            // act
            let download = try await app.page(
                SiteURL.planProgressXlsx(data.sample.cascadePlanID, period: "2025-Q1").path)
            let sheets = try XlsxReader.sheets(data: download.data, fileName: "完成情况.xlsx")

            // assert: the second sheet, one row per task handed down, in the plan's order
            #expect(download.status == .ok && sheets.map(\.name) == ["附表3", "报上级汇总"])
            let upward = try #require(sheets.last)
            #expect(upward.rows[2].first == "上级下达任务2项，已报送1项。完成情况取自各责任单位本期报送的报告。")
            #expect(upward.rows[3] == UpwardProgressSheet.header)
            let rows = Array(upward.rows.dropFirst(4))
            #expect(rows.count == 2)
            #expect(rows[0][0] == "1" && rows[0][1] == "第12项 社会消费品零售总额增长8%。" && rows[0][4] == "未报送")
            #expect(rows[1][1] == "第21项 推进城市更新，改造老旧小区300个。", "the confirmed link's task")
            #expect(rows[1][2].hasPrefix("改造老旧小区18个"))
            #expect(rows[1][3] == "区住房和城乡建设局")
            #expect(rows[1][4].hasPrefix("【按序时推进】东坡片区6个老旧小区完成立项招标。\n量化指标：改造老旧小区6个（目标18个"))
            // a plan of the district's own has no such sheet
            let own = try await app.page(SiteURL.planProgressXlsx(data.sample.mainPlanID, period: "2025-Q1").path)
            #expect(try XlsxReader.sheets(data: own.data, fileName: "完成情况.xlsx").map(\.name) == ["附表3"])
        }
    }
}

/// A district report's evidence, read upward by permission.
@Suite("Evidence across levels")
struct EvidenceAcrossLevelsTests {
    @Test(
        "The city downloads a district report's evidence on a task localising its own; the sibling district cannot",
        arguments: TestDatabase.available)
    func evidence(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 青溪区's housing task confirmed under the city's; its unit files a report with a photo list
            let data = try await CityData.create(on: app.db)
            let housing = try await data.task("改造老旧小区18个", plan: data.sample.cascadePlanID, on: app.db)
            let land = try await data.task("新增建设用地1500亩", plan: data.baishaPlanID, on: app.db)
            try await data.confirmLinks(on: app.db)
            let unit = try await data.unit("区住房和城乡建设局", government: data.sample.governmentID, on: app.db)
            let bytes = Data("东坡片区改造项目清单\n1. 东坡一村\n2. 东坡二村\n".utf8)
            let report = try await CityData.file(
                housing, unit: unit, period: try #require(ReportingPeriod.quarter(1, of: 2025)), count: nil,
                words: "东坡片区6个老旧小区完成立项招标。", on: try #require(CalendarDay("2025-04-08")),
                files: [try EvidenceFile(fileName: "项目清单.txt", data: bytes)], database: app.db)
            let attachment = try #require(
                try await ReportAttachment.query(on: app.db).filter(\.$report.$id == report.requireID()).first())
            let path = SiteURL.attachment(try attachment.requireID()).path

            // act / assert: the city's 督查室 and its housing clerk download it, byte for byte
            for username in [CityData.cityAdmin, CityData.cityClerk] {
                let browser = TestBrowser(app)
                _ = try await browser.signIn(username)
                let download = try await browser.request(path)
                #expect(download.status == .ok && download.data == bytes, "\(username)")
            }
            // the sibling district, which reads its own tasks, gets nothing of it
            let baisha = TestBrowser(app)
            _ = try await baisha.signIn(CityData.baishaAdmin)
            #expect(try await baisha.request(path).status == .notFound)
            #expect(try await baisha.request(SiteURL.taskReporting(try land.requireID()).path).status == .ok)
        }
    }
}
