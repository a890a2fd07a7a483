import Fluent
import Vapor

/// `GET /api/v1/notifications` and `POST /api/v1/notifications/read`: the caller's inbox, as the pages show it
/// (a clerk's unit, the 督查室's office, a leader's own; a viewer has none).
struct APINotificationController: RouteCollection {
    /// How many of the newest notifications the list returns.
    static let limit = 200

    func boot(routes: any RoutesBuilder) throws {
        routes.get("notifications", use: list)
        routes.post("notifications", "read", use: markRead)
    }

    /// The newest notifications of the caller's inbox, newest first.
    @Sendable func list(req: Request) async throws -> ListDTO<NotificationDTO> {
        let user = try req.currentUser()
        guard let inbox = NotificationQuery.inbox(of: user) else { return ListDTO(items: []) }
        let rows = try await NotificationQuery.query(inbox, governmentID: user.governmentID, on: req.db)
            .sort(\.$createdAt, .descending).limit(Self.limit).all()
        return ListDTO(items: try rows.map(NotificationDTO.init))
    }

    /// Marks every notification of the inbox read; 204.
    @Sendable func markRead(req: Request) async throws -> HTTPStatus {
        try await NotificationQuery.markRead(for: try req.currentUser(), at: req.clock.now(), on: req.db)
        return .noContent
    }
}
