import DubanCore
import Fluent
import Foundation

/// This year's reporting history for the demo, so the desks, the oversight view and the lights show a
/// believable mid-year office: most work plans and reports filed on time, some late, a few slipping, a few
/// returned, some contributions, and the reminders of the demo's "today". Filed through the same services as
/// real filings, on the days they would have been filed, and the same on every run (seeded).
enum DemoReporting {
    /// Files the history of the plan up to `today`; `closed` plans (last year's) were seen through to the end,
    /// so nothing is left missing and most tasks end completed. Reminders are left to `remind`.
    static func seed(planID: UUID, today: CalendarDay, closed: Bool = false, seed: UInt64, on database: any Database)
        async throws
    {
        var random = SeededRandom(seed: seed)
        let (duties, plans) = try await TaskDuty.load(.plan(planID), on: database)
        guard let reporting = plans[planID] else { return }
        let calendar = reporting.calendar
        let reviewer = try await User.query(on: database).filter(\.$username == "admin").first()
        let reviewerActor = AuditActor(
            userID: reviewer?.id, name: reviewer.map { "\($0.displayName)（\($0.username)）" } ?? "督查室")
        func filer(_ unit: TaskDuty.UnitRef, on day: CalendarDay, hour: Int) -> ReportFiling.Filer {
            let now = stamp(day, hour: hour)
            return .init(
                userID: nil, actor: AuditActor(userID: nil, name: "\(unit.name)经办人"), requestID: nil, now: now,
                today: day)
        }
        // Work plans, a few days before the due day; some late, some missing.
        if let due = calendar.workPlanDue, due < today {
            for duty in duties {
                for unit in duty.reporters {
                    let roll = random.int(in: 0...99)
                    guard roll < 95 else { continue }
                    let day =
                        roll < 88 ? due.adding(days: -random.int(in: 1...6)) : due.adding(days: random.int(in: 2...9))
                    let plan = try await WorkPlanFiling.submit(
                        workItems(for: duty, random: &random), taskID: duty.taskID, unitID: unit.id,
                        by: filer(unit, on: day, hour: 10), context: (duty, reporting), on: database)
                    let reviewDay = day.adding(days: random.int(in: 3...12))
                    let decision = random.int(in: 0...99)
                    guard reviewDay < today, decision < 95 else { continue }
                    let now = stamp(reviewDay, hour: 10)
                    _ = try await Review.perform(
                        WorkPlan.self, id: try plan.requireID(), accept: closed || decision >= 4,
                        comment: closed || decision >= 4 ? "" : "请细化时间节点，明确每项工作的责任科室。",
                        by: .init(
                            userID: reviewer?.id, actor: reviewerActor, requestID: nil, now: now, today: reviewDay),
                        governmentID: reporting.governmentID, on: database)
                }
            }
        }
        // Reports for every period already due; the latest one still open for a few units. Figures come from
        // a generator of their own, so adding them left the rest of the history as it was.
        var figures = SeededRandom(seed: seed &+ 7)
        var targets: [UUID: [QuantifiedTarget]] = [:]
        let past = calendar.deadlines.filter { $0.due < today }
        for (index, deadline) in past.enumerated() {
            let isLatest = index == past.count - 1
            for duty in duties {
                for unit in duty.reporters {
                    let roll = random.int(in: 0...99)
                    if isLatest, !closed, roll >= 93 { continue }
                    let late = roll >= 85
                    let day =
                        late
                        ? deadline.due.adding(days: random.int(in: 1...8))
                        : deadline.due.adding(days: -random.int(in: 1...6))
                    guard day <= today else { continue }
                    var status = status(roll: random.int(in: 0...99), period: index, of: past.count)
                    if closed, isLatest, status != .impossible { status = .completed }
                    let taskTargets = targets[duty.taskID] ?? TaskTargets.of(duty.text)
                    targets[duty.taskID] = taskTargets
                    let actuals = DemoFigures.actuals(
                        for: taskTargets, period: deadline.period, status: status, pace: reporting.rules.pace,
                        random: &figures)
                    let report = try await ReportFiling.submit(
                        .init(
                            period: deadline.period, status: status,
                            reason: status.requiresReason ? reasons[random.int(in: 0...(reasons.count - 1))] : "",
                            narrative: DemoNarratives.text(
                                for: duty, period: deadline.period, status: status, actuals: actuals,
                                random: &figures),
                            actuals: actuals, newFiles: [], keptAttachmentIDs: []),
                        taskID: duty.taskID, unitID: unit.id, by: filer(unit, on: day, hour: 15),
                        context: (duty, reporting), on: database)
                    // The 督查室 reviews within ten days; a few go back for more detail.
                    let reviewDay = day.adding(days: random.int(in: 2...10))
                    guard reviewDay < today else { continue }
                    let decision = random.int(in: 0...99)
                    guard closed || decision < 92 else { continue }
                    let now = stamp(reviewDay, hour: 11)
                    let accept = closed || decision >= 6
                    let review = ReportFiling.Filer(
                        userID: reviewer?.id, actor: reviewerActor, requestID: nil, now: now, today: reviewDay)
                    _ = try await Review.perform(
                        ProgressReport.self, id: try report.requireID(), accept: accept,
                        comment: accept ? "" : "请补充量化指标完成数和佐证材料。", by: review,
                        governmentID: reporting.governmentID, on: database)
                    // Most returned reports are revised within a week and then accepted; the latest few wait.
                    let fixDay = reviewDay.adding(days: random.int(in: 2...6))
                    guard !accept, fixDay < today, random.chance(0.85) else { continue }
                    let fixed = try await ReportFiling.submit(
                        .init(
                            period: deadline.period, status: report.status, reason: report.reason,
                            narrative: report.narrative + "已按督查室意见补充量化指标完成数和佐证材料。", actuals: actuals,
                            newFiles: [], keptAttachmentIDs: []),
                        taskID: duty.taskID, unitID: unit.id, by: filer(unit, on: fixDay, hour: 16),
                        context: (duty, reporting), on: database)
                    let acceptDay = fixDay.adding(days: random.int(in: 1...4))
                    guard acceptDay < today else { continue }
                    _ = try await Review.perform(
                        ProgressReport.self, id: try fixed.requireID(), accept: true, comment: "",
                        by: .init(
                            userID: reviewer?.id, actor: reviewerActor, requestID: nil,
                            now: stamp(acceptDay, hour: 10), today: acceptDay),
                        governmentID: reporting.governmentID, on: database)
                }
                // A third of the co-units send their contribution for the latest period.
                guard isLatest else { continue }
                for unit in duty.contributors where random.chance(0.3) {
                    let day = deadline.due.adding(days: -random.int(in: 5...10))
                    _ = try await ReportFiling.submit(
                        .init(
                            period: deadline.period, status: .onSchedule, reason: "",
                            narrative: "\(unit.name)配合完成相关工作，已将本单位负责部分的进展和数据提供给牵头单位。",
                            actuals: [], newFiles: [], keptAttachmentIDs: []),
                        taskID: duty.taskID, unitID: unit.id, by: filer(unit, on: day, hour: 9),
                        context: (duty, reporting), on: database)
                }
            }
        }
    }

    /// The reminders of the demo's today, as the job would have sent them this morning; what arrived more than
    /// two weeks before counts as read, as it would be in an office that uses Duban daily.
    static func remind(today: CalendarDay, on database: any Database) async throws {
        let now = stamp(today, hour: 8)
        let twoWeeksAgo = AppClock.moment(today.adding(days: -14), hour: 0)
        try await Notification.query(on: database).filter(\.$createdAt < twoWeeksAgo).filter(\.$readAt == nil)
            .set(\.$readAt, to: now).update()
        try await ReminderEngine.run(now: now, today: today, on: database)
    }

    /// `hour` o'clock on `day`, but never later than the real time: a demo built at 04:50 Beijing time must
    /// not show a reminder or a filing stamped 08:00 that morning, hours in the future.
    static func stamp(_ day: CalendarDay, hour: Int, now: Date = AppClock.system.now()) -> Date {
        max(day.startDate(in: AppClock.timeZone), min(AppClock.moment(day, hour: hour), now))
    }

    private static let reasons = [
        "项目用地报批手续尚在办理，开工时间推迟。", "上级资金尚未下达，部分子项目暂缓实施。",
        "受施工季节影响，工程进度慢于计划。", "涉及多部门协调，方案仍在征求意见。",
    ]

    /// Mostly on schedule; a few slipping; more completed towards the year's end.
    private static func status(roll: Int, period: Int, of count: Int) -> ReportStatus {
        if roll < 7 { return .behind }
        if roll < 9 { return period == 0 ? .notStarted : .behind }
        if roll < 10 { return .impossible }
        if period >= 2, roll >= 75 { return .completed }
        return .onSchedule
    }

    private static func workItems(for duty: TaskDuty, random: inout SeededRandom) -> [WorkPlanFiling.Item] {
        [
            .init(content: "制定工作方案，明确目标、措施和时间节点", plannedMonth: 3, leader: "分管副局长", department: "综合科"),
            .init(content: "推进实施，按月调度进展", plannedMonth: random.int(in: 6...9), leader: "分管副局长", department: "业务科"),
            .init(content: "完成年度目标并总结", plannedMonth: 12, leader: "主要负责人", department: "办公室"),
        ]
    }
}
