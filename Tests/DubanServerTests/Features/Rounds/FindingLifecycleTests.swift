@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// A 督查 finding from raising to 销号, through the services, on every available engine.
@Suite("Finding lifecycle")
struct FindingLifecycleTests {
    @Test(
        "A finding notifies the unit, turns its light red once overdue, and is answered and closed",
        arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let finance = try await sample.unit("区财政局", on: app.db).requireID()
            let filer = ReportFiling.Filer(
                userID: nil, actor: .system, requestID: nil, now: Date(), today: CalendarDay("2026-05-01")!)
            let round = try await Rounds.start(
                .init(
                    kind: .quarterly, title: "2026年第一季度重点督查", startsOn: "2026-04-21", endsOn: "2026-04-30",
                    inspectors: "区政府督查室 王强", planID: sample.mainPlanID, sectionID: nil, unitIDs: []),
                governmentID: sample.governmentID, by: filer, on: app.db)
            // act: raise a finding due on 5月10日
            let finding = try await Findings.raise(
                .init(
                    taskID: task, unitID: finance, problem: "政策清单未向社会公开", requirement: "在区政府网站公开清单",
                    dueOn: "2026-05-10"),
                in: round, by: filer, on: app.db)
            // assert: the unit is told, and a unit outside the task is refused
            let notices = try await DubanServer.Notification.query(on: app.db).filter(\.$unit.$id == finance)
                .filter(\.$kind == .finding).all()
            #expect(notices.map(\.title) == ["季度重点督查发现问题，请于5月10日前整改"])
            await #expect(throws: RoundError.unitNotOfTask) {
                _ = try await Findings.raise(
                    .init(taskID: task, unitID: UUID(), problem: "问题", requirement: "要求", dueOn: "2026-05-10"),
                    in: round, by: filer, on: app.db)
            }
            // assert: overdue on 5月13日, the unit's light on the task is red with the reason
            let late = try await DutyStatus.board(.tasks([task]), today: CalendarDay("2026-05-13")!, on: app.db)
            let status = try #require(late.first { $0.unit.id == finance })
            #expect(status.light == .red)
            #expect(status.assessment.messages.contains("督查发现的问题整改已逾期 3 天"))
            var tally = try await RoundQuery.tally(unitID: finance, today: CalendarDay("2026-05-13")!, on: app.db)
            #expect(tally == RoundQuery.Tally(total: 1, outstanding: 1, overdue: 1, awaitingReview: 0, closed: 0))
            // act: the unit answers late, the office reopens, then closes
            var later = filer
            later.today = CalendarDay("2026-05-13")!
            let response = try await Findings.answer(
                finding, text: "已在区政府网站公开政策清单", files: [], unitName: "区财政局", by: later, on: app.db)
            #expect(response.daysLate == 3)
            await #expect(throws: RoundError.commentRequired) {
                try await Findings.review(
                    finding, decision: .reopen, comment: " ", newDue: "", by: later, on: app.db)
            }
            try await Findings.review(
                finding, decision: .reopen, comment: "未附公开网址", newDue: "2026-05-20", by: later, on: app.db)
            #expect(finding.state == .reopened)
            #expect(finding.dueOn == "2026-05-20")
            _ = try await Findings.answer(
                finding, text: "公开网址已补充", files: [], unitName: "区财政局", by: later, on: app.db)
            try await Findings.review(finding, decision: .close, comment: "", newDue: "", by: later, on: app.db)
            // assert: closed, the light no longer red for it, every step audited
            tally = try await RoundQuery.tally(unitID: finance, today: CalendarDay("2026-06-01")!, on: app.db)
            #expect(tally == RoundQuery.Tally(total: 1, outstanding: 0, overdue: 0, awaitingReview: 0, closed: 1))
            let after = try await DutyStatus.board(.tasks([task]), today: CalendarDay("2026-05-13")!, on: app.db)
            #expect(after.first { $0.unit.id == finance }?.assessment.messages.contains { $0.contains("整改") } == false)
            let actions = try await AuditEvent.query(on: app.db).filter(\.$entityType == "finding").all()
                .map(\.action).sorted()
            #expect(
                actions == ["finding.answer", "finding.answer", "finding.close", "finding.raise", "finding.reopen"])
        }
    }
}
