import Vapor

/// The signed-in user's unread notification count, for the navigation badge.
struct UnreadNotifications: StorageKey {
    typealias Value = Int
}

/// Counts the signed-in user's unread notifications before a page is rendered (one indexed count), so the
/// synchronous page chrome can show the badge. Only for page GETs; the API and forms skip it.
struct UnreadNotificationsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, !request.url.path.hasPrefix("/api"), let user = request.auth.get(CurrentUser.self) {
            request.storage[UnreadNotifications.self] = try await NotificationQuery.unreadCount(
                for: user, on: request.db)
        }
        return try await next.respond(to: request)
    }
}
