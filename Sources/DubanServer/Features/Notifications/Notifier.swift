import Fluent
import Foundation

/// Posts notifications: stores each one for the in-app list and queues it for every active webhook that should
/// hear of it — the addressed unit's own, and the 督查室's (which hear of everything in their government).
/// Call it inside the transaction of the change it reports, so both land together.
enum Notifier {
    /// What a webhook receives: a small JSON document a group-chat robot or another system can show as is.
    struct Payload: Codable, Sendable, Equatable {
        var kind: String
        var kindLabel: String
        var title: String
        var body: String
        var link: String
        var unit: String?
        var sender: String
        var createdAt: Date
        /// The whole message as one line of text, for robots that take plain text.
        var text: String
    }

    /// Stores a notification unless one with the same `dedupeKey` exists; returns it, or nil when it was a
    /// repeat.
    @discardableResult
    static func post(
        _ kind: Notification.Kind, governmentID: UUID, unitID: UUID?, leaderID: UUID? = nil, title: String,
        body: String, link: String, sender: String, dedupeKey: String? = nil, at now: Date, on database: any Database
    ) async throws -> Notification? {
        if let dedupeKey,
            try await Notification.query(on: database).filter(\.$dedupeKey == dedupeKey).count() > 0
        {
            return nil
        }
        let notification = Notification(
            governmentID: governmentID, unitID: unitID, leaderID: leaderID, kind: kind, title: title, body: body,
            link: link, sender: sender, dedupeKey: dedupeKey, createdAt: now)
        try await notification.create(on: database)
        try await queueDeliveries(of: notification, at: now, on: database)
        return notification
    }

    /// Queues the notification for the unit's webhooks and the government's office webhooks.
    private static func queueDeliveries(of notification: Notification, at now: Date, on database: any Database)
        async throws
    {
        var hooks = Webhook.query(on: database).filter(\.$government.$id == notification.$government.id)
            .filter(\.$active == true)
        if let unitID = notification.$unit.id {
            hooks = hooks.group(.or) { $0.filter(\.$unit.$id == nil).filter(\.$unit.$id == unitID) }
        } else {
            hooks = hooks.filter(\.$unit.$id == nil)
        }
        let webhooks = try await hooks.all()
        guard !webhooks.isEmpty else { return }
        var unitName: String?
        if let unitID = notification.$unit.id { unitName = try await Unit.find(unitID, on: database)?.name }
        let payload = Payload(
            kind: notification.kind.rawValue, kindLabel: notification.kind.label, title: notification.title,
            body: notification.body, link: notification.link, unit: unitName, sender: notification.sender,
            createdAt: notification.createdAt,
            text:
                "【督办·\(notification.kind.label)】\(unitName.map { $0 + "：" } ?? "")\(notification.title)。\(notification.body)"
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        let notificationID = try notification.requireID()
        for webhook in webhooks {
            try await WebhookDelivery(
                webhookID: try webhook.requireID(), notificationID: notificationID, payload: json, now: now
            ).create(on: database)
        }
    }
}
