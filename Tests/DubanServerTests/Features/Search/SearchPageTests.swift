@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting

/// Task search, through the service and the page, on every available database engine.
@Suite("Search")
struct SearchPageTests {
    /// The search page for these parameters.
    private func search(_ app: Application, _ items: [(name: String, value: String)]) async throws -> RenderedPage {
        try await app.page(SiteURL.searchWith(items).path)
    }

    /// The number of matching tasks the service reports.
    private func total(_ app: Application, _ sample: SampleData, _ criteria: TaskSearch.Criteria) async throws -> Int {
        try await TaskSearch(database: app.db).search(criteria, governmentID: sample.governmentID, limit: 20, offset: 0)
            .total
    }

    @Test("Finds Chinese substrings of three or more characters and of one or two", arguments: TestDatabase.available)
    func substrings(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            // act
            let long = try await search(app, [("q", "一网通办")])
            let short = try await search(app, [("q", "食堂")])
            // assert
            #expect(long.status == .ok)
            #expect(long.html.contains("共找到 <strong>1</strong> 项任务"))
            #expect(long.html.contains("推行企业开办“<mark>一网通办</mark>”，办理时限"))
            #expect(short.html.contains("共找到 <strong>1</strong> 项任务"))
            #expect(short.html.contains("新建社区<mark>食堂</mark>4个"))
            #expect(try await total(app, sample, .init(text: "老旧小区")) == 1)
            #expect(try await total(app, sample, .init(text: "增长")) == 3)
            #expect(try await total(app, sample, .init(text: "改造 老旧")) == 1)
            #expect(try await total(app, sample, .init(text: "不存在的内容")) == 0)
            #expect(try await total(app, sample, .init(text: "5G")) == 0)
        }
    }

    @Test(
        "Control characters in a search term are dropped, not sent to the database", arguments: TestDatabase.available)
    func controlCharacters(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await SampleData.create(on: app.db)
            // A NUL byte (which PostgreSQL refuses in text) and an escape, in the page and in the unit directory.
            #expect(try await app.page(SiteURL.search.path + "?q=%00%1B%E9%A3%9F%E5%A0%82").status == .ok)
            #expect(try await app.page(SiteURL.units.path + "?q=%00%E5%8C%BA").status == .ok)
            #expect(SearchText.clean(" \u{0}食\u{1B}堂\n") == "食堂")
        }
    }

    @Test("LIKE wildcards and FTS5 quotes typed by a user are matched as text", arguments: TestDatabase.available)
    func specialCharacters(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            #expect(try await total(app, sample, .init(text: "%")) == 3)
            #expect(try await total(app, sample, .init(text: "_")) == 0)
            #expect(try await total(app, sample, .init(text: "12%")) == 1)
            #expect(try await total(app, sample, .init(text: "\"一网通办\" OR 食堂")) == 0)
            #expect(TaskSearch.likePattern("50%_\\") == "%50\\%\\_\\\\%")
            #expect(TaskSearch.ftsPhrase("a\"b") == "\"a\"\"b\"")
        }
    }

    @Test(
        "Filters by plan, section (with descendants), unit, leader and kind narrow the results",
        arguments: TestDatabase.available)
    func filters(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let sunLi = try await sample.leader("孙丽", on: app.db).requireID()
            let work = try await sample.section("二、", on: app.db).requireID()
            let manufacturing = try await sample.section("——壮大", on: app.db).requireID()
            // act, assert
            #expect(try await total(app, sample, .init(text: "增长", planID: sample.cascadePlanID)) == 1)
            #expect(try await total(app, sample, .init(unitID: finance)) == 3)
            #expect(try await total(app, sample, .init(leaderID: sunLi)) == 2)
            #expect(try await total(app, sample, .init(kind: .livelihood)) == 2)
            #expect(try await total(app, sample, .init(kind: .cascaded)) == 2)
            #expect(try await total(app, sample, .init(planID: sample.mainPlanID, sectionID: work)) == 4)
            #expect(try await total(app, sample, .init(planID: sample.mainPlanID, sectionID: manufacturing)) == 2)
            #expect(try await total(app, sample, .init(text: "增长", unitID: finance, kind: .task)) == 1)
            let page = try await search(
                app,
                [
                    ("plan", sample.mainPlanID.uuidString), ("section", work.uuidString),
                    ("kind", "task"),
                ])
            #expect(page.html.contains("共找到 <strong>4</strong> 项任务"))
            #expect(page.html.contains("<option value=\"\(work.uuidString.lowercased())\" selected>二、重点工作</option>"))
            #expect(page.html.contains("<option value=\"task\" selected>重点工作</option>"))
            let stale = try await search(
                app, [("plan", sample.cascadePlanID.uuidString), ("section", work.uuidString)])
            #expect(stale.html.contains("共找到 <strong>2</strong> 项任务"))
        }
    }

    @Test("Results come 20 to a page with a pager that keeps the filters", arguments: TestDatabase.available)
    func paging(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let lines = (1...45).map { "\($0).建设智慧社区试点第\($0)个。(责任领导:赵国强;牵头单位:区民政局)" }
            let text = "2025年区智慧社区建设任务责任分解方案\n一、智慧社区\n" + lines.joined(separator: "\n")
            try await PlanImporter(database: app.db).importPlan(
                #require(PlanParser.parse(text: text).first), governmentID: sample.governmentID)
            let query = [(name: "q", value: "智慧社区")]
            // act
            let first = try await search(app, query)
            let third = try await search(app, query + [("page", "3")])
            let beyond = try await search(app, query + [("page", "99")])
            let garbage = try await search(app, query + [("page", "abc")])
            // assert
            #expect(first.html.contains("共找到 <strong>45</strong> 项任务，当前显示第 1–20 项"))
            #expect(first.occurrences(of: "<li><span class=\"task-number\">") == 20)
            #expect(first.html.contains("建设<mark>智慧社区</mark>试点第1个"))
            let nextHref = SiteURL.searchWith(query + [("page", "2")]).path.replacingOccurrences(of: "&", with: "&amp;")
            #expect(first.html.contains("href=\"\(nextHref)\" rel=\"next\""))
            #expect(first.html.contains("第 1 / 3 页"))
            #expect(third.occurrences(of: "<li><span class=\"task-number\">") == 5)
            #expect(third.html.contains("当前显示第 41–45 项"))
            #expect(third.html.contains("试点第45个"))
            #expect(!third.html.contains("试点第1个。"))
            #expect(beyond.html.contains("第 3 / 3 页"))
            #expect(garbage.html.contains("第 1 / 3 页"))
        }
    }

    @Test(
        "An empty query shows the form and a hint; HTML in queries and task text is escaped",
        arguments: TestDatabase.available)
    func emptyAndEscaped(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let task = TaskRecord(
                planID: sample.mainPlanID, sectionID: nil, key: "x", number: "99", kind: .task,
                text: "建设<script>alert(1)</script>平台", deadline: nil, parentNumber: nil, parentText: nil,
                sourceLine: 1, position: 99)
            try await task.create(on: app.db)
            // act
            let empty = try await app.page(SiteURL.search.path)
            let escaped = try await search(app, [("q", "<script>")])
            // assert
            #expect(empty.status == .ok)
            #expect(empty.html.contains("输入任务内容中的字词"))
            #expect(!empty.html.contains("共找到"))
            #expect(escaped.status == .ok)
            #expect(escaped.html.contains("建设<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;平台"))
            #expect(escaped.html.contains("value=\"&lt;script&gt;\""))
            #expect(!escaped.html.contains("<script>"))
        }
    }

    @Test("Another government's tasks are never found", arguments: TestDatabase.available)
    func scopedToGovernment(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            let other = Government(name: "东湖区人民政府", shortName: "东湖区", level: "区")
            try await other.create(on: app.db)
            try await PlanImporter(database: app.db).importPlan(
                #require(PlanParser.parse(text: SampleData.mainText).first), governmentID: other.requireID())
            #expect(try await total(app, sample, .init(text: "一网通办")) == 1)
        }
    }

    @Test("Highlighting marks every term, earliest and longest first, ignoring Latin case")
    func highlight() {
        let segments = TextSegment.highlight("新增5g基站，5G覆盖", terms: ["5G", "基站"])
        #expect(
            segments == [
                .init(text: "新增", isMatch: false), .init(text: "5g", isMatch: true), .init(text: "基站", isMatch: true),
                .init(text: "，", isMatch: false), .init(text: "5G", isMatch: true), .init(text: "覆盖", isMatch: false),
            ])
        #expect(TextSegment.highlight("abc", terms: []) == [.init(text: "abc", isMatch: false)])
    }
}

/// Which index each term can use: the SQL a term becomes, per engine.
@Suite("Search index use")
struct SearchIndexUseTests {
    @Test("SQLite uses FTS5 for 3+ characters and LIKE below; PostgreSQL uses ILIKE", arguments: TestDatabase.available)
    func conditions(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sql = try app.db.requireSQL()
            func rendered(_ term: String) -> String {
                var serializer = SQLSerializer(database: sql)
                TaskSearch.textCondition(term, dialect: sql.dialect.name).serialize(to: &serializer)
                return serializer.sql
            }
            if database == .sqlite {
                #expect(rendered("一网通办").contains("task_search MATCH"))
                #expect(rendered("食堂").contains("t.text LIKE"))
            } else {
                #expect(rendered("一网通办").contains("t.text ILIKE"))
                #expect(rendered("食堂").contains("t.text ILIKE"))
            }
        }
    }
}
