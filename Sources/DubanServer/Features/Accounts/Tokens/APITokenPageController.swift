import Fluent
import Vapor

/// The signed-in user's API token page: list, create, revoke. The new token is shown in the answer to the
/// create form itself, never stored or put in a redirect, so it exists in one place only — the user's screen.
struct APITokenPageController: RouteCollection {
    /// Registers the routes; they sit behind `RequirePermission(.manageOwnAccount)`.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.accountTokens.pathComponents, use: index)
        routes.post(SiteURL.accountTokens.pathComponents, use: create)
        routes.post(SiteURL.accountTokenRevoke(.parameter).pathComponents, use: revoke)
    }

    /// The create form's field.
    struct NewTokenForm: Content {
        var name: String?
    }

    /// Sentences for `?done=`.
    static let notices = ["revoked": "令牌已吊销，使用它的请求将被拒绝。"]

    /// The list and the create form.
    @Sendable func index(req: Request) async throws -> View {
        let notice = req.notice(from: Self.notices)
        return try await render(req, notice: notice)
    }

    /// Creates a token and shows it once; the page must not be cached.
    @Sendable func create(req: Request) async throws -> Response {
        let form = (try? req.content.decode(NewTokenForm.self)) ?? NewTokenForm()
        do {
            let created = try await service(req).create(name: form.name ?? "", for: try req.currentUser())
            let response = try await render(req, created: created).encodeResponse(status: .created, for: req)
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch let error as APITokenError {
            let page = try await render(req, error: error.reason, name: form.name ?? "")
            return try await page.encodeResponse(status: .badRequest, for: req)
        }
    }

    /// Revokes one of the user's tokens; another user's token id is a 404.
    @Sendable func revoke(req: Request) async throws -> Response {
        guard let id = req.parameters.get("tokenID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            try await service(req).revoke(id, of: try req.currentUser())
        } catch APITokenError.notFound {
            throw Abort(.notFound, reason: APITokenError.notFound.reason)
        }
        return req.redirect(to: SiteURL.accountTokensAfter("revoked").path)
    }

    private func render(
        _ req: Request, created: APITokens.Created? = nil, notice: String = "", error: String = "", name: String = ""
    ) async throws -> View {
        let user = try req.currentUser()
        let chrome = try PageChrome(
            for: req, title: "API 令牌", section: nil,
            breadcrumbs: [.init(label: "我的账号", href: SiteURL.account.path), .init(label: "API 令牌", href: "")])
        let rows = try await service(req).list(for: user.id).map(Self.row)
        let page = APITokenPage(
            page: chrome, tokens: rows, newToken: created?.secret ?? "", newTokenName: created?.token.name ?? "",
            notice: notice, error: error, name: name, createAction: SiteURL.accountTokens.path,
            documentHref: SiteURL.apiDocument.path)
        return try await req.view.render("account/tokens", page)
    }

    private static func row(_ token: APIToken) throws -> APITokenPage.Row {
        APITokenPage.Row(
            name: token.name, createdAt: DisplayTime.minute(token.createdAt),
            lastUsedAt: token.lastUsedAt.map(DisplayTime.minute) ?? "从未使用", active: token.isActive,
            revokedNote: token.revokedAt.map { "已吊销 " + DisplayTime.minute($0) } ?? "",
            revokeAction: SiteURL.accountTokenRevoke(try token.requireID()).path)
    }

    private func service(_ req: Request) -> APITokens {
        APITokens(
            database: req.db, actor: req.auditActor, requestID: req.requestID,
            now: req.application.accounts.clock.now)
    }
}
