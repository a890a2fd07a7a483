import Fluent
import Foundation

/// A government whose plans Duban keeps (a city, a district). One deployment may host several, so plans,
/// units and leaders each belong to one.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Government: Model, @unchecked Sendable {
    static let schema = "governments"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    /// Full name, e.g. "青溪区人民政府".
    @Field(key: "name") var name: String
    /// Short name used in headings, e.g. "青溪区".
    @Field(key: "short_name") var shortName: String
    /// 省 / 市 / 区.
    @Field(key: "level") var level: String
    /// Whether this government's webhooks may post to loopback and private-network addresses (an intranet
    /// deployment); set by its 督查室 on the webhook page.
    @Field(key: "allow_internal_webhooks") var allowsInternalWebhooks: Bool

    // relationships
    @OptionalParent(key: "parent_id") var parent: Government?

    init() {}

    init(id: UUID? = nil, name: String, shortName: String, level: String, parentID: UUID? = nil) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.level = level
        self.$parent.id = parentID
        allowsInternalWebhooks = false
    }
}
