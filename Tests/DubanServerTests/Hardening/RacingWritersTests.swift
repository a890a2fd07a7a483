@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// One unit's report on one task, written at the same moment by two of its clerks (two tabs, two people) while the
/// 督查室 returns whatever version is waiting. Each writer reads the current version before it writes, so without
/// taking turns on the duty two filings both become version n+1, and a return lands on a version a filing has just
/// superseded — two live versions, and stored lights that no longer follow from the rows.
@Suite("Racing writers of one duty")
struct RacingWritersTests {
    static let rounds = 12

    @Test(
        "Filings and returns of one duty at once leave one live version, numbered without gaps",
        arguments: TestDatabase.available)
    func oneLiveVersion(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the sample's canteen task, 区民政局 filing its first quarter; the plan's lights current
            let sample = try await SampleData.create(on: app.db)
            let unitID = try await sample.unit("区民政局", on: app.db).requireID()
            let taskID = try await sample.task("新建社区食堂", on: app.db).requireID()
            let day = try #require(CalendarDay("2025-04-18"))
            app.clock = AppClock(ManualClock(AppClock.moment(day, hour: 9)))
            try await DutyStates.current(planIDs: [sample.mainPlanID], today: day, on: app.db)
            let filer = ReportFiling.Filer(
                userID: nil, actor: .system, requestID: nil, now: AppClock.moment(day, hour: 10), today: day)
            let q1 = try #require(ReportingPeriod.quarter(1, of: 2025))
            let database = app.db
            let governmentID = sample.governmentID
            @Sendable func file(_ words: String) async throws {
                _ = try await ReportFiling.submit(
                    .init(
                        period: q1, status: .onSchedule, reason: "", narrative: words, actuals: [], newFiles: [],
                        keptAttachmentIDs: []),
                    taskID: taskID, unitID: unitID, by: filer, on: database)
            }
            try await file("完成选址。")

            // act: each round, two filings and a return of the version waiting before it, all at once
            var refused = 0
            for round in 1...Self.rounds {
                let waiting = try #require(
                    try await ProgressReport.query(on: database).filter(\.$task.$id == taskID)
                        .filter(\.$state == ReviewState.submitted).first()
                ).requireID()
                refused += try await withThrowingTaskGroup(of: Int.self) { group in
                    group.addTask {
                        try await file("第 \(round) 轮甲：完成选址 \(round) 处。")
                        return 0
                    }
                    group.addTask {
                        try await file("第 \(round) 轮乙：完成选址 \(round) 处。")
                        return 0
                    }
                    group.addTask {
                        do {
                            _ = try await Review.perform(
                                ProgressReport.self, id: waiting, accept: false, comment: "请补充选址清单", by: filer,
                                governmentID: governmentID, on: database)
                            return 0
                        } catch ReportFilingError.notCurrentVersion {
                            return 1
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }

            // assert: every filing became its own version; one of them is live
            let reports = try await ProgressReport.query(on: database).filter(\.$task.$id == taskID)
                .filter(\.$unit.$id == unitID).all()
            #expect(reports.map(\.version).sorted() == Array(1...(1 + 2 * Self.rounds)))
            #expect(reports.filter { $0.state != .superseded }.map(\.version) == [1 + 2 * Self.rounds])
            // a return either lands on the waiting version or is refused because a filing superseded it first
            let returned = reports.filter { $0.reviewComment == "请补充选址清单" }.count
            #expect(returned + refused == Self.rounds)
        }
    }
}
