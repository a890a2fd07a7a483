import DubanCore
import Fluent
import Foundation

/// How a unit name from a document relates to the government's unit directory.
enum UnitMatch: Equatable, Sendable {
    /// The directory has a unit with exactly this name.
    case exact(UUID)
    /// The name is a registered abbreviation or alias of a unit.
    case alias(UUID, unitName: String)
    /// Not known; these directory units probably are what the document means, best first.
    case suggested([Candidate])
    /// Not known and nothing alike.
    case unknown

    /// A directory unit offered for an unknown name.
    struct Candidate: Equatable, Sendable {
        var unitID: UUID
        var name: String
        var score: Double
    }

    /// The unit the name resolves to without a person's decision.
    var resolvedID: UUID? {
        switch self {
        case .exact(let id), .alias(let id, _): id
        case .suggested, .unknown: nil
        }
    }
}

/// Matches document unit names against a government's directory: exactly, by alias, or by suggestion
/// (abbreviation pattern, then bigram similarity) among units of the level the name states. The command-line import reports what stays unknown; the
/// import wizard offers the suggestions with one click.
struct UnitMatcher {
    private struct Entry {
        var id: UUID
        var name: String
    }

    private var byName: [String: UUID] = [:]
    private var byAlias: [String: (UUID, String)] = [:]
    private var entries: [Entry] = []
    private var namesByID: [UUID: String] = [:]
    /// The government's level (区, 市…): a name of another level is offered only units stating that level.
    private var governmentLevel: Character?

    /// Loads the directory of one government.
    static func load(governmentID: UUID, on database: any Database) async throws -> UnitMatcher {
        var matcher = UnitMatcher()
        matcher.governmentLevel = try await Government.find(governmentID, on: database)
            .flatMap { UnitLevel.ofGovernment($0.level) }
        let units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).with(\.$aliases).all()
        for unit in units {
            let id = try unit.requireID()
            matcher.byName[unit.name] = id
            matcher.entries.append(Entry(id: id, name: unit.name))
            matcher.namesByID[id] = unit.name
            // The first unit to claim an alias keeps it, as `UnitDirectory` does when importing, so the preview
            // names the unit the import will use.
            for alias in unit.aliases where matcher.byAlias[alias.alias] == nil {
                matcher.byAlias[alias.alias] = (id, unit.name)
            }
        }
        return matcher
    }

    /// The directory's name of a unit.
    func name(of id: UUID) -> String? { namesByID[id] }

    /// The unit a document's name denotes without anyone's decision: by its name, else by one of the bracketed
    /// aliases the document gave it.
    func resolvedID(for unit: UnitName) -> UUID? {
        for name in [unit.name] + unit.aliases {
            if let id = byName[name] ?? byAlias[name]?.0 { return id }
        }
        return nil
    }

    /// How a document's unit matches: a name whose bracketed alias the directory knows counts as matched by
    /// alias; otherwise as its name matches.
    func match(_ unit: UnitName) -> UnitMatch {
        let byOwnName = match(unit.name)
        guard byOwnName.resolvedID == nil else { return byOwnName }
        for alias in unit.aliases {
            let found = match(alias)
            if let id = found.resolvedID { return .alias(id, unitName: found.unitName ?? alias) }
        }
        return byOwnName
    }

    /// How one name matches.
    func match(_ name: String) -> UnitMatch {
        if let id = byName[name] { return .exact(id) }
        if let (id, unitName) = byAlias[name] { return .alias(id, unitName: unitName) }
        let candidates = entries.compactMap { entry -> UnitMatch.Candidate? in
            guard UnitLevel.mayMatch(documentName: name, directoryName: entry.name, governmentLevel: governmentLevel)
            else { return nil }
            let abbreviated =
                NameSimilarity.isAbbreviation(name, of: entry.name)
                || NameSimilarity.isAbbreviation(entry.name, of: name)
            let score = abbreviated ? 0.95 : NameSimilarity.score(name, entry.name)
            return score >= 0.5 ? UnitMatch.Candidate(unitID: entry.id, name: entry.name, score: score) : nil
        }
        let best = candidates.sorted { $0.score == $1.score ? $0.name < $1.name : $0.score > $1.score }.prefix(3)
        return best.isEmpty ? .unknown : .suggested(Array(best))
    }

    /// Every distinct unit name the documents use that the directory does not know, with its match.
    func unresolved(in documents: [PlanDocument]) -> [(name: String, match: UnitMatch)] {
        var seen = Set<String>()
        var result: [(String, UnitMatch)] = []
        for task in documents.flatMap(\.tasks) {
            for unit in task.roles.allUnits where seen.insert(unit.name).inserted {
                let found = match(unit)
                if found.resolvedID == nil { result.append((unit.name, found)) }
            }
        }
        return result
    }
}
