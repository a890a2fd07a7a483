import DubanCore
import Fluent
import Foundation

/// The installation's governments as a tree. Loaded whole — an installation holds a province's few hundred
/// governments at most — once per signed-in request, so the policy knows which governments lie below the user's.
enum GovernmentHierarchy {
    /// The tree of every government.
    static func tree(on database: any Database) async throws -> GovernmentTree<UUID> {
        let governments = try await Government.query(on: database).field(\.$id).field(\.$parent.$id).all()
        var parents: [UUID: UUID?] = [:]
        for government in governments { parents[try government.requireID()] = government.$parent.id }
        return GovernmentTree(parents: parents)
    }

    /// The governments below `governmentID`, at any depth.
    static func descendants(of governmentID: UUID, on database: any Database) async throws -> Set<UUID> {
        try await tree(on: database).descendants(of: governmentID)
    }
}
