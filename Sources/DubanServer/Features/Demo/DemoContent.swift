import DubanCore

/// The two generated demo plans: this year's full plan and a smaller one for last year drawn from the same
/// phrase lists with its own figures, so the plan list shows more than one year.
enum DemoContent {
    static let thisYearNumber = 2026
    static let lastYearNumber = 2025

    /// This year's plan: targets, six fields of key work, ten livelihood projects (≈120 tasks).
    static let thisYear = DemoPlanBlueprint(
        title: "\(thisYearNumber)年区《政府工作报告》重点工作责任分解方案", year: thisYearNumber,
        docNumber: "青政办〔\(thisYearNumber)〕3号", date: "\(thisYearNumber)-02-12",
        groups: targets + economyGroups + cityGroups + welfareGroups + livelihood)

    /// Last year's plan: a few targets, two tasks from each field of key work, six livelihood projects (≈40).
    static var lastYear: DemoPlanBlueprint {
        var random = SeededRandom(seed: 2025)
        let keyWork = (economyGroups + cityGroups + welfareGroups).map { group in
            var smaller = group
            smaller.phrases = random.sample(group.phrases, count: 2)
            return smaller
        }
        return DemoPlanBlueprint(
            title: "\(lastYearNumber)年区《政府工作报告》重点工作责任分解方案", year: lastYearNumber,
            docNumber: "青政办〔\(lastYearNumber)〕4号", date: "\(lastYearNumber)-02-18",
            groups: Array(targets.prefix(6)) + keyWork + random.sample(livelihood, count: 6))
    }
}
