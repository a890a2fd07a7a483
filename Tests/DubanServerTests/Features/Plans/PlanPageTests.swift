@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// The plan page and the query behind it, on every available database engine.
@Suite("Plan page")
struct PlanPageTests {
    @Test(
        "The page shows the plan's particulars, counts by kind, sections in order and every task",
        arguments: TestDatabase.available)
    func showsPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            // act
            let page = try await app.page(SiteURL.plan(sample.mainPlanID).path)
            // assert
            #expect(page.status == .ok)
            let html = page.html
            #expect(html.contains("<h1>2025年区《政府工作报告》重点工作责任分解方案</h1>"))
            #expect(html.contains("青政办〔2025〕5号"))
            #expect(html.contains("2025-02-10"))
            #expect(html.contains(SampleData.mainFileName))
            #expect(html.contains("<span class=\"stat-value\">8</span><span class=\"stat-label\">任务总数</span>"))
            #expect(html.contains("<span class=\"stat-value\">4</span><span class=\"stat-label\">重点工作</span>"))
            #expect(html.contains("<span class=\"stat-value\">2</span><span class=\"stat-label\">民生实事</span>"))
            #expect(html.contains("<span class=\"stat-value\">0</span><span class=\"stat-label\">上级下达</span>"))
            let headings = ["一、主要预期目标", "二、重点工作", "(一)做强产业支撑", "——壮大先进制造业", "(二)优化营商环境", "三、民生实事"]
            let body = try #require(html.range(of: "class=\"outline-section"))
            let positions = headings.compactMap {
                html.range(of: "<span class=\"section-title\">\($0)</span>", range: body.lowerBound..<html.endIndex)?
                    .lowerBound
            }
            #expect(positions.count == headings.count)
            #expect(positions == positions.sorted())
            #expect(html.contains("推行企业开办“一网通办”，办理时限压缩至1个工作日以内。"))
            #expect(html.contains("<em>牵头</em>区行政审批局"))
            #expect(html.contains("<em>领导</em>刘海燕、王立新"))
            let task = try await sample.task("推行企业开办", on: app.db)
            #expect(html.contains("href=\"\(SiteURL.task(try task.requireID()).path)\""))
            #expect(page.occurrences(of: "<li><span class=\"task-number\">") == 8)
        }
    }

    @Test("Section counts include the tasks of every descendant section", arguments: TestDatabase.available)
    func sectionCountsIncludeDescendants(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let today = try #require(CalendarDay("2025-04-22"))
            // act
            let detail = try #require(
                try await PlanPageQuery.detail(
                    planID: sample.mainPlanID, governmentID: sample.governmentID, today: today, on: app.db))
            // assert
            let byTitle = Dictionary(uniqueKeysWithValues: detail.sections.map { ($0.title, $0) })
            #expect(
                detail.sections.map(\.title) == [
                    "一、主要预期目标", "二、重点工作", "(一)做强产业支撑", "——壮大先进制造业",
                    "(二)优化营商环境", "三、民生实事",
                ])
            #expect(detail.sections.map(\.depth) == [1, 1, 2, 3, 2, 1])
            #expect(byTitle["二、重点工作"]?.total == 4)
            #expect(byTitle["二、重点工作"]?.tasks.isEmpty == true)
            #expect(byTitle["(一)做强产业支撑"]?.total == 2)
            #expect(byTitle["——壮大先进制造业"]?.tasks.map(\.number) == ["1", "2"])
            #expect(byTitle["一、主要预期目标"]?.kinds == [KindCount(kind: "target", label: "主要目标", count: 2)])
            #expect(byTitle["三、民生实事"]?.kinds == [KindCount(kind: "livelihood", label: "民生实事", count: 2)])
            #expect(detail.total == 8)
            let first = try #require(byTitle["——壮大先进制造业"]?.tasks.first)
            #expect(first.leadUnits == "区科学技术和经济信息化局")
            #expect(first.responsibleUnits == "区财政局、东坡街道办事处、西湖街道办事处")
            #expect(first.excerpt == "推进新能源电池产业园二期建设，年内新增规模以上工业企业15家。")
            // 4月22日, nothing filed: the first quarter's report is two days overdue everywhere
            #expect(first.light == "red" && first.lightReasons == "区科学技术和经济信息化局：第一季度报告已逾期 2 天")
        }
    }

    @Test("Tasks outside any section are listed last under 未分节, and counted once per ancestor")
    func outlineArrangement() {
        // setup
        let root = UUID(), child = UUID(), grandchild = UUID(), other = UUID()
        let sections = [
            PlanOutline.Section(id: other, parentID: nil, title: "二、", position: 3),
            PlanOutline.Section(id: root, parentID: nil, title: "一、", position: 0),
            PlanOutline.Section(id: grandchild, parentID: child, title: "——", position: 2),
            PlanOutline.Section(id: child, parentID: root, title: "(一)", position: 1),
        ]
        let tasks: [(UUID?, TaskKind)] = [(grandchild, .task), (child, .livelihood), (nil, .target), (root, .task)]
        // act
        let entries = PlanOutline.arrange(sections: sections, tasks: tasks, sectionOf: \.0, kindOf: \.1)
        // assert
        #expect(entries.map(\.title) == ["一、", "(一)", "——", "二、", "未分节"])
        #expect(entries.map(\.depth) == [1, 2, 3, 1, 1])
        #expect(entries.map(\.tally.total) == [3, 2, 1, 0, 1])
        #expect(entries[0].tally[.livelihood] == 1)
        #expect(entries[0].tasks.count == 1)
        #expect(entries[4].tally[.target] == 1)
    }

    @Test(
        "Unknown, malformed and other governments' plan ids get the Chinese 404 page",
        arguments: TestDatabase.available)
    func unknownPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let other = Government(name: "东湖区人民政府", shortName: "东湖区", level: "区")
            try await other.create(on: app.db)
            let foreign = Plan(governmentID: try other.requireID(), title: "东湖区方案", year: 2025)
            try await foreign.create(on: app.db)
            // act, assert
            for path in [SiteURL.plan(UUID()).path, "/plans/not-an-id", SiteURL.plan(try foreign.requireID()).path] {
                let page = try await app.page(path)
                #expect(page.status == .notFound, "\(path)")
                #expect(page.html.contains("没有找到这个方案"), "\(path)")
                #expect(!page.html.contains("东湖区方案"))
            }
        }
    }
}
