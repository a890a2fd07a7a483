@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// A report on its way through review, as the clerk and the lights see it: waiting is not plain green, a
/// return reopens the form on its own period with the comment beside it, and a late return stays red.
@Suite("Returned reports")
struct ReturnedReportTests {
    @Test(
        "Waiting shows 待审核; a bare return is refused in the layout; the fix reopens on its period; late stays red",
        arguments: TestDatabase.available)
    func returnedCycle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 2025-04-10, 区财政局 files its first-quarter report through the form
            let sample = try await SampleData.create(on: app.db)
            let clock = ManualClock(ReviewQueueTests.april10)
            app.clock = AppClock(clock)
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let reporting = SiteURL.taskReporting(task).path
            var upload = ReportUpload(
                period: "2025-Q1", status: "on_schedule", narrative: "已梳理政策清单86项。", reason: "",
                actuals: [""], keep: [], files: [], _csrf: "")
            #expect(try await app.postReport(upload, task: task).status == .seeOther)
            let first = try #require(try await ProgressReport.query(on: app.db).first())

            // assert: filed but not accepted is 待审核, drawn as its own light, on the desk and the task page
            let desk = try await app.page(SiteURL.unitDesk(finance).path, as: .clerk)
            #expect(desk.html.contains("light light-pending") && desk.html.contains("第一季度报告已报送，待督查室审核"))
            let taskPage = try await app.page(SiteURL.task(task).path, as: .viewer)
            #expect(taskPage.html.contains("<strong>区财政局</strong> 待审核"))

            // act: a return without a comment is refused on the task's page, inside the layout
            _ = try await app.page(reporting)
            let review = SiteURL.reportReview(try first.requireID()).path
            let bare = try await app.page(review, method: .POST, form: ["decision": "return", "comment": ""])
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.html.contains("class=\"site-header\"") && bare.html.contains("任务 4 · 报送"))
            #expect(bare.html.contains("<p class=\"field-error\" role=\"alert\">退回时请写明需要修改的地方。</p>"))
            #expect(bare.html.contains("aria-invalid=\"true\""))
            let undecided = try await app.page(review, method: .POST, form: ["comment": "看一下"])
            #expect(undecided.status == .unprocessableEntity && undecided.html.contains("请选择“审核通过”或“退回修改”"))
            let returned = try await app.page(
                review, method: .POST, form: ["decision": "return", "comment": "请补充兑现资金的拨付凭证"])
            #expect(returned.status == .seeOther)

            // act: the clerk comes back in July, when the second quarter is due
            clock.set(try #require(CalendarDay("2025-07-05")))
            let form = try await app.page(reporting, as: .clerk)
            // assert: the form reopens on the returned first quarter, fixed, with the comment beside it
            #expect(form.html.contains("督查室退回了本单位2025年第一季度完成情况（第 1 版）"))
            #expect(form.html.contains("退回意见：请补充兑现资金的拨付凭证"))
            #expect(form.html.contains("<input type=\"hidden\" name=\"period\" value=\"2025-Q1\">"))
            #expect(!form.html.contains("<select id=\"report-period\""))
            #expect(form.html.contains("period=2025-Q2#file"), "the other period is one deliberate click away")
            let other = try await app.page(reporting + "?period=2025-Q2", as: .clerk)
            #expect(other.html.contains("<select id=\"report-period\"") && !other.html.contains("督查室退回了本单位"))

            // assert: the return of a report whose due day has passed is red again, not cleared
            let board = try await DutyStatus.board(.tasks([task]), today: app.clock.today(), on: app.db)
            let status = try #require(board.first { $0.unit.id == finance })
            #expect(status.light == .red)
            #expect(status.assessment.messages.contains("第一季度报告已逾期 76 天"))
            #expect(status.assessment.messages.contains("第一季度报告被退回，待修改后重新报送"))
            #expect(!status.isCompleted)

            // act: refiled; the light is pending again and keeps the first filing's punctuality
            upload.narrative = "已梳理政策清单86项，附拨付凭证。"
            #expect(try await app.postReport(upload, task: task).status == .seeOther)
            let versions = try await ProgressReport.query(on: app.db).sort(\.$version).all()
            #expect(versions.map(\.period) == ["2025-Q1", "2025-Q1"] && versions.last?.daysLate == 0)
            let after = try await DutyStatus.board(.tasks([task]), today: app.clock.today(), on: app.db)
            #expect(after.first { $0.unit.id == finance }?.shownLight == "pending")
        }
    }

    @Test(
        "A late work plan is stamped with its delay; returned, it opens its form with the comment",
        arguments: TestDatabase.available)
    func lateWorkPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the rules' work plan day is 2月15日; filed on 4月10日
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let reporting = SiteURL.taskReporting(task).path
            _ = try await app.page(reporting, as: .clerk)
            // act: without JavaScript, "添加 3 行" shows the form again with more rows and saves nothing
            let added = try await app.page(
                SiteURL.taskWorkPlans(task).path, method: .POST,
                form: ["content-0": "梳理政策清单", "month-0": "5", "content-1": "", "addRows": "1"], as: .clerk)
            #expect(added.status == .ok && added.html.contains(">梳理政策清单</textarea>"))
            #expect(added.html.contains("name=\"content-3\"") && !added.html.contains("name=\"content-4\""))
            #expect(try await WorkPlan.query(on: app.db).count() == 0)
            // act: filed
            let filed = try await app.page(
                SiteURL.taskWorkPlans(task).path, method: .POST,
                form: ["content-0": "梳理政策清单", "month-0": "5", "leader-0": "刘海燕", "department-0": "预算科"],
                as: .clerk)
            #expect(filed.status == .seeOther)
            let plan = try #require(try await WorkPlan.query(on: app.db).first())
            #expect(plan.daysLate == 54)
            // assert: marked late on the task page and the desk
            let page = try await app.page(reporting)
            #expect(page.html.contains("<span class=\"badge late\">逾期 54 天</span>"))
            let desk = try await app.page(SiteURL.unitDesk(finance).path, as: .clerk)
            #expect(desk.html.contains("第 1 版 · 待审核 · 逾期 54 天"))
            // act: returned; the clerk's form opens with the comment
            _ = try await Review.perform(
                WorkPlan.self, id: try plan.requireID(), accept: false, comment: "请细化到月",
                by: .init(userID: nil, actor: .system, requestID: nil, now: app.clock.now(), today: app.clock.today()),
                governmentID: sample.governmentID, on: app.db)
            let again = try await app.page(reporting, as: .clerk)
            #expect(again.html.contains("id=\"workplan-form\" open"))
            #expect(again.html.contains("办理方案被退回，督查室意见：请细化到月"))
        }
    }
}
