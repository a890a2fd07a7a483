import DubanCore
import Vapor

/// The reporting rules form of a plan, as posted: every field text, read into `ReportingRules` with a Chinese
/// message for whatever does not parse.
struct RulesForm: Content {
    var cycle: String?
    var dueKind: String?
    var dueDay: String?
    var dueAfter: String?
    /// "4-5, 7-5, 10-5, 次年1-5".
    var fixedDates: String?
    var firstPeriod: String?
    var finalYear: String?
    var reporter: String?
    /// "2-15", or empty for no work plan.
    var workPlanDue: String?
    var reminderDays: String?
    var yellowDays: String?
    var redAfter: String?
    var notStartedBehind: String?
    /// 序时进度 where the plan departs from the elapsed share: "3月 30%，6月 55%"; empty for the elapsed share.
    var pace: String?

    /// Why the form could not be read.
    struct Problem: Error {
        var message: String
    }

    /// The form of existing rules, for showing them.
    init(_ rules: ReportingRules) {
        cycle = rules.cycle.rawValue
        switch rules.dueRule {
        case .dayOfFollowingMonth(let day): (dueKind, dueDay) = ("following", String(day))
        case .daysAfterPeriodEnd(let days): (dueKind, dueAfter) = ("after", String(days))
        case .fixedDates(let dates):
            dueKind = "fixed"
            fixedDates = dates.map { ($0.yearOffset > 0 ? "次年" : "") + "\($0.month)-\($0.day)" }.joined(separator: ", ")
        }
        firstPeriod = String(rules.firstPeriodIndex)
        finalYear = rules.finalReportCoversYear ? "1" : nil
        reporter = rules.reporter.rawValue
        workPlanDue = rules.workPlanDue.map { "\($0.month)-\($0.day)" } ?? ""
        reminderDays = String(rules.reminderDaysBefore)
        yellowDays = String(rules.lights.yellowWithinDays)
        redAfter = String(rules.lights.redAfterBehindReports)
        notStartedBehind = rules.lights.notStartedCountsAsBehind ? "1" : nil
        pace = rules.pace.overridesText
    }

    /// The rules, or the first problem found.
    func rules() throws(Problem) -> ReportingRules {
        let cycle = cycle.flatMap(ReportingCycle.init(rawValue:)) ?? .quarterly
        let due: DueDateRule
        switch dueKind {
        case "after": due = .daysAfterPeriodEnd(try number(dueAfter, "报送期限（期末后天数）"))
        case "fixed":
            var dates: [MonthDay] = []
            for piece in (fixedDates ?? "").split(whereSeparator: { ",，、;；".contains($0) || $0 == " " }) {
                dates.append(try monthDay(String(piece), field: "固定报送日期"))
            }
            due = .fixedDates(dates)
        default: due = .dayOfFollowingMonth(try number(dueDay, "报送期限（次月几日）"))
        }
        let reporter = reporter.flatMap(ReportingRules.Reporter.init(rawValue:)) ?? .lead
        let workPlan = (workPlanDue ?? "").trimmingCharacters(in: .whitespaces)
        guard let paceRule = PaceRule.parse(pace ?? "") else {
            throw Problem(message: "“序时进度”须写成“月份 百分比”，如“3月 30%，6月 55%”（月份 1–12，百分比 0–100）；留空则按时间进度。")
        }
        return ReportingRules(
            workPlanDue: workPlan.isEmpty ? nil : try monthDay(workPlan, field: "办理方案报送日期"), cycle: cycle,
            dueRule: due, firstPeriodIndex: try number(firstPeriod, "首次报送的期次"),
            finalReportCoversYear: finalYear == "1", reporter: reporter,
            reminderDaysBefore: try number(reminderDays, "提前提醒天数"),
            lights: TrafficLightRules(
                yellowWithinDays: try number(yellowDays, "黄灯提前天数"),
                redAfterBehindReports: try number(redAfter, "滞后几次亮红灯"),
                notStartedCountsAsBehind: notStartedBehind == "1"),
            pace: paceRule)
    }

    private func number(_ text: String?, _ field: String) throws(Problem) -> Int {
        guard let value = Int((text ?? "").trimmingCharacters(in: .whitespaces)) else {
            throw Problem(message: "“\(field)”须为整数。")
        }
        return value
    }

    /// "4-5", "4月5日", "次年1-5".
    private func monthDay(_ text: String, field: String) throws(Problem) -> MonthDay {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var offset = 0
        if rest.hasPrefix("次年") {
            offset = 1
            rest = String(rest.dropFirst(2))
        }
        let parts = rest.replacingOccurrences(of: "月", with: "-").replacingOccurrences(of: "日", with: "")
            .split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, let value = MonthDay(month: parts[0], day: parts[1], yearOffset: offset) else {
            throw Problem(message: "“\(field)”中的“\(text)”不是有效日期，请写成“4-5”或“次年1-5”。")
        }
        return value
    }
}
