@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// The charts of the 督办 dashboard, a leader's board and a task's reporting page: drawn by the server as SVG,
/// each with its numbers as a table, the numbers matching the records.
@Suite("Dashboard charts")
struct DashboardChartsTests {
    @Test(
        "The dashboard, a leader's board and a task page draw their charts with the right numbers",
        arguments: TestDatabase.available)
    func charts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the first quarter of 2025 as the scoring tests file it
            let sample = try await SampleData.create(on: app.db)
            let cast = try await ScorePagesTests.history(sample, on: app.db)
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-05-01"), hour: 9)))

            // act
            let overview = try await app.page(SiteURL.oversightWith([("plan", sample.mainPlanID.uuidString)]).path)

            // assert: four charts, each an SVG with a table
            for id in ["status-by-section", "status-by-unit", "status-by-leader", "rates-by-period"] {
                #expect(overview.html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\""), "\(id)")
                #expect(overview.html.contains("id=\"\(id)-figure\""), "\(id)")
            }
            // 8 reporting duties, 1 filed on time (区民政局); the one figure reported (区财政局's) is behind 序时
            #expect(overview.html.contains("<tr><td>第一季度</td><td>12.5</td><td>0</td></tr>"))
            // the sections of the plan, each task counted per reporting unit
            #expect(overview.html.contains("<th>板块</th><th>已完成</th><th>推进中</th><th>黄灯</th><th>红灯</th><th>合计</th>"))
            let board = try await DutyStatus.board(.plan(sample.mainPlanID), today: app.clock.today(), on: app.db)
            let red = board.filter { $0.light == .red }.count
            #expect(red > 0 && overview.html.contains(">\(red)<"))
            // one row per top section, in the plan's order, the nested sections' duties counted under their top
            let tops = try await PlanSection.query(on: app.db).filter(\.$plan.$id == sample.mainPlanID)
                .filter(\.$level == 1).sort(\.$position).all().map { $0.title }
            let figure = try #require(
                overview.html.components(separatedBy: "id=\"status-by-section-figure\"").last?
                    .components(separatedBy: "</table>").first)
            let rows = figure.components(separatedBy: "<tr><td>").dropFirst().map { row in
                row.components(separatedBy: "</td>").map { $0.replacingOccurrences(of: "<td>", with: "") }
            }
            #expect(tops.count == 3 && rows.map { $0[0] } == tops)
            #expect(rows.compactMap { Int($0[5]) }.reduce(0, +) == board.count)

            // act / assert: the leader's board charts the portfolio, without the by-leader chart
            let leader = try await app.page(
                SiteURL.leader(try await sample.leader("孙丽", on: app.db).requireID()).path, as: .leader)
            #expect(leader.html.contains("分管任务总览") && leader.html.contains("id=\"status-by-unit\""))
            #expect(!leader.html.contains("id=\"status-by-leader\""))

            // act / assert: the task page draws 兑现资金 against 序时: 1000 reported, 1250 expected
            let task = try await app.page(SiteURL.taskReporting(cast.policyTask).path)
            #expect(task.html.contains("量化指标走势") && task.html.contains("id=\"target-1\""))
            #expect(task.html.contains("<tr><td>第一季度</td><td>1250</td><td>1000</td></tr>"))
        }
    }
}
