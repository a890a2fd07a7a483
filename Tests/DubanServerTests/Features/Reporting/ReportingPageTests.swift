@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The report form as a browser posts it: multipart, with evidence files and the page's CSRF token.
struct ReportUpload: Content {
    var period: String
    var status: String
    var narrative: String
    var reason: String
    var actuals: [String]
    var keep: [String]
    var files: [File]
    var _csrf: String
}

extension Application {
    /// Opens the task's reporting page as the sample clerk, then posts the report form through the real route.
    func postReport(_ form: ReportUpload, task: UUID) async throws -> RenderedPage {
        try await postReportForm(task: task) { csrf in
            var form = form
            form._csrf = csrf
            return form
        }
    }

    /// Opens the task's reporting page as the sample clerk and posts, multipart, the form `make` builds with the
    /// page's CSRF token.
    func postReportForm<Form: Content>(task: UUID, _ make: (String) -> Form) async throws -> RenderedPage {
        try await postMultipart(SiteURL.taskReports(task).path, from: SiteURL.taskReporting(task).path, make)
    }

    /// Opens `page` as `account`, then posts to `path`, multipart, the form `make` builds with the page's CSRF
    /// token: what a browser does with a form that uploads files.
    func postMultipart<Form: Content>(
        _ path: String, from page: String, as account: SampleData.Account = .clerk, _ make: (String) -> Form
    ) async throws -> RenderedPage {
        let browser = try await browser(signedInAs: account)
        let opened = try await browser.request(page)
        let form = make(TestBrowser.csrfToken(in: opened.html) ?? "")
        let cookie = browser.cookie
        let response = try await testing().sendRequest(
            .POST, path,
            beforeRequest: { request in
                if let cookie { request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] }
                try request.content.encode(form, as: .formData)
            })
        return RenderedPage(
            status: response.status, html: response.body.string, location: response.headers.first(name: .location))
    }
}

/// Filing, reviewing and revising a report through the pages, with evidence, and what survives a plan revision.
@Suite("Reporting pages")
struct ReportingPageTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)

    @Test(
        "A clerk files with evidence, the 督查室 returns it, the clerk revises keeping the file, then it is accepted",
        arguments: TestDatabase.available)
    func fileReturnRevise(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 2025-04-10, the first quarter's report is due 4月20日
            let sample = try await SampleData.create(on: app.db)
            let clock = ManualClock(Date(timeIntervalSince1970: 1_744_243_200))
            app.clock = AppClock(clock)
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let reporting = SiteURL.taskReporting(task).path
            // act / assert: the form asks for the figure the task commits to
            let form = try await app.page(reporting, as: .clerk)
            #expect(form.status == .ok)
            #expect(form.html.contains("报送完成情况") && form.html.contains("目标：不少于5000万元"))
            #expect(form.html.contains("value=\"2025-Q1\" selected"))
            // act: 滞后 without a reason is refused, as typed
            var upload = ReportUpload(
                period: "2025-Q1", status: "behind", narrative: "已梳理政策清单86项，兑现资金3200万元。", reason: "",
                actuals: ["3,200"], keep: [], files: [], _csrf: "")
            let refused = try await app.postReport(upload, task: task)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("进展状态为“滞后”时，须填写原因"))
            #expect(refused.html.contains("已梳理政策清单86项"))
            // act: a program disguised as a PDF is refused
            upload.reason = "部分资金需待上级转移支付到位。"
            upload.files = [File(data: ByteBuffer(bytes: [0x4D, 0x5A, 0x90, 0x00]), filename: "清单.pdf")]
            let disguised = try await app.postReport(upload, task: task)
            #expect(disguised.status == .unprocessableEntity && disguised.html.contains("类型不受支持"))
            // act: filed with the PDF
            upload.files = [File(data: ByteBuffer(data: Self.pdf), filename: "兑现清单.pdf")]
            let filed = try await app.postReport(upload, task: task)
            #expect(filed.status == .seeOther && filed.location == reporting + "?done=report")
            let first = try #require(
                try await ProgressReport.query(on: app.db).with(\.$actuals).with(\.$attachments).first())
            #expect(first.version == 1 && first.status == .behind && first.daysLate == 0)
            #expect(first.actuals.first?.actualValue == 3200 && first.actuals.first?.unitOfMeasure == "万元")
            let attachment = try #require(first.attachments.first)
            #expect(attachment.contentType == "application/pdf" && attachment.fileName == "兑现清单.pdf")
            // assert: the evidence downloads for readers, as an attachment
            for account in [SampleData.Account.clerk, .viewer, .leader, .admin] {
                let response = try await app.testing().sendRequest(
                    .GET, SiteURL.attachment(try attachment.requireID()).path,
                    beforeRequest: { request in
                        let cookie = try await app.browser(signedInAs: account).cookie
                        if let cookie { request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] }
                    })
                #expect(response.status == .ok, "\(account)")
                #expect(response.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
                #expect(Data(buffer: response.body) == Self.pdf)
            }
            // act: the 督查室 returns it; a return without a comment is refused
            let review = SiteURL.reportReview(try first.requireID()).path
            _ = try await app.page(reporting)
            let bare = try await app.page(review, method: .POST, form: ["decision": "return", "comment": " "])
            #expect(bare.status == .unprocessableEntity && bare.html.contains("退回时请写明"))
            let returned = try await app.page(
                review, method: .POST, form: ["decision": "return", "comment": "请附上资金拨付凭证"])
            #expect(returned.location == reporting + "?done=reviewed")
            // assert: the clerk is told, and the form starts from the returned version
            let desk = try await app.page(
                SiteURL.unitDesk(try await sample.unit("区财政局", on: app.db).requireID()).path, as: .clerk)
            #expect(desk.html.contains("第一季度完成情况已退回"))
            #expect(desk.html.contains("被退回修改") && desk.html.contains("nav-badge"))
            let again = try await app.page(reporting, as: .clerk)
            #expect(again.html.contains("督查室意见：请附上资金拨付凭证") && again.html.contains("兑现资金3200万元"))
            #expect(
                again.html.contains(
                    "name=\"keep[]\" value=\"\(try attachment.requireID().uuidString.lowercased())\" checked"))
            // act: revised two days later, keeping the file and adding one
            clock.advance(by: 2 * 86_400)
            upload.status = "on_schedule"
            upload.reason = ""
            upload.keep = [try attachment.requireID().uuidString]
            upload.files = [File(data: ByteBuffer(data: Self.pdf), filename: "拨付凭证.pdf")]
            #expect(try await app.postReport(upload, task: task).status == .seeOther)
            let versions = try await ProgressReport.query(on: app.db).with(\.$attachments).sort(\.$version).all()
            #expect(versions.map(\.state) == [.superseded, .submitted])
            #expect(versions.last?.attachments.map(\.fileName).sorted() == ["兑现清单.pdf", "拨付凭证.pdf"])
            #expect(versions.last?.attachments.contains { $0.blobID == attachment.blobID } == true, "kept by reference")
            #expect(try await AttachmentBlob.query(on: app.db).count() == 2)
            // act: accepted; the unit can no longer change it
            let latest = try #require(versions.last)
            _ = try await app.page(reporting)
            _ = try await app.page(
                SiteURL.reportReview(try latest.requireID()).path, method: .POST, form: ["decision": "accept"])
            let closed = try await app.postReport(upload, task: task)
            #expect(closed.status == .conflict && closed.html.contains("已经审核通过"))
            let page = try await app.page(reporting, as: .viewer)
            #expect(page.html.contains("历史版本（1）") && page.html.contains("已通过"))
            #expect(!page.html.contains("报送完成情况</h2>"), "a viewer gets no form")
        }
    }

    @Test(
        "A co-unit's contribution shows on the reporting unit's form; a withdrawn task keeps its reports",
        arguments: TestDatabase.available)
    func contributionAndWithdrawal(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: task 2 (技术改造) is led by 区科经局 with 区财政局 responsible
            let sample = try await SampleData.create(on: app.db)
            let clock = ManualClock(Date(timeIntervalSince1970: 1_744_243_200))
            app.clock = AppClock(clock)
            let task = try await sample.task("实施技术改造项目40个以上", on: app.db).requireID()
            let reporting = SiteURL.taskReporting(task).path
            // act: the clerk of 区财政局 contributes
            let form = try await app.page(reporting, as: .clerk)
            #expect(form.html.contains("提交配合材料"))
            let upload = ReportUpload(
                period: "2025-Q1", status: "on_schedule", narrative: "已拨付技改专项资金1200万元。", reason: "",
                actuals: [], keep: [], files: [], _csrf: "")
            #expect(try await app.postReport(upload, task: task).location == reporting + "?done=contribution")
            // assert: a contribution, and the reporting unit is told
            let contribution = try #require(try await ProgressReport.query(on: app.db).first())
            #expect(contribution.kind == .contribution)
            let lead = try await sample.unit("区科学技术和经济信息化局", on: app.db).requireID()
            #expect(try await Notification.query(on: app.db).filter(\.$unit.$id == lead).count() == 1)
            // act: the plan is revised without the task
            let admin = try await sample.user(.admin, on: app.db)
            let revised = SampleData.mainText.replacingOccurrences(
                of: "2.实施技术改造项目40个以上，技改投资增长12%。(责任领导:王立新;牵头单位:区科经局;责任单位:区财政局;协办单位:区统计局)\n",
                with: "")
            let decoded = try DocumentReader.read(data: Data(revised.utf8), fileName: "修订.txt")
            let prepared = try DocumentImport.prepare(decoded, fileName: "修订.txt", document: nil)
            let draft = try await ImportWizard.createDraft(
                prepared, year: nil, revises: sample.mainPlanID, governmentID: sample.governmentID,
                userID: try admin.requireID(), on: app.db)
            _ = try await ImportWizard.publish(draft, actor: .system, requestID: nil, on: app.db)
            // assert: withdrawn, the contribution kept and shown, no duty left
            #expect(try await TaskRecord.find(task, on: app.db)?.withdrawnAt != nil)
            #expect(try await ProgressReport.query(on: app.db).count() == 1)
            let page = try await app.page(reporting)
            #expect(page.status == .ok && page.html.contains("已撤销") && page.html.contains("已拨付技改专项资金1200万元"))
            let afterForm = try await app.page(reporting, as: .clerk)
            #expect(!afterForm.html.contains("提交配合材料</h2>"), "no form on a withdrawn task")
            let board = try await DutyStatus.board(.plan(sample.mainPlanID), today: app.clock.today(), on: app.db)
            #expect(!board.contains { $0.duty.taskID == task })
        }
    }

    @Test(
        "A work plan row without a month comes back as typed; a full one is filed and reviewed",
        arguments: TestDatabase.available)
    func workPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Date(timeIntervalSince1970: 1_738_800_000)))  // 2025-02-06
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let reporting = SiteURL.taskReporting(task).path
            _ = try await app.page(reporting, as: .clerk)
            // act
            let refused = try await app.page(
                SiteURL.taskWorkPlans(task).path, method: .POST,
                form: ["content-0": "梳理涉企政策清单", "month-0": "", "content-1": "", "month-1": ""], as: .clerk)
            // assert
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.html.contains("第 1 项工作：请选择计划完成月份"))
            #expect(refused.html.contains(">梳理涉企政策清单</textarea>"))
            #expect(try await WorkPlan.query(on: app.db).count() == 0)
            // act: filed, then returned by the 督查室
            let filed = try await app.page(
                SiteURL.taskWorkPlans(task).path, method: .POST,
                form: ["content-0": "梳理涉企政策清单", "month-0": "3", "leader-0": "副局长", "department-0": "预算科"],
                as: .clerk)
            #expect(filed.location == reporting + "?done=workplan")
            let plan = try #require(try await WorkPlan.query(on: app.db).first())
            _ = try await app.page(reporting)
            let returned = try await app.page(
                SiteURL.workPlanReview(try plan.requireID()).path, method: .POST,
                form: ["decision": "return", "comment": "请细化到月"])
            #expect(returned.location == reporting + "?done=reviewed")
            let page = try await app.page(reporting, as: .clerk)
            #expect(page.html.contains("督查室意见：请细化到月") && page.html.contains("3月"))
            #expect(try await Notification.query(on: app.db).filter(\.$kind == .returned).count() == 1)
        }
    }

    @Test("The 督查室 urges a unit from the overview; the unit's inbox shows it", arguments: TestDatabase.available)
    func urge(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 4月22日, nothing filed: every reporting unit is red
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Date(timeIntervalSince1970: 1_745_280_000)))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            try await UnitContact(
                unitID: finance, role: .clerk, name: "陈静", title: "预算科科员",
                officePhone: "027-85551234转12", mobile: ""
            ).create(on: app.db)
            // act
            let overview = try await app.page(
                SiteURL.oversightWith([("plan", sample.mainPlanID.uuidString), ("light", "red")]).path)
            #expect(overview.html.contains("第一季度报告已逾期 2 天") && overview.html.contains("区财政局"))
            #expect(overview.html.contains("经办人 陈静 <a href=\"tel:027-85551234,12\">027-85551234转12</a>"))
            let taskPage = try await app.page(SiteURL.taskReporting(task).path, as: .clerk)
            #expect(taskPage.html.contains("<strong>区财政局</strong> 红灯：第一季度报告已逾期 2 天"))
            #expect(taskPage.html.contains("/js/report-form.js"))
            let empty = try await app.page(SiteURL.oversightUrge.path, method: .POST, form: [:])
            #expect(empty.status == .unprocessableEntity && empty.html.contains("请至少勾选一项任务"))
            let sent = try await app.page(
                SiteURL.oversightUrge.path, method: .POST,
                form: ["target[]": "\(task.uuidString):\(finance.uuidString)", "message": "请本周内补报"])
            // assert
            #expect(sent.location == SiteURL.oversightWith([("light", "problems"), ("urged", "1")]).path)
            let inbox = try await app.page(SiteURL.notifications.path, as: .clerk)
            #expect(inbox.html.contains("督查室催办 1 项任务") && inbox.html.contains("请本周内补报"))
            #expect(inbox.html.contains("1 条未读"))
            _ = try await app.page(SiteURL.notificationsRead.path, method: .POST, form: [:], as: .clerk)
            #expect(try await app.page(SiteURL.notifications.path, as: .clerk).html.contains("0 条未读"))
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "unit.urge").count() == 1)
        }
    }
}
