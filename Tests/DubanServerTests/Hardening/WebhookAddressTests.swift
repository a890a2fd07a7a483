@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Webhooks may not post into the server's own network unless the 督查室 allowed it: such addresses are refused
/// when registered and, should a name come to point inside, when delivered.
@Suite("Webhook addresses")
struct WebhookAddressTests {
    @Test(arguments: [
        "127.0.0.1", "localhost", "10.2.3.4", "172.20.0.1", "192.168.1.10", "169.254.169.254", "100.64.0.1",
        "0.0.0.0", "[::1]", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "metadata.internal", "printer.local",
    ])
    func internalHosts(host: String) {
        #expect(WebhookAddress.isInternal(host: host))
    }

    @Test(arguments: ["8.8.8.8", "qyapi.weixin.qq.com", "172.32.0.1", "192.169.0.1", "2400:3200::1", "hooks.example"])
    func externalHosts(host: String) {
        #expect(!WebhookAddress.isInternal(host: host))
    }

    @Test(
        "Registering a loopback or private address is refused until the 督查室 allows it, and the change is audited",
        arguments: TestDatabase.available)
    func registration(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let browser = try await app.browser(signedInAs: .admin)
            _ = try await browser.request(SiteURL.adminWebhooks.path)
            // act: two internal addresses, refused
            for url in ["http://127.0.0.1:8080/hook", "http://10.1.2.3/cgi-bin/webhook/send?key=abcdef"] {
                let page = try await browser.request(
                    SiteURL.adminWebhooks.path, method: .POST, form: ["name": "内网群", "url": url, "unit": ""])
                #expect(page.status == .unprocessableEntity)
                #expect(page.html.contains("指向服务器所在的内部网络"))
            }
            #expect(try await Webhook.query(on: app.db).count() == 0)
            // act: the 督查室 allows it; the same address is accepted
            let saved = try await browser.request(
                SiteURL.adminWebhookNetwork.path, method: .POST, form: ["allowInternal": "1"])
            #expect(saved.location == SiteURL.adminWebhooksAfter("network").path)
            let added = try await browser.request(
                SiteURL.adminWebhooks.path, method: .POST,
                form: ["name": "内网群", "url": "http://10.1.2.3/hook", "unit": ""])
            // assert
            #expect(added.status == .seeOther)
            #expect(try await Webhook.query(on: app.db).count() == 1)
            let page = try await browser.request(SiteURL.adminWebhooks.path)
            #expect(page.html.contains("name=\"allowInternal\" value=\"1\" checked"))
            let audit = try await AuditEvent.query(on: app.db).filter(\.$entityType == "government").all()
            #expect(audit.map(\.summary) == ["允许推送到内网地址"])
        }
    }

    @Test(
        "A delivery to an internal address is not sent while not allowed, and is once allowed",
        arguments: TestDatabase.available)
    func delivery(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: a webhook registered before the rule existed points at loopback
            let world = try await WebhookWorld.create(on: app)
            world.unitHook.url = "http://127.0.0.1:9/hook"
            try await world.unitHook.save(on: app.db)
            try await world.urge(on: app.db)
            let sender = ScriptedSender()
            // act
            _ = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            // assert: nothing was posted there; the office's external hook was
            #expect(!sender.posts.map(\.url).contains(world.unitHook.url))
            let refused = try #require(
                try await WebhookDelivery.query(on: app.db).filter(\.$webhook.$id == world.unitHook.requireID()).first()
            )
            #expect(refused.lastError == WebhookDispatcher.internalRefusal)
            // act: allowed, the next attempt goes out
            try await world.allowInternalAddresses(on: app.db)
            world.clock.advance(by: 60)
            _ = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            #expect(sender.posts.map(\.url).contains(world.unitHook.url))
        }
    }
}
