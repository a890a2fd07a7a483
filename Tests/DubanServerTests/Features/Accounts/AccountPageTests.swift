@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The signed-in user's own account page: password change and signing out everywhere.
@Suite("Own account")
struct AccountPageTests {
    @Test(
        "Signing out everywhere ends every session of the user, this one included",
        arguments: TestDatabase.available)
    func signOutEverywhere(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let phone = TestBrowser(app)
            let office = TestBrowser(app)
            try await phone.signIn("leader")
            try await office.signIn("leader")
            let admin = try await app.browser(signedInAs: .admin)
            // act
            let answer = try await phone.request(SiteURL.logoutEverywhere.path, method: .POST, form: [:])
            // assert
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/login?done=everywhere")
            #expect(try await phone.request(SiteURL.plans.path).status == .found)
            #expect(try await office.request(SiteURL.plans.path).status == .found)
            #expect(try await admin.request(SiteURL.plans.path).status == .ok)
            #expect(try await TestBrowser(app).signIn("leader").status == .seeOther)
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.userChanged.rawValue)
                .all()
            #expect(events.map(\.summary) == ["账号 leader 在所有设备上退出登录"])
        }
    }

    @Test("Changing one's password keeps this session and ends the others", arguments: TestDatabase.available)
    func changePassword(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let here = TestBrowser(app)
            let elsewhere = TestBrowser(app)
            try await here.signIn("clerk")
            try await elsewhere.signIn("clerk")
            let path = SiteURL.accountPassword.path
            // act
            let wrong = try await here.request(
                path, method: .POST, form: ["current": "not-it", "new": "new-password-1", "repeated": "new-password-1"])
            let differ = try await here.request(
                path, method: .POST,
                form: ["current": SampleData.password, "new": "new-password-1", "repeated": "new-password-2"])
            let done = try await here.request(
                path, method: .POST,
                form: ["current": SampleData.password, "new": "new-password-1", "repeated": "new-password-1"])
            // assert
            #expect(wrong.status == .badRequest)
            #expect(wrong.html.contains("当前密码不正确。"))
            #expect(differ.html.contains("两次输入的新密码不一致。"))
            #expect(done.status == .seeOther)
            let page = try await here.request(try #require(done.location))
            #expect(page.status == .ok)
            #expect(page.html.contains("密码已修改。"))
            #expect(page.html.contains("区财政局"))
            #expect(try await elsewhere.request(SiteURL.plans.path).status == .found)
            #expect(try await TestBrowser(app).signIn("clerk").status == .unauthorized)
            #expect(try await TestBrowser(app).signIn("clerk", password: "new-password-1").status == .seeOther)
        }
    }
}
