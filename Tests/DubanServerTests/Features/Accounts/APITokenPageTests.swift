@testable import DubanServer
import Fluent
import Foundation
import Testing
import VaporTesting

/// The account's API token page: create (the token shown once), list, revoke — plain forms with the CSRF field.
@Suite("API token page")
struct APITokenPageTests {
    /// The `dbn_…` tokens in a page.
    static func tokens(in html: String) -> [String] {
        html.components(separatedBy: "dbn_").dropFirst().map { "dbn_" + $0.prefix(43) }
    }

    @Test("A token is created, shown once, works, and stops working when revoked", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let account = try await app.page(SiteURL.account.path, as: .viewer)
            #expect(account.html.contains("href=\"\(SiteURL.accountTokens.path)\""))
            let empty = try await app.page(SiteURL.accountTokens.path, as: .viewer)
            #expect(empty.status == .ok && empty.html.contains("还没有令牌"))
            // act
            let created = try await app.page(
                SiteURL.accountTokens.path, method: .POST, form: ["name": "周报脚本"], as: .viewer)
            // assert
            #expect(created.status == .created)
            let shown = Self.tokens(in: created.html)
            let token = try #require(shown.first)
            #expect(shown.count == 1 && APITokenSecret.isWellFormed(token))
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash == APITokenSecret.hash(token) && stored.name == "周报脚本")
            #expect(try await app.api(.GET, "/plans", auth: .bearer(token)).status == .ok)
            let later = try await app.page(SiteURL.accountTokens.path, as: .viewer)
            #expect(Self.tokens(in: later.html) == [])
            #expect(later.html.contains("周报脚本") && later.html.contains(SiteURL.apiDocument.path))
            let revoke = SiteURL.accountTokenRevoke(try stored.requireID()).path
            #expect(later.html.contains("action=\"\(revoke)\""))
            let revoked = try await app.page(revoke, method: .POST, form: [:], as: .viewer)
            #expect(revoked.status == .seeOther)
            #expect(revoked.location == SiteURL.accountTokensAfter("revoked").path)
            let after = try await app.page(try #require(revoked.location), as: .viewer)
            #expect(after.html.contains("令牌已吊销") && after.html.contains("已吊销 "))
            #expect(try await app.api(.GET, "/plans", auth: .bearer(token)).status == .unauthorized)
        }
    }

    @Test(
        "Forms without the CSRF token, without a name or for another user's token change nothing",
        arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            _ = try await app.apiToken(for: .admin, name: "管理员的")
            let adminToken = try #require(try await APIToken.query(on: app.db).first())
            let clerk = try await app.browser(signedInAs: .clerk)
            _ = try await clerk.request(SiteURL.accountTokens.path)
            // act
            let forged = try await clerk.request(
                SiteURL.accountTokens.path, method: .POST, form: ["name": "伪造"], token: .none)
            let unnamed = try await clerk.request(SiteURL.accountTokens.path, method: .POST, form: ["name": " "])
            let others = try await clerk.request(
                SiteURL.accountTokenRevoke(try adminToken.requireID()).path, method: .POST, form: [:])
            let anonymous = try await TestBrowser(app).request(SiteURL.accountTokens.path)
            // assert
            #expect(forged.status == .forbidden)
            #expect(unnamed.status == .badRequest && unnamed.html.contains("请给令牌起一个名称"))
            #expect(others.status == .notFound)
            #expect(anonymous.status == .found && anonymous.location?.hasPrefix(SiteURL.login.path) == true)
            #expect(try await APIToken.query(on: app.db).count() == 1)
            #expect(try await APIToken.query(on: app.db).first()?.revokedAt == nil)
        }
    }
}
