import DubanCore
import Fluent
import Vapor

/// A plan's 考核办法: the rules as sentences every unit reads before it is scored, and for the 督查室 the form
/// that changes them.
struct SchemePage: Encodable {
    var page: PageChrome
    var notice: String
    var error: String
    var planTitle: String
    var planHref: String
    var sentences: [String]
    var isStandard: Bool
    /// Nil unless the user may change the scheme.
    var form: SchemeForm?
    var action: String
    var rankingHref: String
    var csrf: String

    static func make(plan: Plan, req: Request, notice: String, error: String, typed: [String: String]) async throws
        -> SchemePage
    {
        let planID = try plan.requireID()
        let reporting = try await PlanReporting.load(plan, on: req.db)
        let scheme = Scores.scheme(of: plan)
        return SchemePage(
            page: try PageChrome(
                for: req, title: "考核办法", section: .plans,
                breadcrumbs: [
                    .init(label: "方案", href: SiteURL.plans.path),
                    .init(label: plan.title, href: SiteURL.plan(planID).path),
                    .init(label: "考核办法", href: ""),
                ]),
            notice: notice, error: error, planTitle: plan.title, planHref: SiteURL.plan(planID).path,
            sentences: scheme.describe(cycle: reporting.rules.cycle), isStandard: plan.scoringSchemeJSON == nil,
            form: req.allows(.superviseReporting) ? SchemeForm(scheme, typed: typed) : nil,
            action: SiteURL.scoringScheme(planID).path,
            rankingHref: req.allows(.readScores) ? SiteURL.scores(plan: planID, period: nil).path : "",
            csrf: req.csrfToken)
    }
}
