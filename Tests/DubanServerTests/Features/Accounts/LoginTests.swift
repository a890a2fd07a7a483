@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Signing in and out through the pages, on every available database engine.
@Suite("Login")
struct LoginTests {
    @Test("Signing in starts a new session and returns to the page first asked for", arguments: TestDatabase.available)
    func signInReturns(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let browser = TestBrowser(app)
            // act
            let asked = try await browser.request(SiteURL.units.path + "?q=%E8%B4%A2%E6%94%BF")
            let form = try await browser.request(try #require(asked.location))
            let before = browser.cookie
            let answer = try await browser.request(
                SiteURL.login.path, method: .POST,
                form: ["username": " Viewer ", "password": SampleData.password, "next": "/units?q=%E8%B4%A2%E6%94%BF"])
            // assert
            #expect(asked.status == .found)
            #expect(asked.location == "/login?next=%2Funits%3Fq%3D%25E8%25B4%25A2%25E6%2594%25BF")
            #expect(form.html.contains("<input type=\"hidden\" name=\"next\" value=\"/units?q=%E8%B4%A2%E6%94%BF\">"))
            #expect(form.html.contains("autocomplete=\"current-password\""))
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/units?q=%E8%B4%A2%E6%94%BF")
            #expect(browser.cookie != nil && browser.cookie != before)
            let page = try await browser.request(SiteURL.units.path)
            #expect(page.status == .ok)
            #expect(page.html.contains("测试查看"))
            #expect(page.html.contains("<button type=\"submit\" class=\"header-button\">退出</button>"))
            // A key planted before signing in is not promoted (session fixation).
            let planted = TestBrowser(app)
            let plantedKey = CSRFToken.make()
            planted.adopt(cookie: plantedKey)
            _ = try await planted.request(SiteURL.login.path)
            _ = try await planted.request(
                SiteURL.login.path, method: .POST, form: ["username": "viewer", "password": SampleData.password])
            #expect(planted.cookie != nil && planted.cookie != plantedKey)
            #expect(try await StoredSession.query(on: app.db).filter(\.$key == plantedKey).count() == 0)
        }
    }

    @Test(
        "A wrong password or unknown name gets one sentence, status 401, and keeps the username",
        arguments: TestDatabase.available)
    func wrongCredentials(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.request(SiteURL.login.path)
            // act, assert
            for username in ["viewer", "nobody"] {
                let page = try await browser.request(
                    SiteURL.login.path, method: .POST, form: ["username": username, "password": "wrong-password"])
                #expect(page.status == .unauthorized, "\(username)")
                #expect(page.html.contains("用户名或密码不正确。"), "\(username)")
                #expect(page.html.contains("value=\"\(username)\""), "\(username)")
            }
            #expect(try await browser.request(SiteURL.plans.path).status == .found)
        }
    }

    @Test(
        "Only paths on this site are returned to after signing in",
        arguments: ["//evil.example/x", "https://evil.example/", "/\\evil.example", "plans", "/logout"])
    func unsafeNext(next: String) {
        #expect(AuthController.safeNext(next) == nil)
    }

    @Test(
        "Five failures lock the username for 15 minutes, even for the right password; waiting unlocks it",
        arguments: TestDatabase.available)
    func throttling(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let clock = ManualClock()
            app.accounts.clock = clock
            let browser = TestBrowser(app)
            _ = try await browser.request(SiteURL.login.path)
            func attempt(_ username: String, _ password: String) async throws -> RenderedPage {
                try await browser.request(
                    SiteURL.login.path, method: .POST, form: ["username": username, "password": password])
            }
            // act
            for _ in 1...5 {
                #expect(try await attempt("viewer", "wrong-password").status == .unauthorized)
                clock.advance(by: 60)
            }
            let locked = try await attempt("viewer", SampleData.password)
            let otherName = try await TestBrowser(app).signIn("admin")
            clock.advance(by: 13 * 60)
            let stillLocked = try await attempt("viewer", SampleData.password)
            clock.advance(by: 60)
            let unlocked = try await attempt("viewer", SampleData.password)
            // assert
            #expect(locked.status == .tooManyRequests)
            #expect(locked.html.contains("登录失败次数过多，为保护账号安全，请 14 分钟后再试。"))
            #expect(otherName.status == .seeOther)
            #expect(stillLocked.status == .tooManyRequests)
            #expect(stillLocked.html.contains("请 1 分钟后再试"))
            #expect(unlocked.status == .seeOther)
            #expect(try await LoginAttempt.query(on: app.db).filter(\.$username == "viewer").count() == 6)
        }
    }

    @Test("A success clears the failures before it", arguments: TestDatabase.available)
    func successResetsCount(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let clock = ManualClock()
            app.accounts.clock = clock
            func attempt(_ password: String, from address: String = "10.0.0.1") async throws {
                defer { clock.advance(by: 60) }
                _ = try await SignIn(database: app.db, hasher: app.passwordHasher, rule: .standard, now: clock.now)
                    .attempt(username: "viewer", password: password, address: address)
            }
            // act
            for _ in 1...4 {
                await #expect(throws: SignInError.invalidCredentials) { try await attempt("wrong-password") }
            }
            try await attempt(SampleData.password)
            for _ in 1...4 {
                await #expect(throws: SignInError.invalidCredentials) { try await attempt("wrong-password") }
            }
            // assert: eight failures within 15 minutes, but never five since the last success.
            try await attempt(SampleData.password)
            for _ in 1...5 {
                await #expect(throws: SignInError.invalidCredentials) { try await attempt("wrong-password") }
            }
            await #expect(throws: SignInError.throttled(minutes: 14)) { try await attempt(SampleData.password) }
            // Another address is counted apart.
            try await attempt(SampleData.password, from: "10.0.0.2")
        }
    }

    @Test("Logging out ends the session; its cookie signs in nobody afterwards", arguments: TestDatabase.available)
    func logout(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let browser = TestBrowser(app)
            try await browser.signIn("viewer")
            let key = try #require(browser.cookie)
            // act
            let answer = try await browser.request(SiteURL.logout.path, method: .POST, form: [:])
            // assert
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/login?done=signed-out")
            #expect(browser.cookie == nil)
            let replay = TestBrowser(app)
            replay.adopt(cookie: key)
            #expect(try await replay.request(SiteURL.plans.path).status == .found)
            #expect(try await browser.request(try #require(answer.location)).html.contains("您已退出登录。"))
        }
    }

    @Test("A sign-in expires after the session lifetime", arguments: TestDatabase.available)
    func lifetime(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let clock = ManualClock()
            app.accounts.clock = clock
            let browser = TestBrowser(app)
            try await browser.signIn("viewer")
            // act
            clock.advance(by: app.accounts.sessionLifetime - 60)
            let late = try await browser.request(SiteURL.plans.path)
            clock.advance(by: 120)
            let expired = try await browser.request(SiteURL.plans.path)
            // assert
            #expect(late.status == .ok)
            #expect(expired.status == .found)
            #expect(expired.location == "/login?next=%2Fplans")
        }
    }

    @Test("A disabled account cannot sign in, and its open sessions end", arguments: TestDatabase.available)
    func disabledAccount(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let viewer = try await app.browser(signedInAs: .viewer)
            let viewerID = try await sample.user(.viewer, on: app.db).requireID()
            // act
            let disabled = try await app.page(SiteURL.adminUserDisable(viewerID).path, method: .POST, form: [:])
            let afterwards = try await viewer.request(SiteURL.plans.path)
            let again = try await TestBrowser(app).signIn("viewer")
            // assert
            #expect(disabled.status == .seeOther)
            #expect(afterwards.status == .found)
            #expect(again.status == .forbidden)
            #expect(again.html.contains("这个账号已停用"))
        }
    }
}
