import Fluent
import Vapor

/// The signed-in user's own account: details, changing the password, signing out on every device.
struct AccountController: RouteCollection {
    /// Registers the routes; they sit behind `RequirePermission(.manageOwnAccount)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.account.pathComponents, use: show)
        routes.post(SiteURL.accountPassword.pathComponents, use: changePassword)
        routes.post(SiteURL.logoutEverywhere.pathComponents, use: signOutEverywhere)
    }

    /// The password form's fields.
    struct PasswordForm: Content {
        var current: String?
        var new: String?
        var repeated: String?
    }

    /// Sentences for `?done=`.
    static let notices = ["password": "密码已修改。其他设备上的登录已失效，本设备保持登录。"]

    /// The account page.
    @Sendable func show(req: Request) async throws -> View {
        let notice = req.notice(from: Self.notices)
        return try await render(req, notice: notice, error: "")
    }

    /// Changes the user's own password; this session stays signed in, every other one ends.
    @Sendable func changePassword(req: Request) async throws -> Response {
        let form = (try? req.content.decode(PasswordForm.self)) ?? PasswordForm()
        let user = try await accountRecord(req)
        do {
            let epoch = try await accounts(req).changeOwnPassword(
                user, current: form.current ?? "", new: form.new ?? "", repeated: form.repeated ?? "")
            UserSession.adopt(req, epoch: epoch)
            return req.redirect(to: SiteURL.accountAfter("password").path)
        } catch let error as AccountError {
            return try await req.answer(render(req, notice: "", error: error.reason), status: .badRequest)
        }
    }

    /// Ends every session of the user, this one included.
    @Sendable func signOutEverywhere(req: Request) async throws -> Response {
        try await accounts(req).signOutEverywhere(try await accountRecord(req))
        UserSession.end(req)
        return req.redirect(to: SiteURL.loginWith([("done", "everywhere")]).path)
    }

    private func render(_ req: Request, notice: String, error: String) async throws -> View {
        let user = try req.currentUser()
        let page = AccountPage(
            page: try PageChrome(for: req, title: "我的账号", section: nil), username: user.username,
            displayName: user.displayName, role: user.role.label, government: user.governmentName,
            assignment: try await assignment(of: user, on: req.db), notice: notice, error: error,
            passwordAction: SiteURL.accountPassword.path, everywhereAction: SiteURL.logoutEverywhere.path,
            tokensHref: SiteURL.accountTokens.path)
        return try await req.view.render("account/show", page)
    }

    /// The clerk's unit or the leader's page, as a link.
    private func assignment(of user: CurrentUser, on database: any Database) async throws -> LinkItem {
        if let unitID = user.unitID, let unit = try await Unit.find(unitID, on: database) {
            return LinkItem(label: unit.name, href: SiteURL.unit(unitID).path)
        }
        if let leaderID = user.leaderID, let leader = try await Leader.find(leaderID, on: database) {
            return LinkItem(label: leader.name, href: SiteURL.leader(leaderID).path)
        }
        return LinkItem(label: "", href: "")
    }

    private func accountRecord(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.currentUser().id, on: req.db) else {
            throw AuthorizationError.signInRequired
        }
        return user
    }

    private func accounts(_ req: Request) -> UserAccounts {
        UserAccounts(
            database: req.db, hasher: req.application.passwordHasher, actor: req.auditActor,
            requestID: req.requestID, now: req.application.accounts.clock.now)
    }
}
