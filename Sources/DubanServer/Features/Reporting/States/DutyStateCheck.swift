import DubanCore
import Fluent
import Foundation
import SQLKit

/// Proves the stored lights: for every plan marked current, works its facts out again from the raw rows, as of
/// the day the mark names, and lists every duty where the two disagree. The test suite runs it after every test
/// that used the application, so a writer that changes what a light depends on without reworking or marking
/// its plan fails the test that exercised it; an operator runs it with `duban check-lights`.
public enum DutyStateCheck {
    /// One disagreement, in words: "plan 3F…: task 9A…, unit 12…: stored red, worked out yellow".
    public static func differences(on database: any Database) async throws -> [String] {
        let sql = try database.requireSQL()
        var result: [String] = []
        for mark in try await sql.raw("SELECT plan_id, as_of FROM duty_state_marks WHERE as_of <> ''").all() {
            let planID = try mark.decode(column: "plan_id", as: UUID.self)
            guard let today = CalendarDay(try mark.decode(column: "as_of", as: String.self)) else { continue }
            result += try await differences(planID: planID, today: today, on: database)
        }
        return result
    }

    /// How many plans hold stored lights marked current.
    static func currentPlans(on database: any Database) async throws -> Int {
        try await database.requireSQL().raw("SELECT COUNT(*) AS n FROM duty_state_marks WHERE as_of <> ''").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// The disagreements of one plan's stored facts with those worked out as of `today`.
    static func differences(planID: UUID, today: CalendarDay, on database: any Database) async throws -> [String] {
        let worked = try await DutyStates.workedOut(.plan(planID), today: today, on: database)
        let stored = try await storedFacts(planID: planID, on: database)
        var result: [String] = []
        let workedLights = Dictionary(worked.lights.map { ("\($0.taskID) \($0.unitID)", $0) }) { first, _ in first }
        let storedLights = Dictionary(stored.lights.map { ("\($0.taskID) \($0.unitID)", $0) }) { first, _ in first }
        for key in Set(workedLights.keys).union(storedLights.keys).sorted()
        where workedLights[key] != storedLights[key] {
            result.append(
                "plan \(planID) \(today): duty \(key): stored \(describe(storedLights[key])), worked out \(describe(workedLights[key]))"
            )
        }
        let workedPeriods = Set(worked.periods.map { "\($0)" })
        let storedPeriods = Set(stored.periods.map { "\($0)" })
        for fact in workedPeriods.symmetricDifference(storedPeriods).sorted() {
            result.append(
                "plan \(planID): period fact \(workedPeriods.contains(fact) ? "missing" : "not worked out"): \(fact)")
        }
        return result
    }

    private static func describe(_ fact: DutyStates.Fact?) -> String {
        guard let fact else { return "nothing" }
        return
            "\(fact.light.rawValue) (\(fact.shownLight)) bucket \(fact.bucket) overdue \(fact.overdue) late \(fact.lateReports) "
            + "\(fact.reasons) | \(fact.nextDue) | \(fact.lastReport) | \(fact.figures) | \(fact.reminder)"
    }

    private static func storedFacts(planID: UUID, on database: any Database) async throws -> (
        lights: [DutyStates.Fact], periods: [DutyStates.PeriodFact]
    ) {
        let lights = try await DutyState.query(on: database).filter(\.$planID == planID).all().map { row in
            DutyStates.Fact(
                taskID: row.taskID, unitID: row.unitID, planID: row.planID, governmentID: row.governmentID,
                light: TrafficLight(rawValue: row.light) ?? .green, bucket: row.bucket, shownLight: row.shownLight,
                reasons: row.reasons, nextDue: row.nextDue, lastReport: row.lastReport, figures: row.figures,
                overdue: row.overdue, lateReports: row.lateReports,
                reminder: ReminderFacts(
                    reportDue: row.reportDue, period: row.reportPeriod, workPlanDue: row.workPlanDue,
                    reminderDays: row.reminderDays))
        }
        let periods = try await DutyPeriodState.query(on: database).filter(\.$planID == planID).all().map { row in
            DutyStates.PeriodFact(
                taskID: row.taskID, unitID: row.unitID, planID: row.planID, period: row.period, onTime: row.onTime,
                figures: row.figures, figuresOnPace: row.figuresOnPace)
        }
        return (lights, periods)
    }
}
