@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A long plan is shown a page of tasks at a time: the cutting itself (pure), and the page on both engines —
/// its tasks, its pager, links to a section's page, and a cost that does not grow with the plan.
@Suite("Plan pages")
struct PlanPagingTests {
    /// 一 (2 tasks) › (一) (3 tasks, one withdrawn) › —— (4 tasks); 二 (no tasks of its own) › (一) (1 task);
    /// 2 tasks outside any section.
    static func sample() -> (PlanPaging, [UUID]) {
        let ids = (0..<5).map { _ in UUID() }
        let sections = [
            PlanOutline.Section(id: ids[0], parentID: nil, title: "一、", position: 0),
            PlanOutline.Section(id: ids[1], parentID: ids[0], title: "(一)", position: 1),
            PlanOutline.Section(id: ids[2], parentID: ids[1], title: "——", position: 2),
            PlanOutline.Section(id: ids[3], parentID: nil, title: "二、", position: 3),
            PlanOutline.Section(id: ids[4], parentID: ids[3], title: "(一)二", position: 4),
        ]
        let counts = [
            PlanPaging.Count(sectionID: ids[0], kind: .target, count: 2),
            PlanPaging.Count(sectionID: ids[1], kind: .task, count: 2),
            PlanPaging.Count(sectionID: ids[1], kind: nil, count: 1),
            PlanPaging.Count(sectionID: ids[2], kind: .task, count: 4),
            PlanPaging.Count(sectionID: ids[4], kind: .livelihood, count: 1),
            PlanPaging.Count(sectionID: nil, kind: .task, count: 2),
        ]
        return (PlanPaging(sections: sections, counts: counts, pageSize: 4), ids)
    }

    @Test("Sections are placed in reading order with where their tasks start; withdrawn tasks are listed, not counted")
    func placements() {
        let (paging, _) = Self.sample()
        #expect(paging.placements.map(\.title) == ["一、", "(一)", "——", "二、", "(一)二", "未分节"])
        #expect(paging.placements.map(\.start) == [0, 2, 5, 9, 9, 10])
        #expect(paging.placements.map(\.direct) == [2, 3, 4, 0, 1, 2])
        #expect(paging.placements.map(\.tally.total) == [8, 6, 4, 1, 1, 2])
        #expect(paging.total == 12 && paging.planTally.total == 11 && paging.pageCount == 3)
        #expect(paging.placements.indices.map(paging.page(of:)) == [0, 0, 1, 2, 2, 2])
    }

    @Test("A page holds its run of tasks, with the headings above its first section when they began earlier")
    func pieces() {
        let (paging, _) = Self.sample()
        // page 1: 一's two tasks, the first two of (一)
        #expect(
            paging.pieces(onPage: 0) == [
                .init(index: 0, offset: 0, limit: 2, isContext: false, isWhole: true),
                .init(index: 1, offset: 0, limit: 2, isContext: false, isWhole: false),
            ])
        // page 2: 一 as context, the rest of (一), three of ——
        #expect(
            paging.pieces(onPage: 1) == [
                .init(index: 0, offset: 0, limit: 0, isContext: true, isWhole: false),
                .init(index: 1, offset: 2, limit: 1, isContext: false, isWhole: false),
                .init(index: 2, offset: 0, limit: 3, isContext: false, isWhole: false),
            ])
        // page 3 (the last, short): 一 and (一) as context, the last of ——, 二 (no tasks of its own), its (一), 未分节
        #expect(
            paging.pieces(onPage: 2) == [
                .init(index: 0, offset: 0, limit: 0, isContext: true, isWhole: false),
                .init(index: 1, offset: 0, limit: 0, isContext: true, isWhole: false),
                .init(index: 2, offset: 3, limit: 1, isContext: false, isWhole: false),
                .init(index: 3, offset: 0, limit: 0, isContext: false, isWhole: true),
                .init(index: 4, offset: 0, limit: 1, isContext: false, isWhole: true),
                .init(index: 5, offset: 0, limit: 2, isContext: false, isWhole: true),
            ])
        // past the end is the last page; an empty plan has one empty page
        #expect(paging.pieces(onPage: 9) == paging.pieces(onPage: 2))
        let empty = PlanPaging(sections: [], counts: [], pageSize: 4)
        #expect(empty.pageCount == 1 && empty.pieces(onPage: 0) == [])
    }

    @Test("A section is found by its page anchor; a count of an unknown section goes to 未分节")
    func anchorsAndUnknownSections() {
        let (paging, ids) = Self.sample()
        #expect(paging.index(ofAnchor: PlanPageQuery.anchor(for: ids[2])) == 2)
        #expect(paging.index(ofAnchor: "unsectioned") == 5)
        #expect(paging.index(ofAnchor: "section-nothing") == nil)
        let stray = PlanPaging(
            sections: [], counts: [.init(sectionID: UUID(), kind: .task, count: 3)], pageSize: 4)
        #expect(stray.placements.map(\.title) == ["未分节"] && stray.total == 3)
    }

    /// Imports the synthetic plan of `tasks` tasks into the sample government.
    static func importPlan(tasks: Int, on app: Application) async throws -> (UUID, UUID) {
        let sample = try await SampleData.create(on: app.db)
        let document = SyntheticPlan.document(tasks: tasks, units: 25)
        let plan = try await PlanImporter(database: app.db).importPlan(document, governmentID: sample.governmentID)
        return (try plan.requireID(), sample.governmentID)
    }

    @Test(
        "A 450-task plan shows 200 tasks a page with a pager, and a section's link opens the page that holds it",
        arguments: TestDatabase.available)
    func pagedPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let (planID, _) = try await Self.importPlan(tasks: 450, on: app)
            let line = "<li><span class=\"task-number\">"
            // act
            let first = try await app.page(SiteURL.plan(planID).path)
            let third = try await app.page(SiteURL.planPage(planID, page: 3).path)
            let beyond = try await app.page(SiteURL.plan(planID).path + "?page=99")
            let junk = try await app.page(SiteURL.plan(planID).path + "?page=abc")
            let sections = try await PlanSection.query(on: app.db).filter(\.$plan.$id == planID).all()
            let governmentID = try await Plan.find(planID, on: app.db)?.$government.id
            let found = try await PlanPageQuery.detail(
                planID: planID, governmentID: try #require(governmentID), today: app.clock.today(),
                page: .init(number: 2), on: app.db)
            let detail = try #require(found)
            // assert
            #expect(first.status == .ok && first.occurrences(of: line) == 200)
            #expect(first.html.contains("本页第 1–200 项，共 450 项"))
            #expect(first.html.contains("<span class=\"pager-summary muted\">第 1 / 3 页</span>"))
            #expect(third.occurrences(of: line) == 50 && third.html.contains("本页第 401–450 项，共 450 项"))
            #expect(beyond.status == .ok && beyond.occurrences(of: line) == 50)
            #expect(junk.status == .ok && junk.occurrences(of: line) == 200)
            #expect(first.html.contains("<span class=\"stat-value\">450</span><span class=\"stat-label\">任务总数</span>"))
            // the second page starts inside a section: its headings say so, and every section is in the contents
            #expect(detail.sections.first?.continued == true)
            #expect(detail.contents.count == sections.count)
            #expect(detail.sections.flatMap(\.tasks).count == 200)
            // a section whose tasks are on page 3, linked by anchor as task pages link it
            let last = try #require(detail.contents.last { $0.href.contains("?page=3#") })
            let anchor = String(try #require(last.href.split(separator: "#").last))
            let bySection = try await app.page(
                SiteURL.planSection(plan: planID, anchor: anchor).path.replacingOccurrences(of: "#" + anchor, with: ""))
            #expect(bySection.html.contains("id=\"\(anchor)\"") && bySection.html.contains("第 3 / 3 页"))
        }
    }

    @Test("A plan page costs the same queries for 450 tasks as for 1,350", arguments: TestDatabase.available)
    func costDoesNotGrow(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let (small, _) = try await Self.importPlan(tasks: 450, on: app)
            let owner = try await Plan.find(small, on: app.db)?.$government.id
            let governmentID = try #require(owner)
            let large = try await PlanImporter(database: app.db).importPlan(
                SyntheticPlan.document(tasks: 1_350, units: 25), governmentID: governmentID
            ).requireID()
            // Each page is read twice and counted the second time: unchanged, it would come from the page cache.
            app.pageCache?.isEnabled = false
            let browser = try await app.browser(signedInAs: .admin)
            let cookie = try #require(browser.cookie)
            func reads(_ path: String) async throws -> Int {
                let response = try await app.testing().sendRequest(
                    .GET, path,
                    beforeRequest: { $0.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] })
                #expect(response.status == .ok)
                return Int(response.headers.first(name: QueryCountingMiddleware.readsHeader) ?? "") ?? -1
            }
            // act: each plan read once before (its lights are worked out on the first read of the day, as the
            // background job would have done), then measured
            _ = try await reads(SiteURL.planPage(small, page: 2).path)
            _ = try await reads(SiteURL.planPage(large, page: 5).path)
            let smallReads = try await reads(SiteURL.planPage(small, page: 2).path)
            let largeReads = try await reads(SiteURL.planPage(large, page: 5).path)
            // assert
            #expect(smallReads > 0 && smallReads == largeReads)
        }
    }
}

/// The target table is paged by tasks the same way; the workbook keeps every row.
@Suite("Target table pages")
struct TargetTablePagingTests {
    @Test("Pages of fifty tasks together hold exactly the whole table's rows", arguments: TestDatabase.available)
    func pagesMakeTheWhole(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let (planID, _) = try await PlanPagingTests.importPlan(tasks: 260, on: app)
            let plan = try #require(try await Plan.find(planID, on: app.db))
            // act
            let whole = try await TargetTable.make(plan: plan, on: app.db)
            var paged: [TargetTable.Row] = []
            let first = try await TargetTable.make(plan: plan, page: 1, on: app.db)
            for number in 1...first.pageCount {
                paged += try await TargetTable.make(plan: plan, page: number, on: app.db).rows
            }
            let beyond = try await TargetTable.make(plan: plan, page: 999, on: app.db)
            let html = try await app.page(SiteURL.planTargets(planID).path).html
            // assert
            #expect(first.pageCount > 1 && first.targetCount == whole.targetCount)
            #expect(whole.pageCount == 1 && whole.rows.count > first.rows.count)
            #expect(
                paged.map { "\($0.number)|\($0.label)|\($0.unitName)" }
                    == whole.rows.map { "\($0.number)|\($0.label)|\($0.unitName)" })
            #expect(beyond.page == first.pageCount)
            #expect(html.contains("第 1 / \(first.pageCount) 页") && html.contains("指标（\(whole.targetCount)）"))
        }
    }
}
