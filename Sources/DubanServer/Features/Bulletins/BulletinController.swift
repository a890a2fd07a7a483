import DubanCore
import DubanFormats
import Fluent
import Vapor

/// 督查通报: the list, drafting from a period or a round, the editor of a draft, refreshing its numbers,
/// issuing and discarding, and the Word file and annex workbook. Issued bulletins are read by every role of the
/// government; drafts and every change belong to the 督查室.
struct BulletinController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.bulletins.pathComponents, use: list)
        routes.get(SiteURL.bulletinNew.pathComponents, use: newBulletin)
        routes.post(SiteURL.bulletins.pathComponents, use: draft)
        routes.get(SiteURL.bulletin(.parameter).pathComponents, use: show)
        routes.post(SiteURL.bulletin(.parameter).pathComponents, use: save)
        routes.post(SiteURL.bulletinRefresh(.parameter).pathComponents, use: refresh)
        routes.post(SiteURL.bulletinIssue(.parameter).pathComponents, use: issue)
        routes.post(SiteURL.bulletinDiscard(.parameter).pathComponents, use: discard)
        routes.get(SiteURL.bulletinDocument(.parameter).pathComponents, use: document)
        routes.get(SiteURL.bulletinAnnex(.parameter).pathComponents, use: annex)
    }

    static let notices = [
        "drafted": "草稿已按当前数据生成。逐段核对修改后保存，确认无误再印发。",
        "saved": "草稿已保存。",
        "refreshed": "数据已更新：总体情况、滞后任务、表扬和附件按今天的数据重新生成，下一步要求保持不变。",
        "issued": "通报已印发，Word 文件已留存，点名的单位已收到通知。",
    ]

    @Sendable func list(req: Request) async throws -> View {
        try await req.view.render("bulletins/index", try await BulletinPages.list(req))
    }

    @Sendable func newBulletin(req: Request) async throws -> View {
        try req.authorize(.superviseReporting)
        return try await req.view.render("bulletins/new", try await BulletinPages.new(req, error: ""))
    }

    /// Drafts from `source=plan|period` ("planID|2026-Q3") or `round`.
    @Sendable func draft(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        var source = Bulletins.Source()
        if let round = form["round"].flatMap(UUID.init(uuidString:)), form["from"] == "round" {
            source.roundID = round
        } else if let pair = form["period"]?.split(separator: "|"), pair.count == 2 {
            source.planID = UUID(uuidString: String(pair[0]))
            source.period = String(pair[1])
        }
        do {
            let bulletin = try await Bulletins.draft(
                source, governmentID: try req.currentUser().governmentID, by: try req.filer(), on: req.db)
            return req.redirect(to: SiteURL.bulletinAfter(try bulletin.requireID(), "drafted").path)
        } catch let error as BulletinError where error.status == .unprocessableEntity || error == .roundNotFound {
            return try await req.answer(
                req.view.render("bulletins/new", try await BulletinPages.new(req, error: error.reason)),
                status: .unprocessableEntity)
        }
    }

    @Sendable func show(req: Request) async throws -> View {
        let bulletin = try await Self.bulletin(req)
        let page = try await BulletinPages.bulletin(
            bulletin, req: req, notice: req.notice(from: Self.notices), error: "")
        return try await req.view.render("bulletins/show", page)
    }

    /// Saves the editor's header and blocks; a refused one comes back as typed (422).
    @Sendable func save(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let bulletin = try await Self.bulletin(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        let content = BulletinPages.content(from: form, over: try bulletin.content())
        let header = Bulletins.Header(
            title: form["title"] ?? "", organ: form["organ"] ?? "", signedOn: form["signedOn"] ?? "",
            issueNumber: form["issueNumber"] ?? "")
        do {
            try await Bulletins.save(bulletin, header: header, content: content, by: try req.filer(), on: req.db)
            return req.redirect(to: SiteURL.bulletinAfter(try bulletin.requireID(), "saved").path)
        } catch let error as BulletinError where error.status != .notFound {
            var page = try await BulletinPages.bulletin(bulletin, req: req, notice: "", error: error.reason)
            page.keep(header: header, content: content)
            return try await req.answer(req.view.render("bulletins/show", page), status: error.status)
        }
    }

    @Sendable func refresh(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let bulletin = try await Self.bulletin(req)
        try await Bulletins.refresh(bulletin, by: try req.filer(), on: req.db)
        return req.redirect(to: SiteURL.bulletinAfter(try bulletin.requireID(), "refreshed").path)
    }

    /// Issues the draft once the 督查室 confirms it has checked it (`confirm=1`).
    @Sendable func issue(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let bulletin = try await Self.bulletin(req)
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        do {
            guard form["confirm"] == "1" else { throw BulletinError.confirmRequired }
            try await Bulletins.issue(bulletin, by: try req.filer(), on: req.db)
            return req.redirect(to: SiteURL.bulletinAfter(try bulletin.requireID(), "issued").path)
        } catch let error as BulletinError where error.status != .notFound {
            let page = try await BulletinPages.bulletin(bulletin, req: req, notice: "", error: error.reason)
            return try await req.answer(req.view.render("bulletins/show", page), status: error.status)
        }
    }

    @Sendable func discard(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let bulletin = try await Self.bulletin(req)
        try await Bulletins.discard(bulletin, by: try req.filer(), on: req.db)
        return req.redirect(to: SiteURL.bulletinsAfterDiscard.path)
    }

    /// The Word file, as issued or as the draft stands.
    @Sendable func document(req: Request) async throws -> Response {
        try await Self.document(try await Self.bulletin(req), req: req)
    }

    /// The annex tables as a workbook.
    @Sendable func annex(req: Request) async throws -> Response {
        try Self.annex(try await Self.bulletin(req))
    }

    /// The bulletin's Word file as a download.
    static func document(_ bulletin: Bulletin, req: Request) async throws -> Response {
        let data = try await Bulletins.document(bulletin, on: req.db)
        let name = FileDownload.safeName("\(bulletin.issueLabel)\(bulletin.title)", fallback: "督查通报")
        return FileDownload.response(
            data, contentType: FileDownload.docx, fileName: name + ".docx", asciiName: "bulletin.docx")
    }

    /// The bulletin's annex tables as a workbook download.
    static func annex(_ bulletin: Bulletin) throws -> Response {
        let data = try BulletinDocument.annexWorkbook(try bulletin.facts(), issue: bulletin.issueLabel)
        let name = FileDownload.safeName("\(bulletin.issueLabel)督查通报附件", fallback: "督查通报附件")
        return FileDownload.response(
            data, contentType: FileDownload.xlsx, fileName: name + ".xlsx", asciiName: "annex.xlsx")
    }

    /// The bulletin in the path: of the user's government, and a draft only for the 督查室.
    static func bulletin(_ req: Request) async throws -> Bulletin {
        guard let id = req.parameters.get("bulletinID", as: UUID.self) else { throw BulletinError.notFound }
        return try await bulletin(req, id: id)
    }

    /// The bulletin `id`: of the user's government, and a draft only for the 督查室.
    static func bulletin(_ req: Request, id: UUID) async throws -> Bulletin {
        guard let bulletin = try await Bulletin.query(on: req.db).filter(\.$id == id).with(\.$plan).first(),
            bulletin.$government.id == (try req.currentUser().governmentID),
            bulletin.state == .issued || req.allows(.superviseReporting)
        else { throw BulletinError.notFound }
        return bulletin
    }
}
