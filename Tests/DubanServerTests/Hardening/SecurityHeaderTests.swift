@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// Every response — pages, the login form, errors, static files, the API — carries the security headers.
@Suite("Security headers")
struct SecurityHeaderTests {
    @Test func everyKindOfResponseCarriesThem() async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await SampleData.create(on: app.db)
            let browser = try await app.browser(signedInAs: .admin)
            _ = try await browser.request(SiteURL.plans.path)
            let cookie = try #require(browser.cookie)
            for path in [
                SiteURL.plans.path, SiteURL.login.path, "/no-such-page", SiteURL.stylesheet.path, "/api/v1/plans",
            ] {
                let response = try await app.testing().sendRequest(
                    .GET, path,
                    beforeRequest: { request in
                        request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)]
                    })
                let headers = response.headers
                #expect(
                    headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true,
                    "\(path)")
                #expect(
                    headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true, "\(path)")
                #expect(headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                #expect(headers.first(name: "Referrer-Policy") == "same-origin", "\(path)")
                #expect(headers.first(name: "X-Content-Type-Options") == "nosniff", "\(path)")
            }
        }
    }
}
