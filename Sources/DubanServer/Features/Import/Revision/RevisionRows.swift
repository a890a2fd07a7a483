import DubanCore
import Fluent
import Foundation

/// The assignment and leader rows a revision replaces or adds.
struct LinkRows {
    var newTasks: [TaskRecord] = []
    private var replacedUnits: Set<UUID> = []
    private var replacedLeaders: Set<UUID> = []
    private var assignments: [TaskAssignment] = []
    private var leaderLinks: [TaskLeader] = []

    /// The task's units become exactly those of `roles`.
    mutating func replaceUnits(of taskID: UUID, with roles: TaskRoles, units: inout UnitDirectory) {
        replacedUnits.insert(taskID)
        assignments += TaskLinks.assignments(taskID: taskID, roles: roles, units: &units)
    }

    /// The task's leaders become exactly `names`.
    mutating func replaceLeaders(of taskID: UUID, with names: [String], leaders: inout LeaderDirectory) {
        replacedLeaders.insert(taskID)
        leaderLinks += TaskLinks.leaders(taskID: taskID, names: names, leaders: &leaders)
    }

    /// Deletes the replaced links and writes the new ones (after the new tasks exist).
    func save(on database: any Database) async throws {
        let units = Array(replacedUnits), leaders = Array(replacedLeaders)
        for chunk in units.chunked(200) {
            try await TaskAssignment.query(on: database).filter(\.$task.$id ~~ chunk).delete()
        }
        for chunk in leaders.chunked(200) {
            try await TaskLeader.query(on: database).filter(\.$task.$id ~~ chunk).delete()
        }
        for chunk in assignments.chunked(200) { try await chunk.create(on: database) }
        for chunk in leaderLinks.chunked(200) { try await chunk.create(on: database) }
    }
}

/// Writes a revision's task keys and order. Keys are unique per plan, and a revision may hand one task's key
/// to another (a task removed, a later one renumbered into its place), so every row whose key changes first
/// takes a temporary key, then its final one; withdrawn tasks get a key of their own that records the
/// revision, leaving theirs free.
enum KeyWriter {
    static func write(
        final: [(record: TaskRecord, key: String)], withdrawn: [TaskRecord], revision: Int, newTasks: [TaskRecord],
        on database: any Database
    ) async throws {
        var used = Set<String>()
        var wanted: [(TaskRecord, String)] = []
        for (record, key) in final {
            var candidate = key
            var suffix = 2
            while used.contains(candidate) {
                candidate = "\(key)~\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            wanted.append((record, candidate))
        }
        for record in withdrawn { wanted.append((record, "撤销\(revision)/\(record.key)")) }
        let newIDs = Set(newTasks.compactMap(\.id))
        let existing = try wanted.filter { !newIDs.contains(try $0.0.requireID()) }
        for (record, key) in existing where record.key != key {
            record.key = "~\(UUID().uuidString)"
            try await record.save(on: database)
        }
        for (position, (record, key)) in wanted.enumerated() {
            record.key = key
            record.position = position
            if newIDs.contains(try record.requireID()) { continue }
            if record.hasChanges { try await record.save(on: database) }
        }
        for chunk in newTasks.chunked(200) { try await chunk.create(on: database) }
    }
}
