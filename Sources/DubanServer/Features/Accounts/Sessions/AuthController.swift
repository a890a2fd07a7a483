import Fluent
import Vapor

/// Signing in and out: the login page, its form, and the logout button in the header. Open to everyone —
/// a visitor must reach the login form, and a stale tab must still be able to sign out.
struct AuthController: RouteCollection {
    /// Registers the routes.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.login.pathComponents, use: loginPage)
        routes.post(SiteURL.login.pathComponents, use: login)
        routes.post(SiteURL.logout.pathComponents, use: logout)
    }

    /// The login form's fields; all optional so an empty post answers with the form, not a decoding error.
    struct LoginForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }

    /// Sentences for `?done=` after signing out.
    static let notices = [
        "signed-out": "您已退出登录。",
        "everywhere": "已在所有设备上退出登录，请重新登录。",
    ]

    /// The login form; someone already signed in goes straight on.
    @Sendable func loginPage(req: Request) async throws -> Response {
        let next = Self.safeNext(try? req.query.get(String.self, at: "next"))
        if req.auth.has(CurrentUser.self) { return req.redirect(to: next ?? SiteURL.home.path) }
        let notice = req.notice(from: Self.notices)
        return try await render(req, username: "", next: next ?? "", error: "", notice: notice, status: .ok)
    }

    /// Checks the credentials; on success starts a new session and returns to the page asked for.
    @Sendable func login(req: Request) async throws -> Response {
        let form = (try? req.content.decode(LoginForm.self)) ?? LoginForm()
        let next = Self.safeNext(form.next)
        do {
            let user = try await SignIn(req).attempt(
                username: form.username ?? "", password: form.password ?? "",
                address: req.clientAddress)
            try await UserSession.start(req, user: user, now: req.application.accounts.clock.now)
            return req.redirect(to: next ?? SiteURL.home.path)
        } catch let refusal as SignInError {
            return try await render(
                req, username: form.username ?? "", next: next ?? "", error: refusal.reason, notice: "",
                status: refusal.status)
        }
    }

    /// Ends this session and shows the login form.
    @Sendable func logout(req: Request) async throws -> Response {
        UserSession.end(req)
        return req.redirect(to: SiteURL.loginWith([("done", "signed-out")]).path)
    }

    private func render(
        _ req: Request, username: String, next: String, error: String, notice: String, status: HTTPResponseStatus
    ) async throws -> Response {
        let token = LoginFormToken.current(for: req)
        let page = LoginPage(
            page: PageChrome(signedOutTitle: "登录"), action: SiteURL.login.path, csrfToken: token,
            username: username, next: next, error: error, notice: notice)
        let response = try await req.view.render("auth/login", page).encodeResponse(for: req)
        response.status = status
        LoginFormToken.attach(token, to: response, secure: req.application.accounts.secureCookies)
        return response
    }

    /// A path on this site to return to after signing in, or nil: absolute URLs, protocol-relative `//host`
    /// and backslash tricks would turn the login form into an open redirect.
    static func safeNext(_ raw: String?) -> String? {
        guard let raw, raw.count <= 2_000, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"),
            !raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
            !raw.hasPrefix(SiteURL.login.path), !raw.hasPrefix(SiteURL.logout.path)
        else { return nil }
        return raw
    }
}
