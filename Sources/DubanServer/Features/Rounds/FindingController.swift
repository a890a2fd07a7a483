import DubanCore
import Fluent
import Vapor

/// A 督查 finding: its page, the unit's 整改 response with evidence, the 督查室's 销号 or reopening, and the
/// evidence downloads. Registered for every signed-in role; the finding's unit decides who reads and answers.
struct FindingController: RouteCollection {
    /// A response carries up to ten files of 10 MB, as a report does.
    static let maxBody: ByteCount = "110mb"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.finding(.parameter).pathComponents, use: show)
        routes.upload(
            .POST, SiteURL.findingResponses(.parameter).pathComponents, limit: Self.maxBody, use: answer)
        routes.post(SiteURL.findingReview(.parameter).pathComponents, use: review)
        routes.get(SiteURL.findingAttachment(.parameter).pathComponents, use: download)
    }

    /// The sentences a `?done=` on the finding page names.
    static let notices = [
        "answered": "整改情况已报送，督查室核实后会通知本单位。",
        "closed": "问题已销号，已通知责任单位。",
        "reopened": "已要求重新整改，已通知责任单位。",
    ]

    /// The finding: the 督查室, leaders and viewers read every one; a clerk its own unit's.
    @Sendable func show(req: Request) async throws -> View {
        let finding = try await Self.finding(req, for: .readReports)
        let page = try await FindingPage.make(finding, req: req, notice: req.notice(from: Self.notices), error: "")
        return try await req.view.render("rounds/finding", page)
    }

    /// The unit's 整改 response, filed by its clerk only (never by the 督查室 on its behalf).
    @Sendable func answer(req: Request) async throws -> Response {
        let finding = try await Self.finding(req, for: .actOnTask)
        let user = try req.currentUser()
        guard user.unitID == finding.$unit.id else { throw AuthorizationError.forbidden }
        let form = (try? req.content.decode(ResponseForm.self)) ?? ResponseForm()
        do {
            let files = try form.evidence()
            _ = try await Findings.answer(
                finding, text: form.text ?? "", files: files, unitName: finding.unit.name, by: try req.filer(),
                on: req.db)
            return req.redirect(to: SiteURL.findingAfter(try finding.requireID(), "answered").path)
        } catch let error as RoundError where error.status != .notFound {
            var page = try await FindingPage.make(finding, req: req, notice: "", error: error.reason)
            page.response?.text = form.text ?? ""
            return try await req.answer(req.view.render("rounds/finding", page), status: error.status)
        }
    }

    /// 销号 (`decision=close`) or reopening (`decision=reopen`, with `comment` and optionally `dueOn`).
    @Sendable func review(req: Request) async throws -> Response {
        try req.authorize(.superviseReporting)
        let finding = try await Self.finding(req, for: .readReports)
        let form = (try? req.content.decode(FindingReviewForm.self)) ?? FindingReviewForm()
        let decision = form.decision.flatMap(Findings.Decision.init(rawValue:))
        do {
            try await Findings.review(
                finding, decision: decision, comment: form.comment ?? "", newDue: form.dueOn ?? "",
                by: try req.filer(), on: req.db)
            let done = decision == .close ? "closed" : "reopened"
            return req.redirect(to: SiteURL.findingAfter(try finding.requireID(), done).path)
        } catch let error as RoundError where error.status != .notFound {
            var page = try await FindingPage.make(finding, req: req, notice: "", error: error.reason)
            page.review?.comment = form.comment ?? ""
            return try await req.answer(req.view.render("rounds/finding", page), status: error.status)
        }
    }

    /// An evidence file of a 整改 response, as a download, for those who may read the finding.
    @Sendable func download(req: Request) async throws -> Response {
        let user = try req.currentUser()
        guard let id = req.parameters.get("attachmentID", as: UUID.self),
            let attachment = try await FindingAttachment.query(on: req.db).filter(\.$id == id)
                .with(\.$response, { $0.with(\.$finding, { $0.with(\.$round) }) }).first(),
            attachment.response.finding.round.$government.id == user.governmentID
        else { throw RoundError.findingNotFound }
        try req.authorize(
            .readReports,
            on: Ownership(governmentID: user.governmentID, unitIDs: [attachment.response.finding.$unit.id]),
            hidden: RoundError.findingNotFound)
        guard let blob = try await AttachmentBlob.find(attachment.blobID, on: req.db) else {
            throw RoundError.findingNotFound
        }
        return FileDownload.evidence(blob.data, contentType: attachment.contentType, fileName: attachment.fileName)
    }

    /// The finding in the path, with its round, task, unit and responses, once the policy allows `action` on
    /// its unit; another government's finding is not there.
    static func finding(_ req: Request, for action: PolicyAction) async throws -> RoundFinding {
        let user = try req.currentUser()
        guard let id = req.parameters.get("findingID", as: UUID.self),
            let finding = try await RoundQuery.finding(id, governmentID: user.governmentID, on: req.db)
        else { throw RoundError.findingNotFound }
        try req.authorize(
            action, on: Ownership(governmentID: user.governmentID, unitIDs: [finding.$unit.id]),
            hidden: RoundError.findingNotFound)
        return finding
    }
}

/// The 整改 response form as posted (multipart, for the evidence).
struct ResponseForm: Content {
    var text: String?
    /// Evidence (`files[]`); browsers send one empty part when no file was chosen.
    var files: [File]?

    /// The files, each checked by its content; the error says which and why.
    func evidence() throws(RoundError) -> [EvidenceFile] {
        var evidence: [EvidenceFile] = []
        for file in files ?? [] where file.data.readableBytes > 0 || !file.filename.isEmpty {
            do {
                evidence.append(try EvidenceFile(fileName: file.filename, data: Data(buffer: file.data)))
            } catch {
                throw .evidence(error.reason)
            }
        }
        return evidence
    }
}

/// The 销号 form as posted.
struct FindingReviewForm: Content {
    var decision: String?
    var comment: String?
    var dueOn: String?
}
