import Fluent
import Foundation

/// The administrator's changes to a government's webhooks and their deliveries. Each change and its audit
/// entry are written in one transaction; every record is looked up within the government, so another
/// government's ids are answered as not found.
struct WebhookSettings {
    /// The add form, as typed.
    struct NewWebhook: Sendable {
        var name: String
        var url: String
        /// The receiving unit; nil for the 督查室 itself, which hears of every notification.
        var unitID: UUID?
    }

    let database: any Database
    let governmentID: UUID
    let actor: AuditActor
    let requestID: String?
    let now: Date

    /// Adds an active webhook after checking the name, the address and the unit.
    func add(_ new: NewWebhook) async throws -> Webhook {
        let name = try WebhookRules.checkedName(new.name)
        let url = try WebhookRules.checkedURL(new.url)
        if try await !allowsInternalAddresses(), await WebhookAddress.reachOffLoop(url) == .internal {
            throw WebhookError.internalAddress
        }
        let owner = try await ownerName(new.unitID)
        var twins = Webhook.query(on: database).filter(\.$government.$id == governmentID).filter(\.$url == url)
        twins = new.unitID.map { twins.filter(\.$unit.$id == $0) } ?? twins.filter(\.$unit.$id == nil)
        guard try await twins.count() == 0 else { throw WebhookError.duplicate }
        let webhook = Webhook(governmentID: governmentID, unitID: new.unitID, name: name, url: url)
        try await database.writeTransaction { database in
            try await webhook.create(on: database)
            try await record(
                webhook, summary: "新增推送地址“\(name)”（\(owner)）", before: nil,
                after: AuditState(webhook, owner: owner), on: database)
        }
        return webhook
    }

    /// Stops or resumes sending to a webhook. Deliveries still queued for a disabled one are given up at
    /// their next turn rather than sent later, when they would be stale.
    func setActive(_ active: Bool, _ webhook: Webhook) async throws {
        guard webhook.active != active else { return }
        let owner = try await ownerName(webhook.$unit.id)
        let before = AuditState(webhook, owner: owner)
        webhook.active = active
        try await database.writeTransaction { database in
            try await webhook.save(on: database)
            try await record(
                webhook, summary: "\(active ? "启用" : "停用")推送地址“\(webhook.name)”（\(owner)）", before: before,
                after: AuditState(webhook, owner: owner), on: database)
        }
    }

    /// Deletes a webhook with its deliveries.
    func delete(_ webhook: Webhook) async throws {
        let owner = try await ownerName(webhook.$unit.id)
        let before = AuditState(webhook, owner: owner)
        let id = try webhook.requireID()
        try await database.writeTransaction { database in
            try await WebhookDelivery.query(on: database).filter(\.$webhook.$id == id).delete()
            try await webhook.delete(on: database)
            try await record(
                webhook, summary: "删除推送地址“\(webhook.name)”（\(owner)）及其发送记录", before: before, after: nil,
                on: database)
        }
    }

    /// Sends a failed delivery again from the first attempt, at the next round of the background jobs.
    func retry(deliveryID: UUID) async throws {
        guard
            let delivery = try await WebhookDelivery.query(on: database)
                .join(Webhook.self, on: \WebhookDelivery.$webhook.$id == \Webhook.$id)
                .filter(\.$id == deliveryID).filter(Webhook.self, \.$government.$id == governmentID).first()
        else { throw WebhookError.deliveryNotFound }
        guard delivery.state == WebhookDelivery.State.failed else { throw WebhookError.notRetryable }
        let webhook = try delivery.joined(Webhook.self)
        let before = RetryState(state: delivery.state, attempts: delivery.attempts, lastError: delivery.lastError)
        delivery.state = WebhookDelivery.State.pending
        delivery.attempts = 0
        delivery.nextAttemptAt = now
        delivery.lastError = ""
        let after = RetryState(state: delivery.state, attempts: 0, lastError: "")
        try await database.writeTransaction { database in
            try await delivery.save(on: database)
            try await record(
                webhook, summary: "重新发送推送地址“\(webhook.name)”的失败记录", before: before, after: after,
                on: database)
        }
    }

    /// Whether the government lets its webhooks post to internal addresses.
    func allowsInternalAddresses() async throws -> Bool {
        try await Government.find(governmentID, on: database)?.allowsInternalWebhooks ?? false
    }

    /// Lets (or stops letting) the government's webhooks post to internal addresses, audited.
    func setAllowsInternalAddresses(_ allowed: Bool) async throws {
        guard let government = try await Government.find(governmentID, on: database) else { return }
        guard government.allowsInternalWebhooks != allowed else { return }
        government.allowsInternalWebhooks = allowed
        let summary = allowed ? "允许推送到内网地址" : "禁止推送到内网地址"
        let governmentID = governmentID
        let (actor, requestID, now) = (actor, requestID, now)
        try await database.writeTransaction { database in
            try await government.save(on: database)
            try await AuditLog.record(
                .webhookChanged, by: actor, governmentID: governmentID, entityType: "government",
                entityID: governmentID, summary: summary, before: ["allowInternal": !allowed],
                after: ["allowInternal": allowed], requestID: requestID, at: now, on: database)
        }
    }

    /// The webhook of this government with this id.
    func find(_ id: UUID) async throws -> Webhook {
        guard
            let webhook = try await Webhook.query(on: database).filter(\.$id == id)
                .filter(\.$government.$id == governmentID).first()
        else { throw WebhookError.webhookNotFound }
        return webhook
    }

    /// "督查室" or the unit's name; a unit of another government is refused.
    private func ownerName(_ unitID: UUID?) async throws -> String {
        guard let unitID else { return WebhookPageQuery.officeName }
        guard
            let unit = try await Unit.query(on: database).filter(\.$id == unitID)
                .filter(\.$government.$id == governmentID).first()
        else { throw WebhookError.unitNotFound }
        return unit.name
    }

    private func record(
        _ webhook: Webhook, summary: String, before: (any Encodable & Sendable)?, after: (any Encodable & Sendable)?,
        on database: any Database
    ) async throws {
        try await AuditLog.record(
            .webhookChanged, by: actor, governmentID: governmentID, entityType: "webhook", entityID: webhook.id,
            summary: summary, before: before, after: after, requestID: requestID, at: now, on: database)
    }

    /// A webhook as the audit log shows it, its address without secrets.
    private struct AuditState: Encodable, Sendable {
        var name: String
        var url: String
        var receiver: String
        var active: Bool

        init(_ webhook: Webhook, owner: String) {
            name = webhook.name
            url = WebhookRules.redacted(webhook.url)
            receiver = owner
            active = webhook.active
        }
    }

    /// A delivery before and after a retry.
    private struct RetryState: Encodable, Sendable {
        var state: WebhookDelivery.State
        var attempts: Int
        var lastError: String
    }
}
