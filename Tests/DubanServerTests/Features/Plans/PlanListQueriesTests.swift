@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// A higher office's plan list reads every government below it with the same few queries, however many there are.
@Suite("Plan list queries")
struct PlanListQueriesTests {
    @Test(
        "The city's plan list costs the same queries with a third district below it", arguments: TestDatabase.available)
    func sameQueries(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the city with 青溪区 and 白沙区 below it
            let data = try await CityData.create(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.signIn(CityData.cityAdmin)
            let cookie = try #require(browser.cookie)
            func reads() async throws -> (count: Int, html: String) {
                let response = try await app.testing().sendRequest(
                    .GET, SiteURL.plans.path,
                    beforeRequest: { $0.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] })
                #expect(response.status == .ok)
                let count = Int(response.headers.first(name: QueryCountingMiddleware.readsHeader) ?? "") ?? -1
                return (count, String(buffer: response.body))
            }
            let two = try await reads()
            // act: a third district with a plan
            let third = Government(name: "青峰区人民政府", shortName: "青峰区", level: "区", parentID: data.cityID)
            try await third.create(on: app.db)
            _ = try await PlanImporter(database: app.db).importPlan(
                SyntheticPlan.document(tasks: 30, units: 5), governmentID: try third.requireID())
            let three = try await reads()
            // assert: all three districts listed, for the same reads
            #expect(!two.html.contains("青峰区") && three.html.contains("青峰区"))
            #expect(three.html.contains("白沙区") && three.html.contains("青溪区"))
            #expect(two.count > 0 && three.count == two.count, "\(two.count) then \(three.count)")
        }
    }
}
