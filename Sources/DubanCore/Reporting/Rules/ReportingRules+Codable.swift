extension ReportingRules: Codable {
    private enum CodingKeys: String, CodingKey {
        case workPlanDue, cycle, dueRule, firstPeriodIndex, finalReportCoversYear, reporter, reminderDaysBefore, lights,
            pace
    }

    /// Decodes stored rules; a field missing from older JSON takes the default, so adding a field never breaks
    /// plans saved before it existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let fallback = ReportingRules.default
        workPlanDue =
            container.contains(.workPlanDue)
            ? try container.decodeIfPresent(MonthDay.self, forKey: .workPlanDue) : fallback.workPlanDue
        cycle = try container.decodeIfPresent(ReportingCycle.self, forKey: .cycle) ?? fallback.cycle
        dueRule = try container.decodeIfPresent(DueDateRule.self, forKey: .dueRule) ?? fallback.dueRule
        firstPeriodIndex =
            try container.decodeIfPresent(Int.self, forKey: .firstPeriodIndex) ?? fallback.firstPeriodIndex
        finalReportCoversYear =
            try container.decodeIfPresent(Bool.self, forKey: .finalReportCoversYear) ?? fallback.finalReportCoversYear
        reporter = try container.decodeIfPresent(Reporter.self, forKey: .reporter) ?? fallback.reporter
        reminderDaysBefore =
            try container.decodeIfPresent(Int.self, forKey: .reminderDaysBefore) ?? fallback.reminderDaysBefore
        lights = try container.decodeIfPresent(TrafficLightRules.self, forKey: .lights) ?? fallback.lights
        pace = try container.decodeIfPresent(PaceRule.self, forKey: .pace) ?? fallback.pace
    }

    /// Encodes every field; an absent work plan is written as an explicit null so "none" and "not yet saved"
    /// cannot be confused.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(workPlanDue, forKey: .workPlanDue)
        try container.encode(cycle, forKey: .cycle)
        try container.encode(dueRule, forKey: .dueRule)
        try container.encode(firstPeriodIndex, forKey: .firstPeriodIndex)
        try container.encode(finalReportCoversYear, forKey: .finalReportCoversYear)
        try container.encode(reporter, forKey: .reporter)
        try container.encode(reminderDaysBefore, forKey: .reminderDaysBefore)
        try container.encode(lights, forKey: .lights)
        try container.encode(pace, forKey: .pace)
    }
}
