import Fluent
import Foundation
import SQLKit

/// Sends the queued webhook deliveries that are due, retrying failures with growing waits until the last
/// attempt. Several server processes may run it against one database at once: each delivery is claimed with a
/// conditional UPDATE before it is sent, so only one process sends a given attempt.
///
/// Delivery is at least once: a process that dies between sending and recording leaves the delivery claimed
/// until its retry time, and it is sent again then.
enum WebhookDispatcher {
    /// Deliveries taken per round. Sends are sequential with a 10 s timeout, so a round of dead addresses still
    /// ends within minutes; what is left waits for the next round.
    static let batchSize = 50
    /// The wait after each failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h. A robot that is down for a
    /// maintenance window still gets the message the same day.
    static let backOff: [TimeInterval] = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600]
    /// Attempts before a delivery is given up and shown to the administrator as failed.
    static let maxAttempts = backOff.count + 1
    /// Longest `last_error` kept: a sentence for the page, even when a network error describes itself at length.
    static let errorLength = 300

    /// Sends every pending delivery whose `next_attempt_at` has come (oldest first, at most `batchSize`);
    /// `linkBase` (the site's public address) turns the payloads' relative links into full ones.
    static func deliverDue(
        now: Date, sender: any WebhookSender, linkBase: String? = nil, on database: any Database
    ) async throws -> DeliveryRound {
        let due = try await WebhookDelivery.query(on: database)
            .join(Webhook.self, on: \WebhookDelivery.$webhook.$id == \Webhook.$id)
            .filter(\.$state == WebhookDelivery.State.pending)
            .filter(\.$nextAttemptAt <= now)
            .sort(\.$nextAttemptAt).sort(\.$createdAt).sort(\.$id)
            .limit(batchSize).all()
        var round = DeliveryRound()
        let allowingInternal = try await Set(
            Government.query(on: database).filter(\.$allowsInternalWebhooks == true).all().map { try $0.requireID() })
        for delivery in due {
            try Task.checkCancellation()
            let webhook = try delivery.joined(Webhook.self)
            let target = Target(webhook: webhook, allowsInternal: allowingInternal.contains(webhook.$government.id))
            switch try await attempt(delivery, to: target, now: now, sender: sender, linkBase: linkBase, on: database) {
            case .delivered: round.delivered += 1
            case .retried: round.retried += 1
            case .failed: round.failed += 1
            case .taken: break
            }
        }
        return round
    }

    /// The end of one delivery's turn in a round.
    private enum Outcome {
        case delivered, retried, failed
        /// Another process claimed it first (or it changed since it was read): nothing was sent.
        case taken
    }

    /// A webhook and whether its government lets it reach internal addresses.
    private struct Target {
        var webhook: Webhook
        var allowsInternal: Bool
    }

    /// Claims the delivery for its next attempt, sends it and records the answer.
    private static func attempt(
        _ delivery: WebhookDelivery, to target: Target, now: Date, sender: any WebhookSender, linkBase: String?,
        on database: any Database
    ) async throws -> Outcome {
        let webhook = target.webhook
        let id = try delivery.requireID()
        let seen = delivery.attempts
        guard webhook.active, seen < maxAttempts else {
            // Disabled since it was queued, or claimed for its last attempt by a process that then died.
            let reason = webhook.active ? delivery.lastError : "推送地址已停用，未发送"
            return try await giveUp(id, seen: seen, reason: reason, now: now, on: database) ? .failed : .taken
        }
        let attempt = seen + 1
        let retryAt = now.addingTimeInterval(backOff[min(attempt, backOff.count) - 1])
        guard try await claim(id, seen: seen, retryAt: retryAt, now: now, on: database) else { return .taken }
        let payload = linkBase.map { Self.absolute(delivery.payload, base: $0) } ?? delivery.payload
        // Resolved again at every attempt: a name may have come to point inside since it was registered.
        var refused = false
        if !target.allowsInternal { refused = await WebhookAddress.reachOffLoop(webhook.url) == .internal }
        let problem = refused ? Self.internalRefusal : try await send(payload, to: webhook.url, with: sender)
        let update = WebhookDelivery.query(on: database).filter(\.$id == id)
        guard let problem else {
            try await update.set(\.$state, to: WebhookDelivery.State.delivered)
                .set(\.$deliveredAt, to: now).set(\.$lastError, to: "").update()
            return .delivered
        }
        let text = String(problem.prefix(errorLength))
        if attempt >= maxAttempts {
            try await update.set(\.$state, to: WebhookDelivery.State.failed).set(\.$lastError, to: text)
                .update()
            return .failed
        }
        try await update.set(\.$lastError, to: text).update()
        return .retried
    }

    /// What a delivery to an internal address that was not allowed records.
    static let internalRefusal = "推送地址指向内部网络，未发送（可在推送设置中允许推送到内网地址）"

    /// The payload with its link made absolute and appended to the one-line text; unchanged when it does not
    /// read as a `Notifier.Payload` or its link is already absolute.
    static func absolute(_ payload: String, base: String) -> String {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard var message = try? decoder.decode(Notifier.Payload.self, from: Data(payload.utf8)),
            message.link.hasPrefix("/")
        else { return payload }
        message.link = base + message.link
        message.text += " " + message.link
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(message)).map { String(decoding: $0, as: UTF8.self) } ?? payload
    }

    /// Posts the payload; nil when the webhook answered 2xx, otherwise what went wrong. Cancellation (the
    /// server shutting down) passes through: the claim stands and the delivery is tried again at its retry time.
    private static func send(_ payload: String, to url: String, with sender: any WebhookSender) async throws
        -> String?
    {
        do {
            let status = try await sender.post(url: url, json: payload)
            return (200..<300).contains(status) ? nil : "对方返回 HTTP \(status)"
        } catch let error as WebhookSendError {
            return error.summary
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            return "发送失败：\(error)"
        }
    }

    /// Takes the delivery for attempt `seen + 1`, moving its next attempt to `retryAt` so no other process takes
    /// it meanwhile. The UPDATE only matches while the row is still as read — pending, `seen` attempts, due — so
    /// of two processes racing for it exactly one gets it back from RETURNING.
    private static func claim(_ id: UUID, seen: Int, retryAt: Date, now: Date, on database: any Database)
        async throws -> Bool
    {
        let claimed = try await database.requireSQL().update(WebhookDelivery.schema)
            .set("attempts", to: seen + 1)
            .set("next_attempt_at", to: retryAt)
            .where("id", .equal, id)
            .where("state", .equal, WebhookDelivery.State.pending)
            .where("attempts", .equal, seen)
            .where("next_attempt_at", .lessThanOrEqual, now)
            .returning("id")
            .all()
        return !claimed.isEmpty
    }

    /// Marks the delivery failed without sending, under the same condition as a claim.
    private static func giveUp(_ id: UUID, seen: Int, reason: String, now: Date, on database: any Database)
        async throws -> Bool
    {
        let changed = try await database.requireSQL().update(WebhookDelivery.schema)
            .set("state", to: WebhookDelivery.State.failed)
            .set("last_error", to: String(reason.prefix(errorLength)))
            .where("id", .equal, id)
            .where("state", .equal, WebhookDelivery.State.pending)
            .where("attempts", .equal, seen)
            .where("next_attempt_at", .lessThanOrEqual, now)
            .returning("id")
            .all()
        return !changed.isEmpty
    }
}
