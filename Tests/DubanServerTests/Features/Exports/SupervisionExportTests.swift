@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// The 附表 forms and the 序时 column, downloaded from the pages and read back cell by cell against what the
/// database holds: 完成情况 of a plan and a unit (units that filed nothing listed), the 督办工作人员名单, the
/// 办理方案's signature line, and the numbers a notice gives the forms.
@Suite("Supervision exports")
struct SupervisionExportTests {
    @Test("完成情况, 名单, 办理方案 and the 序时 column read back as the records stand", arguments: TestDatabase.available)
    func forms(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the scoring history and 区财政局's contacts
            let sample = try await SampleData.create(on: app.db)
            let cast = try await ScorePagesTests.history(sample, on: app.db)
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-05-01"), hour: 9)))
            try await UnitContact(
                unitID: cast.finance, role: .clerk, name: "张伟", title: "科员", officePhone: "027-86001234",
                mobile: "13907150321"
            ).create(on: app.db)
            let plan = sample.mainPlanID

            // act: the plan's 完成情况 for the first quarter
            let progress = try await app.page(SiteURL.planProgressXlsx(plan, period: "2025-Q1").path, as: .viewer)
            #expect(progress.status == .ok && progress.contentType == FileDownload.xlsx)
            let sheet = try #require(try XlsxReader.sheets(data: progress.data, fileName: "汇总.xlsx").first)
            // assert: caption, title, the count line, the header, then one row per reporting unit and task
            #expect(sheet.name == "附表3" && sheet.rows[0] == ["附表3"])
            #expect(sheet.rows[1].first == "2025年区《政府工作报告》重点工作责任分解方案第一季度工作目标完成情况汇总")
            #expect(sheet.rows[3] == ProgressForm.planHeader)
            let rows = Array(sheet.rows.dropFirst(4))
            let (duties, _) = try await TaskDuty.load(.plan(plan), on: app.db)
            #expect(rows.count == duties.reduce(0) { $0 + $1.reporters.count })
            let filed = try await ProgressReport.query(on: app.db).filter(\.$kind == .report)
                .filter(\.$state != .superseded).count()
            #expect(rows.filter { $0.last != "未报送" }.count == filed)
            #expect(sheet.rows[2].first == "报送单位7个，已报送2个，未报送5个。未报送的单位列为“未报送”。")
            let finance = try #require(rows.first { $0.first == "区财政局" })
            #expect(finance[1] == "4")
            #expect(finance[3].hasPrefix("【按序时推进】已梳理政策清单86项。"))
            #expect(finance[3].contains("兑现资金1000万元（目标不少于5000万元，未达序时：低于序时进度250万元）"))
            #expect(rows.contains { $0.first == "区交通运输局" && $0.last == "未报送" })
            let disposition =
                try await app.testing().sendRequest(.GET, SiteURL.planProgressXlsx(plan, period: "2025-Q1").path) {
                    request in
                    let cookie = try await app.browser(signedInAs: .viewer).cookie
                    if let cookie { request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] }
                }.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.contains("filename=\"progress.xlsx\"") && disposition.contains("filename*=UTF-8''"))

            // act / assert: one unit's form keeps its own tasks and carries the signature line
            let own = try await app.page(
                SiteURL.unitProgressXlsx(cast.finance, plan: plan, period: "2025-Q1").path, as: .clerk)
            let unitSheet = try #require(try XlsxReader.sheets(data: own.data, fileName: "附表3.xlsx").first)
            #expect(unitSheet.rows[1].first == "区财政局第一季度工作目标完成情况")
            #expect(unitSheet.rows[2].first == "单位：区财政局　　主要负责人（签字）：")
            #expect(unitSheet.rows[3] == ProgressForm.header)
            #expect(unitSheet.rows.dropFirst(4).dropLast().map(\.first) == ["4"])
            #expect(unitSheet.rows.last?.first == ProgressForm.footnote)
            let other = SiteURL.unitProgressXlsx(cast.civil, plan: plan, period: "2025-Q1").path
            #expect(try await app.page(other, as: .clerk).status == .forbidden)

            // act / assert: the roster, every unit of the plan, three rows each, 未填报 where nobody was named
            let roster = try await app.page(SiteURL.planContactsXlsx(plan).path, as: .leader)
            let rosterSheet = try #require(try XlsxReader.sheets(data: roster.data, fileName: "名单.xlsx").first)
            #expect(rosterSheet.rows[3] == ContactRoster.planHeader)
            let people = Array(rosterSheet.rows.dropFirst(4))
            #expect(people.contains(["区财政局", "经办人", "张伟", "科员", "027-86001234", "13907150321"]))
            #expect(people.contains { $0.first == "区财政局" && $0[1] == "分管领导" && $0[2] == "未填报" })
            #expect(people.count % 3 == 0)
            #expect(try await app.page(SiteURL.planContactsXlsx(plan).path, as: .viewer).status == .forbidden)

            // act / assert: 附表1 now carries its number and the signature line
            let workPlans = try await app.page(SiteURL.unitWorkPlansXlsx(cast.finance).path, as: .clerk)
            let workSheet = try #require(try XlsxReader.sheets(data: workPlans.data, fileName: "附表1.xlsx").first)
            #expect(workSheet.rows[0] == ["附表1"] && workSheet.rows[2] == ["单位：区财政局　　主要负责人（签字）："])
            #expect(workSheet.rows[3] == UnitWorkPlans.header && workSheet.rows[4][2] == "梳理政策清单")

            // act / assert: the 分解表 states each figure's 序时 class
            let breakdown = try await app.page(SiteURL.planExportXlsx(plan).path)
            let tasks = try #require(try XlsxReader.sheets(data: breakdown.data, fileName: "分解表.xlsx").first).rows
            let policy = try #require(tasks.first { $0.count > 13 && $0[2].hasPrefix("建立涉企政策") })
            #expect(policy[13] == "区财政局：兑现资金未达序时（低于序时进度250万元）")
        }
    }

    @Test("A notice that calls the progress form 附表2 gets it numbered so", arguments: TestDatabase.available)
    func numbering(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a plan whose notice numbers its forms as the city's does
            let governmentID = try await SampleData.createGovernment(on: app.db)
            let text = """
                区人民政府办公室关于印发2025年重点工作责任分解方案的通知
                一、各责任单位要于2025年2月15日前，将办理方案报送区人民政府督查室（报送式样详见附表1）。
                二、各牵头单位要在每个季度第1个月的20日前，将上季度的责任事项完成情况报区人民政府督查室（报送式样详见附表2）。
                2025年重点工作责任分解方案
                一、重点工作
                1.新建社区食堂4个。(责任领导:赵国强;牵头单位:区民政局)
                """
            let plan = try await PlanImporter(database: app.db).importPlan(
                try #require(PlanParser.parse(text: text).first), governmentID: governmentID, year: 2025,
                source: .init(fileName: "通知.txt", format: "txt", encoding: "UTF-8", text: text))
            // act
            let progress = try await app.page(
                SiteURL.planProgressXlsx(try plan.requireID(), period: "2025-Q1").path, as: .viewer)
            // assert
            let sheet = try #require(try XlsxReader.sheets(data: progress.data, fileName: "附表2.xlsx").first)
            #expect(sheet.name == "附表2" && sheet.rows.first == ["附表2"])
            #expect(try await AnnexLabels.of(planID: try plan.requireID(), on: app.db).contacts == "附表3")
        }
    }
}
