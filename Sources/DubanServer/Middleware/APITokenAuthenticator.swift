import Vapor

/// Signs the request's user in from `Authorization: Bearer <token>` — and from nothing else. A session cookie
/// that came along is ignored: `/api` is exempt from CSRF checks, so letting a cookie authenticate here would let
/// any site that a signed-in user visits call the API in their name. No token, a malformed, unknown or revoked
/// one, or a disabled user: 401.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.auth.logout(CurrentUser.self)
        guard let bearer = request.headers.bearerAuthorization else { throw APIError.unauthorized }
        let tokens = APITokens(database: request.db, now: request.application.accounts.clock.now)
        guard let (user, government) = try await tokens.authenticate(bearer.token) else {
            throw APIError.unauthorized
        }
        request.auth.login(try await CurrentUser.load(user: user, government: government, on: request.db))
        return try await next.respond(to: request)
    }
}

/// Guards a group of API routes with one policy action, answering in the API's terms: 401 without a user, 403
/// when the role may not. The same `Policy` decides as for the pages, so a token never grants more than its user.
struct APIPermission: AsyncMiddleware {
    let action: PolicyAction

    init(_ action: PolicyAction) {
        self.action = action
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch Policy.decide(request.auth.get(CurrentUser.self)?.principal, action) {
        case .allow: return try await next.respond(to: request)
        case .signIn: throw APIError.unauthorized
        case .forbid: throw APIError.forbidden
        case .hide: throw APIError(.notFound, .notFound, "没有找到这个接口或资源。")
        }
    }
}
