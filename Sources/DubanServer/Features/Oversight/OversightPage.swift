import DubanCore
import Foundation

/// The 督查室's overview: every reporting duty of the government by light, the laggards per unit, what waits
/// for review, and the 催办 form over the rows shown.
struct OversightPage: Encodable {
    var page: PageChrome
    var today: String
    var notice: String
    var error: String
    var tally: [DeskPage.LightCount]
    var filterAction: String
    var plans: [Choice]
    var lights: [Choice]
    /// One page of the rows, worst first, of `rowTotal`.
    var rows: [Row]
    var rowTotal: Int
    /// The pages of rows, keeping the filter.
    var pager: Pager
    /// The page the 催办 form returns to.
    var chosenPage: Int
    /// The units with a red or yellow light, worst first, at most `OversightQuery.unitsShown` of `unitTotal`.
    var units: [UnitLine]
    var unitTotal: Int
    /// Every unit, each with its own page of lights, for those past the table.
    var unitsHref = SiteURL.units.path
    /// The newest waiting items, at most `OversightQuery.reviewsShown`, of `reviewTotal`.
    var reviews: [ReviewQueuePage.Line]
    var reviewTotal: Int
    /// The review queue, filtered by the plan chosen here.
    var reviewsHref: String
    var urgeAction: String
    /// The filter the 催办 form sends back, so the overview returns to it.
    var chosenPlan: String
    var chosenLight: String
    var csrf: String
    /// The 督查 findings of the government, and where their rounds are listed.
    var findings = RoundQuery.Tally()
    var roundsHref = SiteURL.rounds.path
    /// The dashboard's charts, each with its numbers.
    var charts: [ChartView] = []

    /// A filter option.
    struct Choice: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One task of one reporting unit.
    struct Row: Encodable {
        /// "taskID:unitID", the urge checkbox's value.
        var target: String
        var light: String
        var lightLabel: String
        var reasons: String
        var number: String
        var text: String
        var href: String
        var planTitle: String
        var unitName: String
        var unitHref: String
        /// Whom to call at the unit; nil when it named nobody.
        var contact: ClerkContacts.Hint?
        var next: String
        /// The latest report: "第一季度 按序时推进 · 待审核"; "尚未报送".
        var lastReport: String = ""
        /// Its figures against the targets: "兑现资金 3200万元（目标 5000万元）"; "" when none.
        var figures: String = ""

        /// The row of one duty from its stored facts.
        init(
            _ listed: DutyStateCounts.Listed, titles: [UUID: String], unitHref: String,
            contact: ClerkContacts.Hint?
        ) {
            target = "\(listed.taskID.uuidString):\(listed.unitID.uuidString)"
            light = listed.shownLight
            lightLabel = TaskLights.label(listed.shownLight)
            reasons = listed.reasons
            number = listed.number
            text = listed.text
            href = SiteURL.taskReporting(listed.taskID).path
            planTitle = titles[listed.planID] ?? ""
            unitName = listed.unitName
            self.unitHref = unitHref
            self.contact = contact
            next = listed.nextDue
            lastReport = listed.lastReport
            figures = listed.figures
        }
    }

    /// A unit's standing, worst first: the names a 督查通报 would list.
    struct UnitLine: Encodable {
        var name: String
        var href: String
        var red: Int
        var yellow: Int
        var green: Int
        var lateReports: Int
    }
}
