/// The administrator's webhook page: the government's webhooks with their switches, the add form, and the
/// latest deliveries with a retry button on failed ones. Everything is formatted here; the template prints.
struct WebhookAdminPage: Encodable {
    /// One webhook.
    struct Row: Encodable, Equatable {
        var name: String
        /// The address with its secrets shortened (see `WebhookRules.redacted`).
        var url: String
        /// "督查室（全部通知）" or the unit's name.
        var receiver: String
        var active: Bool
        var toggleAction: String
        var toggleLabel: String
        var deleteAction: String
    }

    /// One delivery of a notification to a webhook.
    struct DeliveryRow: Encodable, Equatable {
        var createdAt: String
        var webhook: String
        var title: String
        /// `WebhookDelivery.State` raw value, for the badge's CSS class.
        var state: String
        var stateLabel: String
        /// "已尝试 2 / 6 次", or when and at which attempt it was delivered.
        var progress: String
        var lastError: String
        /// When a pending delivery goes next; empty otherwise.
        var nextAttempt: String
        /// The retry form's action; empty unless the delivery failed.
        var retryAction: String
    }

    /// The add form, refilled after a mistake so nothing typed is lost.
    struct NewWebhookForm: Encodable {
        var action: String
        var name = ""
        var url = ""
        /// The 督查室 first, then the government's units.
        var receivers: [SelectOption]
    }

    var page: PageChrome
    var webhooks: [Row]
    var deliveries: [DeliveryRow]
    var form: NewWebhookForm
    var notice: String
    var error: String
    /// The network setting: whether webhooks may post to internal addresses, and its form.
    var network: Network

    /// The 推送设置 panel.
    struct Network: Encodable, Equatable {
        var allowsInternal: Bool
        var action: String
    }
}
