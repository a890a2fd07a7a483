import DubanCore
import Fluent
import Foundation
import SQLKit

/// The stored lights of reporting duties: each (task, unit)'s light and period facts, worked out with the same
/// code as every page (`DutyStatus.board`) and kept in `duty_states` so the 督办 overview and its charts count
/// them by SQL. A light changes with the day (a due day passes), so each plan carries the day its rows hold
/// (`duty_state_marks`):
/// - a reader first makes its plans current (`current(planIDs:)`), working out a stale plan whole, once a day or
///   after a change to its structure — the background job does this before the office opens a page;
/// - a filing or review reworks its own task inside its own transaction (`refresh(taskID:)`), so a current plan
///   stays current;
/// - a change to what the lights depend on beyond one task (rules, tasks, units, findings) marks the plan stale
///   (`invalidate`), and the next reader works it out again.
///
/// Whatever changes a light changes the plan's scores too: every `refresh` and `invalidate` also counts up the
/// plan's score generation (`ScoreInputs`).
///
/// Writers of one plan take turns on its mark row (an `UPDATE` locks it on PostgreSQL; SQLite writes take turns
/// anyway), so a plan worked out from rows read before a filing committed never overwrites that filing's light.
enum DutyStates {
    static let marksSchema = "duty_state_marks"

    /// One duty's stored light.
    struct Fact: Sendable, Equatable {
        var taskID: UUID
        var unitID: UUID
        var planID: UUID
        var governmentID: UUID
        var light: TrafficLight
        var bucket: Int
        var shownLight: String
        var reasons: String
        var nextDue: String
        var lastReport: String
        var figures: String
        var overdue: Bool
        var lateReports: Int
        /// What the reminders job reads instead of the board.
        var reminder: ReminderFacts
        var severity: Int { light.severity }
    }

    /// One duty's stored filing of one period.
    struct PeriodFact: Sendable, Equatable {
        var taskID: UUID
        var unitID: UUID
        var planID: UUID
        var period: String
        var onTime: Bool
        var figures: Int
        var figuresOnPace: Int
    }

    /// The facts of a board as of `today`, worked out as the pages work them out.
    static func facts(_ board: [DutyStatus], plans: [UUID: PlanReporting], today: CalendarDay)
        -> (lights: [Fact], periods: [PeriodFact])
    {
        var lights: [Fact] = []
        var periods: [PeriodFact] = []
        var targets: [UUID: [QuantifiedTarget]] = [:]
        for status in board {
            guard let reporting = plans[status.duty.planID] else { continue }
            let desk = DeskQuery.row(of: status, today: today, titles: [:])
            lights.append(
                Fact(
                    taskID: status.duty.taskID, unitID: status.unit.id, planID: status.duty.planID,
                    governmentID: reporting.governmentID, light: status.light,
                    bucket: SupervisionCharts.bucket(status), shownLight: status.shownLight,
                    reasons: desk.reasons, nextDue: desk.next, lastReport: desk.lastReport,
                    figures: LatestFigures.of(status) ?? "",
                    overdue: status.assessment.reasons.contains { if case .overdue = $0 { true } else { false } },
                    lateReports: status.reports.filter { $0.daysLate > 0 }.count, reminder: ReminderFacts(status)))
            var seen = Set<ReportingPeriod>()
            for report in status.reports where seen.insert(report.period).inserted {
                var fact = PeriodFact(
                    taskID: status.duty.taskID, unitID: status.unit.id, planID: status.duty.planID,
                    period: report.period.key, onTime: report.daysLate == 0, figures: 0, figuresOnPace: 0)
                if let standing = status.reports.first(where: { $0.period == report.period && $0.state != .returned }),
                    standing.actuals.contains(where: { $0.actual != nil })
                {
                    let taskTargets = targets[status.duty.taskID] ?? TaskTargets.of(status.duty.text)
                    targets[status.duty.taskID] = taskTargets
                    for figure in ScoreRecords.figures(standing, targets: taskTargets, pace: reporting.rules.pace) {
                        fact.figures += 1
                        if figure.standing != .behindPace { fact.figuresOnPace += 1 }
                    }
                }
                periods.append(fact)
            }
        }
        return (lights, periods)
    }

    /// Makes the plans' stored facts those of `today`, working out each plan that is stale; returns at once
    /// when all are current (one query).
    static func current(planIDs: [UUID], today: CalendarDay, on database: any Database) async throws {
        guard !planIDs.isEmpty else { return }
        let fresh = try await plansCurrent(planIDs, today: today, on: database)
        for planID in planIDs where !fresh.contains(planID) {
            try await database.writeTransaction { database in
                guard try await lock(planID, on: database) != today.description else { return }
                try await store(.plan(planID), planID: planID, today: today, on: database)
                try await database.requireSQL().raw(
                    "UPDATE duty_state_marks SET as_of = \(bind: today.description) WHERE plan_id = \(bind: planID)"
                ).run()
            }
        }
    }

    /// Works out one task's facts again after a filing or a review, inside the writer's transaction; nothing to
    /// do when its plan is stale (the next reader works out the whole plan).
    static func refresh(taskID: UUID, planID: UUID, today: CalendarDay, on database: any Database) async throws {
        // Counting the score generation up creates and takes the plan's mark row, as `lock` would.
        try await ScoreInputs.changed(planIDs: [planID], on: database)
        guard try await asOf(planID, on: database) == today.description else { return }
        try await store(.tasks([taskID]), planID: planID, today: today, on: database)
    }

    /// The same for a task whose plan the caller does not have at hand.
    static func refresh(taskID: UUID, today: CalendarDay, on database: any Database) async throws {
        let row = try await database.requireSQL().raw("SELECT plan_id FROM tasks WHERE id = \(bind: taskID)").first()
        guard let planID = try row?.decode(column: "plan_id", as: UUID.self) else { return }
        try await refresh(taskID: taskID, planID: planID, today: today, on: database)
    }

    /// Marks plans stale: what their lights depend on changed beyond one task.
    static func invalidate(planIDs: [UUID], on database: any Database) async throws {
        guard !planIDs.isEmpty else { return }
        try await ScoreInputs.changed(planIDs: planIDs, on: database)
        try await database.requireSQL().raw(
            "UPDATE duty_state_marks SET as_of = '' WHERE plan_id IN (\(binds: planIDs))"
        ).run()
    }

    /// Marks every plan of a government stale (a unit merged, a 督查 finding recorded or closed).
    static func invalidate(governmentID: UUID, on database: any Database) async throws {
        try await ScoreInputs.changed(governmentID: governmentID, on: database)
        try await database.requireSQL().raw(
            """
            UPDATE duty_state_marks SET as_of = '' \
            WHERE plan_id IN (SELECT id FROM plans WHERE government_id = \(bind: governmentID))
            """
        ).run()
    }

    /// Marks the plans of these tasks stale.
    static func invalidate(taskIDs: [UUID], on database: any Database) async throws {
        guard !taskIDs.isEmpty else { return }
        try await ScoreInputs.changed(taskIDs: taskIDs, on: database)
        try await database.requireSQL().raw(
            """
            UPDATE duty_state_marks SET as_of = '' \
            WHERE plan_id IN (SELECT plan_id FROM tasks WHERE id IN (\(binds: taskIDs)))
            """
        ).run()
    }

    /// The plans among `planIDs` whose facts are those of `today`.
    static func plansCurrent(_ planIDs: [UUID], today: CalendarDay, on database: any Database) async throws
        -> Set<UUID>
    {
        let rows = try await database.requireSQL().raw(
            """
            SELECT plan_id FROM duty_state_marks \
            WHERE plan_id IN (\(binds: planIDs)) AND as_of = \(bind: today.description)
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "plan_id", as: UUID.self) })
    }

    /// Takes the plan's mark row for this transaction (creating it), so writers of the plan take turns;
    /// returns the day its facts hold ("" when stale).
    private static func lock(_ planID: UUID, on database: any Database) async throws -> String {
        let sql = try database.requireSQL()
        try await DutyStateMarks.ensure(planID, on: sql)
        try await sql.raw("UPDATE duty_state_marks SET as_of = as_of WHERE plan_id = \(bind: planID)").run()
        return try await asOf(planID, on: database)
    }

    /// The day the plan's facts hold ("" when stale or unmarked), read by a caller that holds its mark row.
    private static func asOf(_ planID: UUID, on database: any Database) async throws -> String {
        let row = try await database.requireSQL().raw(
            "SELECT as_of FROM duty_state_marks WHERE plan_id = \(bind: planID)"
        ).first()
        return try row?.decode(column: "as_of", as: String.self) ?? ""
    }

    /// The facts of the scope's tasks worked out now from the raw rows: what `store` writes and what
    /// `DutyStateCheck` compares the stored rows with.
    static func workedOut(_ scope: TaskDuty.Scope, today: CalendarDay, on database: any Database) async throws
        -> (lights: [Fact], periods: [PeriodFact])
    {
        let (duties, plans) = try await TaskDuty.load(scope, on: database)
        let board = try await DutyStatus.board(duties, plans: plans, today: today, on: database)
        return facts(board, plans: plans, today: today)
    }

    /// Replaces the stored facts of the scope's tasks with those worked out now.
    private static func store(_ scope: TaskDuty.Scope, planID: UUID, today: CalendarDay, on database: any Database)
        async throws
    {
        let (lights, periods) = try await workedOut(scope, today: today, on: database)
        let sql = try database.requireSQL()
        switch scope {
        case .tasks(let ids) where !ids.isEmpty:
            try await sql.raw("DELETE FROM duty_states WHERE task_id IN (\(binds: ids))").run()
            try await sql.raw("DELETE FROM duty_period_states WHERE task_id IN (\(binds: ids))").run()
        default:
            try await sql.raw("DELETE FROM duty_states WHERE plan_id = \(bind: planID)").run()
            try await sql.raw("DELETE FROM duty_period_states WHERE plan_id = \(bind: planID)").run()
        }
        for chunk in lights.map(DutyState.init).chunked(1_000) { try await chunk.create(on: database) }
        for chunk in periods.map(DutyPeriodState.init).chunked(1_000) { try await chunk.create(on: database) }
    }
}
