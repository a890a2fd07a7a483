import DubanCore
import DubanFormats
import Fluent
import Vapor

/// The import wizard for the 督查室 administrator: upload a plan file, check the parsed preview, map its unit
/// names to the directory, publish. Registered behind `RequirePermission(.importPlans)`.
struct ImportController: RouteCollection {
    /// Registers the wizard's routes; the upload collects at most the API's limit.
    func boot(routes: any RoutesBuilder) throws {
        let limit = ByteCount(value: APIImportController.maxUploadMegabytes * 1024 * 1024)
        routes.get("imports", "new", use: uploadForm)
        routes.on(.POST, "imports", body: .collect(maxSize: limit), use: upload)
        routes.get("imports", ":draftID", use: draft)
        routes.post("imports", ":draftID", "mapping", use: saveMapping)
        routes.post("imports", ":draftID", "publish", use: publish)
    }

    /// The empty upload form.
    @Sendable func uploadForm(req: Request) async throws -> View {
        try await req.view.render("imports/new", try uploadPage(req, error: "", year: ""))
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
            return try await refused(req, message.text, year: upload.year)
        case .success(let prepared):
            let draft = try await ImportWizard.createDraft(
                prepared, year: upload.year, governmentID: user.governmentID, userID: user.id, on: req.db)
            return req.redirect(to: SiteURL.importDraft(try draft.requireID()).path)
        }
    }

    /// The preview of a draft's documents and the mapping of its unit names.
    @Sendable func draft(req: Request) async throws -> View {
        let draft = try await findDraft(req)
        let prepared = ImportWizard.documents(of: draft)
        let rows = try await ImportWizard.unitRows(
            prepared.documents, governmentID: draft.$government.id, on: req.db)
        let choices = draft.unitChoices
        let saved = (try? req.query.get(Int.self, at: "saved")) == 1
        let draftID = try draft.requireID()
        let chrome = try PageChrome(
            for: req, title: "导入预览：\(draft.fileName)", section: .plans,
            breadcrumbs: [
                .init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: SiteURL.importNew.path),
                .init(label: draft.fileName, href: ""),
            ])
        let page = ImportDraftPage(
            page: chrome, fileName: draft.fileName, format: draft.format, encoding: draft.encoding,
            notice: saved ? "单位对应已保存。" : "", isPublished: draft.status == .published,
            planHref: draft.publishedPlanID.map { SiteURL.plan($0).path } ?? "",
            documents: prepared.documents.map(ImportDraftPage.document),
            units: rows.enumerated().map { ImportDraftPage.unit($1, index: $0, choice: choices[$1.name]) },
            undecided: ImportWizard.undecided(rows, choices: choices),
            mappingAction: SiteURL.importMapping(draftID).path, publishAction: SiteURL.importPublish(draftID).path)
        return try await req.view.render("imports/show", page)
    }

    /// Saves the radio choices (field `unit-N` for the N-th unit name) and shows the draft again.
    @Sendable func saveMapping(req: Request) async throws -> Response {
        let draft = try await findDraft(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let rows = try await ImportWizard.unitRows(
            ImportWizard.documents(of: draft).documents, governmentID: draft.$government.id, on: req.db)
        var choices: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            if let choice = form[ImportDraftPage.field(index)] { choices[row.name] = choice }
        }
        try await ImportWizard.saveChoices(choices, for: draft, on: req.db)
        return req.redirect(to: SiteURL.importDraftSaved(try draft.requireID()).path)
    }

    /// Publishes the draft and opens the (first) new plan.
    @Sendable func publish(req: Request) async throws -> Response {
        let draft = try await findDraft(req)
        let plans = try await ImportWizard.publish(draft, actor: req.auditActor, requestID: req.requestID, on: req.db)
        guard let first = plans.first else { return req.redirect(to: SiteURL.plans.path) }
        return req.redirect(to: SiteURL.plan(try first.requireID()).path)
    }

    private func findDraft(_ req: Request) async throws -> ImportDraft {
        guard let id = req.parameters.get("draftID", as: UUID.self) else { throw ImportWizardError.draftNotFound }
        return try await ImportWizard.find(id, governmentID: try req.currentUser().governmentID, on: req.db)
    }

    private func uploadPage(_ req: Request, error: String, year: String) throws -> ImportUploadPage {
        let chrome = try PageChrome(
            for: req, title: "导入方案", section: .plans,
            breadcrumbs: [.init(label: "方案", href: SiteURL.plans.path), .init(label: "导入方案", href: "")])
        return ImportUploadPage(
            page: chrome, formAction: SiteURL.imports.path, error: error, year: year,
            maxMegabytes: APIImportController.maxUploadMegabytes)
    }

    /// The form again, 422, with the reason; nothing was saved.
    private func refused(_ req: Request, _ message: String, year: Int? = nil) async throws -> Response {
        let page = try uploadPage(req, error: message, year: year.map(String.init) ?? "")
        let response = try await req.view.render("imports/new", page).encodeResponse(for: req)
        response.status = .unprocessableEntity
        return response
    }

    /// Why a file was refused, as the admin reads it.
    struct Refusal: Error {
        var text: String
    }

    /// Decodes and parses off the event loop, as the API does: a long PDF takes long enough to stall others.
    private static func prepare(_ upload: ImportUpload, on pool: NIOThreadPool) async throws
        -> Result<DocumentImport, Refusal>
    {
        try await pool.runIfActive {
            do {
                let decoded = try DocumentReader.read(data: upload.data, fileName: upload.fileName)
                return .success(try DocumentImport.prepare(decoded, fileName: upload.fileName, document: nil))
            } catch let error as FormatError {
                return .failure(Refusal(text: error.chineseMessage))
            } catch let error as ImportCommandError {
                return .failure(Refusal(text: APIImportController.apiError(error).reason))
            }
        }
    }
}
