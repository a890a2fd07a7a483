import Vapor

/// Guards a group of routes with one policy action: a visitor who is not signed in is sent to the login page
/// (and back afterwards), a signed-in user whose role may not is refused with 403.
struct RequirePermission: AsyncMiddleware {
    let action: PolicyAction

    init(_ action: PolicyAction) {
        self.action = action
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch Policy.decide(request.auth.get(CurrentUser.self)?.principal, action) {
        case .allow:
            return try await next.respond(to: request)
        case .signIn:
            return Self.redirectToSignIn(request)
        case .forbid:
            throw AuthorizationError.forbidden
        case .hide:
            throw Abort(.notFound)
        }
    }

    /// 302 to the login page; a page (GET) is remembered so sign-in returns to it.
    static func redirectToSignIn(_ request: Request) -> Response {
        let target = request.method == .GET ? SiteURL.loginWith([("next", request.url.string)]) : SiteURL.login
        let response = Response(status: .found)
        response.headers.replaceOrAdd(name: .location, value: target.path)
        return response
    }
}
