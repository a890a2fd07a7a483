import DubanCore
import Fluent
import Vapor

/// The drafts around the wizard: the list at `/imports` (who uploaded what, when, where it stands),
/// discarding a draft, setting a draft's title, year and 文号, and Duban's Excel template — blank, or with
/// a draft's reading written in, to correct in a spreadsheet and upload again.
struct DraftDeskController {
    /// Every draft of the government, newest first.
    @Sendable func list(req: Request) async throws -> View {
        let user = try req.currentUser()
        let drafts = try await ImportDraft.query(on: req.db).filter(\.$government.$id == user.governmentID)
            .with(\.$createdBy).sort(\.$createdAt, .descending).limit(200).all()
        let chrome = try PageChrome(
            for: req, title: "导入草稿", section: .plans,
            breadcrumbs: [.init(label: "方案", href: SiteURL.plans.path), .init(label: "导入草稿", href: "")])
        let discarded = (try? req.query.get(String.self, at: "discarded")) == "1"
        let page = ImportDraftsPage(
            page: chrome, notice: discarded ? "草稿已放弃。" : "", uploadHref: SiteURL.importNew.path,
            templateHref: SiteURL.importTemplate.path, expiryDays: DraftExpiry.days(req.application),
            drafts: try drafts.map { draft in
                let id = try draft.requireID()
                return .init(
                    fileName: draft.fileName, href: SiteURL.importDraft(id).path,
                    uploader: draft.createdBy.displayName,
                    uploadedAt: draft.createdAt.map(DisplayTime.minute) ?? "",
                    isPublished: draft.status == .published,
                    discardAction: draft.status == .draft ? SiteURL.importDiscard(id).path : "")
            })
        return try await req.view.render("imports/index", page)
    }

    /// Deletes a draft that is not published, with an audit entry; a published draft stays as its record.
    @Sendable func discard(req: Request) async throws -> Response {
        let draft = try await ImportController.findDraft(req)
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let actor = req.auditActor
        let requestID = req.requestID
        try await req.db.writeTransaction { database in
            try await AuditLog.record(
                .importDraftDiscarded, by: actor, governmentID: draft.$government.id, entityType: "import_draft",
                entityID: try draft.requireID(), summary: "放弃导入草稿“\(draft.fileName)”",
                before: ["file": draft.fileName], requestID: requestID, on: database)
            try await draft.delete(on: database)
        }
        return req.redirect(to: SiteURL.importsAfterDiscard.path)
    }

    /// Saves the title, year, 文号 and kind of plan set for the draft's first document; empty fields keep the
    /// reader's.
    @Sendable func saveDetails(req: Request) async throws -> Response {
        let draft = try await ImportController.findDraft(req)
        guard draft.status == .draft else { throw ImportWizardError.alreadyPublished }
        let form = try req.content.decode(DetailsForm.self)
        let title = form.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let docNumber = form.docNumber?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let yearText = form.year?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let kind = form.kind ?? ""
        guard kind.isEmpty || TaskKind(rawValue: kind) != nil else {
            throw Abort(.unprocessableEntity, reason: "方案类别不在可选范围内，请重新选择。")
        }
        var details = draft.details
        details["0"] = DraftDetails(
            title: title.isEmpty ? nil : String(title.prefix(200)),
            docNumber: docNumber.isEmpty ? nil : String(docNumber.prefix(80)), kind: kind.isEmpty ? nil : kind)
        draft.details = details
        if yearText.isEmpty {
            draft.year = nil
        } else if let year = Int(yearText), (2000...2100).contains(year) {
            draft.year = year
        } else {
            throw Abort(.unprocessableEntity, reason: "年份请填写四位数字，如 2026；留空则按文件中的年份。")
        }
        try await draft.save(on: req.db)
        return req.redirect(to: SiteURL.importDraft(try draft.requireID()).path + "?saved=3#details")
    }

    /// The blank template.
    @Sendable func blankTemplate(req: Request) async throws -> Response {
        let year = PlanYear.current()
        return try Self.workbook(PlanTemplate.blank(year: year), fileName: TemplateWorkbook.fileName(title: nil))
    }

    /// The draft's first document with tasks as the template, the admin's corrections applied; a draft with
    /// no task gives the blank template under the draft's title.
    @Sendable func draftTemplate(req: Request) async throws -> Response {
        let draft = try await ImportController.findDraft(req)
        let documents = ImportWizard.documents(of: draft).documents
        guard let document = documents.first(where: { !$0.tasks.isEmpty }) else {
            let year = PlanYear.resolve(chosen: draft.year, document: documents.first)
            var sheets = PlanTemplate.blank(year: year)
            if let title = documents.first?.title, title != ImportWizard.untitled { sheets[0].rows[0] = [title] }
            return try Self.workbook(sheets, fileName: TemplateWorkbook.fileName(title: documents.first?.title))
        }
        return try Self.workbook(
            PlanTemplate.filled(document), fileName: TemplateWorkbook.fileName(title: document.title))
    }

    private static func workbook(_ sheets: [PlanTemplate.Sheet], fileName: String) throws -> Response {
        FileDownload.response(
            try TemplateWorkbook.data(sheets), contentType: FileDownload.xlsx, fileName: fileName,
            asciiName: "template.xlsx")
    }

    /// The details form's fields.
    struct DetailsForm: Decodable {
        var title: String?
        var year: String?
        var docNumber: String?
        var kind: String?

        enum CodingKeys: String, CodingKey {
            case title, year, kind
            case docNumber = "doc_number"
        }
    }
}

/// The drafts list.
struct ImportDraftsPage: Encodable {
    struct Row: Encodable {
        var fileName: String
        var href: String
        var uploader: String
        var uploadedAt: String
        var isPublished: Bool
        /// Empty for a published draft, which cannot be discarded.
        var discardAction: String
    }

    var page: PageChrome
    var notice: String
    var uploadHref: String
    var templateHref: String
    var expiryDays: Int
    var drafts: [Row]
}
