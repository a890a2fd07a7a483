import DubanCore
import Fluent
import Foundation

extension ImportWizard {
    /// One distinct leader name of a draft and how it matches.
    struct LeaderRow: Sendable {
        var name: String
        var match: LeaderMatcher.Match
    }

    /// Every distinct leader name of the documents in order of first use, with its match.
    static func leaderRows(
        _ documents: [PlanDocument], governmentID: UUID, on database: any Database
    ) async throws -> [LeaderRow] {
        var names: [String] = []
        var uses: [String: Int] = [:]
        for name in documents.flatMap(\.tasks).flatMap(\.roles.leaders) {
            if uses[name] == nil { names.append(name) }
            uses[name, default: 0] += 1
        }
        let matcher = try await LeaderMatcher.load(governmentID: governmentID, on: database)
        return matcher.match(names: names, uses: uses).map { LeaderRow(name: $0.name, match: $0.match) }
    }

    /// Saves the admin's choices for suggested leader names: one of the offered suggestions or "new".
    static func saveLeaderChoices(
        _ choices: [String: String], for draft: ImportDraft, on database: any Database
    ) async throws {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let rows = try await leaderRows(
            documents(of: draft).documents, governmentID: draft.$government.id, on: database)
        var kept: [String: String] = [:]
        for row in rows {
            guard case .suggested(let candidates) = row.match, let choice = choices[row.name], !choice.isEmpty else {
                continue
            }
            guard choice == ImportDraft.newUnit || candidates.contains(where: { $0.value == choice }) else {
                throw ImportWizardError.invalidChoice(row.name)
            }
            kept[row.name] = choice
        }
        draft.leaderChoices = kept
        try await draft.save(on: database)
    }

    /// The leader names still waiting for a choice.
    static func undecidedLeaders(_ rows: [LeaderRow], choices: [String: String]) -> [String] {
        rows.filter { row in
            if case .suggested = row.match { return choices[row.name] == nil }
            return false
        }.map(\.name)
    }

    /// The documents with every leader name replaced by the name it was mapped to: a directory leader's name,
    /// or the other name of the upload it was said to mean (followed to where that one leads). Repeats that
    /// the mapping creates inside one task are dropped.
    static func resolvingLeaders(
        _ documents: [PlanDocument], rows: [LeaderRow], choices: [String: String], on database: any Database,
        governmentID: UUID
    ) async throws -> [PlanDocument] {
        let leaders = try await Leader.query(on: database).filter(\.$government.$id == governmentID).all()
        var namesByID: [String: String] = [:]
        for leader in leaders { namesByID[try leader.requireID().uuidString] = leader.name }
        func target(_ name: String, depth: Int = 0) -> String {
            guard depth < rows.count, let choice = choices[name] else { return name }
            if let directoryName = namesByID[choice] { return directoryName }
            if choice.hasPrefix(LeaderMatcher.namePrefix) {
                return target(String(choice.dropFirst(LeaderMatcher.namePrefix.count)), depth: depth + 1)
            }
            return name
        }
        return documents.map { document in
            var document = document
            for index in document.tasks.indices {
                var seen = Set<String>()
                document.tasks[index].roles.leaders = document.tasks[index].roles.leaders.map { target($0) }
                    .filter { seen.insert($0).inserted }
            }
            return document
        }
    }
}
