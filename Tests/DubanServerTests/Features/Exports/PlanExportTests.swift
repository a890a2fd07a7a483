@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// A plan's 分解表 downloaded as XLSX and CSV: every task in force with all its roles, deadline, light and the
/// latest report and figures, read back by our reader.
@Suite("Plan export")
struct PlanExportTests {
    @Test(
        "The 分解表 holds every task with roles, light, latest report and figures, in XLSX and CSV",
        arguments: TestDatabase.available)
    func breakdown(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let upload = ReportUpload(
                period: "2025-Q1", status: "on_schedule", narrative: "已兑现资金3200万元。", reason: "",
                actuals: ["3200"], keep: [], files: [], _csrf: "")
            #expect(try await app.postReport(upload, task: task).status == .seeOther)
            // act: a viewer downloads it; the plan page links to both
            let plan = try await app.page(SiteURL.plan(sample.mainPlanID).path, as: .viewer)
            #expect(plan.html.contains(SiteURL.planExportXlsx(sample.mainPlanID).path))
            let workbook = try await app.page(SiteURL.planExportXlsx(sample.mainPlanID).path, as: .viewer)
            #expect(workbook.status == .ok)
            #expect(workbook.contentType == FileDownload.xlsx)
            // assert: read back, a title over the header and one row per task
            let sheet = try #require(try XlsxReader.sheets(data: workbook.data, fileName: "分解表.xlsx").first)
            #expect(sheet.rows.first?.first?.hasPrefix("2025年区《政府工作报告》重点工作责任分解方案（截至2025年4月10日）") == true)
            #expect(sheet.rows.dropFirst().first == PlanBreakdown.header)
            let tasks = Array(sheet.rows.dropFirst(2))
            #expect(tasks.count == 8)
            let policy = try #require(tasks.first { $0.count > 2 && $0[2].hasPrefix("建立涉企政策") })
            #expect(policy[0] == "4" && policy[4] == "刘海燕、王立新")
            #expect(policy[6] == "区财政局")
            #expect(policy[7].split(separator: "、").count == 2 && policy[7].hasSuffix("区发展和改革局"))
            #expect(policy[10] == "待审核")
            #expect(policy[11] == "区财政局：第一季度 按序时推进 · 待审核")
            #expect(policy[12] == "区财政局：兑现资金 3200万元（目标 5000万元）")
            let parking = try #require(tasks.first { $0.count > 9 && $0[2].hasPrefix("新增公共停车泊位") })
            #expect(parking[9] == "2025年12月" && parking[11] == "区交通运输局：尚未报送")
            // assert: the CSV holds the same rows, quoted for Excel
            let csv = try await app.page(SiteURL.planExportCsv(sample.mainPlanID).path, as: .viewer)
            #expect(csv.status == .ok && csv.contentType == FileDownload.csv)
            let text = String(decoding: csv.data, as: UTF8.self)
            #expect(text.hasPrefix("\u{FEFF}序号,所属部分,任务内容,"))
            #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count >= 9)
            // assert: another government's plan is not there
            #expect(try await app.page(SiteURL.planExportCsv(UUID()).path).status == .notFound)
        }
    }
}

/// 附表1 of a unit downloaded as a workbook.
@Suite("Work plan export")
struct WorkPlanExportTests {
    @Test(
        "附表1 lists a unit's current work plans, one row per item, the task merged over its items",
        arguments: TestDatabase.available)
    func workPlans(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let civil = try await sample.unit("区民政局", on: app.db).requireID()
            let filer = ReportFiling.Filer(
                userID: nil, actor: .system, requestID: nil, now: app.clock.now(), today: app.clock.today())
            _ = try await WorkPlanFiling.submit(
                [.init(content: "旧版本", plannedMonth: 3, leader: "刘海燕", department: "预算科")], taskID: task,
                unitID: finance, by: filer, on: app.db)
            _ = try await WorkPlanFiling.submit(
                [
                    .init(content: "梳理免申即享政策清单", plannedMonth: 3, leader: "刘海燕", department: "预算科"),
                    .init(content: "兑现首批资金", plannedMonth: 6, leader: "刘海燕", department: "国库科"),
                ], taskID: task, unitID: finance, by: filer, on: app.db)
            // act: the clerk downloads the unit's own; it may not download another unit's
            let unitPage = try await app.page(SiteURL.unit(finance).path, as: .clerk)
            #expect(unitPage.html.contains(SiteURL.unitWorkPlansXlsx(finance).path))
            let download = try await app.page(SiteURL.unitWorkPlansXlsx(finance).path, as: .clerk)
            #expect(download.status == .ok && download.contentType == FileDownload.xlsx)
            #expect(try await app.page(SiteURL.unitWorkPlansXlsx(civil).path, as: .clerk).status == .forbidden)
            // assert: the form's number, title and signature line, then the current version only, one row per
            // item, the task written once
            let sheet = try #require(try XlsxReader.sheets(data: download.data, fileName: "附表1.xlsx").first)
            #expect(sheet.rows.first == ["附表1"])
            #expect(sheet.rows.dropFirst().first?.first?.hasPrefix("区财政局办理方案") == true)
            #expect(sheet.rows.dropFirst(2).first == ["单位：区财政局　　主要负责人（签字）："])
            #expect(sheet.rows.dropFirst(3).first == UnitWorkPlans.header)
            let items = Array(sheet.rows.dropFirst(4))
            #expect(items.map { $0.count > 2 ? $0[2] : "" } == ["梳理免申即享政策清单", "兑现首批资金"])
            #expect(items.first?.first == "4" && items.first?[3] == "3月")
            let table = try #require(
                try await UnitWorkPlans.make(unitID: finance, governmentID: sample.governmentID, on: app.db))
            #expect(table.merges == [.init(rows: 1...2, columns: 0...0), .init(rows: 1...2, columns: 1...1)])
        }
    }
}
