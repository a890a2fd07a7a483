@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// The leader list and leader pages, on every available database engine.
@Suite("Leader pages")
struct LeaderPagesTests {
    @Test("The list shows every leader with their task count", arguments: TestDatabase.available)
    func listsLeaders(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let leader = try await sample.leader("王立新", on: app.db)
            leader.title = "副区长"
            leader.portfolio = "发展改革、财政、统计"
            try await leader.save(on: app.db)
            // act
            let page = try await app.page(SiteURL.leaders.path)
            // assert
            #expect(page.status == .ok)
            #expect(page.html.contains("<a href=\"\(SiteURL.leader(try leader.requireID()).path)\">王立新</a>"))
            #expect(page.html.contains("副区长"))
            #expect(page.html.contains("发展改革、财政、统计"))
            let rows = try await LeaderQuery.rows(governmentID: sample.governmentID, on: app.db)
            #expect(
                Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.taskCount) })
                    == ["王立新": 5, "刘海燕": 3, "赵国强": 1, "孙丽": 2])
        }
    }

    @Test("A leader's page groups their tasks by plan", arguments: TestDatabase.available)
    func showsLeaderTasksByPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let leader = try await sample.leader("孙丽", on: app.db)
            // act
            let page = try await app.page(SiteURL.leader(try leader.requireID()).path)
            let detail = try #require(
                try await LeaderQuery.detail(
                    leaderID: try leader.requireID(), governmentID: sample.governmentID, on: app.db))
            // assert
            #expect(page.status == .ok)
            #expect(page.html.contains("新增公共停车泊位2000个。"))
            #expect(page.html.contains("改造老旧小区18个，完成老旧小区加装电梯40部。"))
            #expect(detail.taskCount == 2)
            #expect(
                Set(detail.plans.map(\.title)) == [
                    "2025年区《政府工作报告》重点工作责任分解方案",
                    "2025年市《政府工作报告》涉及我区办理事项责任细化分解表",
                ])
            #expect(detail.plans.allSatisfy { $0.tasks.count == 1 })
        }
    }

    @Test(
        "A plan's list on a leader's page stops after thirty tasks and links to the search for them all",
        arguments: TestDatabase.available)
    func longPortfolioLinksToSearch(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a plan of 35 tasks, every one 王强's
            let governmentID = try await SampleData.createGovernment(on: app.db)
            var lines = ["2025年区《政府工作报告》重点工作责任分解方案", "一、重点工作"]
            for number in 1...35 {
                lines.append("\(number).推进第\(number)项重点工作落地见效。(责任领导:王强;牵头单位:区发展和改革局)")
            }
            let document = try #require(PlanParser.parse(text: lines.joined(separator: "\n")).first)
            let plan = try await PlanImporter(database: app.db).importPlan(
                document, governmentID: governmentID, year: 2025)
            let leader = try #require(try await Leader.query(on: app.db).filter(\.$name == "王强").first())
            // act
            let page = try await app.page(SiteURL.leader(try leader.requireID()).path)
            let detail = try #require(
                try await LeaderQuery.detail(leaderID: try leader.requireID(), governmentID: governmentID, on: app.db))
            // assert: thirty listed, the total said, and the search lists all 35
            #expect(detail.taskCount == 35 && detail.plans.count == 1)
            #expect(detail.plans.first?.tasks.count == 30 && detail.plans.first?.total == 35)
            let more = try #require(detail.plans.first?.moreHref)
            #expect(more.contains("leader=\(try leader.requireID().uuidString.lowercased())"))
            #expect(more.contains("plan=\(try plan.requireID().uuidString.lowercased())"))
            #expect(page.html.contains("查看全部 35 项</a>（列出了前 30 项）"))
            // the board above lists every duty; the plan's list below it stops at the thirtieth
            let list = try #require(page.html.components(separatedBy: "<section class=\"plan-group\">").last)
            #expect(list.contains("推进第30项重点工作") && !list.contains("推进第31项重点工作"))
            let search = try await app.page(more.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(search.status == .ok && search.html.contains("35"))
        }
    }

    @Test("With no data the list says what to do, and unknown leaders get a 404", arguments: TestDatabase.available)
    func emptyAndUnknown(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let governmentID = try await SampleData.createGovernment(on: app.db)
            let empty = try await app.page(SiteURL.leaders.path)
            #expect(empty.status == .ok)
            #expect(empty.html.contains("还没有领导"))
            try await Leader(governmentID: governmentID, name: "王立新").create(on: app.db)
            let unknown = try await app.page(SiteURL.leader(UUID()).path)
            #expect(unknown.status == .notFound)
            #expect(unknown.html.contains("没有找到这位领导"))
        }
    }
}
