import Vapor

/// The CSRF token of the login form, kept in a cookie of its own rather than in a session: a visitor who
/// only opens the login page leaves no row behind, and another site still cannot sign a browser in to an
/// account of its choosing, since it can neither read nor set this cookie (double-submit).
enum LoginFormToken {
    static let cookieName = "duban-login"
    /// Long enough to fill in the form after a coffee.
    static let lifetime = 2 * 3600

    /// The token the request's cookie carries, when it has the shape `CSRFToken.make` gives.
    static func sent(in request: Request) -> String? {
        guard let value = request.cookies[cookieName]?.string, value.count == 43,
            value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        return value
    }

    /// The token for the form being rendered: the cookie's, else a new one.
    static func current(for request: Request) -> String {
        sent(in: request) ?? CSRFToken.make()
    }

    /// Sets (or renews) the cookie on the login page's response.
    static func attach(_ token: String, to response: Response, secure: Bool) {
        response.cookies[cookieName] = HTTPCookies.Value(
            string: token, maxAge: lifetime, path: SiteURL.login.path, isSecure: secure, isHTTPOnly: true,
            sameSite: .strict)
    }
}
