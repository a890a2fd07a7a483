@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A deadline day: fifty clerks of fifty units file their quarterly reports at the same moment. Every filing
/// succeeds — on SQLite, writes wait their turn instead of failing with "database is locked".
@Suite("Concurrent filing")
struct ConcurrentFilingTests {
    static let clerks = 50

    /// A 2025 plan with one task per unit, each unit leading its own.
    static var planText: String {
        var lines = ["2025年区《政府工作报告》重点工作责任分解方案", "一、重点工作"]
        for number in 1...clerks {
            lines.append("\(number).推进第\(number)项重点工作落地见效。(牵头单位:区第\(ChineseHeading.numeral(number))工作局)")
        }
        return lines.joined(separator: "\n")
    }

    @Test("Fifty reports filed at once all succeed and are all stored", arguments: TestDatabase.available)
    func fiftyAtOnce(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: 2025-04-10, the first quarter's report is due 4月20日; one signed-in clerk per unit
            let governmentID = try await SampleData.createGovernment(on: app.db)
            app.clock = AppClock(ManualClock(Date(timeIntervalSince1970: 1_744_243_200)))
            let document = try #require(PlanParser.parse(text: Self.planText).first)
            let plan = try await PlanImporter(database: app.db).importPlan(
                document, governmentID: governmentID, year: 2025)
            let tasks = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID())
                .with(\.$assignments).all()
            #expect(tasks.count == Self.clerks)
            var filers: [(TestBrowser, UUID)] = []
            for (index, task) in tasks.enumerated() {
                let unitID = try #require(task.assignments.first?.$unit.id)
                let user = User(
                    governmentID: governmentID, username: "clerk\(index)", displayName: "经办人\(index)",
                    passwordHash: SampleData.passwordHash, role: .clerk, unitID: unitID)
                try await user.create(on: app.db)
                let browser = TestBrowser(app)
                try #require(try await browser.signIn("clerk\(index)").status == .seeOther)
                filers.append((browser, try task.requireID()))
            }
            // act: every clerk posts the report form at once
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for (browser, taskID) in filers {
                    group.addTask { try await Self.file(as: browser, task: taskID) }
                }
                return try await group.reduce(into: [HTTPResponseStatus]()) { $0.append($1) }
            }
            // assert
            #expect(statuses.filter { $0 != .seeOther } == [])
            #expect(try await ProgressReport.query(on: app.db).count() == Self.clerks)
            let audited = try await AuditEvent.query(on: app.db).filter(\.$action == "report.submit").count()
            #expect(audited == Self.clerks)
        }
    }

    /// Opens the task's reporting page for its token, then posts the report form.
    static func file(as browser: TestBrowser, task: UUID) async throws -> HTTPResponseStatus {
        let page = try await browser.request(SiteURL.taskReporting(task).path)
        var form = ReportUpload(
            period: "2025-Q1", status: "on_schedule", narrative: "已完成一季度既定工作，进度符合序时要求。", reason: "",
            actuals: [], keep: [], files: [], _csrf: TestBrowser.csrfToken(in: page.html) ?? "")
        form.files = [File(data: ByteBuffer(data: ReportingPageTests.pdf), filename: "佐证材料.pdf")]
        let cookie = browser.cookie
        let upload = form
        let response = try await browser.app.testing().sendRequest(
            .POST, SiteURL.taskReports(task).path,
            beforeRequest: { request in
                if let cookie { request.headers.cookie = [AccountSettings.cookieName: .init(string: cookie)] }
                try request.content.encode(upload, as: .formData)
            })
        return response.status
    }
}
