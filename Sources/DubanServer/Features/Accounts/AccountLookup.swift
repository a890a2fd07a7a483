import Fluent
import Foundation

/// Finds by name what the command line names: the government, a unit (by full name, abbreviation or alias)
/// and a leader.
enum AccountLookup {
    /// The named government, or the only one when none is named.
    static func government(_ name: String?, on database: any Database) async throws -> Government {
        if let name { return try await GovernmentAdmin.find(name, on: database) }
        let governments = try await Government.query(on: database).sort(\.$name).all()
        guard governments.count == 1, let only = governments.first else {
            throw AccountLookupError.governmentRequired(known: governments.map(\.shortName))
        }
        return only
    }

    /// The unit of the government with this name, abbreviation or alias; nil for no name.
    static func unit(_ name: String?, governmentID: UUID, on database: any Database) async throws -> UUID? {
        guard let name else { return nil }
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
            .with(\.$aliases).all()
        let match =
            units.first { $0.name == name } ?? units.first { $0.aliases.contains { $0.alias == name } }
        guard let match else { throw AccountError.unitNotFound(name) }
        return try match.requireID()
    }

    /// The leader of the government with this name; nil for no name.
    static func leader(_ name: String?, governmentID: UUID, on database: any Database) async throws -> UUID? {
        guard let name else { return nil }
        guard
            let leader = try await Leader.query(on: database).filter(\.$government.$id == governmentID)
                .filter(\.$name == name).first()
        else { throw AccountError.leaderNotFound(name) }
        return try leader.requireID()
    }
}

/// The command line did not say enough.
enum AccountLookupError: Error, Equatable, CustomStringConvertible {
    case governmentRequired(known: [String])

    var description: String {
        switch self {
        case .governmentRequired(let known):
            known.isEmpty
                ? "no government yet: add one with `duban government add`"
                : "name the government with --government (known: \(known.joined(separator: ", ")))"
        }
    }
}
