import Fluent
import Vapor

/// Signs the request's user in from its session — when the session's claim still holds: within its
/// lifetime, the account enabled, the user not signed out everywhere since. A claim that no longer holds is
/// dropped, so the next page asks to sign in again.
///
/// Also keeps session rows from piling up: a session that ends a request empty (a stale cookie, a sign-in
/// just dropped) is not stored and its cookie is expired.
struct SessionAuthenticationMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.hasSession { try await authenticate(request) }
        let response = try await next.respond(to: request)
        if request.hasSession, request.session.data.snapshot.isEmpty { UserSession.end(request) }
        return response
    }

    private func authenticate(_ request: Request) async throws {
        guard let claim = UserSession.Claim(request.session.data) else { return }
        let settings = request.application.accounts
        guard let user = try await User.find(claim.userID, on: request.db),
            claim.isValid(for: user, now: settings.clock.now, lifetime: settings.sessionLifetime),
            let government = try await Government.find(user.$government.id, on: request.db)
        else {
            UserSession.forget(request)
            return
        }
        request.auth.login(try await CurrentUser.load(user: user, government: government, on: request.db))
    }
}
