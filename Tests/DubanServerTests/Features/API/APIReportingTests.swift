@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// A multipart report as an API client sends it, evidence included.
struct APIReportUpload: Content {
    var period: String
    var status: String
    var narrative: String
    var actuals: [String]
    var files: [File]
}

/// The reporting cycle through the API, as a unit's system, a leader's assistant and the 督查室's scripts use
/// it: every answer matches its OpenAPI schema.
@Suite("API reporting cycle")
struct APIReportingTests {
    @Test(
        "Work plan, report with evidence, 批示, review and notifications through the API",
        arguments: TestDatabase.available)
    func cycle(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let sample = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(ReviewQueueTests.april10))
            let task = try await sample.task("建立涉企政策", on: app.db).requireID()
            let clerk = APIAuth.bearer(try await app.apiToken(for: .clerk))
            let admin = APIAuth.bearer(try await app.apiToken(for: .admin))
            let leader = APIAuth.bearer(try await app.apiToken(for: .leader))

            // act: the clerk files a work plan, 54 days after the rules' day
            let plan = try await app.api(
                .POST, "/tasks/\(task)/workplans", auth: clerk,
                json: NewWorkPlanRequest(items: [
                    .init(content: "梳理免申即享政策清单", plannedMonth: 5, leader: "刘海燕", department: nil)
                ]))
            #expect(plan.status == .created)
            #expect(try plan.schemaProblems("WorkPlan") == [])
            let filedPlan = try plan.decode(WorkPlanDTO.self)
            #expect(filedPlan.daysLate == 54 && filedPlan.items.first?.department == "")
            let blank = try await app.api(
                .POST, "/tasks/\(task)/workplans", auth: clerk,
                json: NewWorkPlanRequest(items: [.init(content: " ", plannedMonth: 5, leader: nil, department: nil)]))
            #expect(blank.status == .unprocessableEntity && blank.error?.code == "invalid_request")

            // act: a report the form would refuse is refused the same way; then filed with its evidence
            let refused = try await app.api(
                .POST, "/tasks/\(task)/reports", auth: clerk,
                json: ["period": "2025-Q1", "status": "behind", "narrative": "进度滞后。"])
            #expect(refused.status == .unprocessableEntity && refused.error?.message.contains("须填写原因") == true)
            let filed = try await app.api(
                .POST, "/tasks/\(task)/reports", auth: clerk,
                multipart: APIReportUpload(
                    period: "2025-Q1", status: "on_schedule", narrative: "已兑现资金3200万元。", actuals: ["3200"],
                    files: [File(data: ByteBuffer(data: ReportingPageTests.pdf), filename: "兑现清单.pdf")]))
            #expect(filed.status == .created)
            #expect(try filed.schemaProblems("Report") == [])
            let report = try filed.decode(ReportDTO.self)
            #expect(report.kind == "report" && report.actuals.first?.actual == 3200 && report.attachments.count == 1)
            // 3200万元 by the first quarter's end is ahead of 序时 (25 % of 5000万元 is 1250万元).
            #expect(report.actuals.first?.pace?.label == "达到序时" && report.actuals.first?.pace?.expected == 1250)
            #expect(report.actuals.first?.pace?.expectedShare == 25)

            // act: the leader writes a 批示 on that report; a clerk may not
            let notLeader = try await app.api(
                .POST, "/tasks/\(task)/instructions", auth: clerk,
                json: NewInstructionRequest(text: "加快", reportId: nil))
            #expect(notLeader.status == .forbidden)
            let instruction = try await app.api(
                .POST, "/tasks/\(task)/instructions", auth: leader,
                json: NewInstructionRequest(text: "请附拨付凭证，6月底前兑现过半。", reportId: report.id))
            #expect(try instruction.status == .created && instruction.schemaProblems("Instruction") == [])

            // assert: the task's reporting, as the 督查室 reads it
            let reporting = try await app.api(.GET, "/tasks/\(task)/reporting", auth: admin)
            #expect(try reporting.status == .ok && reporting.schemaProblems("TaskReporting") == [])
            let read = try reporting.decode(TaskReportingDTO.self)
            #expect(read.lights.map(\.awaitingReview) == [true])
            #expect(read.reports.map(\.id) == [report.id] && read.workPlans.map(\.id) == [filedPlan.id])
            #expect(read.instructions.first?.reportId == report.id)

            // act: the 督查室 returns the report (a comment is required) and accepts the work plan
            let bare = try await app.api(
                .POST, "/reports/\(report.id)/review", auth: admin,
                json: ReviewRequest(decision: "return", comment: nil))
            #expect(bare.status == .unprocessableEntity && bare.error?.message == "退回时请写明需要修改的地方。")
            let returned = try await app.api(
                .POST, "/reports/\(report.id)/review", auth: admin,
                json: ReviewRequest(decision: "return", comment: "请附拨付凭证"))
            #expect(try returned.status == .ok && returned.decode(ReportDTO.self).state == "returned")
            let accepted = try await app.api(
                .POST, "/workplans/\(filedPlan.id)/review", auth: admin, json: ReviewRequest(decision: "accept"))
            #expect(try accepted.status == .ok && accepted.decode(WorkPlanDTO.self).state == "accepted")
            let again = try await app.api(
                .POST, "/workplans/\(filedPlan.id)/review", auth: admin, json: ReviewRequest(decision: "accept"))
            #expect(again.status == .conflict)

            // assert: the clerk's inbox through the API, then marked read; the evidence downloads
            let inbox = try await app.api(.GET, "/notifications", auth: clerk)
            #expect(try inbox.status == .ok && inbox.schemaProblems("NotificationList") == [])
            let kinds = try inbox.decode(ListDTO<NotificationDTO>.self).items.map(\.kind)
            #expect(kinds.contains("returned") && kinds.contains("instruction") && kinds.contains("accepted"))
            #expect(try await app.api(.POST, "/notifications/read", auth: clerk).status == .noContent)
            let after = try await app.api(.GET, "/notifications", auth: clerk).decode(ListDTO<NotificationDTO>.self)
            #expect(after.items.allSatisfy { $0.read })
            let office = try await app.api(.GET, "/notifications", auth: admin).decode(ListDTO<NotificationDTO>.self)
            #expect(office.items.filter { $0.kind == "submitted" }.count == 2, "the work plan and the report")
            let file = try #require(report.attachments.first)
            let download = try await app.api(.GET, "/attachments/\(file.id)", auth: clerk)
            #expect(download.status == .ok && download.body == ReportingPageTests.pdf)
        }
    }
}
