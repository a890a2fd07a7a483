import DubanCore
import Fluent
import Vapor

/// A bulletin's page: while a draft, the editor — header fields, each block in its own box, each line naming
/// units with a box to leave it out, the numbers and annex tables it was drafted from, and the buttons that
/// save, refresh, issue or discard; once issued, the text as sent, with the Word file and the annex workbook.
struct BulletinPage: Encodable {
    var page: PageChrome
    var notice: String
    var error: String
    var isDraft: Bool
    var issueLabel: String
    var title: String
    var organ: String
    var signedOn: String
    var signedOnText: String
    var issueNumber: String
    var periodLabel: String
    var planTitle: String
    var planHref: String
    var roundTitle: String
    var roundHref: String
    var overall: String
    var praise: String
    var findings: String
    var requirements: String
    var laggards: [EditableLine]
    var praised: [EditableLine]
    var findingLines: [EditableLine]
    var quality: String
    var qualityLines: [EditableLine]
    var counts: [Count]
    var annexes: [Annex]
    var issuedText: String
    var saveAction: String
    var refreshAction: String
    var issueAction: String
    var discardAction: String
    var documentHref: String
    var annexHref: String
    var csrf: String

    /// A line naming units, with its field names.
    struct EditableLine: Encodable {
        var name: String
        var keepName: String
        var text: String
        var kept: Bool
    }

    /// How many tasks stand one way.
    struct Count: Encodable {
        var label: String
        var count: Int
    }

    /// An annex table.
    struct Annex: Encodable {
        /// "附件1".
        var label: String
        var title: String
        var header: [String]
        var rows: [[String]]
    }

    /// Shows a refused edit as typed.
    mutating func keep(header: Bulletins.Header, content: BulletinContent) {
        title = header.title
        organ = header.organ
        signedOn = header.signedOn
        issueNumber = header.issueNumber
        overall = content.overall
        praise = content.praise
        findings = content.findings
        requirements = content.requirements
        laggards = Self.lines("laggard", content.laggards)
        praised = Self.lines("praised", content.praised)
        findingLines = Self.lines("finding", content.findingLines)
        quality = content.quality
        qualityLines = Self.lines("quality", content.qualityLines)
    }

    static func lines(_ prefix: String, _ lines: [BulletinContent.Line]) -> [EditableLine] {
        lines.enumerated().map { index, line in
            EditableLine(
                name: "\(prefix)-\(index)", keepName: "\(prefix)-keep-\(index)", text: line.text, kept: line.kept)
        }
    }
}

extension BulletinPages {
    static func bulletin(_ bulletin: Bulletin, req: Request, notice: String, error: String) async throws
        -> BulletinPage
    {
        let id = try bulletin.requireID()
        let content = try bulletin.content()
        let facts = try bulletin.facts()
        let isDraft = bulletin.state == .draft
        let round = try await bulletin.$round.id.asyncFlatMap { try await SupervisionRound.find($0, on: req.db) }
        let counts = BulletinFacts.Standing.allCases.map { standing in
            BulletinPage.Count(label: standing.label, count: facts.tasks.filter { $0.standing == standing }.count)
        }
        return BulletinPage(
            page: try PageChrome(
                for: req, title: bulletin.title, section: .bulletins,
                breadcrumbs: [
                    .init(label: "通报", href: SiteURL.bulletins.path), .init(label: bulletin.issueLabel, href: ""),
                ]),
            notice: notice, error: error, isDraft: isDraft, issueLabel: bulletin.issueLabel, title: bulletin.title,
            organ: bulletin.organ, signedOn: bulletin.signedOn,
            signedOnText: CalendarDay(bulletin.signedOn)?.chinese ?? bulletin.signedOn,
            issueNumber: String(bulletin.issueNumber), periodLabel: facts.periodLabel, planTitle: bulletin.plan.title,
            planHref: SiteURL.plan(bulletin.$plan.id).path, roundTitle: round?.title ?? "",
            roundHref: try round.map { SiteURL.round(try $0.requireID()).path } ?? "", overall: content.overall,
            praise: content.praise, findings: content.findings, requirements: content.requirements,
            laggards: BulletinPage.lines("laggard", content.laggards),
            praised: BulletinPage.lines("praised", content.praised),
            findingLines: BulletinPage.lines("finding", content.findingLines), quality: content.quality,
            qualityLines: BulletinPage.lines("quality", content.qualityLines), counts: counts,
            annexes: BulletinComposer.annexTables(facts).enumerated().map { index, table in
                BulletinPage.Annex(label: "附件\(index + 1)", title: table.title, header: table.header, rows: table.rows)
            },
            issuedText: bulletin.issuedAt.map { "\(DisplayTime.minute($0)) 由 \(bulletin.issuedBy ?? "") 印发" } ?? "",
            saveAction: SiteURL.bulletin(id).path, refreshAction: SiteURL.bulletinRefresh(id).path,
            issueAction: SiteURL.bulletinIssue(id).path, discardAction: SiteURL.bulletinDiscard(id).path,
            documentHref: SiteURL.bulletinDocument(id).path, annexHref: SiteURL.bulletinAnnex(id).path,
            csrf: req.csrfToken)
    }
}
