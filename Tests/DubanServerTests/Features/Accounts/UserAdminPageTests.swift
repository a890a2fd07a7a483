@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The administrator's account pages, on every available database engine.
@Suite("User admin pages")
struct UserAdminPageTests {
    @Test(
        "The list shows the government's accounts only, and the add form its units and leaders",
        arguments: TestDatabase.available)
    func list(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            _ = try await ForeignGovernment.create(on: app.db)
            // act
            let page = try await app.page(SiteURL.adminUsers.path)
            // assert
            #expect(page.status == .ok)
            #expect(page.occurrences(of: "<td><a href=\"/admin/users/") == 4)
            #expect(!page.html.contains("donghu-admin"))
            #expect(page.html.contains("<td>单位经办人</td>"))
            #expect(page.html.contains(">区财政局</option>"))
            #expect(!page.html.contains(">各街道办事处</option>"))
            #expect(page.html.contains(">孙丽</option>"))
            #expect(page.html.contains("<a href=\"/admin/users\" aria-current=\"page\">账号</a>"))
        }
    }

    @Test(
        "Adding a clerk ties it to its unit; mistakes show the form again, filled in",
        arguments: TestDatabase.available)
    func add(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let unit = try await sample.unit("区民政局", on: app.db).requireID().uuidString.lowercased()
            let good = [
                "username": "Minzheng", "displayName": "民政局 张敏", "role": "clerk", "unit": unit,
                "password": "first-password",
            ]
            // act
            let noUnit = try await app.page(
                SiteURL.adminUsers.path, method: .POST, form: good.merging(["unit": ""]) { $1 })
            let taken = try await app.page(
                SiteURL.adminUsers.path, method: .POST, form: good.merging(["username": "viewer"]) { $1 })
            let created = try await app.page(SiteURL.adminUsers.path, method: .POST, form: good)
            // assert
            #expect(noUnit.status == .badRequest)
            #expect(noUnit.html.contains("单位经办人账号需要选择所属单位。"))
            #expect(noUnit.html.contains("value=\"民政局 张敏\""))
            #expect(noUnit.html.contains("<option value=\"clerk\" selected>"))
            #expect(taken.html.contains("用户名“viewer”已被使用"))
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$username == "minzheng").first())
            #expect(user.$unit.id?.uuidString.lowercased() == unit)
            #expect(user.passwordHash != "first-password")
            let page = try await app.page(try #require(created.location))
            #expect(page.html.contains("账号已创建。"))
            #expect(page.html.contains("区民政局"))
            let clerk = TestBrowser(app)
            #expect(try await clerk.signIn("minzheng", password: "first-password").location == SiteURL.home.path)
            #expect(
                try await clerk.request(SiteURL.home.path).location == SiteURL.unitDesk(user.$unit.id ?? UUID()).path)
            let audit = try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.userCreated.rawValue)
                .all()
            #expect(audit.map(\.actorName) == ["测试督查室管理员（admin）"])
            #expect(audit.first?.afterState?.contains("password") == false)
        }
    }

    @Test(
        "Resetting a password signs the account out; the administrator cannot disable itself",
        arguments: TestDatabase.available)
    func resetAndDisable(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let viewer = try await app.browser(signedInAs: .viewer)
            let viewerID = try await sample.user(.viewer, on: app.db).requireID()
            let adminID = try await sample.user(.admin, on: app.db).requireID()
            // act
            let short = try await app.page(
                SiteURL.adminUserPassword(viewerID).path, method: .POST, form: ["password": "short"])
            let reset = try await app.page(
                SiteURL.adminUserPassword(viewerID).path, method: .POST, form: ["password": "brand-new-password"])
            let own = try await app.page(SiteURL.adminUser(adminID).path)
            let selfDisable = try await app.page(SiteURL.adminUserDisable(adminID).path, method: .POST, form: [:])
            let disable = try await app.page(SiteURL.adminUserDisable(viewerID).path, method: .POST, form: [:])
            let enable = try await app.page(SiteURL.adminUserEnable(viewerID).path, method: .POST, form: [:])
            // assert
            #expect(short.status == .badRequest)
            #expect(short.html.contains("密码至少需要 8 个字符。"))
            #expect(reset.location == SiteURL.adminUserAfter(viewerID, "password").path)
            #expect(try await viewer.request(SiteURL.plans.path).status == .found)
            #expect(try await TestBrowser(app).signIn("viewer", password: "brand-new-password").status == .seeOther)
            #expect(own.html.contains("这是您正在使用的账号，不能在这里停用。"))
            #expect(!own.html.contains(SiteURL.adminUserDisable(adminID).path))
            #expect(selfDisable.status == .badRequest)
            #expect(selfDisable.html.contains("不能停用自己正在使用的账号。"))
            #expect(disable.location == SiteURL.adminUserAfter(viewerID, "disabled").path)
            #expect(enable.location == SiteURL.adminUserAfter(viewerID, "enabled").path)
            #expect(try await User.find(viewerID, on: app.db)?.isDisabled == false)
        }
    }
}
