@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The 整改 response form as a browser posts it: multipart, with evidence.
struct FindingResponseUpload: Content {
    var text: String
    var files: [File]
    var _csrf: String
}

/// A 督查 round through the pages: the 督查室 starts it and raises a finding, the unit's clerk answers from its
/// desk with evidence, the 督查室 reopens and then closes the finding, and ends the round.
@Suite("Round pages")
struct RoundPagesTests {
    @Test("A round from start to 销号 through the browser", arguments: TestDatabase.available)
    func roundThroughPages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 2025-05-01
            let sample = try await SampleData.create(on: app.db)
            let clock = ManualClock(Date(timeIntervalSince1970: 1_746_057_600))
            app.clock = AppClock(clock)
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let civil = try await sample.unit("区民政局", on: app.db).requireID()
            let plan = sample.mainPlanID.uuidString.lowercased()

            // act: the list, then the form for the main plan
            let list = try await app.page(SiteURL.rounds.path)
            #expect(list.status == .ok && list.html.contains("督查与整改") && list.html.contains("还没有开展督查"))
            let form = try await app.page(SiteURL.roundNew(plan: sample.mainPlanID).path)
            #expect(form.html.contains("2025年第一季度重点督查") && form.html.contains(" 区财政局</label>"))
            #expect(form.html.contains("重点工作"), "the plan's sections are offered as the scope")
            // act: dates the wrong way round are refused, as typed
            var fields = [
                "plan": plan, "kind": "quarterly", "title": "2025年第一季度重点督查", "startsOn": "2025-04-30",
                "endsOn": "2025-04-21", "inspectors": "区政府督查室 王强",
            ]
            let refused = try await app.page(SiteURL.rounds.path, method: .POST, form: fields)
            #expect(refused.status == .unprocessableEntity && refused.html.contains("结束日期不能早于开始日期"))
            #expect(refused.html.contains("区政府督查室 王强"))
            fields["startsOn"] = "2025-04-21"
            fields["endsOn"] = "2025-04-30"
            let started = try await app.page(SiteURL.rounds.path, method: .POST, form: fields)
            #expect(started.status == .seeOther)
            let round = try #require(try await SupervisionRound.query(on: app.db).first())
            let roundID = try round.requireID()
            #expect(started.location == SiteURL.roundAfter(roundID, "started").path)

            // act: a unit that does not hold the task is refused; then the finding is raised
            let roundPage = try await app.page(SiteURL.roundAfter(roundID, "started").path)
            #expect(roundPage.html.contains("督查已开展") && roundPage.html.contains("2025年4月21日至4月30日"))
            #expect(roundPage.html.contains("data-units=") && roundPage.html.contains("建立涉企政策"))
            var finding = [
                "task": task.uuidString, "unit": civil.uuidString, "problem": "政策清单未向社会公开",
                "requirement": "在区政府网站公开清单", "dueOn": "2025-05-10",
            ]
            let wrongUnit = try await app.page(SiteURL.roundFindings(roundID).path, method: .POST, form: finding)
            #expect(wrongUnit.status == .unprocessableEntity && wrongUnit.html.contains("所选单位不承担这项任务"))
            #expect(wrongUnit.html.contains("政策清单未向社会公开"), "the form keeps what was typed")
            finding["unit"] = finance.uuidString
            let raised = try await app.page(SiteURL.roundFindings(roundID).path, method: .POST, form: finding)
            #expect(raised.location == SiteURL.roundAfter(roundID, "raised").path + "#findings")
            let record = try #require(try await RoundFinding.query(on: app.db).first())
            let findingID = try record.requireID()

            // assert: the clerk sees it on the desk, opens it, but not the rounds list
            let desk = try await app.page(SiteURL.unitDesk(finance).path, as: .clerk)
            #expect(desk.html.contains("督查发现的问题（1）") && desk.html.contains("政策清单未向社会公开"))
            #expect(desk.html.contains("5月10日前整改") && desk.html.contains("还剩 9 天"))
            #expect(try await app.page(SiteURL.rounds.path, as: .clerk).status == .forbidden)
            let clerkView = try await app.page(SiteURL.finding(findingID).path, as: .clerk)
            #expect(clerkView.status == .ok && clerkView.html.contains("报送整改情况"))
            #expect(!clerkView.html.contains("核实整改"))

            // act: the clerk answers three days late, with a PDF
            clock.advance(by: 12 * 86_400)
            let answered = try await app.postMultipart(
                SiteURL.findingResponses(findingID).path, from: SiteURL.finding(findingID).path
            ) { csrf in
                FindingResponseUpload(
                    text: "已在区政府网站公开政策清单86项",
                    files: [
                        File(data: ByteBuffer(data: ReportingPageTests.pdf), filename: "公开截图.pdf")
                    ], _csrf: csrf)
            }
            #expect(answered.location == SiteURL.findingAfter(findingID, "answered").path)
            let response = try #require(
                try await FindingResponse.query(on: app.db).with(\.$attachments).first())
            #expect(response.daysLate == 3 && response.attachments.map(\.fileName) == ["公开截图.pdf"])

            // assert: the 督查室 sees the answer with its file and the review form; the file downloads
            let adminView = try await app.page(SiteURL.finding(findingID).path)
            #expect(adminView.html.contains("逾期 3 天") && adminView.html.contains("公开截图.pdf"))
            #expect(adminView.html.contains("核实整改"))
            let file = try #require(response.attachments.first)
            let download = try await app.page(SiteURL.findingAttachment(try file.requireID()).path, as: .clerk)
            #expect(download.status == .ok && download.data == ReportingPageTests.pdf)

            // act: a reopening needs a reason; with one it goes back to the unit with a new deadline
            let review = SiteURL.findingReview(findingID).path
            let bare = try await app.page(review, method: .POST, form: ["decision": "reopen", "comment": ""])
            #expect(bare.status == .unprocessableEntity && bare.html.contains("要求重新整改时，请写明原因"))
            let reopened = try await app.page(
                review, method: .POST, form: ["decision": "reopen", "comment": "未附公开网址", "dueOn": "2025-05-20"])
            #expect(reopened.location == SiteURL.findingAfter(findingID, "reopened").path)
            let again = try await app.page(SiteURL.finding(findingID).path, as: .clerk)
            #expect(again.html.contains("督查室意见：") && again.html.contains("未附公开网址"))
            #expect(again.html.contains("2025年5月20日"))
            _ = try await app.postMultipart(
                SiteURL.findingResponses(findingID).path, from: SiteURL.finding(findingID).path
            ) { csrf in FindingResponseUpload(text: "公开网址已补充", files: [], _csrf: csrf) }
            _ = try await app.page(SiteURL.finding(findingID).path)
            let closed = try await app.page(review, method: .POST, form: ["decision": "close", "comment": "整改到位"])
            #expect(closed.location == SiteURL.findingAfter(findingID, "closed").path)

            // assert: closed, counted as such, off the desk; every step told the other side
            #expect(try await RoundFinding.find(findingID, on: app.db)?.state == .closed)
            let counted = try await app.page(SiteURL.rounds.path)
            #expect(counted.html.contains("已销号 <strong>1</strong>"))
            let cleared = try await app.page(SiteURL.unitDesk(finance).path, as: .clerk)
            #expect(!cleared.html.contains("督查发现的问题（"))
            let told = try await DubanServer.Notification.query(on: app.db).filter(\.$kind == .finding).count()
            #expect(told == 5, "raised, answered, reopened, answered again, closed")

            // act: the round ends; it takes no more findings
            _ = try await app.page(SiteURL.round(roundID).path)
            let ended = try await app.page(SiteURL.roundClose(roundID).path, method: .POST, form: [:])
            #expect(ended.location == SiteURL.roundAfter(roundID, "closed").path)
            let afterEnd = try await app.page(SiteURL.round(roundID).path)
            #expect(afterEnd.html.contains("已结束") && !afterEnd.html.contains("登记并通知单位"))
            let late = try await app.page(SiteURL.roundFindings(roundID).path, method: .POST, form: finding)
            #expect(late.status == .conflict && late.html.contains("这次督查已结束"))
        }
    }
}
