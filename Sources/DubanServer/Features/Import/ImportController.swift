import DubanCore
import DubanFormats
import Fluent
import Vapor

/// The import wizard for the 督查室 administrator: upload a plan file (new, or a revised version of a published
/// plan), check and correct the parsed preview, map its unit and leader names to the directory, publish.
/// Registered behind `RequirePermission(.importPlans)`.
struct ImportController: RouteCollection {
    /// Registers the wizard's routes; the upload collects at most the API's limit.
    func boot(routes: any RoutesBuilder) throws {
        let limit = ByteCount(value: APIImportController.maxUploadMegabytes * 1024 * 1024)
        routes.get(SiteURL.importNew.pathComponents, use: uploadForm)
        routes.upload(.POST, SiteURL.imports.pathComponents, limit: limit, use: upload)
        routes.get(SiteURL.importDraft(.parameter).pathComponents, use: draft)
        routes.post(SiteURL.importMapping(.parameter).pathComponents, use: saveMapping)
        routes.post(SiteURL.importPublish(.parameter).pathComponents, use: publish)
        let tasks = ImportTaskController()
        routes.get(SiteURL.importTask(.parameter, "").pathComponents, use: tasks.form)
        routes.post(SiteURL.importTask(.parameter, "").pathComponents, use: tasks.save)
        routes.post(SiteURL.importTaskReset(.parameter).pathComponents, use: tasks.reset)
        let hand = HandTaskController()
        routes.get(SiteURL.importHandTask(.parameter, line: nil).pathComponents, use: hand.form)
        routes.post(SiteURL.importHandTask(.parameter, line: nil).pathComponents, use: hand.save)
        let desk = DraftDeskController()
        routes.get(SiteURL.imports.pathComponents, use: desk.list)
        routes.post(SiteURL.importDiscard(.parameter).pathComponents, use: desk.discard)
        routes.post(SiteURL.importDetails(.parameter).pathComponents, use: desk.saveDetails)
        routes.get(SiteURL.importTemplate.pathComponents, use: desk.blankTemplate)
        routes.get(SiteURL.importDraftTemplate(.parameter).pathComponents, use: desk.draftTemplate)
        routes.get(SiteURL.importConfirm(.parameter).pathComponents, use: PublishConfirmation().page)
    }

    /// The empty upload form; `?revise=<plan id>` preselects the plan to revise.
    @Sendable func uploadForm(req: Request) async throws -> View {
        let revise = try? req.query.get(UUID.self, at: "revise")
        return try await req.view.render("imports/new", try await uploadPage(req, error: "", year: "", revise: revise))
    }

    /// Reads the upload by its content and keeps it as a draft; a refused file brings the form back with why.
    @Sendable func upload(req: Request) async throws -> Response {
        let user = try req.currentUser()
        let upload: ImportUpload
        do {
            upload = try ImportUpload(req)
        } catch let error as APIError {
            return try await refused(req, error.reason)
        }
        switch try await Self.prepare(upload, on: req.application.threadPool) {
        case .failure(let message):
            return try await refused(req, message.text, year: upload.year, revise: upload.revisesPlanID)
        case .success(let prepared):
            let draft = try await ImportWizard.createDraft(
                prepared, year: upload.year, revises: upload.revisesPlanID, governmentID: user.governmentID,
                userID: user.id, on: req.db)
            return req.redirect(to: SiteURL.importDraft(try draft.requireID()).path)
        }
    }

    /// The preview of a draft's documents with the admin's corrections, the mapping of its unit and leader
    /// names, and — for a revision — the changes to the published plan.
    @Sendable func draft(req: Request) async throws -> View {
        let draft = try await Self.findDraft(req)
        let governmentID = draft.$government.id
        let parsed = ImportWizard.parsedDocuments(of: draft)
        let prepared = ImportWizard.documents(of: draft)
        let rows = try await ImportWizard.unitRows(prepared.documents, governmentID: governmentID, on: req.db)
        let leaderRows = try await ImportWizard.leaderRows(prepared.documents, governmentID: governmentID, on: req.db)
        let choices = draft.unitChoices
        let leaderChoices = draft.leaderChoices
        let draftID = try draft.requireID()
        let directory = try await Unit.query(on: req.db).filter(\.$government.$id == governmentID).sort(\.$name).all()
        let isPublished = draft.status == .published
        var revision: ImportDraftPage.Revision?
        if !isPublished, let plan = try await ImportWizard.revisedPlan(of: draft, on: req.db) {
            let changes = try await ImportWizard.revisionChanges(of: draft, on: req.db)
            revision = try ImportDraftPage.revision(changes, plan: plan, choices: draft.changeChoices)
        }
        let notices = ["1": "单位和领导对应已保存。", "2": "任务修改已保存。", "3": "方案信息已保存。", "4": "任务已添加。"]
        let saved = (try? req.query.get(String.self, at: "saved")).flatMap { notices[$0] } ?? ""
        let chrome = try PageChrome(
            for: req, title: "导入预览：\(draft.fileName)", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: SiteURL.importNew.path),
                .init(label: draft.fileName, href: ""),
            ])
        let edits = draft.taskEdits
        let first = prepared.documents.first
        let details = ImportDraftPage.Details(
            action: SiteURL.importDetails(draftID).path, title: first?.title ?? "",
            year: (draft.year ?? first?.year).map(String.init) ?? "", docNumber: first?.docNumber ?? "",
            kinds: ImportDraftPage.Details.kindOptions(selected: draft.details["0"]?.kind))
        let page = ImportDraftPage(
            page: chrome, fileName: draft.fileName, format: draft.format, encoding: draft.encoding,
            notice: saved, isPublished: isPublished,
            planHref: draft.publishedPlanID.map { SiteURL.plan($0).path } ?? "",
            documents: parsed.documents.enumerated().map { index, document in
                ImportDraftPage.document(document, index: index, edits: edits) {
                    SiteURL.importTask(draftID, $0).path
                }
            },
            units: rows.enumerated().map { index, row in
                var unit = ImportDraftPage.unit(row, index: index, choice: choices[row.name])
                unit.pickedName = directory.first { $0.id?.uuidString == unit.pickedID }?.name ?? ""
                return unit
            },
            directoryUnits: directory.map(\.name),
            leaders: leaderRows.enumerated().map {
                ImportDraftPage.leader($1, index: $0, choice: leaderChoices[$1.name])
            },
            undecided: ImportWizard.undecided(rows, choices: choices)
                + ImportWizard.undecidedLeaders(leaderRows, choices: leaderChoices),
            mappingAction: SiteURL.importMapping(draftID).path, publishAction: SiteURL.importPublish(draftID).path,
            revision: revision, taskCount: prepared.documents.reduce(0) { $0 + $1.tasks.count },
            survey: parsed.documents.allSatisfy(\.tasks.isEmpty)
                ? Self.survey(of: draft.sourceText) : nil,
            lines: Self.markLines(of: draft, id: draftID),
            linesCut: HandTaskController.sourceLines(of: draft).count > ImportDraftPage.MarkLine.shownAtMost,
            addTaskHref: SiteURL.importHandTask(draftID, line: nil).path,
            templateHref: SiteURL.importDraftTemplate(draftID).path, blankTemplateHref: SiteURL.importTemplate.path,
            draftsHref: SiteURL.imports.path, discardAction: SiteURL.importDiscard(draftID).path,
            details: details)
        return try await req.view.render("imports/show", page)
    }

    private static func survey(of text: String) -> ImportDraftPage.Survey {
        let survey = ReadingSurvey.survey(text: text)
        return .init(findings: survey.findings, advice: survey.advice)
    }

    /// The non-empty source lines with their "标为任务" links, as far as the page shows them.
    private static func markLines(of draft: ImportDraft, id: UUID) -> [ImportDraftPage.MarkLine] {
        guard draft.status == .draft else { return [] }
        return HandTaskController.sourceLines(of: draft).prefix(ImportDraftPage.MarkLine.shownAtMost).enumerated()
            .compactMap { offset, text in
                let shown = text.trimmingCharacters(in: .whitespaces)
                guard !shown.isEmpty else { return nil }
                return .init(
                    number: offset + 1, text: String(shown.prefix(300)),
                    markHref: SiteURL.importHandTask(id, line: offset + 1).path)
            }
    }

    /// Saves the radio choices (field `unit-N` for the N-th unit name, `leader-N` for the N-th leader name)
    /// and shows the draft again at the mapping. `unit-N=pick` takes the directory unit named in `unit-N-pick`;
    /// `all_new=1` creates every name still without a choice.
    @Sendable func saveMapping(req: Request) async throws -> Response {
        let draft = try await Self.findDraft(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let documents = ImportWizard.documents(of: draft).documents
        let governmentID = draft.$government.id
        let rows = try await ImportWizard.unitRows(documents, governmentID: governmentID, on: req.db)
        let directory = try await Unit.query(on: req.db).filter(\.$government.$id == governmentID).all()
        let byName = Dictionary(directory.map { ($0.name, $0.id) }, uniquingKeysWith: { first, _ in first })
        var choices: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            let field = ImportDraftPage.field(index)
            let typed = (form[field + "-pick"] ?? "").trimmingCharacters(in: .whitespaces)
            if form[field] == ImportDraftPage.pickOption {
                // A unit picked from the whole directory, typed or chosen from the list.
                if let id = byName[typed] ?? nil { choices[row.name] = id.uuidString }
            } else if let choice = form[field] {
                choices[row.name] = choice
            } else if form["all_new"] == "1", row.match.resolvedID == nil {
                choices[row.name] = ImportDraft.newUnit
            }
        }
        try await ImportWizard.saveChoices(choices, for: draft, on: req.db)
        let leaderRows = try await ImportWizard.leaderRows(documents, governmentID: governmentID, on: req.db)
        var leaderChoices: [String: String] = [:]
        for (index, row) in leaderRows.enumerated() {
            if let choice = form["leader-\(index)"] { leaderChoices[row.name] = choice }
        }
        try await ImportWizard.saveLeaderChoices(leaderChoices, for: draft, on: req.db)
        return req.redirect(to: SiteURL.importDraftSaved(try draft.requireID()).path)
    }

    /// Publishes the draft and opens the (first) new or revised plan. For a revision the form carries a
    /// checkbox per change (`change-N`); unchecked ones are refused.
    /// A new plan is published only from the confirmation page (`confirmed=1`, and `skip_past=1` to leave out
    /// reports already due); without it the admin is sent there first.
    @Sendable func publish(req: Request) async throws -> Response {
        let draft = try await Self.findDraft(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        if draft.revisesPlanID == nil, draft.status == .draft, form["confirmed"] != "1" {
            return req.redirect(to: SiteURL.importConfirm(try draft.requireID()).path)
        }
        if draft.revisesPlanID != nil, draft.status == .draft {
            let changes = try await ImportWizard.revisionChanges(of: draft, on: req.db)
            let accepted = Set(changes.enumerated().filter { form["change-\($0.offset)"] != nil }.map(\.element.id))
            try await ImportWizard.saveChangeChoices(accepted: accepted, changes: changes, for: draft, on: req.db)
        }
        let plans = try await ImportWizard.publish(
            draft, actor: req.auditActor, requestID: req.requestID, skipPastReports: form["skip_past"] == "1",
            today: req.clock.today(), on: req.db)
        guard let first = plans.first else { return req.redirect(to: SiteURL.plans.path) }
        let firstID = try first.requireID()
        // A new cascaded plan goes on to its last step: confirming the higher tasks it was matched with.
        if draft.revisesPlanID == nil,
            try await TaskLink.query(on: req.db).filter(\.$state == .suggested)
                .join(TaskRecord.self, on: \TaskLink.$task.$id == \TaskRecord.$id)
                .filter(TaskRecord.self, \.$plan.$id ~~ plans.compactMap(\.id)).count() > 0
        {
            let target =
                try await TaskLink.query(on: req.db).filter(\.$state == .suggested)
                .join(TaskRecord.self, on: \TaskLink.$task.$id == \TaskRecord.$id)
                .filter(TaskRecord.self, \.$plan.$id == firstID).count() > 0 ? firstID : nil
            return req.redirect(to: SiteURL.planParents(target ?? firstID).path + "?saved=new")
        }
        return req.redirect(to: SiteURL.plan(firstID).path)
    }

    /// The draft named in the path, of the signed-in user's government.
    static func findDraft(_ req: Request) async throws -> ImportDraft {
        guard let id = req.parameters.get("draftID", as: UUID.self) else { throw ImportWizardError.draftNotFound }
        return try await ImportWizard.find(id, governmentID: try req.currentUser().governmentID, on: req.db)
    }

    private func uploadPage(_ req: Request, error: String, year: String, revise: UUID?) async throws
        -> ImportUploadPage
    {
        let chrome = try PageChrome(
            for: req, title: "导入方案", section: .plans,
            breadcrumbs: [.init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: "")])
        let plans = try await Plan.query(on: req.db).filter(\.$government.$id == (try req.currentUser().governmentID))
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$title).all()
        return ImportUploadPage(
            page: chrome, formAction: SiteURL.imports.path, error: error, year: year,
            maxMegabytes: APIImportController.maxUploadMegabytes, templateHref: SiteURL.importTemplate.path,
            draftsHref: SiteURL.imports.path,
            plans: try plans.map { plan in
                let id = try plan.requireID()
                return .init(value: id.uuidString, label: "\(plan.year) 年 · \(plan.title)", selected: id == revise)
            })
    }

    /// The form again, 422, with the reason; nothing was saved.
    private func refused(_ req: Request, _ message: String, year: Int? = nil, revise: UUID? = nil) async throws
        -> Response
    {
        let page = try await uploadPage(req, error: message, year: year.map(String.init) ?? "", revise: revise)
        return try await req.answer(req.view.render("imports/new", page), status: .unprocessableEntity)
    }

    /// Why a file was refused, as the admin reads it.
    struct Refusal: Error {
        var text: String
    }

    /// Decodes and parses off the event loop, as the API does: a long PDF takes long enough to stall others.
    /// A file that decodes but gives no task still becomes a draft.
    private static func prepare(_ upload: ImportUpload, on pool: NIOThreadPool) async throws
        -> Result<DocumentImport, Refusal>
    {
        try await pool.runIfActive {
            do {
                let decoded = try DocumentReader.read(data: upload.data, fileName: upload.fileName)
                do {
                    return .success(try DocumentImport.prepare(decoded, fileName: upload.fileName, document: nil))
                } catch ImportCommandError.noPlan {
                    // The wizard never dead-ends: a file with no task found is kept, to be filled by hand.
                    let source = PlanImporter.Source(
                        fileName: upload.fileName, format: decoded.format.rawValue, encoding: decoded.encoding,
                        text: decoded.text)
                    return .success(DocumentImport(documents: [], source: source))
                }
            } catch let error as FormatError {
                return .failure(Refusal(text: error.chineseMessage))
            } catch let error as ImportCommandError {
                return .failure(Refusal(text: APIImportController.apiError(error).reason))
            }
        }
    }
}
