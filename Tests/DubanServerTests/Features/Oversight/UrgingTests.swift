@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// 催办 as the unit receives it and the 督查室 sends it: the plan and the task's words in the message, the
/// desk saying who urged what and when, the filter kept, and the administrator starting on 督办.
@Suite("Urging")
struct UrgingTests {
    @Test(
        "An urge names plan and task, shows on the desk with who and when, and keeps the overview's filter",
        arguments: TestDatabase.available)
    func urge(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            // assert: the administrator lands on 督办, whose urge form carries the filter shown
            #expect(try await app.page(SiteURL.home.path).location == SiteURL.oversight.path)
            let plan = sample.mainPlanID.uuidString.lowercased()
            let overview = try await app.page(SiteURL.oversightWith([("plan", plan), ("light", "all")]).path)
            #expect(overview.html.contains("<input type=\"hidden\" name=\"plan\" value=\"\(plan)\">"))
            #expect(overview.html.contains("<input type=\"hidden\" name=\"light\" value=\"all\">"))
            #expect(overview.html.contains("<input type=\"hidden\" name=\"page\" value=\"1\">"))
            #expect(overview.html.contains("data-select-all=\"target[]\""))
            // act
            let urged = try await app.page(
                SiteURL.oversightUrge.path, method: .POST,
                form: [
                    "target[]": "\(task.uuidString):\(finance.uuidString)", "message": "请本周内补报",
                    "plan": plan, "light": "all", "page": "2",
                ])
            // assert: back to the same filter and page
            #expect(urged.location == "/oversight?plan=\(plan)&light=all&page=2&urged=1")
            // assert: the message names the plan and the task's own words
            let notice = try #require(
                try await Notification.query(on: app.db).filter(\.$kind == .urge).first())
            #expect(notice.body.contains("《2025年区〈政府工作报告〉重点工作责任分解方案》第 4 项“建立涉企政策“免申即享”清单"))
            #expect(notice.body.hasSuffix("督查室说明：请本周内补报"))
            // assert: the desk says the task was urged, by whom and when (Beijing time)
            let desk = try await app.page(SiteURL.unitDesk(finance).path, as: .clerk)
            #expect(desk.html.contains("2025-04-10 08:00"))
            #expect(desk.html.contains("催办：请本周内补报"))
            let urges = try await TaskUrge.query(on: app.db).all()
            #expect(urges.count == 1 && urges.first?.$task.id == task && urges.first?.$unit.id == finance)
        }
    }

    @Test("Reminders quote the task's first words")
    func reminderWords() {
        #expect(TaskNaming.words("新增公共停车泊位2000个。") == "新增公共停车泊位2000个。")
        let long = String(repeating: "推进", count: 20)
        #expect(TaskNaming.words(long) == String(long.prefix(30)) + "……")
        #expect(TaskNaming.phrase(number: "6", text: "新增公共停车泊位", planTitle: "方案") == "《方案》第 6 项“新增公共停车泊位”")
    }

    @Test("The demo never stamps a moment later than the real time")
    func demoStamp() throws {
        let today = try #require(CalendarDay("2026-12-03"))
        // 04:50 Beijing time is 20:50 UTC the day before
        let early = today.startDate(in: AppClock.timeZone).addingTimeInterval(4 * 3600 + 50 * 60)
        #expect(DemoReporting.stamp(today, hour: 8, now: early) == early)
        let noon = today.startDate(in: AppClock.timeZone).addingTimeInterval(12 * 3600)
        #expect(DemoReporting.stamp(today, hour: 8, now: noon) == AppClock.moment(today, hour: 8))
        #expect(DisplayTime.minute(DemoReporting.stamp(today, hour: 8, now: early)) == "2026-12-03 04:50")
    }
}
