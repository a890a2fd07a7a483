import Fluent
import Foundation

/// The leaders of one government by name, completed with new ones when a plan names an unknown leader.
struct LeaderDirectory {
    let governmentID: UUID
    private var byName: [String: UUID] = [:]
    private var created: [Leader] = []
    private var nextPosition = 0

    /// Loads the government's leaders.
    static func load(governmentID: UUID, on database: any Database) async throws -> LeaderDirectory {
        var directory = LeaderDirectory(governmentID: governmentID)
        for leader in try await Leader.query(on: database).filter(\.$government.$id == governmentID).all() {
            directory.byName[leader.name] = try leader.requireID()
            directory.nextPosition = max(directory.nextPosition, leader.position + 1)
        }
        return directory
    }

    /// The leader with this name, creating one when unknown.
    mutating func resolve(_ name: String) -> UUID {
        if let id = byName[name] { return id }
        let id = UUID()
        created.append(Leader(id: id, governmentID: governmentID, name: name, position: nextPosition))
        nextPosition += 1
        byName[name] = id
        return id
    }

    /// Saves the leaders `resolve` created.
    func save(on database: any Database) async throws {
        for chunk in created.chunked(200) { try await chunk.create(on: database) }
    }
}
