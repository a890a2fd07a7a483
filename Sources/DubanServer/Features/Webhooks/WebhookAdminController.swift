import Fluent
import Vapor

/// The administrator's webhook page: add a webhook for the 督查室 or a unit, disable, enable or delete one, and
/// retry a failed delivery. Registered behind `RequirePermission(.superviseReporting)`; records are looked up
/// within the administrator's government, so another government's ids answer 404.
struct WebhookAdminController: RouteCollection {
    /// Registers the routes.
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.adminWebhooks.pathComponents, use: index)
        routes.post(SiteURL.adminWebhooks.pathComponents, use: create)
        routes.post(SiteURL.adminWebhookDisable(.parameter).pathComponents, use: disable)
        routes.post(SiteURL.adminWebhookEnable(.parameter).pathComponents, use: enable)
        routes.post(SiteURL.adminWebhookDelete(.parameter).pathComponents, use: delete)
        routes.post(SiteURL.adminWebhookDeliveryRetry(.parameter).pathComponents, use: retry)
        routes.post(SiteURL.adminWebhookNetwork.pathComponents, use: saveNetwork)
    }

    /// The add form's fields; all optional so a half-filled form answers with a sentence, not a decoding error.
    struct NewWebhookFields: Content {
        var name: String?
        var url: String?
        /// A unit id, or "" for the 督查室.
        var unit: String?
    }

    /// Sentences for `?done=`.
    static let notices = [
        "created": "推送地址已添加。此后发给该接收方的通知会推送到这里。",
        "disabled": "推送地址已停用，尚未发出的通知不再推送到这里。",
        "enabled": "推送地址已启用。",
        "deleted": "推送地址及其发送记录已删除。",
        "retried": "已安排重新发送，将在下一轮后台任务（约一分钟内）发出。",
        "network": "推送设置已保存。",
    ]

    /// The webhooks, the add form and the latest deliveries.
    @Sendable func index(req: Request) async throws -> View {
        let governmentID = try req.currentUser().governmentID
        let notice = req.notice(from: Self.notices)
        let form = try await WebhookPageQuery.form(governmentID: governmentID, on: req.db)
        return try await render(req, form: form, notice: notice, error: "")
    }

    /// Adds a webhook; a mistake shows the form again, filled in, with the reason.
    @Sendable func create(req: Request) async throws -> Response {
        let fields = (try? req.content.decode(NewWebhookFields.self)) ?? NewWebhookFields()
        let governmentID = try req.currentUser().governmentID
        do {
            let unitID = try Self.receiver(fields.unit)
            _ = try await settings(req).add(.init(name: fields.name ?? "", url: fields.url ?? "", unitID: unitID))
            return req.redirect(to: SiteURL.adminWebhooksAfter("created").path)
        } catch let error as WebhookError {
            let form = try await WebhookPageQuery.form(
                governmentID: governmentID, name: fields.name ?? "", url: fields.url ?? "",
                selectedReceiver: fields.unit ?? "", on: req.db)
            return try await req.answer(render(req, form: form, notice: "", error: error.reason), status: error.status)
        }
    }

    /// Stops sending to a webhook.
    @Sendable func disable(req: Request) async throws -> Response {
        let settings = try settings(req)
        try await settings.setActive(false, try await settings.find(try Self.id("webhookID", req)))
        return req.redirect(to: SiteURL.adminWebhooksAfter("disabled").path)
    }

    /// Resumes sending to a webhook.
    @Sendable func enable(req: Request) async throws -> Response {
        let settings = try settings(req)
        try await settings.setActive(true, try await settings.find(try Self.id("webhookID", req)))
        return req.redirect(to: SiteURL.adminWebhooksAfter("enabled").path)
    }

    /// Deletes a webhook and its deliveries.
    @Sendable func delete(req: Request) async throws -> Response {
        let settings = try settings(req)
        try await settings.delete(try await settings.find(try Self.id("webhookID", req)))
        return req.redirect(to: SiteURL.adminWebhooksAfter("deleted").path)
    }

    /// Queues a failed delivery again from its first attempt.
    @Sendable func retry(req: Request) async throws -> Response {
        guard let id = req.parameters.get("deliveryID", as: UUID.self) else { throw WebhookError.deliveryNotFound }
        try await settings(req).retry(deliveryID: id)
        return req.redirect(to: SiteURL.adminWebhooksAfter("retried").path)
    }

    /// Saves whether webhooks may post to internal addresses (the checkbox is absent when unticked).
    @Sendable func saveNetwork(req: Request) async throws -> Response {
        let allowed = (try? req.content.get(String.self, at: "allowInternal")) == "1"
        try await settings(req).setAllowsInternalAddresses(allowed)
        return req.redirect(to: SiteURL.adminWebhooksAfter("network").path)
    }

    /// The webhook id in the path; anything unreadable is a webhook that does not exist.
    private static func id(_ name: String, _ req: Request) throws -> UUID {
        guard let id = req.parameters.get(name, as: UUID.self) else { throw WebhookError.webhookNotFound }
        return id
    }

    /// The receiver select's value: "" is the 督查室, anything else must be a unit id.
    private static func receiver(_ value: String?) throws -> UUID? {
        guard let value, !value.isEmpty else { return nil }
        guard let id = UUID(uuidString: value) else { throw WebhookError.unitNotFound }
        return id
    }

    private func settings(_ req: Request) throws -> WebhookSettings {
        WebhookSettings(
            database: req.db, governmentID: try req.currentUser().governmentID, actor: req.auditActor,
            requestID: req.requestID, now: req.clock.now())
    }

    private func render(_ req: Request, form: WebhookAdminPage.NewWebhookForm, notice: String, error: String)
        async throws -> View
    {
        let governmentID = try req.currentUser().governmentID
        let page = WebhookAdminPage(
            page: try PageChrome(for: req, title: "推送地址", section: .webhooks),
            webhooks: try await WebhookPageQuery.rows(governmentID: governmentID, on: req.db),
            deliveries: try await WebhookPageQuery.deliveries(governmentID: governmentID, on: req.db),
            form: form, notice: notice, error: error,
            network: .init(
                allowsInternal: try await settings(req).allowsInternalAddresses(),
                action: SiteURL.adminWebhookNetwork.path))
        return try await req.view.render("admin/webhooks/index", page)
    }
}
