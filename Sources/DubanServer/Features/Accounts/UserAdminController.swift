import Fluent
import Vapor

/// The administrator's account pages: list and add, and per account: reset the password, disable or enable.
/// Registered behind `RequirePermission(.manageUsers)`; every account is looked up within the administrator's
/// government, so another government's account ids answer 404.
struct UserAdminController: RouteCollection {
    /// Registers the routes.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.adminUsers.pathComponents, use: index)
        routes.post(SiteURL.adminUsers.pathComponents, use: create)
        routes.get(SiteURL.adminUser(.parameter).pathComponents, use: show)
        routes.post(SiteURL.adminUserPassword(.parameter).pathComponents, use: resetPassword)
        routes.post(SiteURL.adminUserDisable(.parameter).pathComponents, use: disable)
        routes.post(SiteURL.adminUserEnable(.parameter).pathComponents, use: enable)
    }

    /// The add form's fields; all optional so a half-filled form answers with a sentence, not a decoding error.
    struct NewUserFields: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var unit: String?
        var leader: String?
        var password: String?
    }

    /// Sentences for `?done=`.
    static let notices = [
        "created": "账号已创建。请通过安全的方式把用户名和初始密码交给本人，并提醒其登录后在“我的账号”中修改密码。",
        "password": "密码已重置，该账号在所有设备上的登录已失效。",
        "disabled": "账号已停用，它的登录已失效。",
        "enabled": "账号已启用。",
    ]

    /// The list and the add form.
    @Sendable func index(req: Request) async throws -> View {
        let governmentID = try req.currentUser().governmentID
        let form = try await UserListQuery.form(governmentID: governmentID, on: req.db)
        return try await renderIndex(req, form: form, error: "")
    }

    /// Adds an account; a mistake shows the form again, filled in, with the reason.
    @Sendable func create(req: Request) async throws -> Response {
        let fields = (try? req.content.decode(NewUserFields.self)) ?? NewUserFields()
        let governmentID = try req.currentUser().governmentID
        do {
            let new = UserAccounts.NewUser(
                username: fields.username ?? "", displayName: fields.displayName ?? "",
                password: fields.password ?? "", role: UserRole(rawValue: fields.role ?? "") ?? .viewer,
                unitID: Self.choice(fields.unit), leaderID: Self.choice(fields.leader))
            let user = try await accounts(req).create(new, governmentID: governmentID)
            return req.redirect(to: SiteURL.adminUserAfter(try user.requireID(), "created").path)
        } catch let error as AccountError {
            var form = try await UserListQuery.form(
                governmentID: governmentID, selectedRole: fields.role ?? "", selectedUnit: fields.unit ?? "",
                selectedLeader: fields.leader ?? "", on: req.db)
            form.username = fields.username ?? ""
            form.displayName = fields.displayName ?? ""
            return try await req.answer(renderIndex(req, form: form, error: error.reason), status: error.status)
        }
    }

    /// One account.
    @Sendable func show(req: Request) async throws -> View {
        let notice = req.notice(from: Self.notices)
        return try await renderShow(req, user: try await target(req), notice: notice, error: "")
    }

    /// Sets a new password chosen by the administrator.
    @Sendable func resetPassword(req: Request) async throws -> Response {
        let user = try await target(req)
        let password = (try? req.content.get(String.self, at: "password")) ?? ""
        do {
            try await accounts(req).resetPassword(of: user, to: password)
        } catch let error as AccountError {
            return try await req.answer(
                renderShow(req, user: user, notice: "", error: error.reason), status: error.status)
        }
        return req.redirect(to: SiteURL.adminUserAfter(try user.requireID(), "password").path)
    }

    /// Disables an account (never one's own).
    @Sendable func disable(req: Request) async throws -> Response {
        try await setDisabled(true, req)
    }

    /// Enables a disabled account.
    @Sendable func enable(req: Request) async throws -> Response {
        try await setDisabled(false, req)
    }

    private func setDisabled(_ disabled: Bool, _ req: Request) async throws -> Response {
        let user = try await target(req)
        try await accounts(req).setDisabled(disabled, user, actingUserID: try req.currentUser().id)
        return req.redirect(to: SiteURL.adminUserAfter(try user.requireID(), disabled ? "disabled" : "enabled").path)
    }

    /// The account named in the path, within the administrator's government.
    private func target(_ req: Request) async throws -> User {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw AccountError.userNotFound }
        return try await accounts(req).find(id, governmentID: try req.currentUser().governmentID)
    }

    /// A select's value as an id; "" (none chosen) is nil, anything unreadable the nil UUID, which matches no
    /// record, so the account rules refuse it as a unit or leader that does not exist.
    private static func choice(_ value: String?) -> UUID? {
        guard let value, !value.isEmpty else { return nil }
        return UUID(uuidString: value) ?? Self.matchesNothing
    }

    /// An id no record has.
    private static let matchesNothing = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    private func accounts(_ req: Request) -> UserAccounts {
        UserAccounts(
            database: req.db, hasher: req.application.passwordHasher, actor: req.auditActor,
            requestID: req.requestID, now: req.application.accounts.clock.now)
    }

    private func renderIndex(_ req: Request, form: UserListPage.NewUserForm, error: String) async throws -> View {
        let rows = try await UserListQuery.rows(governmentID: try req.currentUser().governmentID, on: req.db)
        let page = UserListPage(
            page: try PageChrome(for: req, title: "账号管理", section: .users), users: rows, form: form, error: error)
        return try await req.view.render("admin/users/index", page)
    }

    private func renderShow(_ req: Request, user: User, notice: String, error: String) async throws -> View {
        let me = try req.currentUser()
        let id = try user.requireID()
        let names = try await UserListQuery.assignmentNames(governmentID: me.governmentID, on: req.db)
        let chrome = try PageChrome(
            for: req, title: "账号 \(user.username)", section: .users,
            breadcrumbs: [.init(label: "账号", href: SiteURL.adminUsers.path), .init(label: user.username, href: "")])
        let page = UserAdminPage(
            page: chrome, user: try UserListQuery.row(user, names: names), government: me.governmentName,
            createdAt: user.createdAt.map(DisplayTime.minute) ?? "", notice: notice, error: error,
            passwordAction: SiteURL.adminUserPassword(id).path,
            toggleAction: user.isDisabled ? SiteURL.adminUserEnable(id).path : SiteURL.adminUserDisable(id).path,
            toggleLabel: user.isDisabled ? "启用账号" : "停用账号", canToggle: id != me.id)
        return try await req.view.render("admin/users/show", page)
    }

}
