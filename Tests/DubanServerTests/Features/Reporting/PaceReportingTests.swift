@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// 序时进度 on the pages: a reported figure is classed against its target at its period, a figure behind pace
/// turns the light yellow whatever the text says, and the plan's shares are set on its rules page.
@Suite("序时 in reporting")
struct PaceReportingTests {
    /// The rules form of the default rules with `pace` typed in.
    static func rulesForm(pace: String) -> [String: String] {
        [
            "cycle": "quarterly", "dueKind": "following", "dueDay": "20", "firstPeriod": "1", "reporter": "lead",
            "workPlanDue": "2-15", "reminderDays": "3", "yellowDays": "5", "redAfter": "2", "pace": pace,
        ]
    }

    @Test(
        "A figure behind 序时 is marked and turns the light yellow; the plan's own shares change the measure",
        arguments: TestDatabase.available)
    func pace(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 4月10日, 区财政局 reports 1000万元 of 5000万元 for the first quarter, "按序时推进"
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let upload = ReportUpload(
                period: "2025-Q1", status: "on_schedule", narrative: "已兑现资金1000万元。", reason: "",
                actuals: ["1000"], keep: [], files: [], _csrf: "")
            #expect(try await app.postReport(upload, task: task).status == .seeOther)
            // assert: 25 % of 5000 is 1250: behind, on the page and in the light
            let page = try await app.page(SiteURL.taskReporting(task).path)
            #expect(page.html.contains("<span class=\"badge pace-behindPace\">未达序时（低于序时进度 250 万元）</span>"))
            let board = try await DutyStatus.board(.tasks([task]), today: app.clock.today(), on: app.db)
            let status = try #require(board.first { $0.unit.id == finance })
            #expect(status.light == .yellow)
            #expect(status.assessment.messages.contains { $0.hasSuffix("未达序时（低于序时进度 250 万元）") })
            // act: the plan front-loads nothing: 10 % by March
            let rules = SiteURL.planRules(sample.mainPlanID).path
            _ = try await app.page(rules)
            let refused = try await app.page(rules, method: .POST, form: Self.rulesForm(pace: "13月 10%"))
            #expect(refused.status == .unprocessableEntity && refused.html.contains("“序时进度”须写成“月份 百分比”"))
            let saved = try await app.page(rules, method: .POST, form: Self.rulesForm(pace: "3月 10%"))
            #expect(saved.status == .seeOther)
            let reread = try await app.page(rules)
            #expect(reread.html.contains("value=\"3月 10%\"") && reread.html.contains("序时进度按本方案的安排：3月 10%"))
            // assert: 10 % of 5000 is 500: on pace now, and the light is no longer yellow for it
            let after = try await app.page(SiteURL.taskReporting(task).path)
            #expect(after.html.contains("<span class=\"badge pace-onPace\">达到序时</span>"))
            let again = try await DutyStatus.board(.tasks([task]), today: app.clock.today(), on: app.db)
            #expect(again.first { $0.unit.id == finance }?.light == .green)
        }
    }
}
