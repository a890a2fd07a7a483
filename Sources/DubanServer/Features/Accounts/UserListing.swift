import Fluent
import Foundation

/// The accounts as `duban user list` prints them.
enum UserListing {
    static let header = ["USERNAME", "NAME", "ROLE", "GOVERNMENT", "UNIT / LEADER", "STATUS"]

    /// One row per account — of the named government, or of all — by username.
    static func rows(government: String?, on database: any Database) async throws -> [[String]] {
        let query = User.query(on: database).sort(\.$username)
        if let government {
            query.filter(\.$government.$id == (try await GovernmentAdmin.find(government, on: database).requireID()))
        }
        let users = try await query.all()
        var governments: [UUID: String] = [:]
        for government in try await Government.query(on: database).all() {
            if let id = government.id { governments[id] = government.shortName }
        }
        var names: [UUID: String] = [:]
        for governmentID in Set(users.map { $0.$government.id }) {
            let found = try await UserListQuery.assignmentNames(governmentID: governmentID, on: database)
            names.merge(found) { first, _ in first }
        }
        return users.map { row($0, governments: governments, names: names) }
    }

    private static func row(_ user: User, governments: [UUID: String], names: [UUID: String]) -> [String] {
        let assignment = (user.$unit.id ?? user.$leader.id).flatMap { names[$0] } ?? "-"
        let government = governments[user.$government.id] ?? ""
        let status = user.isDisabled ? "disabled" : "active"
        return [user.username, user.displayName, user.role.rawValue, government, assignment, status]
    }
}
