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
    /// What kind of unit this is, stored as its raw value.
    @Field(key: "kind") var kind: UnitKind
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
        self.kind = kind
        self.isCollective = isCollective
    }
}

/// Another name for a unit: an abbreviation ("区科经局") or an alias printed in brackets ("区体育局").
final class UnitAlias: Model, @unchecked Sendable {
    static let schema = "unit_aliases"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "alias") var alias: String
    @Field(key: "kind") var kind: Kind

    // relationships
    @Parent(key: "unit_id") var unit: Unit

    init() {}

    /// Where the other name comes from.
    enum Kind: String, Codable, Sendable {
        /// A short form ("区科经局").
        case abbreviation
        /// Another name printed in brackets, or the name of a unit merged into this one.
        case alias
    }

    init(id: UUID? = nil, unitID: UUID, alias: String, kind: Kind = .abbreviation) {
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
