import Fluent
import Foundation

/// The accounts of a government as the admin pages list them, and the choices of the add form.
enum UserListQuery {
    /// Every account of the government by username, with the name of its unit or leader.
    static func rows(governmentID: UUID, on database: any Database) async throws -> [UserListPage.Row] {
        let users = try await User.query(on: database).filter(\.$government.$id == governmentID)
            .sort(\.$username).all()
        let names = try await assignmentNames(governmentID: governmentID, on: database)
        return try users.map { try row($0, names: names) }
    }

    /// One account's row.
    static func row(_ user: User, names: [UUID: String]) throws -> UserListPage.Row {
        let assignment = (user.$unit.id ?? user.$leader.id).flatMap { names[$0] } ?? ""
        return UserListPage.Row(
            username: user.username, displayName: user.displayName, role: user.role.label,
            assignment: assignment, disabled: user.isDisabled, href: SiteURL.adminUser(try user.requireID()).path)
    }

    /// Unit and leader names by id, for the assignment column.
    static func assignmentNames(governmentID: UUID, on database: any Database) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        for unit in try await Unit.query(on: database).filter(\.$government.$id == governmentID).all() {
            if let id = unit.id { names[id] = unit.name }
        }
        for leader in try await Leader.query(on: database).filter(\.$government.$id == governmentID).all() {
            if let id = leader.id { names[id] = leader.name }
        }
        return names
    }

    /// The add form with its choices; `selected` values are kept after a mistake.
    static func form(
        governmentID: UUID, selectedRole: String = UserRole.viewer.rawValue, selectedUnit: String = "",
        selectedLeader: String = "", on database: any Database
    ) async throws -> UserListPage.NewUserForm {
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$isCollective == false).sort(\.$name).all()
        let leaders = try await Leader.query(on: database).filter(\.$government.$id == governmentID)
            .sort(\.$position).all()
        return UserListPage.NewUserForm(
            action: SiteURL.adminUsers.path,
            roles: UserRole.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selectedRole)
            },
            units: try units.map { unit in
                let id = try unit.requireID().uuidString.lowercased()
                return SelectOption(value: id, label: unit.name, selected: id == selectedUnit.lowercased())
            },
            leaders: try leaders.map { entry in
                let id = try entry.requireID().uuidString.lowercased()
                let label = entry.title.isEmpty ? entry.name : "\(entry.name)（\(entry.title)）"
                return SelectOption(value: id, label: label, selected: id == selectedLeader.lowercased())
            })
    }
}
