import DubanCore
import Fluent
import Foundation
import SQLKit

/// Reads, for one plan and period, every unit's part in every task in force as DubanCore's `DutyRecord`: its
/// role, the period's report versions and figures, its work plan when due in the period, the findings due in the
/// period and its praise in issued bulletins. A handful of queries per plan, whatever its size; the rules that
/// turn the records into points are DubanCore's (`ScoringFacts`).
enum ScoreRecords {
    /// The records, units in the order their tasks come, with the plan's reporting.
    static func load(
        planID: UUID, period: ReportingPeriod, today: CalendarDay, on database: any Database
    ) async throws -> [DutyRecord] {
        let (duties, plans) = try await TaskDuty.load(.plan(planID), on: database)
        guard let reporting = plans[planID], !duties.isEmpty else { return [] }
        let calendar = reporting.calendar
        let roles = try await Self.roles(planID: planID, on: database)
        let deadlines = try await Self.deadlines(planID: planID, on: database)
        let taskIDs = duties.map(\.taskID)
        let ledger = try await ReportLedger.load(taskIDs: taskIDs, on: database)
        let versions = try await Self.versions(planID: planID, period: period, on: database)
        let workPlans = try await Self.firstWorkPlans(planID: planID, on: database)
        let days = ScoringFacts.days(of: period)
        let findings = try await Self.findings(planID: planID, days: days, on: database)
        let praises = try await BulletinPraise.load(planID: planID, period: period, on: database)
        let flags = try await standingFlags(planID: planID, period: period, on: database)
        let order = ReportLedger.periodOrder(calendar)
        let position = order[period] ?? Int.max
        let workPlanDue = calendar.workPlanDue.flatMap { days.contains($0) ? $0 : nil }
        let due = calendar.deadline(for: period)?.due
        var records: [DutyRecord] = []
        for duty in duties {
            var targets: [QuantifiedTarget]?
            for unit in duty.units {
                let key = RoundQuery.TaskUnitKey(task: duty.taskID, unit: unit.id)
                let isReporter = duty.reporters.contains(unit)
                var record = DutyRecord(
                    taskID: duty.taskID.uuidString, taskNumber: duty.number, taskLabel: TaskNaming.words(duty.text),
                    unitID: unit.id.uuidString, unitName: unit.name,
                    role: roles[key] ?? (isReporter ? .lead : .responsible), reports: isReporter, due: due,
                    deadline: DeadlineDay.lastDay(of: deadlines[duty.taskID] ?? nil, planYear: reporting.year),
                    findings: findings[key] ?? [], praises: praises[key] ?? [])
                if isReporter {
                    let reports = ledger.reports(task: duty.taskID, unit: unit.id, order: order)
                        .filter { $0.state != .returned }
                    let earlier = reports.filter { (order[$0.period] ?? Int.max) < position }
                    if targets == nil, reports.contains(where: { !$0.actuals.isEmpty }) {
                        targets = TaskTargets.of(duty.text)
                    }
                    record.completedEarlier = earlier.contains { $0.status == .completed }
                    record.exceededEarlier = Set(
                        earlier.flatMap { entry in
                            figures(entry, targets: targets ?? [], pace: reporting.rules.pace)
                                .filter { $0.standing == .exceeded }.map(\.label)
                        })
                    if let standing = reports.first(where: { $0.period == period }),
                        let day = CalendarDay(standing.submittedOn)
                    {
                        record.standing = DutyRecord.Standing(
                            id: standing.reportID.uuidString, status: standing.status, day: day,
                            figures: figures(standing, targets: targets ?? [], pace: reporting.rules.pace),
                            reason: standing.reason)
                        record.flags = flags[standing.reportID] ?? []
                    }
                    let filed = versions[key] ?? Versions()
                    record.firstFiling = filed.first
                    record.returns = filed.returns
                    if let workPlanDue {
                        record.workPlan = DutyRecord.WorkPlanDuty(due: workPlanDue, filed: workPlans[key])
                    }
                }
                records.append(record)
            }
        }
        return records
    }

    /// The figures of a report measured against the task's targets at its period.
    static func figures(_ report: ReportLedger.Entry, targets: [QuantifiedTarget], pace: PaceRule)
        -> [DutyRecord.Figure]
    {
        report.actuals.compactMap { figure in
            self.figure(
                label: figure.label, unit: figure.unitOfMeasure, actual: figure.actual, targets: targets,
                period: report.period, pace: pace)
        }
    }

    /// One reported figure measured against the task's target of its label and unit; nil without a figure or a
    /// matching target.
    static func figure(
        label: String, unit: String, actual: Double?, targets: [QuantifiedTarget], period: ReportingPeriod,
        pace: PaceRule
    ) -> DutyRecord.Figure? {
        guard let actual, let target = targets.first(where: { $0.label == label && $0.unit == unit }) else {
            return nil
        }
        let attainment = PaceAttainment.assess(actual: actual, target: target, at: period, rule: pace)
        let reaches = target.comparison == .atMost ? actual <= target.value : actual >= target.value
        return DutyRecord.Figure(
            label: label, text: "\(label)\(TaskReportingQuery.format(actual))\(unit)", standing: attainment.standing,
            gap: attainment.gap, target: target.text, reachesTarget: reaches)
    }

    /// The quality flags the 督查室 has not dismissed on the plan's reports of the period, by report.
    private static func standingFlags(planID: UUID, period: ReportingPeriod, on database: any Database) async throws
        -> [UUID: [DutyRecord.Flag]]
    {
        let flags = try await ReportFlag.query(on: database)
            .join(ProgressReport.self, on: \ReportFlag.$report.$id == \ProgressReport.$id)
            .join(TaskRecord.self, on: \ProgressReport.$task.$id == \TaskRecord.$id)
            .filter(TaskRecord.self, \.$plan.$id == planID).filter(ProgressReport.self, \.$period == period.key)
            .filter(\.$dismissedAt == nil).sort(\.$createdAt).all()
        var result: [UUID: [DutyRecord.Flag]] = [:]
        for flag in flags {
            result[flag.$report.id, default: []].append(
                DutyRecord.Flag(id: try flag.requireID().uuidString, evidence: flag.evidence))
        }
        return result
    }

    /// Each unit's strongest role on each task of the plan (a unit named twice keeps the weightier role).
    private static func roles(planID: UUID, on database: any Database) async throws
        -> [RoundQuery.TaskUnitKey: AssignmentRole]
    {
        let rows = try await database.requireSQL().raw(
            """
            SELECT a.task_id, a.unit_id, a.role FROM task_assignments a JOIN tasks t ON t.id = a.task_id \
            WHERE t.plan_id = \(bind: planID)
            """
        ).all()
        var roles: [RoundQuery.TaskUnitKey: AssignmentRole] = [:]
        for row in rows {
            guard let role = AssignmentRole(rawValue: try row.decode(column: "role", as: String.self)) else {
                continue
            }
            let key = RoundQuery.TaskUnitKey(
                task: try row.decode(column: "task_id", as: UUID.self),
                unit: try row.decode(column: "unit_id", as: UUID.self))
            let rank = AssignmentRole.allCases.firstIndex(of:)
            if let held = roles[key], (rank(held) ?? 0) <= (rank(role) ?? 0) { continue }
            roles[key] = role
        }
        return roles
    }

    /// The printed 完成时限 of each task of the plan.
    private static func deadlines(planID: UUID, on database: any Database) async throws -> [UUID: String?] {
        var deadlines: [UUID: String?] = [:]
        for task in try await TaskRecord.query(on: database).filter(\.$plan.$id == planID).field(\.$id)
            .field(\.$deadline).all()
        {
            deadlines[try task.requireID()] = task.deadline
        }
        return deadlines
    }

    /// A unit's versions of a period's report on a task: the first filing and every return.
    struct Versions {
        var first: DutyRecord.Filing?
        var returns: [DutyRecord.Return] = []
    }

    /// Every version of the period's consolidated reports on the plan's tasks.
    private static func versions(planID: UUID, period: ReportingPeriod, on database: any Database) async throws
        -> [RoundQuery.TaskUnitKey: Versions]
    {
        let reports = try await ProgressReport.query(on: database)
            .join(TaskRecord.self, on: \ProgressReport.$task.$id == \TaskRecord.$id)
            .filter(TaskRecord.self, \.$plan.$id == planID).filter(\.$period == period.key)
            .filter(\.$kind == .report).sort(\.$version).all()
        var result: [RoundQuery.TaskUnitKey: Versions] = [:]
        for report in reports {
            let key = RoundQuery.TaskUnitKey(task: report.$task.id, unit: report.$unit.id)
            var versions = result[key] ?? Versions()
            let id = try report.requireID().uuidString
            if versions.first == nil, let day = CalendarDay(report.submittedOn) {
                versions.first = DutyRecord.Filing(id: id, day: day, daysLate: report.daysLate)
            }
            // A version reviewed and not accepted was returned, whether or not a revision has superseded it.
            if let reviewed = report.reviewedAt, report.state == .returned || report.state == .superseded {
                versions.returns.append(
                    DutyRecord.Return(id: id, day: CalendarDay(date: reviewed, timeZone: AppClock.timeZone)))
            }
            result[key] = versions
        }
        return result
    }

    /// Each unit's first work plan on each task of the plan: when it came in and how late.
    private static func firstWorkPlans(planID: UUID, on database: any Database) async throws
        -> [RoundQuery.TaskUnitKey: DutyRecord.Filing]
    {
        let plans = try await WorkPlan.query(on: database)
            .join(TaskRecord.self, on: \WorkPlan.$task.$id == \TaskRecord.$id)
            .filter(TaskRecord.self, \.$plan.$id == planID).filter(\.$version == 1).all()
        var result: [RoundQuery.TaskUnitKey: DutyRecord.Filing] = [:]
        for plan in plans {
            result[RoundQuery.TaskUnitKey(task: plan.$task.id, unit: plan.$unit.id)] = DutyRecord.Filing(
                id: try plan.requireID().uuidString,
                day: CalendarDay(date: plan.submittedAt, timeZone: AppClock.timeZone), daysLate: plan.daysLate)
        }
        return result
    }

    /// The findings of the plan's rounds whose 整改时限 falls in `days`, with the day each was first answered.
    private static func findings(planID: UUID, days: ClosedRange<CalendarDay>, on database: any Database)
        async throws -> [RoundQuery.TaskUnitKey: [DutyRecord.FindingDuty]]
    {
        let rows = try await RoundFinding.query(on: database)
            .join(SupervisionRound.self, on: \RoundFinding.$round.$id == \SupervisionRound.$id)
            .filter(SupervisionRound.self, \.$plan.$id == planID)
            .filter(\.$dueOn >= days.lowerBound.description).filter(\.$dueOn <= days.upperBound.description)
            .with(\.$responses).sort(\.$createdAt).all()
        var result: [RoundQuery.TaskUnitKey: [DutyRecord.FindingDuty]] = [:]
        for finding in rows {
            guard let due = CalendarDay(finding.dueOn) else { continue }
            let answered = finding.responses.compactMap { CalendarDay($0.submittedOn) }.min()
            result[RoundQuery.TaskUnitKey(task: finding.$task.id, unit: finding.$unit.id), default: []].append(
                DutyRecord.FindingDuty(
                    id: try finding.requireID().uuidString, problem: finding.problem, due: due, answered: answered))
        }
        return result
    }
}
