import DubanCore
import Foundation

/// A task's reporting page: the rules, every unit's work plan, every period's reports with their versions and
/// contributions, and — for a clerk whose unit has a duty — the forms to file them; for the 督查室, the review
/// buttons.
struct TaskReportingPage: Encodable {
    var page: PageChrome
    var task: TaskHeader
    /// Each reporting unit's light today, with the reasons.
    var lights: [LightLine]
    var rules: [String]
    var rulesHref: String
    var notice: String
    var error: String
    var workPlans: [WorkPlanBlock]
    var periods: [PeriodBlock]
    /// The acting unit's forms; nil when the visitor cannot file.
    var filing: Filing?
    var canReview: Bool
    /// Leaders' 批示 and their answers, and the form for a leader.
    var instructions: InstructionsBlock
    var csrf: String
    /// Each quantified target's reported figures against 序时, period by period.
    var targetCharts: [ChartView] = []
    /// The higher task this one localises, and the lower governments' reports on it to quote from.
    var cascade = CascadePanel(parent: nil, children: [], totals: [], editHref: "")

    /// Shows a refused review's message (a return without a comment) beside that record's review form.
    mutating func refuseReview(of recordID: String, message: String) {
        for block in workPlans.indices where workPlans[block].current.id == recordID {
            workPlans[block].current.reviewError = message
        }
        for period in periods.indices {
            for block in periods[period].reports.indices where periods[period].reports[block].current.id == recordID {
                periods[period].reports[block].current.reviewError = message
            }
        }
    }

    /// The task the page is about.
    struct TaskHeader: Encodable {
        var number: String
        var text: String
        var planTitle: String
        var planHref: String
        var taskHref: String
        var withdrawn: Bool
        var reporters: String
        var contributors: String
    }

    /// A reporting unit's light.
    struct LightLine: Encodable {
        var unitName: String
        /// Whom to call at the unit; nil when it named nobody.
        var contact: ClerkContacts.Hint?
        var light: String
        var lightLabel: String
        var reasons: String

        /// The line of a unit's standing, with whom to call when the reader may see it.
        init(_ status: DutyStatus, contact: ClerkContacts.Hint?) {
            unitName = status.unit.name
            self.contact = contact
            light = status.shownLight
            lightLabel = status.shownLabel
            reasons = status.assessment.messages.joined(separator: "；")
        }
    }

    /// One unit's work plan, current version first.
    struct WorkPlanBlock: Encodable {
        var unitName: String
        var isReporter: Bool
        var current: WorkPlanVersion
        var older: [WorkPlanVersion]
    }

    /// One version of a work plan.
    struct WorkPlanVersion: Encodable {
        var id: String
        var version: Int
        var state: String
        var stateLabel: String
        var submittedAt: String
        /// "逾期 3 天" when first filed after the rules' due day; "" otherwise.
        var late: String
        var comment: String
        var items: [Item]
        var reviewAction: String
        var awaitingReview: Bool
        /// Why the last review of this version was refused; "" normally.
        var reviewError = ""
    }

    /// One work item.
    struct Item: Encodable {
        var content: String
        var month: String
        var leader: String
        var department: String
    }

    /// One period of the reporting year.
    struct PeriodBlock: Encodable {
        var key: String
        var label: String
        var due: String
        /// "open", "upcoming" or "closed", for the CSS.
        var phase: String
        var reports: [ReportBlock]
        var contributions: [ReportVersion]
    }

    /// One reporting unit's report for a period, current version first.
    struct ReportBlock: Encodable {
        var unitName: String
        var current: ReportVersion
        var older: [ReportVersion]
    }

    /// One version of a report or contribution.
    struct ReportVersion: Encodable {
        var id: String
        var anchor: String
        var unitName: String
        var version: Int
        var status: String
        var statusLabel: String
        var reason: String
        var narrative: String
        var state: String
        var stateLabel: String
        var late: String
        var submittedAt: String
        var comment: String
        var actuals: [ActualLine]
        var attachments: [AttachmentLink]
        var reviewAction: String
        var awaitingReview: Bool
        /// Why the last review of this version was refused; "" normally.
        var reviewError = ""
        /// What the checks found in this version.
        var flags: [FlagLine] = []
    }

    /// A quality flag on a report version.
    struct FlagLine: Encodable {
        var label: String
        var evidence: String
        /// The report it was compared with; "" for the checks that need none.
        var relatedHref: String
        /// "已排除：…（by, when）"; "" while it stands.
        var dismissed: String
        /// The 督查室's dismiss form; "" for others or once dismissed.
        var dismissAction: String
    }

    /// A figure of a report.
    struct ActualLine: Encodable {
        var label: String
        var target: String
        var actual: String
        /// "达到序时", "未达序时（低于序时进度 250 个）"; "" when not measured.
        var pace: String
        /// `PaceAttainment.Standing` raw value, for the badge's colour.
        var paceStanding: String
        /// Where the figure came from ("各下级同期报送合计：…"); "" when typed in on its own.
        var source = ""
    }

    /// A downloadable evidence file.
    struct AttachmentLink: Encodable {
        var id: String
        var name: String
        var size: String
        var href: String
    }

    /// The forms of the acting unit.
    struct Filing: Encodable {
        var unitName: String
        var isReporter: Bool
        var reportAction: String
        var workPlanAction: String
        var periods: [Option]
        var statuses: [Option]
        var reason: String
        var narrative: String
        var targets: [TargetField]
        var keep: [AttachmentLink]
        var prefilledFrom: String
        var contributionsToUse: [ReportVersion]
        /// 批示 this unit has not answered yet: each asks what was done, in this report.
        var answers: [InstructionsBlock.AnswerField]
        /// The returned report this form files again, shown with the 督查室's comment; nil when none.
        var returned: ReturnedReport?
        /// The 督查室's comment when the unit's current work plan was returned; "" otherwise.
        var workPlanReturn: String
        var workPlanRows: [WorkPlanRow]
        /// Items a work plan may hold, and the rows a form may carry (a few empty ones beyond).
        var maxWorkPlanItems: Int
        var maxWorkPlanRows: Int
        var months: [Option]
        var maxFiles: Int
        var maxMegabytes: Int
    }

    /// A returned report being filed again: its period is fixed in the form, so the fix cannot land under
    /// another period by mistake.
    struct ReturnedReport: Encodable {
        var period: String
        var label: String
        var comment: String
        var reviewedAt: String
        /// The form for the period otherwise due, for a clerk who means to file that one first; "" when none.
        var otherPeriodHref: String
    }

    /// A select option.
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    /// An actual-figure input for one quantified target.
    struct TargetField: Encodable {
        var index: Int
        var label: String
        var target: String
        var unit: String
        var value: String
    }

    /// An editable work-plan row.
    struct WorkPlanRow: Encodable {
        var index: Int
        var content: String
        /// "1"…"12", or "" for an empty row, to match the select's option values.
        var month: String
        var leader: String
        var department: String
    }
}
