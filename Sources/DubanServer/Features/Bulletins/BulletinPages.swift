import DubanCore
import Fluent
import Vapor

/// The bulletin pages' contexts: the list, the drafting form, and a bulletin — its editor while a draft, the
/// issued text otherwise.
enum BulletinPages {
    /// `/bulletins`.
    struct ListPage: Encodable {
        var page: PageChrome
        var notice: String
        var issued: [Line]
        var drafts: [Line]
        var newHref: String
    }

    /// A bulletin in a list.
    struct Line: Encodable {
        var issue: String
        var title: String
        var href: String
        var date: String
        var planTitle: String
    }

    /// `/bulletins/new`.
    struct NewPage: Encodable {
        var page: PageChrome
        var error: String
        var action: String
        var periods: [SelectOption]
        var rounds: [SelectOption]
        var csrf: String
    }

    static func list(_ req: Request) async throws -> ListPage {
        let user = try req.currentUser()
        let mayDraft = req.allows(.superviseReporting)
        let all = try await Bulletin.query(on: req.db).filter(\.$government.$id == user.governmentID).with(\.$plan)
            .sort(\.$issueYear, .descending).sort(\.$issueNumber, .descending).all()
        func line(_ bulletin: Bulletin) throws -> Line {
            Line(
                issue: bulletin.issueLabel, title: bulletin.title,
                href: SiteURL.bulletin(try bulletin.requireID()).path,
                date: CalendarDay(bulletin.signedOn)?.chinese ?? bulletin.signedOn, planTitle: bulletin.plan.title)
        }
        return ListPage(
            page: try PageChrome(for: req, title: "督查通报", section: .bulletins),
            notice: (try? req.query.get(String.self, at: "discarded")) == "1" ? "草稿已删除。" : "",
            issued: try all.filter { $0.state == .issued }.map(line),
            drafts: mayDraft ? try all.filter { $0.state == .draft }.map(line) : [],
            newHref: mayDraft ? SiteURL.bulletinNew.path : "")
    }

    static func new(_ req: Request, error: String) async throws -> NewPage {
        let user = try req.currentUser()
        let today = req.clock.today()
        var periods: [SelectOption] = []
        let plans = try await Plan.query(on: req.db).filter(\.$government.$id == user.governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$title).all()
        for plan in plans {
            let reporting = try await PlanReporting.load(plan, on: req.db)
            let chosen = Scores.span(nil, reporting: reporting, today: today).key
            for period in Scores.periods(of: reporting) {
                periods.append(
                    SelectOption(
                        value: "\(try plan.requireID().uuidString.lowercased())|\(period.key)",
                        label: "\(plan.title) · \(period.label)", selected: periods.isEmpty && period.key == chosen))
            }
        }
        let rounds = try await SupervisionRound.query(on: req.db).filter(\.$government.$id == user.governmentID)
            .sort(\.$startsOn, .descending).all().map {
                SelectOption(value: try $0.requireID().uuidString.lowercased(), label: $0.title)
            }
        return NewPage(
            page: try PageChrome(
                for: req, title: "起草督查通报", section: .bulletins,
                breadcrumbs: [.init(label: "通报", href: SiteURL.bulletins.path), .init(label: "起草", href: "")]),
            error: error, action: SiteURL.bulletins.path, periods: periods, rounds: rounds, csrf: req.csrfToken)
    }

    /// The blocks as the editor posted them over the saved ones: text fields and, for each line, its text and
    /// whether it is kept (`laggard-3`, `laggard-keep-3`).
    static func content(from form: [String: String], over saved: BulletinContent) -> BulletinContent {
        var content = saved
        content.overall = form["overall"] ?? saved.overall
        content.praise = form["praise"] ?? saved.praise
        content.findings = form["findings"] ?? saved.findings
        content.requirements = form["requirements"] ?? saved.requirements
        content.quality = form["quality"] ?? saved.quality
        func lines(_ prefix: String, _ old: [BulletinContent.Line]) -> [BulletinContent.Line] {
            old.enumerated().map { index, line in
                var line = line
                line.text = form["\(prefix)-\(index)"] ?? line.text
                line.kept = form["\(prefix)-keep-\(index)"] == "1"
                return line
            }
        }
        content.laggards = lines("laggard", saved.laggards)
        content.praised = lines("praised", saved.praised)
        content.findingLines = lines("finding", saved.findingLines)
        content.qualityLines = lines("quality", saved.qualityLines)
        return content
    }
}
