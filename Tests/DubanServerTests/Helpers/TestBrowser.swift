@testable import DubanServer
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// A browser for tests: keeps the session cookie between requests and, like a page's forms, sends the CSRF
/// token of the last page that carried one with every form it posts.
final class TestBrowser: Sendable {
    /// How a form post treats the CSRF token.
    enum Token: Sendable {
        /// The token of the last page seen, as a form would carry it.
        case fromPage
        case none
        case value(String)
    }

    let app: Application
    private let state = NIOLockedValueBox<(cookie: String?, token: String?, loginCookie: String?)>((nil, nil, nil))

    init(_ app: Application) {
        self.app = app
    }

    /// The session cookie's value, when there is a session.
    var cookie: String? { state.withLockedValue { $0.cookie } }

    /// The login form's token cookie (`LoginFormToken`), once the login page set it.
    var loginCookie: String? { state.withLockedValue { $0.loginCookie } }

    /// Starts from a session cookie taken from elsewhere, as someone who copied it would.
    func adopt(cookie: String) {
        state.withLockedValue { $0.cookie = cookie }
    }

    /// Signs in through the login form; the answer to the form's post.
    @discardableResult
    func signIn(_ username: String, password: String = SampleData.password) async throws -> RenderedPage {
        _ = try await request(SiteURL.login.path)
        let answer = try await request(
            SiteURL.login.path, method: .POST, form: ["username": username, "password": password])
        if answer.status == .seeOther {
            // A signed-in page carries the new session's token (the header's logout form).
            _ = try await request(SiteURL.account.path)
        }
        return answer
    }

    /// Requests `path` as a browser would; a form is sent with the CSRF token as `token` says.
    func request(
        _ path: String, method: HTTPMethod = .GET, form: [String: String]? = nil, token: Token = .fromPage
    ) async throws -> RenderedPage {
        var fields = form
        switch token {
        case .fromPage: if form != nil, let token = state.withLockedValue({ $0.token }) { fields?["_csrf"] = token }
        case .none: break
        case .value(let value): fields?["_csrf"] = value
        }
        let cookie = self.cookie
        let loginCookie = state.withLockedValue { $0.loginCookie }
        let response = try await app.testing().sendRequest(
            method, path,
            beforeRequest: { request in
                var cookies = HTTPCookies()
                if let cookie { cookies[AccountSettings.cookieName] = .init(string: cookie) }
                if let loginCookie, path.hasPrefix(SiteURL.login.path) {
                    cookies[LoginFormToken.cookieName] = .init(string: loginCookie)
                }
                if !cookies.all.isEmpty { request.headers.cookie = cookies }
                if let fields { try request.content.encode(fields, as: .urlEncodedForm) }
            })
        remember(response)
        return RenderedPage(
            status: response.status, html: response.body.string, location: response.headers.first(name: .location),
            data: Data(buffer: response.body), contentType: response.headers.first(name: .contentType),
            cache: response.headers.first(name: PageCacheMiddleware.header))
    }

    /// Keeps the cookie the server set (or forgets an expired one) and the token of the page.
    private func remember(_ response: TestingHTTPResponse) {
        let set = response.headers.setCookie?[AccountSettings.cookieName]
        let login = response.headers.setCookie?[LoginFormToken.cookieName]
        let token = Self.csrfToken(in: response.body.string)
        state.withLockedValue { state in
            if let login { state.loginCookie = login.string }
            if let set {
                let expired = set.expires.map { $0 < Date() } ?? false
                state.cookie = expired ? nil : set.string
            }
            if let token { state.token = token }
        }
    }

    /// The value of a page's hidden `_csrf` field.
    static func csrfToken(in html: String) -> String? {
        guard let field = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[field.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
