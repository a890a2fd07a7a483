import Fluent
import Foundation

/// The notifications a signed-in user sees: a clerk those of its unit, the 督查室 administrator those of the
/// office (addressed to no unit). Leaders and viewers receive none.
enum NotificationQuery {
    /// Whose notifications a user reads: the unit id, `.some(nil)` for the office, nil for nobody.
    static func inbox(of user: CurrentUser) -> UUID?? {
        switch user.role {
        case .clerk: user.unitID.map { .some($0) } ?? nil
        case .admin: .some(nil)
        case .leader, .viewer: nil
        }
    }

    /// The query over one inbox.
    static func query(_ inbox: UUID?, governmentID: UUID, on database: any Database) -> QueryBuilder<Notification> {
        let query = Notification.query(on: database).filter(\.$government.$id == governmentID)
        if let unitID = inbox { return query.filter(\.$unit.$id == unitID) }
        return query.filter(\.$unit.$id == nil)
    }

    /// Unread notifications of a user.
    static func unreadCount(for user: CurrentUser, on database: any Database) async throws -> Int {
        guard let inbox = inbox(of: user) else { return 0 }
        return try await query(inbox, governmentID: user.governmentID, on: database).filter(\.$readAt == nil).count()
    }

    /// The latest notifications of an inbox.
    static func latest(_ inbox: UUID?, governmentID: UUID, limit: Int, on database: any Database) async throws
        -> [NotificationLine]
    {
        try await query(inbox, governmentID: governmentID, on: database).sort(\.$createdAt, .descending)
            .limit(limit).all().map(line)
    }

    static func line(_ notification: Notification) -> NotificationLine {
        return NotificationLine(
            kind: notification.kind.rawValue, kindLabel: notification.kind.label, title: notification.title,
            body: notification.body, href: notification.link, sender: notification.sender,
            time: DisplayTime.minute(notification.createdAt), unread: notification.readAt == nil)
    }
}
