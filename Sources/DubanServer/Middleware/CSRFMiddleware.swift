import Foundation
import Vapor

/// Refuses every state-changing form request (POST, PUT, PATCH, DELETE) that does not carry its session's
/// CSRF token, in the `_csrf` form field or the `X-CSRF-Token` header: another site can make a browser post
/// to Duban with its cookies, but it cannot read the token out of our pages. `/api` is exempt — it is
/// authenticated by bearer tokens, which a browser never attaches on its own.
struct CSRFMiddleware: AsyncMiddleware {
    /// The form field every state-changing form carries.
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(request.method), !request.url.path.hasPrefix("/api") else {
            return try await next.respond(to: request)
        }
        // Signing out of a session that no longer exists changes nothing: let a stale tab do it.
        if request.url.path == SiteURL.logout.path, !signedIn(request) {
            return try await next.respond(to: request)
        }
        // Checked before the body is read, so a request without a token to match costs nothing.
        let expected = expectedTokens(request)
        if expected.isEmpty, request.url.path != SiteURL.login.path, !signedIn(request) {
            // Nobody is signed in, so a forged post has no one's rights to borrow; the route's permission
            // check sends the visitor to the login page.
            return try await next.respond(to: request)
        }
        guard !expected.isEmpty else { throw CSRFError.tokenMissing }
        guard let sent = try await sentToken(request), expected.contains(where: { CSRFToken.matches(sent, $0) })
        else { throw CSRFError.tokenMismatch }
        return try await next.respond(to: request)
    }

    private func signedIn(_ request: Request) -> Bool {
        request.hasSession && UserSession.Claim(request.session.data) != nil
    }

    /// The session's token, and on the login form the token of its own cookie (`LoginFormToken`).
    private func expectedTokens(_ request: Request) -> [String] {
        var tokens: [String] = []
        if request.hasSession, let token = request.session.data[UserSession.Key.csrf] { tokens.append(token) }
        if request.url.path == SiteURL.login.path, let token = LoginFormToken.sent(in: request) { tokens.append(token) }
        return tokens
    }

    /// The token from the header, else from the form body — collected up to the route's own limit (a login
    /// form's is small), and for an upload read from the first parts only, not by decoding every file.
    private func sentToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: Self.headerName) { return header }
        if request.body.data == nil {
            _ = try await request.body.collect(max: request.routeBodyLimit).get()
        }
        if request.headers.contentType == .formData, let body = request.body.data,
            let boundary = request.headers.contentType?.parameters["boundary"]
        {
            if let token = MultipartField.value(named: Self.fieldName, in: body, boundary: boundary) { return token }
        }
        return try? request.content.get(String.self, at: Self.fieldName)
    }
}

/// Random per-session tokens and their comparison.
enum CSRFToken {
    /// 32 random bytes, URL-safe base64.
    static func make() -> String {
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares in time independent of where the first difference is.
    static func matches(_ sent: String, _ expected: String) -> Bool {
        let a = Array(sent.utf8), b = Array(expected.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        return zip(a, b).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A state-changing request without the right token.
enum CSRFError: AbortError, Equatable {
    case tokenMissing
    case tokenMismatch

    var status: HTTPResponseStatus { .forbidden }

    var reason: String {
        "页面已过期或来源无法确认，操作没有执行。请刷新页面（如已退出请重新登录）后再试一次。"
    }
}

extension Request {
    /// This session's CSRF token for the forms of the page being rendered; created (and a session with it)
    /// on first use.
    var csrfToken: String {
        if let token = session.data[UserSession.Key.csrf] { return token }
        let token = CSRFToken.make()
        session.data[UserSession.Key.csrf] = token
        return token
    }
}
