@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// The report form with answers to 批示, as a browser posts it.
struct AnsweredReportUpload: Content {
    var period: String
    var status: String
    var narrative: String
    var reason: String
    var actuals: [String]
    var answerTo: [String]
    var answer: [String]
    var _csrf: String
}

/// A leader's day: their board as home, a 批示 that reaches the units and the 督查室, and the units' answers
/// coming back in their next reports.
@Suite("Leaders' board and 批示")
struct LeaderBoardTests {
    /// 2025-04-25: the first quarter was due 4月20日.
    static let april25 = Date(timeIntervalSince1970: 1_745_539_200)

    @Test(
        "The leader's home is the board of their portfolio: lights, overdue, latest figures, units behind",
        arguments: TestDatabase.available)
    func board(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Self.april25))
            let parking = try await sample.task("新增公共停车泊位", on: app.db).requireID()
            let transport = try await sample.unit("区交通运输局", on: app.db).requireID()
            _ = try await ReportFiling.submit(
                .init(
                    period: try #require(ReportingPeriod.quarter(1, of: 2025)), status: .onSchedule, reason: "",
                    narrative: "已建成泊位650个。",
                    actuals: [.init(label: "新增公共停车泊位", unitOfMeasure: "个", target: 2000, actual: 650)],
                    newFiles: [], keptAttachmentIDs: []),
                taskID: parking, unitID: transport,
                by: .init(userID: nil, actor: .system, requestID: nil, now: app.clock.now(), today: app.clock.today()),
                on: app.db)
            let leaderID = try await sample.leader(SampleData.leaderName, on: app.db).requireID()
            // act
            #expect(try await app.page(SiteURL.home.path, as: .leader).location == SiteURL.leader(leaderID).path)
            let home = try await app.page(SiteURL.leader(leaderID).path, as: .leader)
            // assert: the board, the lights of each task, what is overdue and who is behind
            #expect(home.status == .ok && home.html.contains("我的督办") && home.html.contains("我的通知"))
            #expect(home.html.contains("分管任务进展（2）"), "task 6 of the plan and task 2 of the cascade, one unit each")
            #expect(home.html.contains("新增公共停车泊位 650个（目标 2000个）"))
            #expect(home.html.contains("第一季度 按序时推进 · 待审核"))
            #expect(home.html.contains("逾期未报（1）") && home.html.contains("区住房和城乡建设局：第一季度报告已逾期 5 天"))
            #expect(home.html.contains("进度滞后的单位") && home.html.contains("<td>区住房和城乡建设局</td>"))
            #expect(home.html.contains("light light-pending"))
            // assert: someone else reading the leader's page sees the board without the leader's inbox
            let seen = try await app.page(SiteURL.leader(leaderID).path)
            #expect(seen.html.contains("分管任务进展（2）") && !seen.html.contains("我的通知"))
            let (board, _) = try await LeaderBoard.load(
                taskIDs: [parking], page: 1, today: app.clock.today(), on: app.db
            ) { SiteURL.leaderPage(leaderID, page: $0).path }
            #expect(board.rows.map(\.unitName) == ["区交通运输局"] && board.rowTotal == 1)
            // assert: a page past the end shows the last
            let beyond = try await app.page(SiteURL.leaderPage(leaderID, page: 9).path)
            #expect(beyond.status == .ok && beyond.html.contains("分管任务进展（2）"))
            #expect(beyond.html.contains("新增公共停车泊位 650个（目标 2000个）"))
        }
    }

    @Test(
        "A 批示 reaches the task's units and the 督查室, is audited, and is answered in the next report",
        arguments: TestDatabase.available)
    func instruction(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let reporting = SiteURL.taskReporting(task).path
            let action = SiteURL.taskInstructions(task).path
            // assert: only a leader gets the form, and only a leader may post it
            let leaderPage = try await app.page(reporting, as: .leader)
            #expect(leaderPage.html.contains("发送批示") && leaderPage.html.contains("领导批示（0）"))
            #expect(!(try await app.page(reporting)).html.contains("发送批示"))
            _ = try await app.page(reporting, as: .clerk)
            let refused = try await app.page(action, method: .POST, form: ["text": "请加快"], as: .clerk)
            #expect(refused.status == .forbidden)
            // act: an empty 批示 comes back inside the page
            _ = try await app.page(reporting, as: .leader)
            let empty = try await app.page(action, method: .POST, form: ["text": "  "], as: .leader)
            #expect(empty.status == .unprocessableEntity && empty.html.contains("请填写批示内容。"))
            #expect(empty.html.contains("class=\"site-header\""))
            // act
            let given = try await app.page(
                action, method: .POST, form: ["text": "请6月底前兑现过半，每月报进度。", "report": ""], as: .leader)
            #expect(given.status == .seeOther && given.location == reporting + "?done=instruction#instructions")
            // assert: every unit of the task and the office were told; it is in the audit log
            let notices = try await Notification.query(on: app.db).filter(\.$kind == .instruction).all()
            let units = Set(notices.compactMap(\.$unit.id))
            #expect(units.contains(finance) && units.count == 3, "the lead unit and both responsible units")
            #expect(notices.contains { $0.$unit.id == nil && $0.$leader.id == nil }, "the 督查室")
            #expect(notices.first?.title == "孙丽对第 4 项任务作出批示")
            #expect(notices.first?.body.contains("请6月底前兑现过半，每月报进度。") == true)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "task.instruct").count() == 1)
            let history = try await app.page(reporting)
            #expect(history.html.contains("领导批示（1）") && history.html.contains("待答复：区财政局"))

            // act: the clerk answers it in the next report
            let form = try await app.page(reporting, as: .clerk)
            let instruction = try #require(try await Instruction.query(on: app.db).first())
            let id = try instruction.requireID().uuidString.lowercased()
            #expect(form.html.contains("领导批示落实情况") && form.html.contains("name=\"answerTo[]\" value=\"\(id)\""))
            let response = try await app.postReportForm(task: task) { csrf in
                AnsweredReportUpload(
                    period: "2025-Q1", status: "on_schedule", narrative: "已兑现资金3200万元。", reason: "",
                    actuals: ["3200"], answerTo: [id], answer: ["已按批示制定月度兑现计划，5月底前兑现2600万元。"],
                    _csrf: csrf)
            }
            #expect(response.status == .seeOther)
            // assert: the answer is kept with the instruction, the leader is told, nothing is left to answer
            let replies = try await InstructionReply.query(on: app.db).all()
            #expect(replies.map(\.text) == ["已按批示制定月度兑现计划，5月底前兑现2600万元。"])
            let leaderID = try await sample.leader(SampleData.leaderName, on: app.db).requireID()
            let told = try await Notification.query(on: app.db).filter(\.$leader.$id == leaderID).all()
            #expect(told.map(\.title) == ["区财政局报告了第 4 项任务批示的落实情况"])
            let inbox = try await app.page(SiteURL.notifications.path, as: .leader)
            #expect(inbox.html.contains("区财政局报告了第 4 项任务批示的落实情况"))
            let office = try await app.page(SiteURL.notifications.path)
            #expect(!office.html.contains("报告了第 4 项任务批示的落实情况"), "the leader's own, not the office's")
            let after = try await app.page(reporting, as: .clerk)
            #expect(after.html.contains("区财政局</strong> <span class=\"muted small\">"))
            #expect(after.html.contains("落实情况</span>：已按批示制定月度兑现计划"))
            #expect(!after.html.contains("name=\"answerTo[]\""))
        }
    }
}
