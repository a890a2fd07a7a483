@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// The unit directory and unit pages, on every available database engine.
@Suite("Unit pages")
struct UnitPagesTests {
    @Test(
        "The directory groups units by kind with aliases, counts by role and a group's members",
        arguments: TestDatabase.available)
    func directory(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let east = try await sample.unit("东坡街道办事处", on: app.db)
            // act
            let page = try await app.page(SiteURL.units.path)
            let listing = try await UnitDirectoryQuery.listing(governmentID: sample.governmentID, query: "", on: app.db)
            // assert
            #expect(page.status == .ok)
            #expect(page.html.contains("<h2>政府部门 "))
            #expect(page.html.contains("<h2>街道 / 镇 "))
            #expect(page.html.contains("<h2>集合称谓 "))
            #expect(page.html.contains("简称 区科经局"))
            #expect(page.html.contains("<a href=\"\(SiteURL.unit(try east.requireID()).path)\">东坡街道办事处</a>"))
            let rows = Dictionary(uniqueKeysWithValues: listing.groups.flatMap(\.units).map { ($0.name, $0) })
            let development = try #require(rows["区发展和改革局"])
            #expect(
                [development.overallLead, development.lead, development.responsible, development.total] as [Int] == [
                    2, 1, 1, 4,
                ])
            let science = try #require(rows["区科学技术和经济信息化局"])
            #expect([science.lead, science.responsible] as [Int] == [2, 2])
            #expect(rows["区科经局"] == nil)
            #expect(rows["各街道办事处"]?.members.map(\.label) == ["东坡街道办事处", "西湖街道办事处"])
            let kindOrder = UnitKind.allCases.map(\.rawValue)
            let groupOrder = listing.groups.compactMap { kindOrder.firstIndex(of: $0.kind) }
            #expect(groupOrder == groupOrder.sorted())
            #expect(groupOrder.count == listing.groups.count)
        }
    }

    @Test(
        "The filter matches names and aliases; no match and no data each say what to do",
        arguments: TestDatabase.available)
    func filter(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let governmentID = try await SampleData.createGovernment(on: app.db)
            let empty = try await app.page(SiteURL.units.path)
            #expect(empty.html.contains("还没有单位"))
            _ = try await SampleData.create(on: app.db, inGovernment: governmentID)
            // act
            let byAlias = try await app.page(SiteURL.unitsMatching("科经").path)
            let byName = try await app.page(SiteURL.unitsMatching("街道").path)
            let none = try await app.page(SiteURL.unitsMatching("不存在的局").path)
            // assert
            #expect(byAlias.html.contains("区科学技术和经济信息化局"))
            #expect(!byAlias.html.contains("区财政局"))
            #expect(byAlias.html.contains("找到 1 个单位"))
            #expect(byName.html.contains("找到 3 个单位"))
            #expect(none.status == .ok)
            #expect(none.html.contains("没有名称或简称包含“不存在的局”的单位"))
        }
    }

    @Test("A unit's page shows its names, groups and tasks by role with plan titles", arguments: TestDatabase.available)
    func unitPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let science = try await sample.unit("区科学技术和经济信息化局", on: app.db)
            let east = try await sample.unit("东坡街道办事处", on: app.db)
            // act
            let page = try await app.page(SiteURL.unit(try science.requireID()).path)
            let eastPage = try await app.page(SiteURL.unit(try east.requireID()).path)
            let detail = try #require(
                try await UnitPageQuery.detail(
                    unitID: try science.requireID(), governmentID: sample.governmentID, withContacts: true, on: app.db))
            // assert
            #expect(page.status == .ok)
            #expect(page.html.contains("<h1>区科学技术和经济信息化局</h1>"))
            #expect(page.html.contains("<span class=\"chip plain\">区科经局</span>"))
            #expect(page.html.contains("实施技术改造项目40个以上"))
            #expect(page.html.contains("2025年市《政府工作报告》涉及我区办理事项责任细化分解表"))
            #expect(page.html.contains("把另一个单位合并到本单位"))
            #expect(page.html.contains("action=\"\(SiteURL.unitMerge(try science.requireID()).path)\""))
            #expect(!page.html.contains("<option value=\"\(try science.requireID().uuidString.lowercased())\""))
            #expect(detail.roles.map(\.label) == ["牵头单位", "责任单位"])
            #expect(detail.roles.map(\.tasks.count) == [2, 2])
            #expect(detail.taskCount == 4)
            #expect(eastPage.html.contains(">各街道办事处</a>"))
        }
    }

    @Test("Unknown and malformed unit ids get the Chinese 404 page", arguments: TestDatabase.available)
    func unknownUnit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await SampleData.create(on: app.db)
            for path in [SiteURL.unit(UUID()).path, "/units/abc"] {
                let page = try await app.page(path)
                #expect(page.status == .notFound)
                #expect(page.html.contains("没有找到这个单位"))
            }
        }
    }
}
