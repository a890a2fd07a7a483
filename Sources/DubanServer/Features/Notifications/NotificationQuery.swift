import Fluent
import Foundation

/// The notifications a signed-in user sees: a clerk those of its unit, the 督查室 administrator those of the
/// office (addressed to no unit and no leader), a leader those addressed to them (answers to their 批示).
/// Viewers receive none.
enum NotificationQuery {
    /// Whose notifications are read together.
    enum Inbox: Sendable, Equatable {
        case unit(UUID)
        case office
        case leader(UUID)
    }

    /// The inbox a user reads; nil for nobody's.
    static func inbox(of user: CurrentUser) -> Inbox? {
        switch user.role {
        case .clerk: user.unitID.map(Inbox.unit)
        case .admin: .office
        case .leader: user.leaderID.map(Inbox.leader)
        case .viewer: nil
        }
    }

    /// The query over one inbox.
    static func query(_ inbox: Inbox, governmentID: UUID, on database: any Database) -> QueryBuilder<Notification> {
        let query = Notification.query(on: database).filter(\.$government.$id == governmentID)
        switch inbox {
        case .unit(let unitID): return query.filter(\.$unit.$id == unitID)
        case .office: return query.filter(\.$unit.$id == nil).filter(\.$leader.$id == nil)
        case .leader(let leaderID): return query.filter(\.$leader.$id == leaderID)
        }
    }

    /// Marks every unread notification of the user's inbox read.
    static func markRead(for user: CurrentUser, at now: Date, on database: any Database) async throws {
        guard let inbox = inbox(of: user) else { return }
        try await query(inbox, governmentID: user.governmentID, on: database).filter(\.$readAt == nil)
            .set(\.$readAt, to: now).update()
    }

    /// Unread notifications of a user.
    static func unreadCount(for user: CurrentUser, on database: any Database) async throws -> Int {
        guard let inbox = inbox(of: user) else { return 0 }
        return try await query(inbox, governmentID: user.governmentID, on: database).filter(\.$readAt == nil).count()
    }

    /// The latest notifications of an inbox.
    static func latest(_ inbox: Inbox, governmentID: UUID, limit: Int, on database: any Database) async throws
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
