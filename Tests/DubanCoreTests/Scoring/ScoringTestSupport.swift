import DubanCore

/// The facts the scoring tests share: a district's development and reform bureau in the first quarter of 2026,
/// lead unit on two tasks and assisting on a third, with the events a 督查室 typically records.
enum ScoringFixtures {
    static let period = "2026年第一季度"

    /// 第12项, led by the unit: its quarterly report came in 5 days late and its growth rate is behind target.
    static let growthTask = ScoringItem(
        taskID: "task-12", taskNumber: "12", taskLabel: "全年地区生产总值增长8%左右", role: .lead,
        events: [
            ScoringEvent(
                kind: .reportLate, day: .iso("2026-04-25"), daysLate: 5,
                reference: ScoreReference(kind: .report, id: "report-12-q1"), detail: "第一季度"),
            ScoringEvent(
                kind: .behindPace, day: .iso("2026-03-31"),
                reference: ScoreReference(kind: .report, id: "report-12-q1"),
                detail: "地区生产总值增长7.1%，低于目标0.9个百分点"),
        ])

    /// 第15项, led by the unit: no work plan, but the figure beats the target and a bulletin praised it.
    static let tradeTask = ScoringItem(
        taskID: "task-15", taskNumber: "15", taskLabel: "外贸进出口总额增长10%", role: .lead,
        events: [
            ScoringEvent(
                kind: .workPlanMissing, day: .iso("2026-02-15"),
                reference: ScoreReference(kind: .workPlan, id: "plan-15")),
            ScoringEvent(
                kind: .overTarget, day: .iso("2026-03-31"),
                reference: ScoreReference(kind: .report, id: "report-15-q1"),
                detail: "外贸进出口总额增长12.3%，高于目标2.3个百分点"),
            ScoringEvent(
                kind: .praised, day: .iso("2026-04-10"), reference: ScoreReference(kind: .bulletin, id: "bulletin-3"),
                detail: "2026年第3期"),
        ])

    /// 第一、3项, where the unit only assists: its share of the report came in 2 days late.
    static let businessTask = ScoringItem(
        taskID: "task-1-3", taskNumber: "一、3", taskLabel: "持续优化营商环境", role: .assisting,
        events: [
            ScoringEvent(
                kind: .reportLate, day: .iso("2026-04-22"), daysLate: 2,
                reference: ScoreReference(kind: .report, id: "report-1-3-q1"), detail: "第一季度")
        ])

    /// The bureau's facts for the quarter.
    static let bureau = UnitPeriodFacts(
        unitID: "unit-fgj", unitName: "区发展改革局", periodLabel: period,
        items: [growthTask, tradeTask, businessTask])

    /// A unit with one task and the given events, as `role`.
    static func unit(
        _ name: String, role: AssignmentRole = .lead, events: [ScoringEvent], period: String = period
    ) -> UnitPeriodFacts {
        UnitPeriodFacts(
            unitID: "unit-\(name)", unitName: name, periodLabel: period,
            items: [
                ScoringItem(
                    taskID: "task-8", taskNumber: "8", taskLabel: "新增城镇就业1.2万人", role: role, events: events)
            ])
    }

    /// A report late by `days`, for the tests that only care about the points.
    static func lateReport(_ days: Int?, id: String = "report") -> ScoringEvent {
        ScoringEvent(
            kind: .reportLate, daysLate: days, reference: ScoreReference(kind: .report, id: id), detail: "第一季度")
    }
}

extension UnitScore {
    /// The lines' points added in hundredths, the way a clerk checks a score by hand.
    var lineSumInHundredths: Int {
        lines.reduce(0) { $0 + Int(($1.points * 100).rounded()) }
    }

    /// The points of the rule lines, in order.
    var rulePoints: [Double] {
        lines.filter { $0.kind.rule != nil }.map(\.points)
    }
}
