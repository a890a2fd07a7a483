import DubanCore
import Fluent
import Foundation

/// A unit that can be assigned tasks: a bureau (局), a 街道, a 管委会, an enterprise — or a collective name such as
/// "各街道办事处" that stands for several units.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    // managed
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data
    /// Full official name, e.g. "区科学技术和经济信息化局".
    @Field(key: "name") var name: String
    /// What kind of unit this is (see `UnitKind`), stored as its raw value.
    @Field(key: "kind") var kind: String
    /// True for a collective name standing for several units.
    @Field(key: "is_collective") var isCollective: Bool

    // relationships
    @Parent(key: "government_id") var government: Government
    @Children(for: \.$unit) var aliases: [UnitAlias]

    init() {}

    init(id: UUID? = nil, governmentID: UUID, name: String, kind: UnitKind, isCollective: Bool = false) {
        self.id = id
        self.$government.id = governmentID
        self.name = name
        self.kind = kind.rawValue
        self.isCollective = isCollective
    }

    /// The kind as a typed value; unknown stored values read as `.other`.
    var unitKind: UnitKind { UnitKind(rawValue: kind) ?? .other }
}

/// Another name for a unit: an abbreviation ("区科经局") or an alias printed in brackets ("区体育局").
final class UnitAlias: Model, @unchecked Sendable {
    static let schema = "unit_aliases"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "alias") var alias: String
    /// "abbreviation" or "alias".
    @Field(key: "kind") var kind: String

    // relationships
    @Parent(key: "unit_id") var unit: Unit

    init() {}

    init(id: UUID? = nil, unitID: UUID, alias: String, kind: String = "abbreviation") {
        self.id = id
        self.$unit.id = unitID
        self.alias = alias
        self.kind = kind
    }
}

/// Membership of a unit in a collective group ("各街道办事处" → each 街道).
final class UnitMembership: Model, @unchecked Sendable {
    static let schema = "unit_memberships"

    // managed
    @ID(key: .id) var id: UUID?

    // relationships
    @Parent(key: "group_id") var group: Unit
    @Parent(key: "member_id") var member: Unit

    init() {}

    init(id: UUID? = nil, groupID: UUID, memberID: UUID) {
        self.id = id
        self.$group.id = groupID
        self.$member.id = memberID
    }
}
