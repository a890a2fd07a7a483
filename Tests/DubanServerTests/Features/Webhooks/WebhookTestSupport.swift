@testable import DubanServer
import Fluent
import Foundation
import Testing
import NIOConcurrencyHelpers
import Vapor

/// A webhook sender for tests: answers from a script (a status or an error per post, then `fallback`; posts to
/// a `healthy` address always get 200), may wait before answering so concurrent dispatchers overlap, and
/// records every post.
final class ScriptedSender: WebhookSender {
    /// One post as the sender saw it.
    struct Post: Sendable, Equatable {
        var url: String
        var json: String
    }

    private let state: NIOLockedValueBox<(script: [Result<UInt, WebhookSendError>], posts: [Post])>
    private let fallback: UInt
    private let healthy: Set<String>
    private let delay: Duration?

    init(
        _ script: [Result<UInt, WebhookSendError>] = [], fallback: UInt = 200, healthy: Set<String> = [],
        delay: Duration? = nil
    ) {
        state = NIOLockedValueBox((script, []))
        self.fallback = fallback
        self.healthy = healthy
        self.delay = delay
    }

    /// Every post so far, in order.
    var posts: [Post] { state.withLockedValue { $0.posts } }

    func post(url: String, json: String) async throws -> UInt {
        let answer = state.withLockedValue { state -> Result<UInt, WebhookSendError>? in
            state.posts.append(Post(url: url, json: json))
            if healthy.contains(url) { return .success(200) }
            return state.script.isEmpty ? nil : state.script.removeFirst()
        }
        if let delay { try await Task.sleep(for: delay) }
        return try (answer ?? .success(fallback)).get()
    }
}

/// 青溪区 with its admin and viewer, one unit (区财政局) with a webhook of its own, an office webhook, and
/// webhooks that must not hear of the unit's notifications: another unit's and a disabled one.
struct WebhookWorld {
    var governmentID: UUID
    var unitID: UUID
    var unitHook: Webhook
    var officeHook: Webhook
    var clock: ManualClock

    /// The start of every test's clock: 2026-01-01 08:00 in Beijing.
    static let start = Date(timeIntervalSince1970: 1_767_225_600)

    /// Creates the world; the app's clock becomes a manual one standing at `start`.
    static func create(on app: Application) async throws -> WebhookWorld {
        let clock = ManualClock(start)
        app.clock = AppClock(clock)
        let governmentID = try await SampleData.createGovernment(on: app.db)
        let unit = DubanServer.Unit(governmentID: governmentID, name: "区财政局", kind: .bureau)
        let other = DubanServer.Unit(governmentID: governmentID, name: "区民政局", kind: .bureau)
        try await unit.create(on: app.db)
        try await other.create(on: app.db)
        let unitHook = Webhook(
            governmentID: governmentID, unitID: unit.id, name: "财政局群", url: "https://hooks.example/finance")
        let officeHook = Webhook(
            governmentID: governmentID, unitID: nil, name: "督查室群", url: "https://hooks.example/office")
        let otherHook = Webhook(
            governmentID: governmentID, unitID: other.id, name: "民政局群", url: "https://hooks.example/civil")
        let disabled = Webhook(
            governmentID: governmentID, unitID: unit.id, name: "旧群", url: "https://hooks.example/old")
        disabled.active = false
        for hook in [unitHook, officeHook, otherHook, disabled] { try await hook.create(on: app.db) }
        return WebhookWorld(
            governmentID: governmentID, unitID: try unit.requireID(), unitHook: unitHook, officeHook: officeHook,
            clock: clock)
    }

    /// Lets the government's webhooks reach internal addresses, as tests with a receiver on loopback need.
    func allowInternalAddresses(on database: any Database) async throws {
        let government = try #require(try await Government.find(governmentID, on: database))
        government.allowsInternalWebhooks = true
        try await government.save(on: database)
    }

    /// Posts a 催办 to the unit at the clock's time.
    @discardableResult
    func urge(_ title: String = "请尽快报送", on database: any Database) async throws -> DubanServer.Notification {
        let notification = try await Notifier.post(
            .urge, governmentID: governmentID, unitID: unitID, title: title, body: "第一季度完成情况尚未报送。",
            link: "/units", sender: "督查室", at: clock.now, on: database)
        guard let notification else { throw WebhookWorldError.notPosted }
        return notification
    }

    /// The deliveries to one webhook, oldest first.
    func deliveries(to webhook: Webhook, on database: any Database) async throws -> [WebhookDelivery] {
        try await WebhookDelivery.query(on: database).filter(\.$webhook.$id == webhook.requireID())
            .sort(\.$createdAt).all()
    }
}

extension Notifier.Payload {
    /// A payload read back from the JSON a webhook receives (dates in ISO 8601).
    static func decoded(from json: String) throws -> Notifier.Payload {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Notifier.Payload.self, from: Data(json.utf8))
    }
}

/// A notification that `Notifier` refused to post.
enum WebhookWorldError: Error {
    case notPosted
}
