@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// The task page, on every available database engine.
@Suite("Task page")
struct TaskPageTests {
    @Test(
        "The page shows the full text, breadcrumbs, every role with linked units, leaders, deadline and source",
        arguments: TestDatabase.available)
    func showsTask(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let task = try await sample.task("推进新能源电池产业园", on: app.db)
            let finance = try await sample.unit("区财政局", on: app.db)
            let leader = try await sample.leader("王立新", on: app.db)
            // act
            let page = try await app.page(SiteURL.task(try task.requireID()).path)
            // assert
            #expect(page.status == .ok)
            let html = page.html
            #expect(html.contains("<p class=\"task-full-text\">推进新能源电池产业园二期建设，年内新增规模以上工业企业15家。</p>"))
            let crumbs = try #require(html.range(of: "<nav class=\"breadcrumbs\"")).lowerBound
            let crumbText = String(html[crumbs...].prefix(while: { $0 != "\n" }))
            for part in ["方案", "2025年区《政府工作报告》重点工作责任分解方案", "二、重点工作", "(一)做强产业支撑", "——壮大先进制造业", "任务 1"] {
                #expect(crumbText.contains(">\(part)<"), "\(part)")
            }
            #expect(
                crumbText.contains(
                    SiteURL.planSection(
                        plan: sample.mainPlanID,
                        anchor: PlanPageQuery.anchor(for: task.$section.id)
                    ).path))
            for label in ["总牵头单位", "牵头单位", "责任单位"] { #expect(html.contains(">\(label)</span>"), "\(label)") }
            #expect(!html.contains(">协办单位</span>"))
            #expect(html.contains("<a class=\"chip\" href=\"\(SiteURL.unit(try finance.requireID()).path)\">区财政局</a>"))
            #expect(html.contains("<a class=\"chip\" href=\"\(SiteURL.leader(try leader.requireID()).path)\">王立新"))
            #expect(html.contains("2025年12月"))
            #expect(html.contains("原文第15行"))
            #expect(html.contains(SampleData.mainFileName))
            #expect(html.contains("<li class=\"is-task\"><span class=\"line-number\">15</span>"))
            #expect(html.contains("<span class=\"line-number\">13</span><span class=\"line-text\">(一)做强产业支撑</span>"))
            #expect(html.contains("<span class=\"line-number\">20</span>"))
            #expect(!html.contains("<span class=\"line-number\">21</span>"))
        }
    }

    @Test("A cascaded task shows the higher level's number and words", arguments: TestDatabase.available)
    func showsParentOfCascadedTask(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let task = try await sample.task("社会消费品零售总额增长8.5%", on: app.db)
            // act
            let page = try await app.page(SiteURL.task(try task.requireID()).path)
            // assert
            #expect(page.status == .ok)
            #expect(page.html.contains("上级下达"))
            #expect(page.html.contains("第 12 项"))
            #expect(page.html.contains("<p>社会消费品零售总额增长8%。</p>"))
            #expect(page.html.contains("12月"))
        }
    }

    @Test("The source excerpt numbers lines as the parser does and stops at the end of the text")
    func sourceExcerpt() {
        // act
        let lines = TaskPageQuery.excerpt(of: "a\nb\n\nd\ne", around: 4)
        // assert
        #expect(lines.map(\.number) == [2, 3, 4, 5])
        #expect(lines.map(\.text) == ["b", "", "d", "e"])
        #expect(lines.map(\.isTask) == [false, false, true, false])
        #expect(TaskPageQuery.excerpt(of: "a\nb", around: 9).isEmpty)
        #expect(TaskPageQuery.excerpt(of: "", around: 1).isEmpty)
    }

    @Test("Unknown and malformed task ids get the Chinese 404 page", arguments: TestDatabase.available)
    func unknownTask(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await SampleData.create(on: app.db)
            for path in [SiteURL.task(UUID()).path, "/tasks/42"] {
                let page = try await app.page(path)
                #expect(page.status == .notFound)
                #expect(page.html.contains("没有找到这项任务"))
            }
        }
    }
}
