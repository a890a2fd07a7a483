import DubanCore
import Fluent
import Foundation

/// What the demo's 督查室 did with this year's plan besides collecting reports: two quarterly 督查 rounds with
/// their findings and 整改 (answered, late, reopened, closed, one still overdue), a 督查通报 for each quarter from
/// the second on, each quarter's scores published after them, and the year's once the last report is in. Each step happens only if its day has
/// come by the demo's today, through the same services an office uses, stamped with its own day.
enum DemoSupervision {
    /// The rounds, the bulletins and the scores, in the order their days fall.
    static func seed(planID: UUID, today: CalendarDay, seed: UInt64, on database: any Database) async throws {
        guard let plan = try await Plan.find(planID, on: database) else { return }
        let reporting = try await PlanReporting.load(plan, on: database)
        let admin = try await User.query(on: database).filter(\.$username == "admin").first()
        let actor = AuditActor(
            userID: admin?.id, name: admin.map { "\($0.displayName)（\($0.username)）" } ?? "督查室")
        func office(_ day: CalendarDay, hour: Int = 10) -> ReportFiling.Filer {
            .init(
                userID: admin?.id, actor: actor, requestID: nil, now: DemoReporting.stamp(day, hour: hour), today: day)
        }
        let deadlines = Dictionary(
            reporting.calendar.deadlines.map { ($0.period.index, $0.due) }, uniquingKeysWith: { first, _ in first })
        var random = SeededRandom(seed: seed)
        let duties = try await TaskDuty.load(.plan(planID), on: database).duties.filter { !$0.reporters.isEmpty }

        // 第一季度: scores published ten days after the reports were due.
        if let due = deadlines[1] {
            try await publish(plan, index: 1, on: due.adding(days: 10), today: today, by: office, on: database)
        }
        // 第二、三季度: a round after the reports, findings with their 整改, a bulletin, then the scores; 第四季度 (or
        // 全年): a bulletin and the scores, then the year's.
        for (index, stories) in [(2, secondQuarter), (3, thirdQuarter), (4, [])] {
            guard let due = deadlines[index], due.adding(days: 1) <= today else { continue }
            if !stories.isEmpty {
                let round = try await Rounds.start(
                    .init(
                        kind: .quarterly, title: "\(reporting.year)年第\(["", "一", "二", "三"][index])季度重点督查",
                        startsOn: due.adding(days: 1).description, endsOn: due.adding(days: 10).description,
                        inspectors: "区政府督查室 王敏、张强；区发展和改革局 陈晨", planID: planID, sectionID: nil,
                        unitIDs: []),
                    governmentID: reporting.governmentID, by: office(due.adding(days: 1)), on: database)
                let chosen = pick(duties, count: stories.count, favouring: index == 3 ? "区发展和改革局" : nil, &random)
                for (story, duty) in zip(stories, chosen) {
                    try await play(
                        story, on: duty, in: round, raisedOn: due.adding(days: 8), today: today, by: office,
                        on: database)
                }
                let ended = due.adding(days: 10)
                if ended < today { try await Rounds.close(round, by: office(ended.adding(days: 1)), on: database) }
            }
            let issued = due.adding(days: 16)
            if issued <= today,
                let period = reporting.calendar.deadlines.first(where: { $0.period.index == index })?.period
            {
                let bulletin = try await Bulletins.draft(
                    .init(planID: planID, period: period.key), governmentID: reporting.governmentID,
                    by: office(issued, hour: 9), on: database)
                try await Bulletins.issue(bulletin, by: office(issued, hour: 16), on: database)
            }
            try await publish(plan, index: index, on: due.adding(days: 21), today: today, by: office, on: database)
        }
        if let due = deadlines[4], due.adding(days: 25) <= today {
            let day = due.adding(days: 25)
            let periods = Scores.periods(of: reporting)
            let year = try await Scores.year(plan: plan, periods: periods, today: day, on: database)
            _ = try await Scores.publish(
                year.ranked, span: .year(plan.year), plan: plan, by: office(day, hour: 16), on: database)
        }
        // This year's progress is public, as many districts publish theirs.
        try await PublicSharing.set(
            plan, published: true, token: "qingxi-\(reporting.year)", actor: actor, requestID: nil,
            at: DemoReporting.stamp(reporting.calendar.deadlines.first?.due ?? today, hour: 17), on: database)
        // A draft on the latest round, being written today.
        if let round = try await SupervisionRound.query(on: database).filter(\.$plan.$id == planID)
            .sort(\.$startsOn, .descending).first(), let ends = CalendarDay(round.endsOn), ends.adding(days: 5) < today
        {
            _ = try await Bulletins.draft(
                .init(roundID: try round.requireID()), governmentID: reporting.governmentID, by: office(today, hour: 9),
                on: database)
        }
    }

    /// How one finding goes: the days (after it was raised) the unit answers, and what the 督查室 decides when.
    struct Story {
        var problem: String
        var requirement: String
        /// Days from raising to the 整改时限.
        var allowed: Int
        /// Each answer and the decision on it, in days after raising; a nil decision leaves it awaiting review.
        var steps: [(answer: Int, decision: Findings.Decision?, decidedAfter: Int, text: String)]
    }

    static let secondQuarter = [
        Story(
            problem: "工作台账不完整，部分节点无佐证材料", requirement: "补齐工作台账和佐证材料", allowed: 14,
            steps: [(10, .close, 2, "已补齐1—6月工作台账，佐证材料已上传。")]),
        Story(
            problem: "项目进度慢于序时，未制定追赶措施", requirement: "制定追赶措施，明确时间节点", allowed: 14,
            steps: [(17, .close, 2, "已制定追赶措施，倒排工期至11月底。")]),
        Story(
            problem: "报送的完成情况缺少量化数据", requirement: "补充量化指标完成数", allowed: 10,
            steps: [(6, .reopen, 2, "已补充说明。"), (14, .close, 3, "已补充完成数和统计口径。")]),
        Story(
            problem: "惠企资金兑现清单未公开", requirement: "在区政府网站公开兑现清单", allowed: 14,
            steps: [(9, .close, 3, "已在区政府网站公开兑现清单。")]),
    ]

    static let thirdQuarter = [
        Story(
            problem: "重点项目开工率低于序时进度", requirement: "逐个项目明确开工时间，落实要素保障", allowed: 21,
            steps: []),
        Story(
            problem: "民生项目选址未公示", requirement: "完成选址公示并报送公示材料", allowed: 21,
            steps: [(16, .close, 3, "已完成选址公示，公示期满无异议。")]),
        Story(
            problem: "月度调度会议纪要缺失", requirement: "补齐调度会议纪要", allowed: 21,
            steps: [(20, nil, 0, "已补齐7—9月调度会议纪要。")]),
    ]

    /// Raises the finding and plays its story up to today.
    private static func play(
        _ story: Story, on duty: TaskDuty, in round: SupervisionRound, raisedOn: CalendarDay, today: CalendarDay,
        by office: (CalendarDay, Int) -> ReportFiling.Filer, on database: any Database
    ) async throws {
        guard raisedOn <= today, let unit = duty.reporters.first else { return }
        let finding = try await Findings.raise(
            .init(
                taskID: duty.taskID, unitID: unit.id, problem: story.problem, requirement: story.requirement,
                dueOn: raisedOn.adding(days: story.allowed).description),
            in: round, by: office(raisedOn, 15), on: database)
        for step in story.steps {
            let answered = raisedOn.adding(days: step.answer)
            guard answered <= today else { return }
            let clerk = ReportFiling.Filer(
                userID: nil, actor: AuditActor(userID: nil, name: "\(unit.name)经办人"), requestID: nil,
                now: DemoReporting.stamp(answered, hour: 11), today: answered)
            _ = try await Findings.answer(
                finding, text: step.text, files: [], unitName: unit.name, by: clerk, on: database)
            let decided = answered.adding(days: step.decidedAfter)
            guard let decision = step.decision, decided <= today else { return }
            try await Findings.review(
                finding, decision: decision, comment: decision == .reopen ? "整改材料不完整，请补充量化数据。" : "整改到位。",
                newDue: decision == .reopen ? decided.adding(days: 10).description : "", by: office(decided, 10),
                on: database)
        }
    }

    /// Distinct tasks for the findings; the first by `unit` when given, so its desk shows an open finding.
    private static func pick(_ duties: [TaskDuty], count: Int, favouring unit: String?, _ random: inout SeededRandom)
        -> [TaskDuty]
    {
        var chosen: [TaskDuty] = []
        if let unit, let first = duties.first(where: { $0.reporters.contains { $0.name == unit } }) {
            chosen.append(first)
        }
        let others = duties.filter { duty in !chosen.contains { $0.taskID == duty.taskID } }
        return chosen + random.sample(others, count: count - chosen.count)
    }

    /// Publishes the quarter's (or the whole year's report's) scores as computed on `day`, when that day has come.
    private static func publish(
        _ plan: Plan, index: Int, on day: CalendarDay, today: CalendarDay,
        by office: (CalendarDay, Int) -> ReportFiling.Filer, on database: any Database
    ) async throws {
        guard day <= today else { return }
        let reporting = try await PlanReporting.load(plan, on: database)
        guard let period = reporting.calendar.deadlines.first(where: { $0.period.index == index })?.period else {
            return
        }
        let ranked = try await Scores.current(plan: plan, period: period, today: day, on: database)
        _ = try await Scores.publish(ranked, span: .period(period), plan: plan, by: office(day, 16), on: database)
    }
}
