@testable import DubanServer
import Foundation
import Testing

/// Pages offer only what the signed-in role may do, as the policy decides.
@Suite("Visible actions")
struct VisibleActionsTests {
    @Test("Only the administrator sees the merge form and the audit and account sections; a clerk's unit is marked")
    func byRole() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let unitPath = SiteURL.unit(try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()).path
            // act
            var pages: [SampleData.Account: RenderedPage] = [:]
            for account in SampleData.Account.allCases {
                pages[account] = try await app.page(unitPath, as: account)
            }
            // assert
            for (account, page) in pages {
                let isAdmin = account == .admin
                #expect(page.html.contains("class=\"merge-form\"") == isAdmin, "\(account)")
                #expect(page.html.contains(">审计</a>") == isAdmin, "\(account)")
                #expect(page.html.contains(">账号</a>") == isAdmin, "\(account)")
                #expect(page.html.contains("<span class=\"badge own-unit\">本单位</span>") == (account == .clerk))
                #expect(page.html.contains("测试\(UserRole(rawValue: account.rawValue)?.label ?? "")"), "\(account)")
            }
        }
    }
}
