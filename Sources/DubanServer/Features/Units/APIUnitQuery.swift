import Foundation
import DubanCore
import Fluent
import SQLKit

/// The unit directory as the API returns it.
enum APIUnitQuery {
    /// The government's units by name; `query` keeps those whose name or an alias contains it (as the directory
    /// page filters).
    static func list(governmentID: UUID, query: String, on database: any Database) async throws -> [UnitSummaryDTO] {
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).with(\.$aliases)
            .sort(\.$name).all()
        let counts = try await UnitDirectoryQuery.roleCounts(governmentID: governmentID, on: database)
        let needle = query.trimmingCharacters(in: .whitespaces)
        return try units.filter { unit in
            needle.isEmpty
                || ([unit.name] + unit.aliases.map(\.alias)).contains { $0.localizedCaseInsensitiveContains(needle) }
        }
        .map { unit in
            let id = try unit.requireID()
            return UnitSummaryDTO(
                id: id, name: unit.name, kind: unit.kind.apiName, kindLabel: unit.kind.label,
                isCollective: unit.isCollective, aliases: unit.aliases.map(\.alias).sorted(),
                taskCount: (counts[id] ?? [:]).values.reduce(0, +))
        }
    }

    /// The unit of the government; nil when the government has no such unit.
    static func detail(unitID: UUID, governmentID: UUID, on database: any Database) async throws -> UnitDTO? {
        guard
            let unit = try await Unit.query(on: database).filter(\.$id == unitID)
                .filter(\.$government.$id == governmentID).with(\.$aliases).first()
        else { return nil }
        let groups = try await UnitMembership.query(on: database).filter(\.$member.$id == unitID).with(\.$group).all()
            .map { UnitRefDTO(id: try $0.group.requireID(), name: $0.group.name) }
        let members = try await UnitMembership.query(on: database).filter(\.$group.$id == unitID).with(\.$member)
            .all().map { UnitRefDTO(id: try $0.member.requireID(), name: $0.member.name) }
        return UnitDTO(
            id: unitID, name: unit.name, kind: unit.kind.apiName, kindLabel: unit.kind.label,
            isCollective: unit.isCollective,
            aliases: unit.aliases.map { UnitAliasDTO(alias: $0.alias, kind: $0.kind.rawValue) }.sorted {
                $0.alias < $1.alias
            },
            groups: groups.sorted { $0.name < $1.name }, members: members.sorted { $0.name < $1.name },
            taskCounts: try await roleCounts(unitID: unitID, on: database))
    }

    /// The unit's task assignments per role, in one grouped query.
    private static func roleCounts(unitID: UUID, on database: any Database) async throws -> RoleCountsDTO {
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT a.role, COUNT(*) AS n FROM task_assignments a JOIN tasks t ON t.id = a.task_id \
            WHERE a.unit_id = \(bind: unitID) AND \(PlanWithdrawal.taskOfActivePlan) GROUP BY a.role
            """
        ).all()
        var counts: [AssignmentRole: Int] = [:]
        for row in rows {
            guard let role = AssignmentRole(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            counts[role] = try row.decode(column: "n", as: Int.self)
        }
        return RoleCountsDTO(
            overallLead: counts[.overallLead] ?? 0, lead: counts[.lead] ?? 0, responsible: counts[.responsible] ?? 0,
            assisting: counts[.assisting] ?? 0, total: counts.values.reduce(0, +))
    }
}
