import DubanCore
import Fluent
import Foundation

/// Gathers what a bulletin is drafted from: where each task of the plan (or of a round's scope) stands at the
/// period's end by its reporting units' reports and figures, and a round's findings. Reads the same records as
/// the scores (`ScoreRecords`), so a bulletin and the period's scores never disagree about a report.
enum BulletinFactsQuery {
    static func load(
        plan: Plan, period: ReportingPeriod, round: SupervisionRound?, today: CalendarDay, on database: any Database
    ) async throws -> BulletinFacts {
        let planID = try plan.requireID()
        let reporting = try await PlanReporting.load(plan, on: database)
        var records = try await ScoreRecords.load(planID: planID, period: period, today: today, on: database)
            .filter(\.reports)
        var kinds: [String: TaskKind] = [:]
        var texts: [String: String] = [:]
        let duties: [TaskDuty]
        if let round {
            duties = try await RoundScope.duties(of: round, on: database)
        } else {
            duties = try await TaskDuty.load(.plan(planID), on: database).duties
        }
        for duty in duties {
            kinds[duty.taskID.uuidString] = TaskKind(rawValue: duty.kind) ?? .task
            texts[duty.taskID.uuidString] = duty.text
        }
        records = records.filter { kinds[$0.taskID] != nil }
        var order: [String] = []
        var byTask: [String: [DutyRecord]] = [:]
        for record in records {
            if byTask[record.taskID] == nil { order.append(record.taskID) }
            byTask[record.taskID, default: []].append(record)
        }
        let tasks = order.compactMap { taskID -> BulletinFacts.TaskFact? in
            guard let reporters = byTask[taskID], let first = reporters.first else { return nil }
            return fact(
                reporters, number: first.taskNumber, text: texts[taskID] ?? first.taskLabel,
                kind: kinds[taskID] ?? .task, period: period, today: today)
        }
        var facts = BulletinFacts(
            planTitle: plan.title, periodLabel: period.label, asOf: period.lastDay.chinese,
            expectedShare: reporting.rules.pace.expectedShare(at: period), tasks: tasks,
            qualityFlags: try await qualityFlags(planID: planID, period: period, taskIDs: Set(kinds.keys), on: database)
        )
        if let round {
            facts.roundTitle = round.title
            facts.findings = try await RoundQuery.findings(roundID: try round.requireID(), on: database).map {
                finding in
                BulletinFacts.FindingFact(
                    taskID: finding.$task.id.uuidString, taskNumber: finding.task.number,
                    unit: .init(id: finding.$unit.id.uuidString, name: finding.unit.name), problem: finding.problem,
                    due: CalendarDay(finding.dueOn)?.chineseMonthDay ?? finding.dueOn,
                    isClosed: finding.state == .closed,
                    isOverdue: (finding.deadline?.daysOverdue(on: today) ?? 0) > 0)
            }
        }
        return facts
    }

    /// The standing reports' quality flags of the period the 督查室 has not dismissed, on the tasks in view.
    private static func qualityFlags(
        planID: UUID, period: ReportingPeriod, taskIDs: Set<String>, on database: any Database
    ) async throws -> [BulletinFacts.QualityFact] {
        let flags = try await ReportFlag.query(on: database)
            .join(ProgressReport.self, on: \ReportFlag.$report.$id == \ProgressReport.$id)
            .join(TaskRecord.self, on: \ProgressReport.$task.$id == \TaskRecord.$id)
            .filter(TaskRecord.self, \.$plan.$id == planID).filter(ProgressReport.self, \.$period == period.key)
            .filter(ProgressReport.self, \.$state != .superseded).filter(\.$dismissedAt == nil)
            .with(\.$report, { $0.with(\.$task).with(\.$unit) }).sort(\.$createdAt).all()
        return flags.filter { taskIDs.contains($0.report.$task.id.uuidString) }.map { flag in
            BulletinFacts.QualityFact(
                taskID: flag.report.$task.id.uuidString, taskNumber: flag.report.task.number,
                unit: .init(id: flag.report.$unit.id.uuidString, name: flag.report.unit.name), kind: flag.kind,
                evidence: flag.evidence)
        }
    }

    /// One task from its reporting units' records: not reported when none filed; behind when any declared a
    /// delay, has a figure behind 序时 or did not file; completed when all say so; otherwise on 序时.
    private static func fact(
        _ reporters: [DutyRecord], number: String, text: String, kind: TaskKind, period: ReportingPeriod,
        today: CalendarDay
    ) -> BulletinFacts.TaskFact {
        let filed = reporters.compactMap(\.standing)
        let figures = filed.flatMap(\.figures)
        let standing: BulletinFacts.Standing
        if filed.isEmpty {
            standing = .unreported
        } else if filed.count < reporters.count || filed.contains(where: { $0.status.requiresReason })
            || figures.contains(where: { $0.standing == .behindPace })
        {
            standing = .behind
        } else if filed.allSatisfy({ $0.status == .completed }) {
            standing = .completed
        } else {
            standing = .onPace
        }
        let ahead = reporters.contains { record in
            ScoringFacts.events(record, period: period, today: today).contains {
                $0.kind == .completedEarly || $0.kind == .overTarget
            }
        }
        return BulletinFacts.TaskFact(
            taskID: reporters[0].taskID, number: number, text: text, kind: kind,
            units: reporters.map { .init(id: $0.unitID, name: $0.unitName) }, standing: standing,
            figures: figures.map {
                BulletinFacts.Figure(text: $0.text, target: $0.target, standing: $0.standing, gap: $0.gap)
            },
            reason: filed.map(\.reason).filter { !$0.isEmpty }.joined(separator: "；"),
            daysLate: reporters.compactMap(\.firstFiling?.daysLate).max() ?? 0, isAhead: ahead)
    }
}
