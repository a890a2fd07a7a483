@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The CSRF token on every state-changing form, on every available database engine.
@Suite("CSRF")
struct CSRFTests {
    @Test(
        "Forms without the session's token are refused with the Chinese 403 page and change nothing",
        arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let admin = try await app.browser(signedInAs: .admin)
            let target = try await sample.unit("区财政局", on: app.db).requireID()
            let source = try await sample.unit("区民政局", on: app.db).requireID().uuidString
            let other = TestBrowser(app)
            _ = try await other.request(SiteURL.login.path)
            let otherToken = try #require(TestBrowser.csrfToken(in: try await other.request(SiteURL.login.path).html))
            let merge = SiteURL.unitMerge(target).path
            // act, assert
            for token in [TestBrowser.Token.none, .value(""), .value("forged"), .value(otherToken)] {
                let page = try await admin.request(merge, method: .POST, form: ["source": source], token: token)
                #expect(page.status == .forbidden, "\(token)")
                #expect(page.html.contains("页面已过期或来源无法确认，操作没有执行。"), "\(token)")
            }
            let anonymous = try await TestBrowser(app).request(
                SiteURL.login.path, method: .POST, form: ["username": "admin", "password": SampleData.password])
            #expect(anonymous.status == .forbidden)
            let logout = try await admin.request(SiteURL.logout.path, method: .POST, form: [:], token: .none)
            #expect(logout.status == .forbidden)
            #expect(try await DubanServer.Unit.find(UUID(uuidString: source), on: app.db) != nil)
            #expect(try await admin.request(SiteURL.plans.path).status == .ok)
        }
    }

    @Test("The token in the form field or the X-CSRF-Token header is accepted", arguments: TestDatabase.available)
    func acceptance(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let admin = try await app.browser(signedInAs: .admin)
            let page = try await admin.request(SiteURL.unit(try await sample.unit("区财政局", on: app.db).requireID()).path)
            let token = try #require(TestBrowser.csrfToken(in: page.html))
            // act
            let byField = try await admin.request(
                SiteURL.adminUsers.path, method: .POST,
                form: ["username": "field", "displayName": "甲", "role": "viewer", "password": "password-1"])
            let byHeader = try await app.testing().sendRequest(
                .POST, SiteURL.adminUsers.path,
                beforeRequest: { request in
                    request.headers.cookie = [AccountSettings.cookieName: .init(string: admin.cookie ?? "")]
                    request.headers.replaceOrAdd(name: CSRFMiddleware.headerName, value: token)
                    try request.content.encode(
                        ["username": "header", "displayName": "乙", "role": "viewer", "password": "password-1"],
                        as: .urlEncodedForm)
                })
            // assert
            #expect(page.html.contains("<input type=\"hidden\" name=\"_csrf\" value=\"\(token)\">"))
            #expect(byField.status == .seeOther)
            #expect(byHeader.status == .seeOther)
            #expect(try await User.query(on: app.db).filter(\.$username ~~ ["field", "header"]).count() == 2)
        }
    }

    @Test("Reading needs no token, and /api is left to its own authentication")
    func exemptions() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            // act
            let read = try await app.page(SiteURL.searchWith([("q", "停车")]).path)
            let api = try await TestBrowser(app).request(
                "/api/v1/anything", method: .POST, form: ["a": "b"], token: .none)
            // assert
            #expect(read.status == .ok)
            #expect(api.status == .notFound)
        }
    }

    @Test("Tokens compare only when equal and non-empty")
    func comparison() {
        let token = CSRFToken.make()
        #expect(token.count >= 43)
        #expect(CSRFToken.make() != token)
        #expect(CSRFToken.matches(token, token))
        #expect(!CSRFToken.matches(token + "x", token))
        #expect(!CSRFToken.matches("", ""))
    }
}
