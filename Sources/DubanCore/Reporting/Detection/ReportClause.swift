/// What the sentence on periodic progress reports says: "各牵头单位从2022年第二季度起，要在每个季度第1个月的20日前，
/// 将上季度的责任事项完成情况报市人民政府督查室". Each part is optional; nil means the sentence does not say.
struct ReportClause {
    var sentence: String
    var cycle: ReportingCycle
    var dueRule: DueDateRule?
    var finalReportCoversYear = false
    /// The period in which reporting starts ("从第二季度起": 2), not yet turned into the first reported period.
    var startIndex: Int?
    /// The first reported period when the sentence names it outright (a fixed-date list from 第二季度 on).
    var firstReportedIndex: Int?
    var reporter: ReportingRules.Reporter?
    /// Things the admin should look at that the rules cannot express.
    var remarks: [String] = []

    private static let subjects = ["完成情况", "进展情况", "推进情况", "落实情况", "办理情况", "工作情况", "进度情况"]

    /// True for a sentence about sending progress every quarter or month.
    static func isCandidate(_ sentence: String) -> Bool {
        cycle(of: sentence) != nil && subjects.contains { sentence.contains($0) }
            && NoticeText.mentionsSending(sentence)
    }

    /// Reads a candidate sentence; `planYear` places printed dates relative to the plan year.
    static func read(_ sentence: String, planYear: Int?) -> ReportClause? {
        guard let cycle = cycle(of: sentence) else { return nil }
        var clause = ReportClause(sentence: sentence, cycle: cycle)
        clause.reporter = reporter(in: sentence)
        clause.startIndex = startIndex(in: sentence, cycle: cycle)
        clause.readDueRule(planYear: planYear)
        return clause
    }

    private static func cycle(of sentence: String) -> ReportingCycle? {
        if sentence.contains("季度") { return .quarterly }
        if sentence.contains("每月") || sentence.contains("每个月") || sentence.contains("月度") { return .monthly }
        return nil
    }

    /// Who sends, from the words before "将" (the object marker), so a destination such as "报送牵头单位" is not
    /// taken for the sender.
    private static func reporter(in sentence: String) -> ReportingRules.Reporter? {
        let subject = sentence.firstRange(of: "将").map { sentence[..<$0.lowerBound] } ?? sentence[...]
        if subject.contains("总牵头单位") { return .overallLead }
        if subject.contains("牵头单位") { return .lead }
        if subject.contains("责任单位") { return .responsible }
        return nil
    }

    /// "从2022年第二季度起", "自三季度开始", "从3月份起".
    private static func startIndex(in sentence: String, cycle: ReportingCycle) -> Int? {
        switch cycle {
        case .quarterly:
            let match = sentence.firstMatch(of: /(?:\d{4}年)?第?([一二三四1-4])季度(?:起|开始)/)
            return match.flatMap { NoticeText.number($0.1) }
        case .monthly:
            let match = sentence.firstMatch(of: /(?:从|自)(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]+)月份?(?:起|开始)/)
            return match.flatMap { NoticeText.number($0.1) }.flatMap { (1...12).contains($0) ? $0 : nil }
        }
    }

    private mutating func readDueRule(planYear: Int?) {
        let dates = NoticeDate.all(in: sentence)
        if dates.count >= 2 {
            readFixedDates(dates, planYear: planYear)
        } else if let match = sentence.firstMatch(of: /第([1-3一二三])个月的?(\d{1,2}|[一二三四五六七八九十]+)日(?:前|以前|之前)/) {
            let month = NoticeText.number(match.1)
            if month == 1, let day = NoticeText.number(match.2) {
                dueRule = .dayOfFollowingMonth(day)
            } else {
                remarks.append("报送时间“\(match.0)”不在期末后的第1个月，请人工设置。")
            }
        } else if let match = sentence.firstMatch(
            of: /(?:次月|下月|下个月|下一个月)的?(\d{1,2}|[一二三四五六七八九十]+)日(?:前|以前|之前)/), let day = NoticeText.number(match.1)
        {
            dueRule = .dayOfFollowingMonth(day)
        } else if let match = sentence.firstMatch(of: /每个?月的?(\d{1,2}|[一二三四五六七八九十]+)日(?:前|以前|之前)/) {
            if sentence.contains("上月") || sentence.contains("上个月"), let day = NoticeText.number(match.1) {
                dueRule = .dayOfFollowingMonth(day)
            } else {
                remarks.append("报送时间“\(match.0)”未说明报送哪个月的情况，请人工设置。")
            }
        } else if let match = sentence.firstMatch(
            of: /结束后(\d{1,2}|[一二三四五六七八九十]+)个?(工作日|日|天)(?:内|以内)/)
        {
            if match.2 == "工作日" {
                remarks.append("报送时间“\(match.0)”按工作日计算，请人工换算为日期。")
            } else if let days = NoticeText.number(match.1) {
                dueRule = .daysAfterPeriodEnd(days)
            }
        }
    }

    /// "分别于2023年4月5日、7月5日、10月5日及2024年1月5日前，将第一、二、三季度及全年…": one date per period, the
    /// periods named after the dates (or, when not named, all of them in order).
    private mutating func readFixedDates(_ dates: [NoticeDate], planYear: Int?) {
        guard cycle == .quarterly, let last = dates.last else {
            remarks.append("通知列出了多个报送日期，但无法对应到各期，请人工设置。")
            return
        }
        let tail = sentence[last.end...]
        // "第一、二、三季度" or "一季度、二季度、三季度": every quarter named after the dates, in order.
        let mentions = tail.matches(of: /第?([一二三四1-4][一二三四1-4、,和及与]*)季度/)
        let named = mentions.isEmpty ? nil : mentions.flatMap { $0.1.compactMap { NoticeText.number(String($0)) } }
        finalReportCoversYear = tail.contains("全年")
        var indices = named ?? (dates.count == 4 ? [1, 2, 3, 4] : [])
        if named != nil, finalReportCoversYear { indices.append(4) }
        let monthDays = NoticeDate.monthDays(dates, planYear: planYear)
        guard indices.count == monthDays.count, let first = indices.first, first <= 4, indices == Array(first...4)
        else {
            remarks.append("通知列出的\(dates.count)个报送日期与所报季度无法一一对应，请人工设置。")
            finalReportCoversYear = false
            return
        }
        // Quarters before the first named one are not reported; their slots repeat the first date a quarter
        // earlier each, so the list stays one-per-quarter and reads sensibly if the admin moves the start.
        let earlier = (1..<first).map { monthDays[0].shifted(byMonths: -3 * (first - $0)) }
        dueRule = .fixedDates(earlier + monthDays)
        if first > 1 { firstReportedIndex = first }
    }
}
