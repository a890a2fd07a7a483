@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// The kind of plan is set in the draft: a 民生实事 list read as ordinary work publishes as 民生实事, while a
/// task added by hand keeps the kind it was given.
@Suite("Kind of plan")
struct PlanKindTests {
    @Test(
        "The draft's kind of plan becomes every read task's kind; a task added by hand keeps its own",
        arguments: TestDatabase.available)
    func kindOfPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            let text = ImportWizardTests.text.replacingOccurrences(
                of: "2026年区《政府工作报告》重点工作责任分解方案", with: "2026年区民生实事项目责任分解表")
            _ = try await app.wizardUpload(Data(text.utf8), fileName: "民生实事.txt", year: "2026")
            let draftID = try #require(try await ImportDraft.query(on: app.db).first()?.requireID())
            let details = SiteURL.importDetails(draftID).path
            // act: an unknown kind is refused; 民生实事 is saved
            let refused = try await app.page(details, method: .POST, form: ["kind": "bogus"])
            let saved = try await app.page(details, method: .POST, form: ["kind": "livelihood"])
            // assert
            #expect(refused.status == .unprocessableEntity && refused.html.contains("方案类别不在可选范围内"))
            #expect(saved.status == .seeOther)
            let preview = try await app.page(SiteURL.importDraft(draftID).path)
            #expect(preview.html.contains("<option value=\"livelihood\" selected>"))
            let draft = try #require(try await ImportDraft.find(draftID, on: app.db))
            let tasks = try #require(ImportWizard.documents(of: draft).documents.first?.tasks)
            #expect(tasks.count == 4 && tasks.allSatisfy { $0.kind == .livelihood })
            // act: add a task by hand as ordinary work, then publish
            _ = try await app.page(
                SiteURL.importHandTask(draftID, line: nil).path, method: .POST,
                form: ["kind": "task", "number": "5", "text": "做好民生实事项目的宣传解读。", "lead": "区民政局"])
            try await app.mapEveryNameAsNew(draftID)
            let published = try await app.page(
                SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            // assert
            #expect(published.status == .seeOther)
            let plan = try #require(
                try await Plan.query(on: app.db).filter(\.$title == "2026年区民生实事项目责任分解表").first())
            let kinds = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID())
                .sort(\.$position).all().map(\.kind)
            #expect(kinds == [.livelihood, .livelihood, .livelihood, .livelihood, .task])
        }
    }
}
