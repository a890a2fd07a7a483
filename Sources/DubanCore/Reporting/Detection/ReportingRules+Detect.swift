extension ReportingRules {
    /// Reads the reporting rules a plan's notice states, or nil when it states none.
    ///
    /// Recognised: the work-plan deadline ("于2022年2月15日前，将制订的办理方案报送…"); the periodic-report sentence
    /// with its cycle (季度/每月), due rule ("每个季度第1个月的20日前", "次月5日前…上月", "每季度结束后5日内", or a
    /// list of dates "分别于4月5日、7月5日、10月5日及次年1月5日前，将第一、二、三季度及全年…"), start ("从第二季度起")
    /// and sender (总牵头单位, 牵头单位 or 责任单位, read before "将"). Full-width and ASCII punctuation, spaces
    /// inside sentences and Chinese numerals (第一个月, 二十日) are all accepted.
    ///
    /// - Parameters:
    ///   - text: the document's text, or just its notice.
    ///   - year: the plan year, to place printed dates ("2024年1月5日" is the year after a 2023 plan); when nil
    ///     the first year printed in the rule sentences stands in.
    public static func detect(in text: String, year: Int?) -> DetectedReportingRules? {
        let sentences = NoticeText.sentences(of: text)
        let reportIndex = sentences.firstIndex(where: ReportClause.isCandidate)
        let workPlans = workPlanClauses(in: sentences, before: reportIndex)
        let planYear =
            year ?? reportIndex.flatMap { NoticeDate.firstYear(in: sentences[$0]) }
            ?? workPlans.first.flatMap { NoticeDate.firstYear(in: $0.sentence) }
        let report = reportIndex.flatMap { ReportClause.read(sentences[$0], planYear: planYear) }
        guard report != nil || !workPlans.isEmpty else { return nil }

        var detector = Detector(planYear: planYear)
        if let first = workPlans.first { detector.apply(workPlan: first, others: workPlans.dropFirst()) }
        if let report { detector.apply(report: report) }
        if let index = reportIndex {
            for other in sentences[(index + 1)...].filter(ReportClause.isCandidate).prefix(3) {
                detector.remarks.append("通知另有报送要求：“\(NoticeText.quote(other))”，请确认是否需要调整。")
            }
        }
        return detector.result
    }

    /// The work-plan sentences to use: in a gazette many documents follow one another, so when there is a
    /// report sentence only those among the 30 sentences before it count (the notice's own paragraphs).
    private static func workPlanClauses(in sentences: [String], before reportIndex: Int?) -> [WorkPlanClause] {
        guard let reportIndex else { return sentences.compactMap(WorkPlanClause.read) }
        return sentences[max(0, reportIndex - 30)..<reportIndex].compactMap(WorkPlanClause.read)
    }
}

/// Builds the detected rules field by field, recording what was stated.
private struct Detector {
    let planYear: Int?
    var rules = ReportingRules.default
    var quotes: [ReportingRules.Field: String] = [:]
    var remarks: [String] = []

    init(planYear: Int?) { self.planYear = planYear }

    /// The year to lay the rules out in: without a plan year any common year gives the same periods and dates.
    private var layoutYear: Int { planYear ?? 2001 }

    mutating func apply(workPlan: WorkPlanClause, others: ArraySlice<WorkPlanClause>) {
        guard let due = workPlan.monthDay(planYear: planYear) else { return }
        rules.workPlanDue = due
        quotes[.workPlanDue] = workPlan.sentence
        for other in others {
            guard let day = other.monthDay(planYear: planYear) else { continue }
            remarks.append("通知另有方案报送时间：\(day.chinese)前（“\(NoticeText.quote(other.sentence))”）。")
        }
    }

    mutating func apply(report: ReportClause) {
        rules.cycle = report.cycle
        quotes[.cycle] = report.sentence
        if let dueRule = report.dueRule {
            rules.dueRule = dueRule
            rules.finalReportCoversYear = report.finalReportCoversYear
            quotes[.dueRule] = report.sentence
        }
        if let reporter = report.reporter {
            rules.reporter = reporter
            quotes[.reporter] = report.sentence
        }
        if let first = report.firstReportedIndex {
            rules.firstPeriodIndex = first
            quotes[.firstPeriod] = report.sentence
        } else if let start = report.startIndex {
            rules.firstPeriodIndex = firstReportedIndex(startingIn: start)
            quotes[.firstPeriod] = report.sentence
            if let reading = startReading(start) { remarks.append(reading) }
        }
        remarks += report.remarks
    }

    /// The first period whose report falls due once reporting starts in period `start`: "从第二季度起，每个季度第1个月
    /// 的20日前报上季度" starts with 第一季度, due in April (see `ReportingRules.firstPeriodIndex`).
    private func firstReportedIndex(startingIn start: Int) -> Int {
        guard let startPeriod = ReportingPeriod(year: layoutYear, cycle: rules.cycle, index: start) else { return 1 }
        var everyPeriod = rules
        everyPeriod.firstPeriodIndex = 1
        let calendar = ReportingCalendar(rules: everyPeriod, year: layoutYear)
        return calendar.deadlines.first { $0.due >= startPeriod.firstDay }?.period.index ?? start
    }

    /// How "从第二季度起" was read, spelled out because the admin may read it the other way.
    private func startReading(_ start: Int) -> String? {
        let startLabel =
            ReportingPeriod(year: layoutYear, cycle: rules.cycle, index: start)?.shortLabel ?? "第\(start)期"
        guard let first = ReportingCalendar(rules: rules, year: layoutYear).deadlines.first else { return nil }
        return "“从\(startLabel)起”理解为\(startLabel)开始报送：首份报告报\(first.period.shortLabel)的完成情况，"
            + "\(first.due.chineseMonthDay)前报送。"
    }

    var result: DetectedReportingRules {
        let findings = ReportingRules.Field.allCases.compactMap { field in
            quotes[field].map {
                DetectedReportingRules.Finding(field: field, summary: rules.summary(of: field), quote: $0)
            }
        }
        return DetectedReportingRules(rules: rules, planYear: planYear, findings: findings, remarks: remarks)
    }
}
