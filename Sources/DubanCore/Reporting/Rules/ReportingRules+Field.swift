extension ReportingRules {
    /// A part of the rules the admin confirms on its own; detection says which ones the notice stated. Notices
    /// never state `reminder` or `lights`: they are listed so the admin sees the defaults being applied.
    public enum Field: String, Sendable, Codable, CaseIterable {
        case workPlanDue = "work_plan_due"
        case cycle
        case dueRule = "due_rule"
        case firstPeriod = "first_period"
        case reporter
        case reminder
        case lights

        /// The Chinese label shown beside the field.
        public var label: String {
            switch self {
            case .workPlanDue: "工作方案报送时间"
            case .cycle: "报送周期"
            case .dueRule: "报送截止时间"
            case .firstPeriod: "首次报送"
            case .reporter: "报送单位"
            case .reminder: "提醒时间"
            case .lights: "红黄绿灯"
            }
        }
    }

    /// One field's value as a short Chinese phrase, for the admin's confirmation list.
    public func summary(of field: Field) -> String {
        switch field {
        case .workPlanDue: workPlanDue.map { "\($0.chinese)前报送" } ?? "不要求报送工作方案"
        case .cycle: cycle.label
        case .dueRule: dueSummary
        case .firstPeriod: "\(reportedPeriods(in: 2000).first?.shortLabel ?? "第\(firstPeriodIndex)期")的完成情况"
        case .reporter: reporter.label
        case .reminder: reminderDaysBefore == 0 ? "截止当天提醒" : "截止前 \(reminderDaysBefore) 天提醒"
        case .lights: lights.summary
        }
    }

    private var dueSummary: String {
        switch dueRule {
        case .dayOfFollowingMonth(let day):
            return cycle == .quarterly ? "下一季度第1个月的\(day)日前报送上季度完成情况" : "次月\(day)日前报送上月完成情况"
        case .daysAfterPeriodEnd(let days):
            return "每\(cycle.periodWord)结束后 \(days) 日内报送"
        case .fixedDates(let dates):
            let parts = reportedPeriods(in: 2000).compactMap { period in
                dates.indices.contains(period.index - 1)
                    ? "\(period.shortLabel)\(dates[period.index - 1].chinese)前" : nil
            }
            return parts.joined(separator: "，")
        }
    }
}
