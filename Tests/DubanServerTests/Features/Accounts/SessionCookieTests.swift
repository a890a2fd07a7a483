@testable import DubanServer
import Foundation
import Testing
import Vapor
import VaporTesting

/// The session cookie's flags and the settings behind them.
@Suite("Session cookie")
struct SessionCookieTests {
    @Test("The cookie set at sign-in is HttpOnly, SameSite=Lax, for the whole site, and not Secure by default")
    func flagsOnSignIn() async throws {
        try await withTestApp(.sqlite) { app in
            // setup
            _ = try await SampleData.createGovernment(on: app.db)
            let browser = TestBrowser(app)
            _ = try await browser.request(SiteURL.login.path)
            let token = try #require(TestBrowser.csrfToken(in: try await browser.request(SiteURL.login.path).html))
            // act
            let response = try await app.testing().sendRequest(
                .POST, SiteURL.login.path,
                beforeRequest: { request in
                    request.headers.cookie = [LoginFormToken.cookieName: .init(string: browser.loginCookie ?? "")]
                    try request.content.encode(
                        ["username": "viewer", "password": SampleData.password, "_csrf": token], as: .urlEncodedForm)
                })
            // assert
            let header = try #require(response.headers.first(name: .setCookie))
            #expect(header.hasPrefix("\(AccountSettings.cookieName)="))
            #expect(header.contains("HttpOnly"))
            #expect(header.contains("SameSite=Lax"))
            #expect(header.contains("Path=/"))
            #expect(!header.contains("Secure"))
        }
    }

    @Test("DUBAN_SECURE_COOKIES=1 marks the cookie Secure; its lifetime follows DUBAN_SESSION_HOURS")
    func secureWhenConfigured() throws {
        // act
        let config = try AppConfig.resolve(
            environment: ["DUBAN_SECURE_COOKIES": "1", "DUBAN_SESSION_HOURS": "8"], sqlitePath: "x.sqlite")
        let cookie = AccountSettings(config: config).sessionsConfiguration().cookieFactory(SessionID(string: "k"))
        // assert
        #expect(config.secureCookies)
        #expect(config.sessionLifetime == 8 * 3600)
        #expect(cookie.isSecure)
        #expect(cookie.isHTTPOnly)
        #expect(cookie.sameSite == .lax)
        #expect(cookie.maxAge == 8 * 3600)
    }

    @Test("Defaults: not Secure (the http:// demo), 12 hours, bcrypt cost 12")
    func defaults() throws {
        let config = try AppConfig.resolve(environment: [:], sqlitePath: "x.sqlite")
        #expect(!config.secureCookies)
        #expect(config.sessionLifetime == 12 * 3600)
        #expect(config.passwordCost == 12)
    }

    @Test(
        "Unusable values stop start-up and name themselves",
        arguments: [["DUBAN_SECURE_COOKIES": "maybe"], ["DUBAN_SESSION_HOURS": "0"], ["DUBAN_SESSION_HOURS": "a day"]])
    func badValues(environment: [String: String]) {
        #expect(throws: AppConfigError.self) { try AppConfig.resolve(environment: environment, sqlitePath: "x.sqlite") }
    }
}
