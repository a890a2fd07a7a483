import DubanCore
import Fluent
import Vapor

/// `GET /api/v1/bulletins…`: issued bulletins for every role (and drafts for the 督查室), one with its text, its
/// Word file and its annex workbook. Registered behind `APIPermission(.read)`.
struct APIBulletinController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("bulletins", use: list)
        routes.get("bulletins", ":id", use: show)
        routes.get("bulletins", ":id", "document.docx") { req in
            try await BulletinController.document(try await Self.bulletin(req), req: req)
        }
        routes.get("bulletins", ":id", "annex.xlsx") { req in
            try BulletinController.annex(try await Self.bulletin(req))
        }
    }

    /// The government's bulletins, newest first.
    @Sendable func list(req: Request) async throws -> ListDTO<BulletinSummaryDTO> {
        let user = try req.currentUser()
        var query = Bulletin.query(on: req.db).filter(\.$government.$id == user.governmentID)
        if !req.allows(.superviseReporting) { query = query.filter(\.$state == .issued) }
        let bulletins = try await query.sort(\.$issueYear, .descending).sort(\.$issueNumber, .descending).all()
        return ListDTO(items: try bulletins.map(BulletinSummaryDTO.init))
    }

    /// One bulletin with its blocks.
    @Sendable func show(req: Request) async throws -> BulletinDTO {
        try BulletinDTO(try await Self.bulletin(req))
    }

    private static func bulletin(_ req: Request) async throws -> Bulletin {
        do {
            return try await BulletinController.bulletin(req, id: try req.apiID(of: .bulletin))
        } catch BulletinError.notFound {
            throw APIError.notFound(.bulletin)
        }
    }
}

/// A bulletin in a list.
struct BulletinSummaryDTO: Content {
    var id: UUID
    /// "2026年第3期".
    var issue: String
    var title: String
    /// "draft" or "issued".
    var state: String
    /// The 成文日期, "2026-10-25".
    var signedOn: String
    var planId: UUID
    /// The reporting period it reports on, "2026-Q3".
    var period: String

    init(_ bulletin: Bulletin) throws {
        id = try bulletin.requireID()
        issue = bulletin.issueLabel
        title = bulletin.title
        state = bulletin.state.rawValue
        signedOn = bulletin.signedOn
        planId = bulletin.$plan.id
        period = bulletin.period
    }
}

/// A bulletin with its text as edited: the lines kept, in the order the document prints them.
struct BulletinDTO: Content {
    var id: UUID
    var issue: String
    var title: String
    var state: String
    var signedOn: String
    var organ: String
    var planId: UUID
    var period: String
    var overall: String
    var praise: String
    var praised: [String]
    var laggards: [String]
    var findings: String
    var findingLines: [String]
    var quality: String
    var qualityLines: [String]
    var requirements: String

    init(_ bulletin: Bulletin) throws {
        let content = try bulletin.content()
        id = try bulletin.requireID()
        issue = bulletin.issueLabel
        title = bulletin.title
        state = bulletin.state.rawValue
        signedOn = bulletin.signedOn
        organ = bulletin.organ
        planId = bulletin.$plan.id
        period = bulletin.period
        overall = content.overall
        praise = content.praise
        praised = content.praised.filter(\.kept).map(\.text)
        laggards = content.laggards.filter(\.kept).map(\.text)
        findings = content.findings
        findingLines = content.findingLines.filter(\.kept).map(\.text)
        quality = content.quality
        qualityLines = content.qualityLines.filter(\.kept).map(\.text)
        requirements = content.requirements
    }
}
