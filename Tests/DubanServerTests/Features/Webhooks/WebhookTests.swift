@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor

/// Outgoing webhooks: which webhooks a notification is queued for, and how the dispatcher sends, retries with
/// back-off, gives up, and never sends one attempt twice — on every available database engine.
@Suite("Webhook delivery")
struct WebhookTests {
    @Test(
        "A notification to a unit is queued for the unit's webhook and the office's",
        arguments: TestDatabase.available)
    func queuedForUnitAndOffice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            // act
            let notification = try await world.urge(on: app.db)
            // assert
            let deliveries = try await WebhookDelivery.query(on: app.db).all()
            #expect(deliveries.count == 2)
            #expect(Set(deliveries.map(\.$webhook.id)) == [world.unitHook.id, world.officeHook.id])
            for delivery in deliveries {
                #expect(delivery.$notification.id == notification.id)
                #expect(delivery.state == .pending)
                #expect(delivery.attempts == 0)
                #expect(delivery.nextAttemptAt == WebhookWorld.start)
            }
        }
    }

    @Test(
        "A delivery that fails twice is retried after 1 and 5 minutes, then delivered",
        arguments: TestDatabase.available)
    func retriedWithBackOff(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: only the unit's webhook, so each round has one delivery
            let world = try await WebhookWorld.create(on: app)
            try await world.officeHook.delete(on: app.db)
            try await world.urge(on: app.db)
            let sender = ScriptedSender([.success(500), .failure(.timedOut(seconds: 10)), .success(204)])
            app.webhookSender = sender
            let start = WebhookWorld.start
            // act, assert: the first attempt answers 500
            let first = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            #expect(first == DeliveryRound(delivered: 0, retried: 1, failed: 0))
            var delivery = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
            #expect(delivery.attempts == 1)
            #expect(delivery.state == .pending)
            #expect(delivery.lastError == "对方返回 HTTP 500")
            #expect(delivery.nextAttemptAt == start.addingTimeInterval(60))
            // not yet due 59 seconds later
            world.clock.advance(by: 59)
            #expect(try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db).isEmpty)
            // the second attempt times out; the background round uses the app's clock and sender
            world.clock.advance(by: 1)
            await ReportingJobs.runOnce(app: app)
            delivery = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
            #expect(delivery.attempts == 2)
            #expect(delivery.lastError == "请求超时（10 秒内无应答）")
            #expect(delivery.nextAttemptAt == start.addingTimeInterval(60 + 300))
            // the third is delivered
            world.clock.advance(by: 300)
            let third = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            #expect(third == DeliveryRound(delivered: 1, retried: 0, failed: 0))
            delivery = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
            #expect(delivery.state == .delivered)
            #expect(delivery.attempts == 3)
            #expect(delivery.lastError == "")
            #expect(delivery.deliveredAt == start.addingTimeInterval(360))
            #expect(sender.posts.count == 3)
            #expect(sender.posts.map(\.url) == Array(repeating: "https://hooks.example/finance", count: 3))
            #expect(sender.posts.allSatisfy { $0.json == delivery.payload })
            // nothing more to do
            world.clock.advance(by: 86_400)
            #expect(try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db).isEmpty)
        }
    }

    @Test("A delivery that always fails is given up after 6 attempts", arguments: TestDatabase.available)
    func givenUpAfterSixAttempts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            try await world.officeHook.delete(on: app.db)
            try await world.urge(on: app.db)
            let sender = ScriptedSender(fallback: 502)
            var rounds: [DeliveryRound] = []
            // act: a round at every retry time (1 min, 5 min, 30 min, 2 h, 6 h after each failure)
            for wait in [0] + WebhookDispatcher.backOff {
                world.clock.advance(by: wait)
                rounds.append(try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db))
            }
            world.clock.advance(by: 7 * 86_400)
            let after = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            // assert
            #expect(rounds.map(\.retried) == [1, 1, 1, 1, 1, 0])
            #expect(rounds.last == DeliveryRound(delivered: 0, retried: 0, failed: 1))
            #expect(after.isEmpty)
            #expect(sender.posts.count == 6)
            let delivery = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
            #expect(delivery.state == .failed)
            #expect(delivery.attempts == 6)
            #expect(delivery.lastError == "对方返回 HTTP 502")
        }
    }

    @Test("A delivery queued for a webhook disabled since is given up, not sent", arguments: TestDatabase.available)
    func disabledWebhookIsNotSent(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            try await world.urge(on: app.db)
            world.unitHook.active = false
            try await world.unitHook.save(on: app.db)
            let sender = ScriptedSender()
            // act
            let round = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            // assert
            #expect(round == DeliveryRound(delivered: 1, retried: 0, failed: 1))
            #expect(sender.posts.map(\.url) == ["https://hooks.example/office"])
            let given = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
            #expect(given.state == .failed)
            #expect(given.attempts == 0)
            #expect(given.lastError == "推送地址已停用，未发送")
        }
    }

    @Test("With the site's public address, messages carry full links", arguments: TestDatabase.available)
    func absoluteLinks(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            try await world.urge(on: app.db)
            let sender = ScriptedSender()
            // act
            _ = try await WebhookDispatcher.deliverDue(
                now: world.clock.now, sender: sender, linkBase: "https://duban.example.gov.cn", on: app.db)
            // assert
            #expect(sender.posts.count == 2)
            for post in sender.posts {
                let payload = try Notifier.Payload.decoded(from: post.json)
                #expect(payload.link.hasPrefix("https://duban.example.gov.cn/"))
                #expect(payload.text.hasSuffix(" " + payload.link))
            }
            let stored = try #require(try await WebhookDelivery.query(on: app.db).first())
            #expect(try Notifier.Payload.decoded(from: stored.payload).link.hasPrefix("/"), "stored relative")
        }
    }

    @Test("DUBAN_PUBLIC_URL is read and checked")
    func publicURLSetting() throws {
        let config = try AppConfig.resolve(environment: ["DUBAN_PUBLIC_URL": "https://duban.example.gov.cn/"])
        #expect(config.publicURL == "https://duban.example.gov.cn")
        #expect(throws: AppConfigError.self) { try AppConfig.resolve(environment: ["DUBAN_PUBLIC_URL": "duban"]) }
        #expect(try AppConfig.resolve(environment: [:]).publicURL == nil)
    }

    @Test("Two dispatchers on one database never send the same delivery twice", arguments: TestDatabase.available)
    func claimedOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 12 notifications × 2 webhooks; a slow receiver so the two rounds overlap
            let world = try await WebhookWorld.create(on: app)
            for number in 1...12 { try await world.urge("催办 \(number)", on: app.db) }
            let sender = ScriptedSender(delay: .milliseconds(5))
            let now = world.clock.now
            // act
            async let first = WebhookDispatcher.deliverDue(now: now, sender: sender, on: app.db)
            async let second = WebhookDispatcher.deliverDue(now: now, sender: sender, on: app.db)
            let rounds = try await [first, second]
            // assert
            #expect(rounds.map(\.delivered).reduce(0, +) == 24)
            #expect(sender.posts.count == 24)
            let sent = sender.posts.map { "\($0.url) \($0.json)" }
            #expect(Set(sent).count == 24)
            let attempts = try await WebhookDelivery.query(on: app.db).all().map(\.attempts)
            #expect(attempts == Array(repeating: 1, count: 24))
        }
    }

    @Test("A round takes at most one batch, oldest first", arguments: TestDatabase.available)
    func boundedBatch(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 30 notifications × 2 webhooks = 60 deliveries, created a second apart
            let world = try await WebhookWorld.create(on: app)
            for number in 1...30 {
                try await world.urge("催办 \(number)", on: app.db)
                world.clock.advance(by: 1)
            }
            let sender = ScriptedSender()
            // act
            let first = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            let second = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            // assert
            #expect(first.delivered == WebhookDispatcher.batchSize)
            #expect(second.delivered == 60 - WebhookDispatcher.batchSize)
            let titles = try sender.posts.map { try Notifier.Payload.decoded(from: $0.json).title }
            #expect(titles.prefix(2) == ["催办 1", "催办 1"])
            #expect(titles.suffix(2) == ["催办 30", "催办 30"])
        }
    }
}
