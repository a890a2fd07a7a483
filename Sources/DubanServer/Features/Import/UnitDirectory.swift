import DubanCore
import Fluent
import Foundation

/// The units of one government, looked up by full name or any alias, and completed with new units when a plan
/// names one the directory does not know yet.
struct UnitDirectory {
    let governmentID: UUID
    private var byName: [String: UUID] = [:]
    private(set) var created: [Unit] = []
    private(set) var createdAliases: [UnitAlias] = []
    private var kinds: [UUID: UnitKind] = [:]
    /// The government's level: a new collective of another level ("市人民政府各部门" in a district) takes in
    /// none of its units.
    private var level: Character?

    /// Loads the government's units and aliases.
    static func load(governmentID: UUID, on database: any Database) async throws -> UnitDirectory {
        var directory = UnitDirectory(governmentID: governmentID)
        directory.level = try await Government.find(governmentID, on: database).flatMap {
            UnitLevel.ofGovernment($0.level)
        }
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).with(\.$aliases).all()
        for unit in units {
            let id = try unit.requireID()
            directory.byName[unit.name] = id
            directory.kinds[id] = unit.kind
            for alias in unit.aliases where directory.byName[alias.alias] == nil { directory.byName[alias.alias] = id }
        }
        return directory
    }

    /// The unit a name denotes, creating it (with its aliases) when unknown.
    mutating func resolve(_ unit: UnitName) -> UUID {
        // Ids are made here, not by the database, so the unit can be referred to before it is saved.
        if let id = byName[unit.name] { return id }
        for alias in unit.aliases {
            if let id = byName[alias] { return id }
        }
        let kind = unit.isCollective ? UnitKind.collective : UnitKind.infer(from: unit.name)
        let id = UUID()
        let record = Unit(
            id: id, governmentID: governmentID, name: unit.name, kind: kind, isCollective: unit.isCollective)
        created.append(record)
        byName[unit.name] = id
        kinds[id] = kind
        for alias in unit.aliases where byName[alias] == nil {
            createdAliases.append(UnitAlias(id: UUID(), unitID: id, alias: alias, kind: .alias))
            byName[alias] = id
        }
        return id
    }

    /// Saves what `resolve` created, then links new collective units of this government's level to its units
    /// of the kinds they stand for.
    func save(on database: any Database) async throws {
        try await created.create(on: database)
        try await createdAliases.create(on: database)
        let members = kinds.filter { $0.value != .collective }
        var memberships: [UnitMembership] = []
        for group in created where group.isCollective && UnitLevel.collectiveIsOwn(group.name, governmentLevel: level) {
            guard let groupID = group.id, let wanted = UnitKind.membersOfCollective(group.name) else { continue }
            for (memberID, kind) in members where wanted.contains(kind) {
                memberships.append(UnitMembership(id: UUID(), groupID: groupID, memberID: memberID))
            }
        }
        try await memberships.create(on: database)
    }
}
