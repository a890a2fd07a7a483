import Foundation
import Vapor

extension WebBenchClient {
    /// The login form's fields.
    private struct LoginForm: Content {
        var username: String
        var password: String
        var _csrf: String
    }

    /// Signs in through the login form as a browser does — its page sets the login form's token cookie and
    /// carries the token; posting both with the credentials answers with a redirect and the signed-in session's cookie —
    /// so the timed requests see the pages a signed-in user sees, not the way to the login page.
    mutating func signIn(username: String, password: String) async throws {
        let page = try await client.get(URI(string: base + SiteURL.login.path))
        guard page.status == .ok, let started = page.headers.setCookie?[LoginFormToken.cookieName],
            let token = page.body.flatMap({ Self.csrfToken(in: String(buffer: $0)) })
        else { throw WebBenchError.signInFailed("the login page (HTTP \(page.status.code)) gave no token or form") }
        let answer = try await client.post(URI(string: base + SiteURL.login.path)) { request in
            request.headers.cookie = [LoginFormToken.cookieName: started]
            try request.content.encode(
                LoginForm(username: username, password: password, _csrf: token), as: .urlEncodedForm)
        }
        guard (300..<400).contains(answer.status.code),
            let signedIn = answer.headers.setCookie?[AccountSettings.cookieName]
        else { throw WebBenchError.signInFailed("the login form answered HTTP \(answer.status.code)") }
        sessionCookie = signedIn
    }

    /// The value of the form's hidden `_csrf` field.
    static func csrfToken(in html: String) -> String? {
        guard let field = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[field.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
