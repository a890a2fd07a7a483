/// One reason a task shows its light, kept structured so the board can filter ("all overdue tasks") and the
/// page can show the sentence.
public enum TrafficLightReason: Sendable, Hashable {
    /// The latest report says 已完成.
    case completed
    /// The period's report is `days` days past its due day and not filed.
    case overdue(ReportingPeriod, days: Int)
    /// The period's report is due on `due`, `daysLeft` days from today (0: today), and not filed.
    case dueSoon(ReportingPeriod, due: CalendarDay, daysLeft: Int)
    /// The latest report has this status, and too few reports have said so to turn the task red.
    case latestReport(ReportStatus)
    /// These reports said the task is slipping — as many as turn it red; `consecutive` when they are the latest
    /// reports in a row.
    case repeatedlyBehind([ReportStatus], consecutive: Bool)
    /// The period's report is filed and waits for the 督查室: still green, but not yet accepted.
    case awaitingReview(ReportingPeriod)
    /// The period's report was returned and not yet filed again.
    case returned(ReportingPeriod)
    /// A figure of the latest report is behind 序时, even if its text says 按序时推进.
    case behindPace(PaceShortfall)
    /// Findings of a 督查 round are past their 整改时限 and the unit has not answered them.
    case rectificationOverdue(RectificationBacklog)

    /// The light this reason alone calls for.
    public var light: TrafficLight {
        switch self {
        case .completed, .awaitingReview: .green
        case .dueSoon, .latestReport, .returned, .behindPace: .yellow
        case .overdue, .repeatedlyBehind, .rectificationOverdue: .red
        }
    }

    /// The Chinese sentence shown beside the light: "第二季度报告已逾期 3 天", "连续 2 次报告滞后".
    public var message: String {
        switch self {
        case .completed:
            return "任务已完成"
        case .overdue(let period, let days):
            return "\(period.shortLabel)报告已逾期 \(days) 天"
        case .dueSoon(let period, let due, let daysLeft):
            return daysLeft == 0
                ? "\(period.shortLabel)报告今天截止"
                : "\(period.shortLabel)报告将于\(due.chineseMonthDay)截止，还剩 \(daysLeft) 天"
        case .latestReport(let status):
            return "最近一次报告为“\(status.label)”"
        case .repeatedlyBehind(let statuses, let consecutive):
            let kinds = Set(statuses)
            let words = kinds.count == 1 ? statuses.first?.label ?? "" : "滞后或无法完成"
            return "\(consecutive ? "连续" : "累计") \(statuses.count) 次报告\(words)"
        case .awaitingReview(let period):
            return "\(period.shortLabel)报告已报送，待督查室审核"
        case .returned(let period):
            return "\(period.shortLabel)报告被退回，待修改后重新报送"
        case .behindPace(let shortfall):
            return "\(shortfall.label)未达序时（\(shortfall.gap)）"
        case .rectificationOverdue(let backlog):
            return backlog.count == 1
                ? "督查发现的问题整改已逾期 \(backlog.longestDays) 天"
                : "督查发现的 \(backlog.count) 个问题整改逾期（最长 \(backlog.longestDays) 天）"
        }
    }
}
