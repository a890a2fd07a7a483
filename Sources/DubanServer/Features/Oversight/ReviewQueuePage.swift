import DubanCore
import Foundation

/// The 督查室's review queue: every report and work plan waiting for it, newest first, with the filters a
/// clerk narrows it by (plan, unit, period, kind) and paging.
struct ReviewQueuePage: Encodable {
    var page: PageChrome
    var total: Int
    var action: String
    var plans: [OversightPage.Choice]
    var units: [OversightPage.Choice]
    var periods: [OversightPage.Choice]
    var kinds: [OversightPage.Choice]
    var items: [Line]
    var previousHref: String
    var nextHref: String
    var pageLabel: String
    var filtered: Bool

    /// One waiting item.
    struct Line: Encodable {
        /// "report" or "workplan", for the badge.
        var kind: String
        var what: String
        var number: String
        var text: String
        var planTitle: String
        var unitName: String
        var href: String
        var submittedAt: String
        var late: String
        /// "质量提示 2"; "" when none stands.
        var flags: String
    }

    /// The line of an item.
    static func line(_ item: ReviewQueueQuery.Item) -> Line {
        let period = item.period.flatMap(ReportingPeriod.init(key:))?.label ?? item.period ?? ""
        return Line(
            kind: item.isReport ? "report" : "workplan",
            what: item.isReport ? "\(period)完成情况（第 \(item.version) 版）" : "办理方案（第 \(item.version) 版）",
            number: item.number, text: DisplayText.excerpt(item.text), planTitle: item.planTitle,
            unitName: item.unitName,
            href: item.isReport ? SiteURL.report(item.id).path : SiteURL.taskReporting(item.taskID).path + "#workplans",
            submittedAt: DisplayTime.minute(item.submittedAt),
            late: item.daysLate > 0 ? "逾期 \(item.daysLate) 天" : "",
            flags: item.flags > 0 ? "质量提示 \(item.flags)" : "")
    }
}
