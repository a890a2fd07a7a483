import DubanCore
import Fluent
import Vapor

/// `/scores`: every plan in force with its periods, each published or not, and the year.
struct ScoreIndexPage: Encodable {
    var page: PageChrome
    var plans: [PlanLine]

    /// A plan and its periods.
    struct PlanLine: Encodable {
        var title: String
        var year: Int
        var schemeHref: String
        var spans: [SpanLine]
    }

    /// A period (or the year) of a plan.
    struct SpanLine: Encodable {
        var label: String
        var href: String
        /// "已发布第2版" or "未发布".
        var state: String
        var isPublished: Bool
    }

    static func make(_ req: Request) async throws -> ScoreIndexPage {
        let user = try req.currentUser()
        let plans = try await Plan.query(on: req.db).filter(\.$government.$id == user.governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$title).all()
        var lines: [PlanLine] = []
        for plan in plans {
            let planID = try plan.requireID()
            let reporting = try await PlanReporting.load(plan, on: req.db)
            var latest: [String: Int] = [:]
            for snapshot in try await Scores.history(planID: planID, on: req.db) {
                latest[snapshot.period] = max(latest[snapshot.period] ?? 0, snapshot.version)
            }
            let spans = Scores.periods(of: reporting).map { Scores.Span.period($0) } + [.year(plan.year)]
            lines.append(
                PlanLine(
                    title: plan.title, year: plan.year, schemeHref: SiteURL.scoringScheme(planID).path,
                    spans: spans.map { span in
                        let version = latest[span.key]
                        return SpanLine(
                            label: span.label, href: SiteURL.scores(plan: planID, period: span.key).path,
                            state: version.map { "已发布第\($0)版" } ?? "未发布", isPublished: version != nil)
                    }))
        }
        return ScoreIndexPage(page: try PageChrome(for: req, title: "绩效考核", section: .scores), plans: lines)
    }
}
