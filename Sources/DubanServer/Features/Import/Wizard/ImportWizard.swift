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
        _ prepared: DocumentImport, year: Int?, revises planID: UUID? = nil, governmentID: UUID, userID: UUID,
        on database: any Database
    ) async throws -> ImportDraft {
        let source = prepared.source
        let draft = ImportDraft(
            governmentID: governmentID, createdByID: userID, fileName: source.fileName, format: source.format,
            encoding: source.encoding, sourceText: source.text, year: year)
        draft.revisesPlanID = planID
        _ = try await revisedPlan(of: draft, on: database)
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

    /// The draft's documents with tasks as the parser reads them, before the admin's corrections; parsed once
    /// per draft instance, however many parts of a page ask.
    /// A draft whose file gave no task keeps one document, so tasks can be added by hand; tasks added by
    /// hand join their document in line order, and the admin's title, 文号 and kind of plan replace the
    /// reader's.
    static func parsedDocuments(of draft: ImportDraft) -> DocumentImport {
        let documents = draft.parsedText ?? withHandWork(read(draft), of: draft)
        draft.parsedText = documents
        let source = PlanImporter.Source(
            fileName: draft.fileName, format: draft.format, encoding: draft.encoding, text: draft.sourceText)
        return DocumentImport(documents: documents, source: source)
    }

    /// The reader's documents with tasks; when none has any, the first document read (or an untitled one),
    /// empty, for the admin to fill.
    private static func read(_ draft: ImportDraft) -> [PlanDocument] {
        let all = PlanParser.parse(text: draft.sourceText)
        let withTasks = all.filter { !$0.tasks.isEmpty }
        if !withTasks.isEmpty { return withTasks }
        var empty = all.first ?? PlanDocument(title: untitled)
        empty.warnings = []
        if empty.title == untitled, let heading = firstHeading(of: draft.sourceText) { empty.title = heading }
        return [empty]
    }

    /// What the reader calls a document without a title.
    static let untitled = "未命名方案"

    /// The file's first line, when it reads as a heading (short, no sentence end): the best title an
    /// unread document has until the admin types one.
    private static func firstHeading(of text: String) -> String? {
        guard
            let line = text.split(separator: "\n").lazy.map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { !$0.isEmpty })
        else { return nil }
        let endsSentence = ["。", "：", ":", "；", "，"].contains { line.hasSuffix($0) }
        return line.count <= 80 && !endsSentence ? line : nil
    }

    private static func withHandWork(_ read: [PlanDocument], of draft: ImportDraft) -> [PlanDocument] {
        var documents = read
        for (key, details) in draft.details {
            guard let index = Int(key), documents.indices.contains(index),
                let kind = details.kind.flatMap(TaskKind.init(rawValue:))
            else { continue }
            for task in documents[index].tasks.indices { documents[index].tasks[task].kind = kind }
        }
        for hand in draft.handTasks {
            let index = min(max(hand.document, 0), documents.count - 1)
            let task = hand.task
            var tasks = documents[index].tasks
            let position = hand.line.map { line in tasks.firstIndex { $0.line > line } ?? tasks.count } ?? tasks.count
            tasks.insert(task, at: position)
            documents[index].tasks = tasks
        }
        for (key, details) in draft.details {
            guard let index = Int(key), documents.indices.contains(index) else { continue }
            if let title = details.title { documents[index].title = title }
            if let docNumber = details.docNumber { documents[index].docNumber = docNumber.isEmpty ? nil : docNumber }
        }
        return documents
    }

    /// The draft's documents as they will be published: parsed again from its text, with the admin's task
    /// corrections applied and excluded tasks left out.
    static func documents(of draft: ImportDraft) -> DocumentImport {
        var prepared = parsedDocuments(of: draft)
        let edits = draft.taskEdits
        guard !edits.isEmpty else { return prepared }
        for index in prepared.documents.indices {
            prepared.documents[index].tasks = prepared.documents[index].tasks.compactMap { task in
                guard let edit = edits[TaskCorrection.reference(document: index, key: task.key)] else { return task }
                return edit.excluded ? nil : edit.applied(to: task)
            }
        }
        return prepared
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
            rows.append(UnitRow(name: unit.name, match: matcher.match(unit)))
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

    /// Registers each name mapped to an existing unit as that unit's alias, maps leader names, then imports
    /// every document as a new plan — or, for a revision, applies the accepted changes to the plan it revises —
    /// and marks the draft published, all in one transaction. Returns the plans made or revised.
    ///
    /// A new plan that repeats a published one (same 文号, or same title and year) is refused: it should be
    /// published as a revision. With `skipPastReports`, each new plan's rules leave out the reports already due
    /// on `today`, so a plan published late does not start with every unit overdue.
    static func publish(
        _ draft: ImportDraft, actor: AuditActor, requestID: String?, skipPastReports: Bool = false,
        today: CalendarDay = AppClock.system.today(), on database: any Database
    ) async throws -> [Plan] {
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let governmentID = draft.$government.id
        var prepared = documents(of: draft)
        prepared.documents = prepared.documents.filter { !$0.tasks.isEmpty }
        guard !prepared.documents.isEmpty else { throw ImportWizardError.noTasks }
        let rows = try await unitRows(prepared.documents, governmentID: governmentID, on: database)
        let choices = draft.unitChoices
        let leaderRows = try await leaderRows(prepared.documents, governmentID: governmentID, on: database)
        let missing = undecided(rows, choices: choices) + undecidedLeaders(leaderRows, choices: draft.leaderChoices)
        guard missing.isEmpty else { throw ImportWizardError.choicesMissing(missing) }
        prepared.documents = try await resolvingLeaders(
            prepared.documents, rows: leaderRows, choices: draft.leaderChoices, on: database,
            governmentID: governmentID)
        let aliases = rows.compactMap { row -> (String, UUID)? in
            guard row.match.resolvedID == nil, let id = choices[row.name].flatMap(UUID.init(uuidString:)) else {
                return nil
            }
            return (row.name, id)
        }
        let draftID = try draft.requireID()
        let revised = try await revisedPlan(of: draft, on: database)
        let ready = prepared
        return try await database.writeTransaction { database in
            try await claim(draftID, on: database)
            // Checked inside the transaction, after the claim, with the government's publications taking turns on
            // its row, so two drafts of one plan cannot both pass (on PostgreSQL each saw no plan yet and
            // published it).
            if revised == nil {
                try await RowLock.take(Government.schema, id: governmentID, on: database)
                try await refuseDuplicates(ready.documents, year: draft.year, governmentID: governmentID, on: database)
            }
            for (name, unitID) in aliases {
                try await UnitAlias(unitID: unitID, alias: name, kind: .alias).create(on: database)
                try await AuditLog.record(
                    .unitAliasAdded, by: actor, governmentID: governmentID, entityType: "unit", entityID: unitID,
                    summary: "导入“\(draft.fileName)”时，将“\(name)”记为单位别名", after: ["alias": name],
                    requestID: requestID, on: database)
            }
            let plans: [Plan]
            if let revised {
                let document = try revisionDocument(ready.documents, for: revised)
                let decisions = draft.changeChoices
                try await PlanReviser(database: database, actor: actor, requestID: requestID).revise(
                    planID: try revised.requireID(), with: document, source: ready.source,
                    accepted: { decisions[$0.id] != ImportDraft.rejected })
                plans = [revised]
            } else {
                plans = try await ready.importAll(
                    governmentID: governmentID, year: draft.year, actor: actor, requestID: requestID, on: database)
                if skipPastReports {
                    for plan in plans {
                        try await startWithNextReport(plan, notice: ready.source.text, today: today, on: database)
                    }
                }
            }
            draft.status = .published
            draft.publishedPlanID = try plans.first?.requireID()
            try await draft.save(on: database)
            return plans
        }
    }

    /// Throws `duplicatePlan` when a document repeats a published plan of the government.
    private static func refuseDuplicates(
        _ documents: [PlanDocument], year: Int?, governmentID: UUID, on database: any Database
    ) async throws {
        for document in documents {
            let planYear = PlanYear.resolve(chosen: year, document: document)
            if let same = try await PublishForecast.duplicate(
                of: document, year: planYear, governmentID: governmentID, on: database)
            {
                throw ImportWizardError.duplicatePlan(title: same.title, sharedBy: same.sharedBy)
            }
        }
    }

    /// Saves the plan's rules (read from its notice, else the defaults) without the reports already due.
    private static func startWithNextReport(
        _ plan: Plan, notice: String, today: CalendarDay, on database: any Database
    ) async throws {
        let rules = ReportingRules.detect(in: notice, year: plan.year)?.rules ?? .default
        let adjusted = PublishForecast.withoutBackReporting(rules, year: plan.year, today: today)
        plan.reportingRulesJSON = try PlanReporting.encoded(adjusted)
        try await plan.save(on: database)
        try await DutyStates.invalidate(planIDs: [try plan.requireID()], on: database)
    }

    /// The published plan a draft revises, if it revises one.
    static func revisedPlan(of draft: ImportDraft, on database: any Database) async throws -> Plan? {
        guard let planID = draft.revisesPlanID else { return nil }
        guard
            let plan = try await Plan.query(on: database).filter(\.$id == planID)
                .filter(\.$government.$id == draft.$government.id).filter(\.$withdrawnAt == nil).first()
        else { throw ImportWizardError.planNotFound }
        return plan
    }

    /// The document of an upload that revises `plan`: the only one, or the one whose title is closest to the
    /// plan's (a gazette holds several).
    static func revisionDocument(_ documents: [PlanDocument], for plan: Plan) throws -> PlanDocument {
        guard
            let best = documents.max(by: {
                NameSimilarity.score($0.title, plan.title) < NameSimilarity.score($1.title, plan.title)
            })
        else { throw ImportWizardError.planNotFound }
        return best
    }

    /// The changes a revision draft would make, for the preview.
    static func revisionChanges(of draft: ImportDraft, on database: any Database) async throws -> [TaskChange] {
        guard let plan = try await revisedPlan(of: draft, on: database) else { return [] }
        let governmentID = draft.$government.id
        let documents = documents(of: draft).documents
        let rows = try await leaderRows(documents, governmentID: governmentID, on: database)
        let resolved = try await resolvingLeaders(
            documents, rows: rows, choices: draft.leaderChoices, on: database, governmentID: governmentID)
        let document = try revisionDocument(resolved, for: plan)
        let choices = draft.unitChoices.compactMapValues(UUID.init(uuidString:))
        return try await PlanReviser.changes(
            planID: try plan.requireID(), document: document, choices: choices, on: database)
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
    case planNotFound
    case taskNotFound
    case noTasks
    case duplicatePlan(title: String, sharedBy: String)

    var status: HTTPResponseStatus {
        switch self {
        case .draftNotFound: .notFound
        case .alreadyPublished: .conflict
        case .choicesMissing, .invalidChoice: .unprocessableEntity
        case .planNotFound, .taskNotFound: .notFound
        case .noTasks: .unprocessableEntity
        case .duplicatePlan: .conflict
        }
    }

    var reason: String {
        switch self {
        case .draftNotFound: "没有找到这份导入草稿，可能属于其他政府或已被删除。请从“导入方案”重新上传。"
        case .alreadyPublished: "这份导入草稿已经发布，不能再次发布或修改。如需再次导入，请重新上传文件。"
        case .choicesMissing(let names):
            "还有 \(names.count) 个单位或领导未确定对应关系：\(names.joined(separator: "、"))。请在单位对应中选择后再发布。"
        case .invalidChoice(let name): "“\(name)”的选择不在可选范围内，请重新选择。"
        case .planNotFound: "没有找到要修订的方案，可能属于其他政府或已经撤回。撤回的方案须由管理员恢复后才能修订。"
        case .taskNotFound: "这份草稿中没有这项任务。请回到导入预览重新选择。"
        case .duplicatePlan(let title, let sharedBy):
            "已发布过\(sharedBy)相同的方案《\(title)》，不能重复发布。如需更新该方案，请在“导入方案”中选择“修订已发布的方案”后重新上传。"
        case .noTasks:
            "这份草稿还没有任务，不能发布。请把文件中的行标为任务、逐项添加，或下载导入模板填写后重新上传。"
        }
    }
}
