@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import SQLKit
import Testing

/// The stored lights behind the 督办 overview: worked out once per plan and day, reworked by a filing in its
/// own transaction, marked stale by a rules change, and always equal to the lights worked out from the raw rows.
@Suite("Stored lights")
struct StoredLightsTests {
    @Test(
        "Stored lights follow filings, rule changes and the calendar, and equal the lights of the raw rows",
        arguments: TestDatabase.available)
    func follow(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the scoring tests' first quarter of 2025, read on 1 May
            let sample = try await SampleData.create(on: app.db)
            let cast = try await ScorePagesTests.history(sample, on: app.db)
            let may = try ScorePagesTests.day("2025-05-01")
            app.clock = AppClock(ManualClock(AppClock.moment(may, hour: 9)))
            let plan = sample.mainPlanID

            // act: the office opens the overview
            let overview = try await app.page(SiteURL.oversightWith([("plan", plan.uuidString)]).path)

            // assert: the plan is current as of today, its counts are the board's, nothing disagrees
            #expect(overview.status == .ok)
            #expect(try await mark(plan, on: app.db) == "2025-05-01")
            let board = try await DutyStatus.board(.plan(plan), today: may, on: app.db)
            let stored = try await DutyStateCounts(planIDs: [plan], on: app.db).tally()
            for light in TrafficLight.allCases {
                let count = stored.first { $0.light == light.rawValue }?.count
                #expect(count == board.filter { $0.light == light }.count, "\(light)")
            }
            #expect(board.contains { $0.light == .red })
            #expect(try await DutyStateCheck.differences(on: app.db).isEmpty)
            let before = try #require(try await state(cast.parkingTask, cast.transport, on: app.db))
            #expect(before.overdue && before.light == "red")

            // act: 区交通运输局 files its overdue first-quarter report
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            _ = try await ReportFiling.submit(
                .init(
                    period: q1, status: .onSchedule, reason: "", narrative: "完成泊位选址，开工建设。", actuals: [],
                    newFiles: [], keptAttachmentIDs: []),
                taskID: cast.parkingTask, unitID: cast.transport, by: ScorePagesTests.filer(may), on: app.db)

            // assert: its own light was reworked in the filing's transaction; the plan stayed current
            let after = try #require(try await state(cast.parkingTask, cast.transport, on: app.db))
            #expect(!after.overdue && after.lateReports == 1)
            #expect(try await mark(plan, on: app.db) == "2025-05-01")
            #expect(try await DutyStateCheck.differences(on: app.db).isEmpty)

            // act / assert: new rules mark the plan stale; the next reader works it out again
            let planRecord = try #require(try await Plan.find(plan, on: app.db))
            var rules = try await PlanReporting.load(planRecord, on: app.db).rules
            rules.reminderDaysBefore += 1
            try await PlanReporting.save(rules, for: planRecord, actor: .system, requestID: nil, on: app.db)
            #expect(try await mark(plan, on: app.db) == "")
            #expect(try await app.page(SiteURL.oversight.path).status == .ok)
            #expect(try await mark(plan, on: app.db) == "2025-05-01")

            // act / assert: after the second quarter's due day the overview shows that day's lights
            let july = try ScorePagesTests.day("2025-07-25")
            app.clock = AppClock(ManualClock(AppClock.moment(july, hour: 9)))
            let later = try await app.page(SiteURL.oversightWith([("plan", plan.uuidString)]).path)
            #expect(later.status == .ok)
            #expect(try await mark(plan, on: app.db) == "2025-07-25")
            let july25 = try await DutyStatus.board(.plan(plan), today: july, on: app.db)
            let red = july25.filter { $0.light == .red }.count
            #expect(try await DutyStateCounts(planIDs: [plan], on: app.db).tally().first?.count == red)
            #expect(try await DutyStateCheck.differences(on: app.db).isEmpty)
        }
    }

    @Test(
        "The overview's pages list every duty once, worst first, each as its own task page shows it",
        arguments: TestDatabase.available)
    func pages(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            _ = try await ScorePagesTests.history(sample, on: app.db)
            let may = try ScorePagesTests.day("2025-05-01")
            let board = try await DutyStatus.board(.plan(sample.mainPlanID), today: may, on: app.db)
            #expect(board.count > 3)

            // act: every light, three rows a page, and a page past the end
            var rows: [OversightPage.Row] = []
            var page = 1
            while true {
                let shown = try await OversightQuery.page(
                    governmentID: sample.governmentID,
                    filter: .init(planID: sample.mainPlanID, light: "all", page: page), today: may, perPage: 3,
                    on: app.db)
                #expect(shown.rowTotal == board.count && shown.page == page)
                rows += shown.rows
                if page * 3 >= shown.rowTotal { break }
                page += 1
            }
            let beyond = try await OversightQuery.page(
                governmentID: sample.governmentID, filter: .init(planID: sample.mainPlanID, light: "all", page: 99),
                today: may, perPage: 3, on: app.db)

            // assert: each duty once, red before yellow before green, each with the board's light
            #expect(rows.count == board.count)
            #expect(Set(rows.map(\.target)).count == board.count)
            let order = ["red": 2, "yellow": 1, "green": 0, "pending": 0]
            let ranks = rows.map { order[$0.light] ?? -1 }
            #expect(ranks == ranks.sorted(by: >))
            for status in board {
                let row = rows.first { $0.target == "\(status.duty.taskID.uuidString):\(status.unit.id.uuidString)" }
                #expect(row?.light == status.shownLight)
            }
            #expect(
                beyond.page == page && beyond.rows.map(\.target) == Array(rows.suffix(beyond.rows.count)).map(\.target))
        }
    }

    @Test("The check names a stored light that disagrees with the raw rows", arguments: TestDatabase.available)
    func checkFails(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: current lights with a red among them
            let sample = try await SampleData.create(on: app.db)
            _ = try await ScorePagesTests.history(sample, on: app.db)
            let may = try ScorePagesTests.day("2025-05-01")
            try await DutyStates.current(planIDs: [sample.mainPlanID], today: may, on: app.db)
            let red = try #require(
                try await DutyState.query(on: app.db).filter(\.$planID == sample.mainPlanID).filter(\.$light == "red")
                    .first())

            // act: a light changed behind the application's back
            red.light = "green"
            red.severity = 0
            try await red.save(on: app.db)

            // assert: the check names that duty, and `duban check-lights` fails naming it
            let differences = try await DutyStateCheck.differences(on: app.db)
            #expect(differences.count == 1)
            #expect(differences.first?.contains("\(red.taskID) \(red.unitID)") == true)
            #expect(differences.first?.contains("stored green") == true)
            app.clock = AppClock(ManualClock(AppClock.moment(may, hour: 9)))
            let command = try await CheckLightsCommand.parse([]).execute(on: app)
            #expect(command.exitCode == 1)
            #expect(command.standardOutput.contains("\(red.taskID) \(red.unitID)"))
            #expect(command.standardError == "duban: 1 stored lights disagree with the reports\n")

            // the plan marked stale is worked out again and agrees once more
            try await DutyStates.invalidate(planIDs: [sample.mainPlanID], on: app.db)
            let repaired = try await CheckLightsCommand.parse([]).execute(on: app)
            #expect(repaired.exitCode == 0 && repaired.standardError.isEmpty)
            #expect(repaired.standardOutput.hasPrefix("stored lights agree with the reports (plans checked: "))
        }
    }

    private func mark(_ planID: UUID, on database: any Database) async throws -> String? {
        try await (database as? any SQLDatabase)?.raw(
            "SELECT as_of FROM duty_state_marks WHERE plan_id = \(bind: planID)"
        ).first()?.decode(column: "as_of", as: String.self)
    }

    private func state(_ taskID: UUID, _ unitID: UUID, on database: any Database) async throws -> DutyState? {
        try await DutyState.query(on: database).filter(\.$taskID == taskID).filter(\.$unitID == unitID).first()
    }
}
