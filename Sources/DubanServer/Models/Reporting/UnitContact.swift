import DubanCore
import Fluent
import Foundation

/// One person a unit names for supervision work (督办工作人员名单): its 分管领导, the head of its office or
/// coordinating section, and its 经办人 — one row per role, replaced when the unit updates it.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class UnitContact: Model, @unchecked Sendable {
    static let schema = "unit_contacts"

    @ID(key: .id) var id: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    @Field(key: "role") var role: ContactRole
    @Field(key: "name") var name: String
    /// 职务.
    @Field(key: "title") var title: String
    /// Normalized by `ContactPhone`; empty when not given.
    @Field(key: "office_phone") var officePhone: String
    @Field(key: "mobile") var mobile: String

    @Parent(key: "unit_id") var unit: Unit

    init() {}

    init(
        id: UUID? = nil, unitID: UUID, role: ContactRole, name: String, title: String, officePhone: String,
        mobile: String
    ) {
        self.id = id
        self.$unit.id = unitID
        self.role = role
        self.name = name
        self.title = title
        self.officePhone = officePhone
        self.mobile = mobile
    }
}
