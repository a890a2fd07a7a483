@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Session rows exist only for sign-ins that still hold: visitors of the login page leave none, an unchanged
/// session is not rewritten on every page, and expired ones are removed by the background round.
@Suite("Session growth")
struct SessionGrowthTests {
    @Test("A hundred anonymous visits to the login page leave no session row", arguments: TestDatabase.available)
    func anonymousVisitsLeaveNothing(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.createGovernment(on: app.db)
            // act
            for _ in 0..<100 {
                let page = try await TestBrowser(app).request(SiteURL.login.path)
                #expect(page.status == .ok)
            }
            // assert
            #expect(try await StoredSession.query(on: app.db).count() == 0)
            // and signing in from that page still works, with its token alone
            let browser = TestBrowser(app)
            #expect(try await browser.signIn("viewer").status == .seeOther)
            #expect(try await StoredSession.query(on: app.db).count() == 1)
        }
    }

    @Test("A login post without the login page's token is refused", arguments: TestDatabase.available)
    func loginNeedsItsToken(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await SampleData.createGovernment(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.request(SiteURL.login.path)
            let forged = try await browser.request(
                SiteURL.login.path, method: .POST, form: ["username": "viewer", "password": SampleData.password],
                token: .value(CSRFToken.make()))
            #expect(forged.status == .forbidden)
            #expect(try await StoredSession.query(on: app.db).count() == 0)
        }
    }

    @Test("Expired sessions stop working and the background round removes them", arguments: TestDatabase.available)
    func expiredSessionsAreRemoved(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: two sign-ins, then 13 hours pass (sessions last 12)
            _ = try await SampleData.create(on: app.db)
            let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
            app.accounts.clock = clock
            let early = try await app.browser(signedInAs: .viewer)
            _ = try await app.browser(signedInAs: .clerk)
            #expect(try await StoredSession.query(on: app.db).count() == 2)
            let pagesBefore = try await StoredSession.query(on: app.db).all().map(\.data)
            _ = try await early.request(SiteURL.plans.path)
            #expect(try await StoredSession.query(on: app.db).all().map(\.data) == pagesBefore)
            clock.advance(by: 13 * 3600)
            // act
            let stale = try await early.request(SiteURL.plans.path)
            await ReportingJobs.runOnce(app: app)
            // assert
            #expect(stale.status == .found && stale.location?.hasPrefix("/login") == true)
            #expect(try await StoredSession.query(on: app.db).count() == 0)
        }
    }
}
