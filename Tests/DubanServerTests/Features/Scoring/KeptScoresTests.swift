@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import SQLKit
import Testing

/// The scores of a period are kept between requests (`ScoreCache`) at the generation of what they depend on
/// (`ScoreInputs`). A kept ranking must answer the next request, and every writer of a score's inputs must move
/// the generation so that the next request works the scores out again.
@Suite("Kept scores")
struct KeptScoresTests {
    @Test(
        "A kept ranking answers until a writer of its inputs changes them; each writer moves the generation",
        arguments: TestDatabase.available)
    func keptUntilChanged(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the sample's first quarter as scored in ScorePagesTests, as of 2025-05-01
            let sample = try await SampleData.create(on: app.db)
            let cast = try await ScorePagesTests.history(sample, on: app.db)
            let day = try ScorePagesTests.day("2025-05-01")
            let filer = ScorePagesTests.filer(day)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let planID = sample.mainPlanID
            let db = app.db
            func plan() async throws -> Plan { try #require(try await Plan.find(planID, on: db)) }
            func total(_ unit: UUID, _ ranked: [RankedScore]) -> Double? {
                ranked.first { $0.score.unitID == unit.uuidString }?.score.total
            }
            func current() async throws -> [RankedScore] {
                try await Scores.current(plan: try await plan(), period: q1, today: day, on: db)
            }
            func workedOut() async throws -> [RankedScore] {
                try await Scores.workedOut(plan: try await plan(), period: q1, today: day, on: db)
            }
            let first = try await current()
            #expect(total(cast.finance, first) == 97.5)

            // act: the finance bureau's work plan vanishes behind the server's back
            try await db.requireSQL().raw(
                """
                DELETE FROM work_plan_items WHERE work_plan_id IN \
                (SELECT id FROM work_plans WHERE unit_id = \(bind: cast.finance))
                """
            ).run()
            try await db.requireSQL().raw("DELETE FROM work_plans WHERE unit_id = \(bind: cast.finance)").run()

            // assert: the kept ranking still answers, and the check names the difference
            let kept = try await current()
            let worked = try await workedOut()
            #expect(total(cast.finance, kept) == 97.5)
            #expect(total(cast.finance, worked) == 95.5)
            let named = try await ScoreCacheCheck.differences(on: db)
            #expect(named.count == 1 && named.first?.contains("区财政局: kept 97.5") == true)

            // act and assert: each writer moves the generation, and the next request is worked out again
            let writers: [(String, @Sendable () async throws -> Void)] = [
                (
                    "work plan",
                    {
                        _ = try await WorkPlanFiling.submit(
                            [.init(content: "梳理政策清单", plannedMonth: 3, leader: "副局长", department: "预算科")],
                            taskID: cast.policyTask, unitID: cast.finance, by: filer, on: db)
                    }
                ),
                (
                    "return",
                    {
                        let waiting = try #require(
                            try await ProgressReport.query(on: db).filter(\.$task.$id == cast.canteenTask)
                                .filter(\.$state == ReviewState.submitted).first())
                        _ = try await Review.perform(
                            ProgressReport.self, id: try waiting.requireID(), accept: false, comment: "请附选址图",
                            by: filer, governmentID: sample.governmentID, on: db)
                    }
                ),
                (
                    "flag dismissed",
                    {
                        let flag = try #require(
                            try await ReportFlag.query(on: db).join(
                                ProgressReport.self, on: \ReportFlag.$report.$id == \ProgressReport.$id
                            ).filter(ProgressReport.self, \.$unit.$id == cast.finance).first())
                        try await ReportChecks.dismiss(
                            flag, reason: "数据口径已核实", governmentID: sample.governmentID, by: filer, on: db)
                    }
                ),
                (
                    "scheme",
                    {
                        let plan = try #require(try await Plan.find(planID, on: db))
                        var scheme = Scores.scheme(of: plan)
                        scheme.base = 90
                        try await Scores.save(
                            scheme, for: plan, cycle: .quarterly, actor: .system, requestID: nil, at: filer.now,
                            on: db)
                    }
                ),
            ]
            var before = try await current()
            for (name, write) in writers {
                let generation = try await ScoreInputs.generation(planID: planID, on: db)
                try await write()
                let after = try await current()
                let moved = try await ScoreInputs.generation(planID: planID, on: db)
                let worked = try await workedOut()
                #expect(moved != generation, "\(name)")
                #expect(after == worked, "\(name)")
                #expect(after != before, "\(name)")
                before = after
            }
            let left = try await ScoreCacheCheck.differences(on: db)
            #expect(left == [])
        }
    }
}
