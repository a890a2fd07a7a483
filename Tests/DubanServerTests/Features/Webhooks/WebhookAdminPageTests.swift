@testable import DubanServer
import Fluent
import Foundation
import Testing
import Vapor

/// The administrator's webhook page: adding with checks, switching off and on, deleting, and retrying a failed
/// delivery — each change audited — on every available database engine.
@Suite("Webhook admin page")
struct WebhookAdminPageTests {
    @Test(
        "Adding checks the name and the address; a mistake answers 422 with the form refilled",
        arguments: TestDatabase.available)
    func add(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            let unit = world.unitID.uuidString.lowercased()
            let key = "693axxxx-7a0c-4bc4-97a0-0ec2sifa5aaa"
            let good = [
                "name": "财政局第二群", "url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=\(key)",
                "unit": unit,
            ]
            // act
            let notHTTP = try await app.page(
                SiteURL.adminWebhooks.path, method: .POST, form: good.merging(["url": "ftp://files.example/x"]) { $1 })
            let notURL = try await app.page(
                SiteURL.adminWebhooks.path, method: .POST, form: good.merging(["url": "群机器人地址"]) { $1 })
            let noName = try await app.page(
                SiteURL.adminWebhooks.path, method: .POST, form: good.merging(["name": "  "]) { $1 })
            let added = try await app.page(SiteURL.adminWebhooks.path, method: .POST, form: good)
            let twice = try await app.page(SiteURL.adminWebhooks.path, method: .POST, form: good)
            let page = try await app.page(try #require(added.location))
            // assert
            #expect(notHTTP.status == .unprocessableEntity)
            #expect(notHTTP.html.contains(WebhookError.urlInvalid.reason))
            #expect(notHTTP.html.contains("value=\"财政局第二群\""))
            #expect(notHTTP.html.contains("<option value=\"\(unit)\" selected>区财政局</option>"))
            #expect(notURL.status == .unprocessableEntity)
            #expect(notURL.html.contains("推送地址必须是以 http:// 或 https:// 开头的完整网址"))
            #expect(noName.status == .unprocessableEntity)
            #expect(noName.html.contains("请填写名称"))
            #expect(added.status == .seeOther)
            #expect(added.location == SiteURL.adminWebhooksAfter("created").path)
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.html.contains("这个接收方已经有相同的推送地址。"))
            let stored = try #require(try await Webhook.query(on: app.db).filter(\.$name == "财政局第二群").first())
            #expect(stored.$unit.id == world.unitID)
            #expect(stored.active)
            #expect(page.html.contains("推送地址已添加"))
            #expect(page.html.contains("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…"))
            #expect(!page.html.contains(key))
            #expect(page.html.contains("<a href=\"/admin/webhooks\" aria-current=\"page\">推送</a>"))
            let events = try await AuditEvent.query(on: app.db).filter(\.$action == "webhook.update").all()
            #expect(events.map(\.summary) == ["新增推送地址“财政局第二群”（区财政局）"])
            #expect(events.first?.afterState?.contains(key) == false)
        }
    }

    @Test("Disabling, enabling and deleting a webhook are audited", arguments: TestDatabase.available)
    func switchAndDelete(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let world = try await WebhookWorld.create(on: app)
            try await world.urge(on: app.db)
            let id = try world.unitHook.requireID()
            // act, assert
            let disabled = try await app.page(SiteURL.adminWebhookDisable(id).path, method: .POST, form: [:])
            #expect(disabled.location == SiteURL.adminWebhooksAfter("disabled").path)
            #expect(try await Webhook.find(id, on: app.db)?.active == false)
            let page = try await app.page(SiteURL.adminWebhooks.path)
            #expect(page.html.contains("<span class=\"badge status-disabled\">已停用</span>"))
            #expect(page.html.contains("action=\"\(SiteURL.adminWebhookEnable(id).path)\""))
            let enabled = try await app.page(SiteURL.adminWebhookEnable(id).path, method: .POST, form: [:])
            #expect(enabled.location == SiteURL.adminWebhooksAfter("enabled").path)
            #expect(try await Webhook.find(id, on: app.db)?.active == true)
            let deleted = try await app.page(SiteURL.adminWebhookDelete(id).path, method: .POST, form: [:])
            #expect(deleted.location == SiteURL.adminWebhooksAfter("deleted").path)
            #expect(try await Webhook.find(id, on: app.db) == nil)
            #expect(try await WebhookDelivery.query(on: app.db).filter(\.$webhook.$id == id).count() == 0)
            let summaries = try await AuditEvent.query(on: app.db).filter(\.$action == "webhook.update")
                .sort(\.$occurredAt).all().map(\.summary)
            #expect(
                summaries == [
                    "停用推送地址“财政局群”（区财政局）", "启用推送地址“财政局群”（区财政局）",
                    "删除推送地址“财政局群”（区财政局）及其发送记录",
                ])
        }
    }

    @Test("A failed delivery shows its error on the page and can be retried once", arguments: TestDatabase.available)
    func retryFailed(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the unit's delivery fails six times; the office's is delivered
            let world = try await WebhookWorld.create(on: app)
            try await world.urge("请报送一季度情况", on: app.db)
            let sender = ScriptedSender(fallback: 502, healthy: [world.officeHook.url])
            for wait in [0] + WebhookDispatcher.backOff {
                world.clock.advance(by: wait)
                _ = try await WebhookDispatcher.deliverDue(now: world.clock.now, sender: sender, on: app.db)
            }
            let failed = try #require(try await world.deliveries(to: world.unitHook, on: app.db).first)
            let id = try failed.requireID()
            // act
            let page = try await app.page(SiteURL.adminWebhooks.path)
            let retried = try await app.page(SiteURL.adminWebhookDeliveryRetry(id).path, method: .POST, form: [:])
            let again = try await app.page(SiteURL.adminWebhookDeliveryRetry(id).path, method: .POST, form: [:])
            // assert
            #expect(failed.state == .failed)
            #expect(page.html.contains("<span class=\"badge delivery-failed\">发送失败</span>"))
            #expect(page.html.contains("已尝试 6 / 6 次"))
            #expect(page.html.contains("送达（第 1 次发送）"))
            #expect(page.html.contains("<div class=\"delivery-error\">对方返回 HTTP 502</div>"))
            #expect(page.html.contains("<span class=\"badge delivery-delivered\">已送达</span>"))
            #expect(page.occurrences(of: ">重试</button>") == 1)
            #expect(page.html.contains("action=\"\(SiteURL.adminWebhookDeliveryRetry(id).path)\""))
            #expect(retried.status == .seeOther)
            #expect(retried.location == SiteURL.adminWebhooksAfter("retried").path)
            #expect(again.status == .conflict)
            #expect(again.html.contains("只有发送失败的记录可以重试。"))
            let queued = try #require(try await WebhookDelivery.find(id, on: app.db))
            #expect(queued.state == .pending)
            #expect(queued.attempts == 0)
            #expect(queued.nextAttemptAt == world.clock.now)
            let event = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$action == "webhook.update").first())
            #expect(event.summary == "重新发送推送地址“财政局群”的失败记录")
            #expect(event.entityID == world.unitHook.id)
            // the next round sends it again
            let round = try await WebhookDispatcher.deliverDue(
                now: world.clock.now, sender: ScriptedSender(), on: app.db)
            #expect(round == DeliveryRound(delivered: 1, retried: 0, failed: 0))
        }
    }

    @Test(
        "Another government's webhooks and deliveries are neither listed nor changed",
        arguments: TestDatabase.available)
    func otherGovernment(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await WebhookWorld.create(on: app)
            let foreign = try await ForeignGovernment.create(on: app.db)
            let government = try #require(try await User.find(foreign.user, on: app.db)).$government.id
            let hook = Webhook(governmentID: government, unitID: nil, name: "东湖区督查室群", url: "https://east.example/h")
            try await hook.create(on: app.db)
            try await Notifier.post(
                .urge, governmentID: government, unitID: foreign.unit, title: "东湖区催办", body: "", link: "/",
                sender: "督查室", at: app.clock.now(), on: app.db)
            let delivery = try #require(try await WebhookDelivery.query(on: app.db).first())
            delivery.state = .failed
            try await delivery.save(on: app.db)
            // act
            let page = try await app.page(SiteURL.adminWebhooks.path)
            let disable = try await app.page(
                SiteURL.adminWebhookDisable(try hook.requireID()).path, method: .POST, form: [:])
            let retry = try await app.page(
                SiteURL.adminWebhookDeliveryRetry(try delivery.requireID()).path, method: .POST, form: [:])
            // assert
            #expect(page.status == .ok)
            #expect(!page.html.contains("东湖区"))
            #expect(disable.status == .notFound)
            #expect(retry.status == .notFound)
            #expect(try await Webhook.find(hook.requireID(), on: app.db)?.active == true)
        }
    }
}
