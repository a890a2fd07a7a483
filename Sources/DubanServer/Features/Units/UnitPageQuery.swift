import Foundation
import DubanCore
import Fluent
import SQLKit

/// Everything the unit page shows, in a fixed number of queries however many tasks the unit holds.
enum UnitPageQuery {
    /// The unit of the government; nil when the government has no such unit. Its contacts are read only when
    /// `withContacts` (the policy's `.viewContacts`).
    static func detail(unitID: UUID, governmentID: UUID, withContacts: Bool, on database: any Database) async throws
        -> UnitDetail?
    {
        guard
            let unit = try await Unit.query(on: database).filter(\.$id == unitID)
                .filter(\.$government.$id == governmentID).with(\.$aliases).first()
        else { return nil }
        let roles = try await roleTasks(unitID: unitID, on: database)
        return UnitDetail(
            name: unit.name, kind: unit.kind.rawValue, kindLabel: unit.kind.label, isCollective: unit.isCollective,
            aliases: unit.aliases.map(\.alias).sorted(),
            groups: try await related(unitID: unitID, as: "member_id", showing: "group_id", on: database),
            members: try await related(unitID: unitID, as: "group_id", showing: "member_id", on: database),
            taskCount: roles.reduce(0) { $0 + $1.tasks.count }, roles: roles,
            mergeCandidates: try await mergeCandidates(excluding: unitID, governmentID: governmentID, on: database),
            contacts: withContacts
                ? try await ContactBook.contacts(unitID: unitID, on: database).map(ContactLine.init) : [])
    }

    /// The unit's tasks by role, each role's tasks newest plan first then in plan order.
    static func roleTasks(unitID: UUID, on database: any Database) async throws -> [UnitDetail.RoleTasks] {
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT a.role, p.title AS plan_title, \(TaskLinesQuery.columns) FROM task_assignments a
            JOIN tasks t ON t.id = a.task_id JOIN plans p ON p.id = t.plan_id
            WHERE a.unit_id = \(bind: unitID) AND p.withdrawn_at IS NULL ORDER BY p.year DESC, p.created_at DESC, p.id, t.position
            """
        ).all()
        var byRole: [String: [TaskLine]] = [:]
        for row in rows {
            let planTitle = try row.decode(column: "plan_title", as: String.self)
            byRole[try row.decode(column: "role", as: String.self), default: []]
                .append(TaskLinesQuery.line(try TaskLinesQuery.Row(row), planTitle: planTitle))
        }
        return AssignmentRole.allCases.compactMap { role in
            byRole[role.rawValue].map { UnitDetail.RoleTasks(role: role.rawValue, label: role.label, tasks: $0) }
        }
    }

    /// Units linked to this one by membership: its groups (`as: "member_id"`) or its members (`as: "group_id"`).
    private static func related(unitID: UUID, as own: String, showing other: String, on database: any Database)
        async throws -> [LinkItem]
    {
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT u.id, u.name FROM unit_memberships m JOIN units u ON u.id = m.\(ident: other)
            WHERE m.\(ident: own) = \(bind: unitID) ORDER BY u.name
            """
        ).all()
        return try rows.map { row in
            LinkItem(
                label: try row.decode(column: "name", as: String.self),
                href: SiteURL.unit(try row.decode(column: "id", as: UUID.self)).path)
        }
    }

    /// The other units of the government, by kind then name, labelled with their kind so that two similar names
    /// can be told apart.
    static func mergeCandidates(excluding unitID: UUID, governmentID: UUID, on database: any Database) async throws
        -> [SelectOption]
    {
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$id != unitID).sort(\.$name).all()
        let order = Dictionary(uniqueKeysWithValues: UnitKind.allCases.enumerated().map { ($1, $0) })
        return try units.sorted { (order[$0.kind] ?? 0, $0.name) < (order[$1.kind] ?? 0, $1.name) }
            .map {
                SelectOption(
                    value: try $0.requireID().uuidString.lowercased(), label: "\($0.name)（\($0.kind.label)）")
            }
    }
}
