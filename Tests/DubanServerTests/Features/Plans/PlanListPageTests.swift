@testable import DubanServer
import DubanCore
import Fluent
import Testing
import VaporTesting

/// The plan list, on every available database engine.
@Suite("Plan list page")
struct PlanListPageTests {
    @Test("With no plan the page says what to do", arguments: TestDatabase.available)
    func emptyState(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await SampleData.createGovernment(on: app.db)
            let page = try await app.page(SiteURL.plans.path)
            #expect(page.status == .ok)
            #expect(page.html.contains("还没有方案"))
            #expect(page.html.contains("duban import"))
        }
    }

    @Test("An imported plan is listed with its task count", arguments: TestDatabase.available)
    func listsImportedPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let governmentID = try await SampleData.createGovernment(on: app.db)
            let documents = PlanParser.parse(
                text: """
                    2025年区《政府工作报告》重点工作责任分解方案
                    一、优化营商环境
                    1.推行企业开办“一网通办”。(牵头单位:区行政审批局;责任单位:区市场监管局、税务局)
                    2.建设社区食堂4个。(责任单位:区民政局,各街道办事处)
                    """)
            try await PlanImporter(database: app.db).importPlan(
                #require(documents.first), governmentID: governmentID)
            // act
            let page = try await app.page(SiteURL.plans.path, as: .viewer)
            // assert
            #expect(page.status == .ok)
            #expect(page.html.contains("2025年区《政府工作报告》重点工作责任分解方案"))
            #expect(page.html.contains("<td class=\"num\">2</td>"))
            #expect(try await DubanServer.Unit.query(on: app.db).count() == 5)
        }
    }

    @Test("Unknown pages get the Chinese error page with status 404", arguments: TestDatabase.available)
    func notFound(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await SampleData.createGovernment(on: app.db)
            let page = try await app.page("/no-such-page")
            #expect(page.status == .notFound)
            #expect(page.html.contains("页面不存在"))
        }
    }
}
