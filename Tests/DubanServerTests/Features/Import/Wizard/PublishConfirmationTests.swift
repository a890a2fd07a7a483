@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor

/// Publishing asks first: the confirmation says what will be made and what will be overdue at once, can
/// leave out reports already due, and refuses a plan that repeats a published one.
@Suite("Publish confirmation")
struct PublishConfirmationTests {
    /// 1 May 2026, 10:00 in China: every report of plan year 2025 is due.
    static let mayDay = Date(timeIntervalSince1970: 1_777_600_800)

    @Test(
        "A past year's plan is confirmed, published without back-reporting, and cannot be published twice",
        arguments: TestDatabase.available)
    func confirmSkipAndRefuseDuplicate(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Self.mayDay))
            let text = ImportWizardTests.text.replacingOccurrences(of: "2026年", with: "2025年补充")
            let title = "2025年补充区《政府工作报告》重点工作责任分解方案"
            _ = try await app.wizardUpload(Data(text.utf8), fileName: "方案.txt", year: "2025")
            let draftID = try #require(try await ImportDraft.query(on: app.db).first()?.requireID())
            try await app.mapEveryNameAsNew(draftID)
            // act: publishing without confirming leads to the confirmation
            let unconfirmed = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: [:])
            #expect(unconfirmed.status == .seeOther && unconfirmed.location == SiteURL.importConfirm(draftID).path)
            #expect(try await Plan.query(on: app.db).filter(\.$title == title).count() == 0)
            // assert: the confirmation says what will happen
            let confirm = try await app.page(SiteURL.importConfirm(draftID).path)
            #expect(confirm.status == .ok)
            #expect(confirm.html.contains("4 项") && confirm.html.contains("报送规则"))
            #expect(confirm.html.contains("4 项任务将立即有 16 份报送逾期"), "four quarters of four tasks are due")
            #expect(
                confirm.html.contains("name=\"skip_past\" value=\"1\" checked"), "a past year starts without reports")
            #expect(confirm.html.contains("这是往年的方案"))
            // act: confirm without back-reporting
            let published = try await app.page(
                SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1", "skip_past": "1"])
            #expect(published.status == .seeOther)
            // assert: the plan's rules expect no report of its past year
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$title == title).first())
            #expect(plan.year == 2025)
            let reporting = try await PlanReporting.load(plan, on: app.db)
            #expect(reporting.origin == .saved && reporting.calendar.deadlines.isEmpty)
            // act: the same file again is shown as a repeat and refused
            _ = try await app.wizardUpload(Data(text.utf8), fileName: "方案（再次）.txt", year: "2025")
            let second = try #require(
                try await ImportDraft.query(on: app.db).filter(\.$status == .draft).first()?.requireID())
            try await app.mapEveryNameAsNew(second)
            let repeated = try await app.page(SiteURL.importConfirm(second).path)
            #expect(repeated.html.contains(SiteURL.plan(try plan.requireID()).path))
            #expect(repeated.html.contains("disabled>确认发布"))
            let refused = try await app.page(
                SiteURL.importPublish(second).path, method: .POST, form: ["confirmed": "1"])
            #expect(refused.status == .conflict && refused.html.contains("不能重复发布"))
            #expect(try await Plan.query(on: app.db).filter(\.$title == title).count() == 1)
            #expect(try await ImportDraft.find(second, on: app.db)?.status == .draft, "nothing was claimed")
        }
    }

    @Test(
        "This year's plan keeps its reports unless asked, and says how many are overdue",
        arguments: TestDatabase.available)
    func currentYearKeepsReports(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            app.clock = AppClock(ManualClock(Self.mayDay))
            let text = ImportWizardTests.text.replacingOccurrences(of: "2026年", with: "2026年新增")
            _ = try await app.wizardUpload(Data(text.utf8), fileName: "方案.txt", year: "2026")
            let draftID = try #require(try await ImportDraft.query(on: app.db).first()?.requireID())
            try await app.mapEveryNameAsNew(draftID)
            // act
            let confirm = try await app.page(SiteURL.importConfirm(draftID).path)
            _ = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            // assert: the first quarter (due 20 April) is past; unchecked, the rules stay as read
            #expect(confirm.html.contains("4 项任务将立即有 4 份报送逾期"))
            #expect(!confirm.html.contains("value=\"1\" checked"))
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$year == 2026).sort(\.$title).all().first {
                    $0.title.contains("新增")
                })
            let reporting = try await PlanReporting.load(plan, on: app.db)
            #expect(reporting.origin != .saved && reporting.calendar.deadlines.count == 4)
        }
    }
}
