@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// The kind of plan is set in the draft: a 民生实事 list read as ordinary work publishes as 民生实事, while a
/// task corrected to another kind, or added by hand, keeps the kind it was given.
@Suite("Kind of plan")
struct PlanKindTests {
    @Test(
        "The draft's kind of plan becomes every read task's kind; a corrected or added task keeps its own",
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
            // act: correct the first task's kind alone (an unknown kind is refused)
            let first = TaskCorrection.reference(document: 0, key: tasks[0].key)
            let fields = [
                "ref": first, "number": tasks[0].number, "text": tasks[0].text, "section": "0",
                "leaders": tasks[0].roles.leaders.joined(separator: "、"),
                "lead": tasks[0].roles.leadUnits.map(\.name).joined(separator: "、"),
                "responsible": tasks[0].roles.responsibleUnits.map(\.name).joined(separator: "、"),
            ]
            let badKind = try await app.page(
                SiteURL.importTask(draftID, first).path, method: .POST, form: fields.merging(["kind": "x"]) { $1 })
            let corrected = try await app.page(
                SiteURL.importTask(draftID, first).path, method: .POST,
                form: fields.merging(["kind": "target"]) { $1 })
            #expect(badKind.status == .unprocessableEntity && badKind.html.contains("类别不在可选范围内"))
            #expect(corrected.status == .seeOther)
            let form = try await app.page(SiteURL.importTask(draftID, first).path)
            #expect(form.html.contains("<option value=\"target\" selected>"))
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
            #expect(kinds == [.target, .livelihood, .livelihood, .livelihood, .task])
        }
    }
}
