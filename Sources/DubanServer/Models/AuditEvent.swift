import Fluent
import Foundation

/// One entry of the audit log: who changed what, when, and the state before and after.
///
/// Rows are only ever inserted: triggers in the database refuse UPDATE and DELETE on this table for everyone,
/// administrators included, so the log stays evidence.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class AuditEvent: Model, @unchecked Sendable {
    static let schema = "audit_events"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "occurred_at") var occurredAt: Date
    /// The signed-in user, when there is one.
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// As shown: a user's name, "命令行" or "系统".
    @Field(key: "actor_name") var actorName: String
    /// `AuditAction` raw value, e.g. "unit.merge".
    @Field(key: "action") var action: String
    /// The kind of record changed, e.g. "unit", "plan".
    @Field(key: "entity_type") var entityType: String
    @OptionalField(key: "entity_id") var entityID: UUID?
    /// One Chinese sentence saying what happened.
    @Field(key: "summary") var summary: String
    /// JSON of the relevant fields before and after; nil where there was no before (creation) or after.
    @OptionalField(key: "before_state") var beforeState: String?
    @OptionalField(key: "after_state") var afterState: String?
    @OptionalField(key: "request_id") var requestID: String?

    // relationships
    @OptionalParent(key: "government_id") var government: Government?

    init() {}

    init(
        id: UUID? = nil, governmentID: UUID?, occurredAt: Date, actorID: UUID?, actorName: String, action: String,
        entityType: String, entityID: UUID?, summary: String, beforeState: String?, afterState: String?,
        requestID: String?
    ) {
        self.id = id
        self.$government.id = governmentID
        self.occurredAt = occurredAt
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.entityType = entityType
        self.entityID = entityID
        self.summary = summary
        self.beforeState = beforeState
        self.afterState = afterState
        self.requestID = requestID
    }
}
