import DubanCore
import Fluent
import Foundation

/// Writes the demo district's government, units (with abbreviations and other names), collective groups
/// with their members, and leaders — the directory that imported plans are then resolved against.
enum DemoDirectorySeeder {
    /// Creates the government under `parentID` (the demo city) and its directory; returns the government's id.
    static func seed(parentID: UUID? = nil, on database: any Database) async throws -> UUID {
        let government = Government(
            name: DemoDirectory.governmentName, shortName: DemoDirectory.governmentShortName,
            level: "区", parentID: parentID)
        try await government.create(on: database)
        let governmentID = try government.requireID()
        let members = try await seedUnits(governmentID: governmentID, on: database)
        try await seedCollectives(governmentID: governmentID, members: members, on: database)
        let leaders = DemoDirectory.leaders.enumerated().map { position, entry in
            Leader(
                governmentID: governmentID, name: entry.name, title: entry.title, portfolio: entry.portfolio,
                position: position)
        }
        try await leaders.create(on: database)
        return governmentID
    }

    /// Creates the ordinary units; returns their ids with their kinds, for the collective groups.
    private static func seedUnits(governmentID: UUID, on database: any Database) async throws -> [(UUID, UnitKind)] {
        var units: [Unit] = []
        var aliases: [UnitAlias] = []
        for entry in DemoDirectory.units {
            let id = UUID()
            units.append(Unit(id: id, governmentID: governmentID, name: entry.name, kind: entry.kind))
            aliases += entry.abbreviations.map { UnitAlias(unitID: id, alias: $0, kind: .abbreviation) }
            aliases += entry.otherNames.map { UnitAlias(unitID: id, alias: $0, kind: .alias) }
        }
        try await units.create(on: database)
        try await aliases.create(on: database)
        return zip(units, DemoDirectory.units).compactMap { unit, entry in unit.id.map { ($0, entry.kind) } }
    }

    private static func seedCollectives(governmentID: UUID, members: [(UUID, UnitKind)], on database: any Database)
        async throws
    {
        var groups: [Unit] = []
        var memberships: [UnitMembership] = []
        for entry in DemoDirectory.collectives {
            let id = UUID()
            groups.append(
                Unit(
                    id: id, governmentID: governmentID, name: entry.name, kind: .collective,
                    isCollective: true))
            memberships += members.filter { entry.memberKinds.contains($0.1) }
                .map { UnitMembership(groupID: id, memberID: $0.0) }
        }
        try await groups.create(on: database)
        try await memberships.create(on: database)
    }
}
