import Fluent
import Foundation

/// A message to a unit or to the 督查室: a reminder before a due day, an overdue notice, a manual 催办, a
/// returned or accepted report. Shown in the app with an unread count and posted to the matching webhooks.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"

    /// What the notification is about.
    enum Kind: String, Codable, Sendable, CaseIterable {
        case dueSoon = "due_soon"
        case overdue
        case urge
        case returned
        case accepted
        case submitted
        /// A leader's 批示, or a unit's answer to one.
        case instruction
        /// A 督查 finding raised, answered, closed or reopened.
        case finding
        /// A period's 绩效考核 scores published.
        case score
        /// A 督查通报 issued that names the unit.
        case bulletin

        /// The Chinese label.
        var label: String {
            switch self {
            case .dueSoon: "即将到期"
            case .overdue: "已逾期"
            case .urge: "催办"
            case .returned: "退回修改"
            case .accepted: "审核通过"
            case .submitted: "新的报送"
            case .instruction: "领导批示"
            case .finding: "督查整改"
            case .score: "考核得分"
            case .bulletin: "督查通报"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// A path inside Duban to act on it.
    @Field(key: "link") var link: String
    /// Who sent it: "系统" for automatic reminders, the admin's name for a 催办.
    @Field(key: "sender") var sender: String
    /// Set for automatic reminders so each fires once however often the job runs.
    @OptionalField(key: "dedupe_key") var dedupeKey: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    @Parent(key: "government_id") var government: Government
    /// The unit addressed; nil for the 督查室 itself.
    @OptionalParent(key: "unit_id") var unit: Unit?
    /// The leader addressed (an answer to their 批示); nil otherwise.
    @OptionalParent(key: "leader_id") var leader: Leader?

    init() {}

    init(
        id: UUID? = nil, governmentID: UUID, unitID: UUID?, leaderID: UUID? = nil, kind: Kind, title: String,
        body: String, link: String, sender: String, dedupeKey: String?, createdAt: Date
    ) {
        self.id = id
        self.$government.id = governmentID
        self.$unit.id = unitID
        self.$leader.id = leaderID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.sender = sender
        self.dedupeKey = dedupeKey
        self.createdAt = createdAt
    }
}

/// An outgoing webhook (e.g. a group-chat robot) of a unit, or of the 督查室 when `unit` is nil.
final class Webhook: Model, @unchecked Sendable {
    static let schema = "webhooks"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "url") var url: String
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    @Parent(key: "government_id") var government: Government
    @OptionalParent(key: "unit_id") var unit: Unit?

    init() {}

    init(id: UUID? = nil, governmentID: UUID, unitID: UUID?, name: String, url: String) {
        self.id = id
        self.$government.id = governmentID
        self.$unit.id = unitID
        self.name = name
        self.url = url
        self.active = true
    }
}

/// One notification on its way to one webhook, retried with back-off until delivered or given up.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    /// Where the delivery is.
    enum State: String, Codable, Sendable {
        case pending
        case delivered
        /// Given up after the last attempt; the admin sees it and may retry.
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "payload") var payload: String
    @Field(key: "state") var state: State
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @Field(key: "last_error") var lastError: String
    @OptionalField(key: "delivered_at") var deliveredAt: Date?
    @Field(key: "created_at") var createdAt: Date

    @Parent(key: "webhook_id") var webhook: Webhook
    @Parent(key: "notification_id") var notification: Notification

    init() {}

    init(id: UUID? = nil, webhookID: UUID, notificationID: UUID, payload: String, now: Date) {
        self.id = id
        self.$webhook.id = webhookID
        self.$notification.id = notificationID
        self.payload = payload
        self.state = .pending
        self.attempts = 0
        self.nextAttemptAt = now
        self.lastError = ""
        self.createdAt = now
    }
}
