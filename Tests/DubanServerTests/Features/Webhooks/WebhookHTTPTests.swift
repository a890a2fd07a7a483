@testable import DubanServer
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

/// The production sender against a real HTTP server on 127.0.0.1: what a receiver gets, and what the
/// deliveries record when it answers an error or is not there at all.
@Suite("Webhook over HTTP")
struct WebhookHTTPTests {
    /// What the receiving server saw.
    final class Inbox: Sendable {
        private let posts = NIOLockedValueBox<[(contentType: String, body: String)]>([])

        func add(contentType: String, body: String) {
            posts.withLockedValue { $0.append((contentType, body)) }
        }

        var all: [(contentType: String, body: String)] { posts.withLockedValue { $0 } }
    }

    @Test(
        "The client sender posts the payload as UTF-8 JSON; errors and refused connections are recorded",
        arguments: TestDatabase.available)
    func liveServer(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let world = try await WebhookWorld.create(on: app)
            try await world.allowInternalAddresses(on: app.db)
            let inbox = Inbox()
            try await withApp(configure: { receiver in
                receiver.logger.logLevel = .warning
                receiver.post("hook") { request async -> HTTPStatus in
                    inbox.add(
                        contentType: request.headers.first(name: .contentType) ?? "", body: request.body.string ?? "")
                    return .noContent
                }
                receiver.post("busy") { _ async -> HTTPStatus in .serviceUnavailable }
            }) { receiver in
                // setup: the unit's webhook reaches the receiver, the office's gets 503
                try await receiver.server.start(address: .hostname("127.0.0.1", port: 0))
                let port = try #require(receiver.listeningPort)
                world.unitHook.url = "http://127.0.0.1:\(port)/hook"
                world.officeHook.url = "http://127.0.0.1:\(port)/busy"
                try await world.unitHook.save(on: app.db)
                try await world.officeHook.save(on: app.db)
                try await world.urge("请报送“一季度”完成情况", on: app.db)
                // A refused connection is retried until the deadline; a short one keeps the test quick.
                let sender = ClientWebhookSender(client: app.client, timeoutSeconds: 1)
                // act
                let round = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
                await receiver.server.shutdown()
                world.clock.advance(by: 60)
                let refused = try await WebhookDispatcher.deliverDue(
                    now: world.clock.now, sender: sender, on: app.db)
                // assert
                #expect(round == DeliveryRound(delivered: 1, retried: 1, failed: 0))
                #expect(refused == DeliveryRound(delivered: 0, retried: 1, failed: 0))
                let received = try #require(inbox.all.first)
                #expect(inbox.all.count == 1)
                #expect(received.contentType == "application/json; charset=utf-8")
                let payload = try Notifier.Payload.decoded(from: received.body)
                #expect(payload.kind == "urge")
                #expect(payload.kindLabel == "催办")
                #expect(payload.title == "请报送“一季度”完成情况")
                #expect(payload.unit == "区财政局")
                #expect(payload.createdAt == WebhookWorld.start)
                #expect(payload.text.hasPrefix("【督办·催办】区财政局：请报送“一季度”完成情况。"))
                let office = try #require(try await world.deliveries(to: world.officeHook, on: app.db).first)
                #expect(office.attempts == 2)
                #expect(office.lastError.hasPrefix("无法连接："), "\(office.lastError)")
                #expect(office.lastError.contains("refused"), "\(office.lastError)")
            }
        }
    }

    @Test(
        "A busy receiver's status and a slow receiver's timeout are the recorded errors",
        arguments: TestDatabase.available)
    func errorsRecorded(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await withApp(configure: { receiver in
                receiver.logger.logLevel = .critical
                receiver.post("busy") { _ async -> HTTPStatus in .serviceUnavailable }
                receiver.post("slow") { _ async throws -> HTTPStatus in
                    try await Task.sleep(for: .seconds(2))
                    return .ok
                }
            }) { receiver in
                // setup
                let world = try await WebhookWorld.create(on: app)
                try await world.allowInternalAddresses(on: app.db)
                try await receiver.server.start(address: .hostname("127.0.0.1", port: 0))
                let base = "http://127.0.0.1:\(try #require(receiver.listeningPort))"
                world.unitHook.url = base + "/busy"
                world.officeHook.url = base + "/slow"
                try await world.unitHook.save(on: app.db)
                try await world.officeHook.save(on: app.db)
                try await world.urge(on: app.db)
                // act
                let round = try await WebhookDispatcher.deliverDue(
                    now: world.clock.now, sender: ClientWebhookSender(client: app.client, timeoutSeconds: 1),
                    on: app.db)
                await receiver.server.shutdown()
                // assert
                #expect(round == DeliveryRound(delivered: 0, retried: 2, failed: 0))
                let busy = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
                #expect(busy.lastError == "对方返回 HTTP 503")
                #expect(busy.nextAttemptAt == WebhookWorld.start.addingTimeInterval(60))
                let slow = try #require(try await world.deliveries(to: world.officeHook, on: app.db).first)
                #expect(slow.lastError == "请求超时（1 秒内无应答）")
            }
        }
    }
}
