@testable import DubanServer
import Foundation
import Testing
import Vapor

/// The benchmark counts each page's statements once and then times it uncounted: the switch must really stop
/// the counting, and turning it back on must count again.
@Suite("Query counting")
struct QueryCountingTests {
    @Test("With the switch off an answer carries no counts; on again, it does", arguments: TestDatabase.available)
    func switchOffAndOn(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let data = try await CityData.create(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.signIn(CityData.cityAdmin)
            let cookie = try #require(browser.cookie)
            let counting = try #require(app.queryCounting)
            // Each request renders: a page seen again would come from the cache without a statement.
            app.pageCache?.isEnabled = false
            func statements() async throws -> String? {
                let response = try await app.testing().sendRequest(
                    .GET, SiteURL.plans.path,
                    beforeRequest: { $0.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] })
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("青溪区"), "city \(data.cityID)")
                return response.headers.first(name: QueryCountingMiddleware.header)
            }
            let counted = try await statements()
            // act
            counting.isOn = false
            let uncounted = try await statements()
            counting.isOn = true
            let countedAgain = try await statements()
            // assert
            #expect(Int(counted ?? "").map { $0 > 0 } == true, "\(counted ?? "no header")")
            #expect(uncounted == nil)
            #expect(countedAgain == counted)
        }
    }
}
