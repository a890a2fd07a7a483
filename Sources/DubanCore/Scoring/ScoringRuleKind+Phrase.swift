/// The words each rule uses in a score line ("第二季度报告逾期5天（7月25日报送）") and on the rules page
/// ("季度报告逾期"), kept together so the two read alike.
extension ScoringRuleKind {
    /// What happened, from an event's facts: its detail, days and day.
    func phrase(for event: ScoringEvent) -> String {
        let day = event.day?.chineseMonthDay
        let detail = event.detail
        switch self {
        case .workPlanMissing:
            return "工作方案未报送" + Self.note(day.map { "\($0)截止" })
        case .workPlanLate:
            return "工作方案" + Self.lateness(event.daysLate) + Self.note(day.map { "\($0)报送" })
        case .reportMissing:
            return "\(detail)报告未报送" + Self.note(day.map { "\($0)截止" })
        case .reportLate:
            return "\(detail)报告" + Self.lateness(event.daysLate) + Self.note(day.map { "\($0)报送" })
        case .reportReturned:
            return "\(detail)报告因不能反映工作实施情况被退回" + Self.note(day.map { "\($0)退回" })
        case .behindPace:
            return "未达序时进度" + Self.note(detail)
        case .findingNotRectified:
            let finding = detail.isEmpty ? "督查发现问题" : "督查发现问题“\(detail)”"
            return finding + "逾期未整改" + Self.note(day.map { "整改期限\($0)" })
        case .qualityFlag:
            return "报告存在质量问题" + Self.note(detail)
        case .completedEarly:
            let early = event.daysLate.flatMap { $0 < 0 ? "早于期限\(-$0)天" : nil }
            return "提前完成" + Self.note(day.map { "\($0)完成" }, early)
        case .overTarget:
            return "超额完成目标" + Self.note(detail)
        case .praised:
            return "受到督查通报表扬" + Self.note(detail)
        }
    }

    /// What the rule scores, as the rules page states it; `report` names the plan's report ("季度报告"). The
    /// lateness rules give the stem their days or bands follow ("季度报告逾期"); `describe()` adds "报送" when
    /// the rule is flat.
    func subject(report: String) -> String {
        switch self {
        case .workPlanMissing: "工作方案未报送"
        case .workPlanLate: "工作方案逾期"
        case .reportMissing: "\(report)未报送"
        case .reportLate: "\(report)逾期"
        case .reportReturned: "报告因不能反映工作实施情况被退回"
        case .behindPace: "指标未达序时进度"
        case .findingNotRectified: "督查发现问题逾期未整改"
        case .qualityFlag: "报告存在照搬照抄、空话套话等质量问题"
        case .completedEarly: "任务提前完成"
        case .overTarget: "指标超额完成目标"
        case .praised: "在督查通报中受到表扬"
        }
    }

    /// True for the rules whose points may depend on days late.
    var isLateness: Bool { self == .workPlanLate || self == .reportLate }

    /// "逾期5天", or "逾期报送" when the days are not known.
    private static func lateness(_ days: Int?) -> String {
        guard let days, days > 0 else { return "逾期报送" }
        return "逾期\(days)天"
    }

    /// The non-empty parts in one pair of Chinese parentheses, or nothing.
    private static func note(_ parts: String?...) -> String {
        let shown = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return shown.isEmpty ? "" : "（\(shown.joined(separator: "，"))）"
    }
}
