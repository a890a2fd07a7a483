import Foundation
import Vapor

/// A unit in the directory list.
struct UnitSummaryDTO: Content, Equatable {
    var id: UUID
    var name: String
    /// `UnitKind` in camelCase: "bureau", "subdistrict", "managementCommittee" …
    var kind: String
    var kindLabel: String
    var isCollective: Bool
    var aliases: [String]
    /// Task assignments in every role (a task held in two roles counts twice).
    var taskCount: Int
}

/// One unit with its other names, groups, members and task counts by role.
struct UnitDTO: Content, Equatable {
    var id: UUID
    var name: String
    var kind: String
    var kindLabel: String
    var isCollective: Bool
    var aliases: [UnitAliasDTO]
    /// The collective names this unit belongs to ("各街道办事处").
    var groups: [UnitRefDTO]
    /// For a collective name: the units it stands for.
    var members: [UnitRefDTO]
    var taskCounts: RoleCountsDTO
}

/// Another name of a unit.
struct UnitAliasDTO: Content, Equatable {
    var alias: String
    /// "abbreviation" or "alias".
    var kind: String
}

/// How many tasks a unit holds in each role.
struct RoleCountsDTO: Content, Equatable {
    var overallLead: Int
    var lead: Int
    var responsible: Int
    var assisting: Int
    /// The sum over the roles.
    var total: Int
}

/// The body of `POST /units/{id}/merge`: the unit to fold into the one in the path.
struct UnitMergeRequest: Content {
    var sourceId: UUID
}

/// What a merge did, and the surviving unit as it is now.
struct UnitMergeDTO: Content, Equatable {
    var unit: UnitDTO
    var movedAssignments: Int
    var droppedDuplicates: Int
    var addedAliases: Int
    /// The merged unit's reports and work plans, each version counted, now the surviving unit's.
    var movedFilings: Int
}

/// A responsible leader.
struct LeaderDTO: Content, Equatable {
    var id: UUID
    var name: String
    var title: String
    /// 分管工作.
    var portfolio: String
    var taskCount: Int
}
