import Fluent
import Foundation

/// The webhooks of a government and their latest deliveries as the admin page lists them, and the receivers
/// the add form offers.
enum WebhookPageQuery {
    /// How the 督查室 is named as a receiver.
    static let officeName = "督查室"
    /// Deliveries the page shows, newest first.
    static let deliveryLimit = 50

    /// Every webhook: the 督查室's first, then by unit name and webhook name.
    static func rows(governmentID: UUID, on database: any Database) async throws -> [WebhookAdminPage.Row] {
        let webhooks = try await Webhook.query(on: database).filter(\.$government.$id == governmentID).all()
        let names = try await unitNames(governmentID: governmentID, on: database)
        let sorted = webhooks.map { webhook in (webhook, webhook.$unit.id.flatMap { names[$0] } ?? "") }
            .sorted { ($0.1, $0.0.name) < ($1.1, $1.0.name) }
        return try sorted.map { webhook, unitName in
            let id = try webhook.requireID()
            return WebhookAdminPage.Row(
                name: webhook.name, url: WebhookRules.redacted(webhook.url),
                receiver: webhook.$unit.id == nil ? "\(officeName)（全部通知）" : unitName, active: webhook.active,
                toggleAction: (webhook.active ? SiteURL.adminWebhookDisable(id) : SiteURL.adminWebhookEnable(id)).path,
                toggleLabel: webhook.active ? "停用" : "启用", deleteAction: SiteURL.adminWebhookDelete(id).path)
        }
    }

    /// The latest deliveries of the government's webhooks, newest first.
    static func deliveries(governmentID: UUID, on database: any Database) async throws
        -> [WebhookAdminPage.DeliveryRow]
    {
        let deliveries = try await WebhookDelivery.query(on: database)
            .join(Webhook.self, on: \WebhookDelivery.$webhook.$id == \Webhook.$id)
            .join(Notification.self, on: \WebhookDelivery.$notification.$id == \Notification.$id)
            .filter(Webhook.self, \.$government.$id == governmentID)
            .sort(\.$createdAt, .descending).sort(\.$id)
            .limit(deliveryLimit).all()
        return try deliveries.map(deliveryRow)
    }

    /// One delivery's row; the query must have joined its webhook and notification.
    static func deliveryRow(_ delivery: WebhookDelivery) throws -> WebhookAdminPage.DeliveryRow {
        let webhook = try delivery.joined(Webhook.self)
        let notification = try delivery.joined(Notification.self)
        let state = delivery.state
        return WebhookAdminPage.DeliveryRow(
            createdAt: DisplayTime.minute(delivery.createdAt), webhook: webhook.name, title: notification.title,
            state: state.rawValue, stateLabel: label(state),
            progress: progress(delivery), lastError: delivery.lastError,
            nextAttempt: state == .pending ? DisplayTime.minute(delivery.nextAttemptAt) : "",
            retryAction: state == .failed ? SiteURL.adminWebhookDeliveryRetry(try delivery.requireID()).path : "")
    }

    /// The add form; `selectedReceiver` is a unit id, or "" for the 督查室.
    static func form(
        governmentID: UUID, name: String = "", url: String = "", selectedReceiver: String = "",
        on database: any Database
    ) async throws -> WebhookAdminPage.NewWebhookForm {
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$isCollective == false).sort(\.$name).all()
        let office = SelectOption(value: "", label: "\(officeName)（接收全部通知）", selected: selectedReceiver.isEmpty)
        let receivers = try units.map { unit in
            let id = try unit.requireID().uuidString.lowercased()
            return SelectOption(value: id, label: unit.name, selected: id == selectedReceiver.lowercased())
        }
        return WebhookAdminPage.NewWebhookForm(
            action: SiteURL.adminWebhooks.path, name: name, url: url, receivers: [office] + receivers)
    }

    /// "2026-01-05 09:31 送达（第 2 次发送）" for a delivered one, "已尝试 3 / 6 次" otherwise.
    static func progress(_ delivery: WebhookDelivery) -> String {
        if let deliveredAt = delivery.deliveredAt, delivery.state == WebhookDelivery.State.delivered {
            return "\(DisplayTime.minute(deliveredAt)) 送达（第 \(delivery.attempts) 次发送）"
        }
        return "已尝试 \(delivery.attempts) / \(WebhookDispatcher.maxAttempts) 次"
    }

    /// The Chinese label of a delivery state.
    static func label(_ state: WebhookDelivery.State) -> String {
        switch state {
        case .pending: "待发送"
        case .delivered: "已送达"
        case .failed: "发送失败"
        }
    }

    private static func unitNames(governmentID: UUID, on database: any Database) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for unit in try await Unit.query(on: database).filter(\.$government.$id == governmentID).all() {
            if let id = unit.id { names[id] = unit.name }
        }
        return names
    }
}
