/// The rules a 绩效考核 scheme scores by: what a unit loses points for and what it gains them for.
///
/// Every rule is about the work on a task — its 工作方案, its reports, its figures, the problems 督查 found and
/// the praise it earned. There is deliberately no rule for attendance, online time, logins or how often a page was
/// opened, and none that scores a person: the 2023 rules against formalism (整治形式主义为基层减负) forbid judging
/// work by 留痕 and screen time, and the 督查室 scores units, not their staff.
///
/// The raw values are stored in saved schemes and published scores; never rename one.
public enum ScoringRuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The unit's 工作方案 for the task was never filed.
    case workPlanMissing = "work_plan_missing"
    /// The 工作方案 was filed after its due day.
    case workPlanLate = "work_plan_late"
    /// A period's progress report was never filed.
    case reportMissing = "report_missing"
    /// A period's report was filed after its due day.
    case reportLate = "report_late"
    /// A report was returned because it does not show how the work was carried out (不能反映工作实施情况).
    case reportReturned = "report_returned"
    /// A reported figure is behind 序时进度.
    case behindPace = "behind_pace"
    /// A problem found by 督查 (督查发现问题) was not rectified by its deadline.
    case findingNotRectified = "finding_not_rectified"
    /// A report was flagged for its quality: text copied from an earlier report, empty phrases, no figures.
    case qualityFlag = "quality_flag"
    /// The task was completed ahead of its deadline.
    case completedEarly = "completed_early"
    /// A reported figure is beyond the year's target.
    case overTarget = "over_target"
    /// The unit's work on the task was praised (表扬) in a 督查通报.
    case praised

    /// True for the rules that add points; the others deduct.
    public var isAddition: Bool {
        switch self {
        case .completedEarly, .overTarget, .praised: true
        default: false
        }
    }

    /// The rule's short Chinese name, shown beside each score line.
    public var label: String {
        switch self {
        case .workPlanMissing: "工作方案未报送"
        case .workPlanLate: "工作方案逾期报送"
        case .reportMissing: "报告未报送"
        case .reportLate: "报告逾期报送"
        case .reportReturned: "报告被退回"
        case .behindPace: "未达序时进度"
        case .findingNotRectified: "问题逾期未整改"
        case .qualityFlag: "报告质量问题"
        case .completedEarly: "提前完成"
        case .overTarget: "超额完成目标"
        case .praised: "通报表扬"
        }
    }

    /// "扣" or "加", the verb the sentences use.
    var verb: String { isAddition ? "加" : "扣" }
}
