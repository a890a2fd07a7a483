extension ReportingRules {
    /// The rules as Chinese sentences for the plan's settings page and the unit's help text, in the order a
    /// clerk meets them: work plan, reports, who files, reminders, then the traffic lights.
    public func describe() -> [String] {
        var sentences: [String] = []
        if workPlanDue != nil {
            sentences.append("工作方案：\(summary(of: .workPlanDue))。")
        }
        sentences.append("\(cycle.label)报送：\(summary(of: .dueRule))。")
        sentences.append("首次报送\(summary(of: .firstPeriod))。")
        // A fixed-date list already names the whole-year report ("全年次年1月5日前").
        if finalReportCoversYear, !usesFixedDates {
            sentences.append("最后一次报告报送全年完成情况。")
        }
        sentences.append("\(reporter.label)。")
        sentences.append("\(summary(of: .reminder))报送单位。")
        sentences.append(
            pace.shareByMonth.isEmpty
                ? "序时进度按时间进度计算：第一季度 25%，上半年 50%，前三季度 75%；增长率和比例指标直接与目标比较。"
                : "序时进度按本方案的安排：\(pace.overridesText)，其余月份按时间进度；增长率和比例指标直接与目标比较。")
        return sentences + lights.describe()
    }

    private var usesFixedDates: Bool {
        if case .fixedDates = dueRule { return true }
        return false
    }
}
