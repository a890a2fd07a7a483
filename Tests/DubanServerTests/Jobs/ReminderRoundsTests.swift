@testable import DubanCore
@testable import DubanServer
import Fluent
import Foundation
import Testing

/// The reminders job reads a government's reminders again only when what they depend on has changed.
@Suite("Reminder rounds")
struct ReminderRoundsTests {
    @Test(
        "A round skips a government whose plans and day are unchanged; a change or a new day works it out again",
        arguments: TestDatabase.available)
    func skipsUnchanged(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let rounds = ReminderRounds()
            let day = try #require(CalendarDay("2026-04-10"))
            let now = AppClock.moment(day, hour: 9)
            // act
            try await ReminderEngine.run(now: now, today: day, on: app.db, rounds: rounds)
            let first = rounds.governmentsRead
            try await ReminderEngine.run(now: now, today: day, on: app.db, rounds: rounds)
            let unchanged = rounds.governmentsRead
            try await ScoreInputs.changed(planIDs: [sample.mainPlanID], on: app.db)
            try await ReminderEngine.run(now: now, today: day, on: app.db, rounds: rounds)
            let afterChange = rounds.governmentsRead
            let nextDay = day.adding(days: 1)
            try await ReminderEngine.run(
                now: AppClock.moment(nextDay, hour: 9), today: nextDay, on: app.db, rounds: rounds)
            let afterDay = rounds.governmentsRead
            let plan = try #require(try await Plan.find(sample.cascadePlanID, on: app.db))
            _ = try await PlanWithdrawal.withdraw(
                planID: sample.cascadePlanID, governmentID: plan.$government.id, reason: "合并到主方案",
                actor: AuditActor(userID: nil, name: "张督查"), requestID: nil, at: now, on: app.db)
            try await ReminderEngine.run(
                now: AppClock.moment(nextDay, hour: 10), today: nextDay, on: app.db, rounds: rounds)
            // assert: one government, worked out on the first round, after the change, the next day, the withdrawal
            #expect(first == 1)
            #expect(unchanged == 1)
            #expect(afterChange == 2)
            #expect(afterDay == 3)
            #expect(rounds.governmentsRead == 4)
        }
    }
}
