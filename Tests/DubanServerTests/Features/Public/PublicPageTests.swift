@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A plan's public progress page: published and withdrawn by the 督查室, open without signing in, showing only
/// what was accepted and nothing internal, cacheable, and limited per address.
@Suite("Public page")
struct PublicPageTests {
    @Test(
        "Published, read without signing in, only accepted facts, cached, limited, withdrawn",
        arguments: TestDatabase.available)
    func publicPage(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the first quarter's history, 区财政局's report accepted
            let sample = try await SampleData.create(on: app.db)
            let cast = try await ScorePagesTests.history(sample, on: app.db)
            let filed = try #require(
                try await ProgressReport.query(on: app.db).filter(\.$unit.$id == cast.finance).first())
            _ = try await Review.perform(
                ProgressReport.self, id: try filed.requireID(), accept: true, comment: "",
                by: ScorePagesTests.filer(try ScorePagesTests.day("2025-04-28")), governmentID: sample.governmentID,
                on: app.db)
            app.clock = AppClock(ManualClock(AppClock.moment(try ScorePagesTests.day("2025-05-01"), hour: 9)))
            app.publicRateLimit = PublicRateLimit(limit: 4)
            let plan = sample.mainPlanID
            // act: only the 督查室 publishes
            _ = try await app.page(SiteURL.plan(plan).path)
            #expect(
                try await app.page(SiteURL.planPublic(plan).path, method: .POST, form: ["publish": "1"], as: .clerk)
                    .status == .forbidden)
            let published = try await app.page(SiteURL.planPublic(plan).path, method: .POST, form: ["publish": "1"])
            #expect(published.location == SiteURL.plan(plan).path + "#public")
            let token = try #require(try await Plan.find(plan, on: app.db)?.publicToken)
            let path = SiteURL.publicPlan(token).path
            #expect(try await app.page(SiteURL.plan(plan).path, as: .viewer).html.contains(path))

            // act: anyone opens it
            let visitor = try await app.testing().sendRequest(.GET, path)
            let html = visitor.body.string
            // assert: tasks, units and the accepted report's status and figure, nothing internal
            #expect(visitor.status == .ok && html.contains("2025年区《政府工作报告》重点工作责任分解方案"))
            #expect(html.contains("建立涉企政策") && html.contains("区财政局"))
            #expect(html.contains("按序时推进") && html.contains("兑现资金1000万元（目标不少于5000万元，未达序时）"))
            #expect(html.contains("暂无审核通过的报告"))
            #expect(!html.contains("已梳理政策清单86项"), "no report text")
            #expect(!html.contains("请补充选址清单"), "no review comment")
            #expect(!html.contains("退出") && !html.contains("_csrf"), "no signed-in chrome")
            #expect(visitor.headers.first(name: .cacheControl) == "public, max-age=300")
            let tag = try #require(visitor.headers.first(name: .eTag))
            let again = try await app.testing().sendRequest(.GET, path) {
                $0.headers.replaceOrAdd(name: .ifNoneMatch, value: tag)
            }
            #expect(again.status == .notModified)

            // assert: one address may not load it without end
            var statuses: [HTTPResponseStatus] = []
            for _ in 0..<3 { statuses.append(try await app.testing().sendRequest(.GET, path).status) }
            #expect(statuses.last == .tooManyRequests)
            #expect(try await app.testing().sendRequest(.GET, path).body.string.contains("访问过于频繁"))

            // act / assert: withdrawn, the address is gone; audited both ways
            app.publicRateLimit = PublicRateLimit()
            _ = try await app.page(SiteURL.planPublic(plan).path, method: .POST, form: ["publish": "0"])
            #expect(try await app.testing().sendRequest(.GET, path).status == .notFound)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entityType == "plan").all().map(\.action)
            #expect(actions.contains("plan.public") && actions.contains("plan.unpublic"))
        }
    }
}
