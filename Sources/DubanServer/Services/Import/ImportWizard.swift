import DubanCore
import DubanFormats
import Fluent
import Foundation
import SQLKit
import Vapor

/// The import wizard's steps apart from HTTP: keep an upload as a draft, show how its unit names match the
/// directory, remember the admin's choices, and publish — aliases and plans in one transaction.
enum ImportWizard {
    /// One distinct unit name of a draft and how it matches the directory.
    struct UnitRow: Sendable {
        var name: String
        var match: UnitMatch
    }

    /// Keeps a parsed upload as a draft of the government.
    static func createDraft(
        _ prepared: DocumentImport, year: Int?, governmentID: UUID, userID: UUID, on database: any Database
    ) async throws -> ImportDraft {
        let source = prepared.source
        let draft = ImportDraft(
            governmentID: governmentID, createdByID: userID, fileName: source.fileName, format: source.format,
            encoding: source.encoding, sourceText: source.text, year: year)
        try await draft.create(on: database)
        return draft
    }

    /// The draft of this government with this id.
    static func find(_ id: UUID, governmentID: UUID, on database: any Database) async throws -> ImportDraft {
        guard
            let draft = try await ImportDraft.query(on: database).filter(\.$id == id)
                .filter(\.$government.$id == governmentID).first()
        else { throw ImportWizardError.draftNotFound }
        return draft
    }

    /// The draft's documents with tasks, parsed again from its text.
    static func documents(of draft: ImportDraft) -> DocumentImport {
        let documents = PlanParser.parse(text: draft.sourceText).filter { !$0.tasks.isEmpty }
        let source = PlanImporter.Source(
            fileName: draft.fileName, format: draft.format, encoding: draft.encoding, text: draft.sourceText)
        return DocumentImport(documents: documents, source: source)
    }

    /// Every distinct unit name of the documents in order of first use, with its match; a name whose bracketed
    /// alias the directory knows counts as matched by alias.
    static func unitRows(
        _ documents: [PlanDocument], governmentID: UUID, on database: any Database
    ) async throws -> [UnitRow] {
        let matcher = try await UnitMatcher.load(governmentID: governmentID, on: database)
        var seen = Set<String>()
        var rows: [UnitRow] = []
        for unit in documents.flatMap(\.tasks).flatMap(\.roles.allUnits) where seen.insert(unit.name).inserted {
            var match = matcher.match(unit.name)
            if match.resolvedID == nil {
                for alias in unit.aliases {
                    let found = matcher.match(alias)
                    if let id = found.resolvedID {
                        match = .alias(id, unitName: found.unitName ?? alias)
                        break
                    }
                }
            }
            rows.append(UnitRow(name: unit.name, match: match))
        }
        return rows
    }

    /// Saves the admin's choices for names the directory does not resolve: a unit id of this government or
    /// "new". Choices for other names are ignored.
    static func saveChoices(
        _ choices: [String: String], for draft: ImportDraft, on database: any Database
    ) async throws {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let governmentID = draft.$government.id
        let rows = try await unitRows(documents(of: draft).documents, governmentID: governmentID, on: database)
        var kept: [String: String] = [:]
        for row in rows where row.match.resolvedID == nil {
            guard let choice = choices[row.name], !choice.isEmpty else { continue }
            if choice != ImportDraft.newUnit {
                guard let id = UUID(uuidString: choice),
                    try await Unit.query(on: database).filter(\.$id == id)
                        .filter(\.$government.$id == governmentID).count() == 1
                else { throw ImportWizardError.invalidChoice(row.name) }
            }
            kept[row.name] = choice
        }
        draft.unitChoices = kept
        try await draft.save(on: database)
    }

    /// The names still waiting for a choice: suggested ones the admin has not decided. A name with nothing
    /// alike can only be created, so it needs no decision.
    static func undecided(_ rows: [UnitRow], choices: [String: String]) -> [String] {
        rows.filter { row in
            if case .suggested = row.match { return choices[row.name] == nil }
            return false
        }.map(\.name)
    }

    /// Registers each name mapped to an existing unit as that unit's alias, imports every document, and marks
    /// the draft published — all in one transaction. Returns the plans made.
    static func publish(
        _ draft: ImportDraft, actor: AuditActor, requestID: String?, on database: any Database
    ) async throws -> [Plan] {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let governmentID = draft.$government.id
        let prepared = documents(of: draft)
        let rows = try await unitRows(prepared.documents, governmentID: governmentID, on: database)
        let choices = draft.unitChoices
        let missing = undecided(rows, choices: choices)
        guard missing.isEmpty else { throw ImportWizardError.choicesMissing(missing) }
        let aliases = rows.compactMap { row -> (String, UUID)? in
            guard row.match.resolvedID == nil, let id = choices[row.name].flatMap(UUID.init(uuidString:)) else {
                return nil
            }
            return (row.name, id)
        }
        let draftID = try draft.requireID()
        return try await database.transaction { database in
            try await claim(draftID, on: database)
            for (name, unitID) in aliases {
                try await UnitAlias(unitID: unitID, alias: name, kind: "alias").create(on: database)
                try await AuditLog.record(
                    .unitAliasAdded, by: actor, governmentID: governmentID, entityType: "unit", entityID: unitID,
                    summary: "导入“\(draft.fileName)”时，将“\(name)”记为单位别名", after: ["alias": name],
                    requestID: requestID, on: database)
            }
            let plans = try await prepared.importAll(
                governmentID: governmentID, year: draft.year, actor: actor, requestID: requestID, on: database)
            draft.status = .published
            draft.publishedPlanID = try plans.first?.requireID()
            try await draft.save(on: database)
            return plans
        }
    }

    /// Marks the draft published if it still is a draft, in one statement: of two publishes racing, the second
    /// waits on the row and then finds nothing to claim.
    private static func claim(_ draftID: UUID, on database: any Database) async throws {
        let claimed = try await database.requireSQL().update(ImportDraft.schema)
            .set("status", to: ImportDraft.Status.published.rawValue)
            .where("id", .equal, draftID)
            .where("status", .equal, ImportDraft.Status.draft.rawValue)
            .returning("id")
            .all()
        guard !claimed.isEmpty else { throw ImportWizardError.alreadyPublished }
    }
}

extension UnitMatch {
    /// The directory name a resolved match stands for, when the match carries it.
    var unitName: String? {
        if case .alias(_, let name) = self { return name }
        return nil
    }
}

/// What the wizard refuses, in words the admin can act on.
enum ImportWizardError: AbortError, Equatable {
    case draftNotFound
    case alreadyPublished
    case choicesMissing([String])
    case invalidChoice(String)

    var status: HTTPResponseStatus {
        switch self {
        case .draftNotFound: .notFound
        case .alreadyPublished: .conflict
        case .choicesMissing, .invalidChoice: .unprocessableEntity
        }
    }

    var reason: String {
        switch self {
        case .draftNotFound: "没有找到这份导入草稿，可能属于其他政府或已被删除。请从“导入方案”重新上传。"
        case .alreadyPublished: "这份导入草稿已经发布，不能再次发布或修改。如需再次导入，请重新上传文件。"
        case .choicesMissing(let names):
            "还有 \(names.count) 个单位未确定对应关系：\(names.joined(separator: "、"))。请在单位对应中选择后再发布。"
        case .invalidChoice(let name): "“\(name)”所选的单位不在本级单位目录中，请重新选择。"
        }
    }
}
