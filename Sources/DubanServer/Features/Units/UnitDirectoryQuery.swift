import Foundation
import DubanCore
import Fluent
import SQLKit

/// The unit directory in four queries (units, aliases, task counts by role, memberships) however many units
/// there are. A government has hundreds of units at most, so the name filter runs in Swift: the same on both
/// engines and case-insensitive for Latin letters.
enum UnitDirectoryQuery {
    /// The government's units grouped by kind in `UnitKind` order, then by name; `query` keeps the units whose
    /// name or any alias contains it.
    static func listing(governmentID: UUID, query: String, on database: any Database) async throws
        -> UnitDirectoryListing
    {
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).with(\.$aliases)
            .sort(\.$name).all()
        let counts = try await roleCounts(governmentID: governmentID, on: database)
        let members = try await memberLinks(governmentID: governmentID, on: database)
        let needle = query.trimmingCharacters(in: .whitespaces)
        let kept =
            needle.isEmpty
            ? units
            : units.filter { unit in
                ([unit.name] + unit.aliases.map(\.alias)).contains { $0.localizedCaseInsensitiveContains(needle) }
            }
        let groups = try UnitKind.allCases.compactMap { kind -> UnitDirectoryListing.Group? in
            let rows = try kept.filter { $0.kind == kind }.map { unit in
                let id = try unit.requireID()
                let tally = counts[id] ?? [:]
                return UnitDirectoryListing.Row(
                    name: unit.name, href: SiteURL.unit(id).path,
                    aliases: unit.aliases.map(\.alias).sorted().joined(separator: "、"),
                    overallLead: tally[.overallLead] ?? 0, lead: tally[.lead] ?? 0,
                    responsible: tally[.responsible] ?? 0, assisting: tally[.assisting] ?? 0,
                    total: tally.values.reduce(0, +), members: members[id] ?? [])
            }
            return rows.isEmpty ? nil : UnitDirectoryListing.Group(kind: kind.rawValue, label: kind.label, units: rows)
        }
        return UnitDirectoryListing(query: needle, unitCount: units.count, shownCount: kept.count, groups: groups)
    }

    /// Assignments per unit and role, in one grouped query.
    static func roleCounts(governmentID: UUID, on database: any Database) async throws
        -> [UUID: [AssignmentRole: Int]]
    {
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT a.unit_id, a.role, COUNT(*) AS n FROM task_assignments a JOIN units u ON u.id = a.unit_id
            JOIN tasks t ON t.id = a.task_id
            WHERE u.government_id = \(bind: governmentID) AND \(PlanWithdrawal.taskOfActivePlan)
            GROUP BY a.unit_id, a.role
            """
        ).all()
        var counts: [UUID: [AssignmentRole: Int]] = [:]
        for row in rows {
            guard let role = AssignmentRole(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            counts[try row.decode(column: "unit_id", as: UUID.self), default: [:]][role] =
                try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// The members of every collective group of the government, by name.
    static func memberLinks(governmentID: UUID, on database: any Database) async throws -> [UUID: [LinkItem]] {
        let sql = try database.requireSQL()
        let rows = try await sql.raw(
            """
            SELECT m.group_id, u.id, u.name FROM unit_memberships m JOIN units u ON u.id = m.member_id
            WHERE u.government_id = \(bind: governmentID) ORDER BY u.name
            """
        ).all()
        var links: [UUID: [LinkItem]] = [:]
        for row in rows {
            let link = LinkItem(
                label: try row.decode(column: "name", as: String.self),
                href: SiteURL.unit(try row.decode(column: "id", as: UUID.self)).path)
            links[try row.decode(column: "group_id", as: UUID.self), default: []].append(link)
        }
        return links
    }
}
