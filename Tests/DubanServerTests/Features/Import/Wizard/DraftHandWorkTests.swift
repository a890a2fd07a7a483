@testable import DubanServer
import DubanCore
import DubanFormats
import Fluent
import Foundation
import Testing
import Vapor

/// The wizard never dead-ends: a file with no task found is kept as a draft, tasks are marked on its lines
/// or typed in, its details set, and it publishes; the Excel template goes out and comes back; drafts are
/// listed, discarded and expire.
@Suite("Import drafts worked by hand")
struct DraftHandWorkTests {
    /// A notice the reader finds no task in: nothing is numbered.
    static let notice = """
        关于做好2026年重点工作督办的通知
        各街道办事处，区直各部门：
        现将今年需要督办的几项工作通知如下，请认真抓好落实。
        加快建设区级智慧停车平台，年内新增公共停车泊位500个，由区交通运输局会同各街道办事处落实。
        做好全年防汛准备工作，汛前完成隐患排查，由区应急管理局负责。
        区人民政府办公室
        2026年3月2日
        """

    @Test(
        "A file with no task becomes a draft; a marked line and a typed task publish", arguments: TestDatabase.available
    )
    func zeroTaskDraftPublishes(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            // act: the upload is kept although the reader finds nothing
            let upload = try await app.wizardUpload(Data(Self.notice.utf8), fileName: "督办通知.txt")
            #expect(upload.status == .seeOther)
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            // assert: the draft says what was looked for, shows the lines and refuses to publish empty
            let preview = try await app.page(SiteURL.importDraft(draftID).path)
            #expect(preview.html.contains("没有读出任务") && preview.html.contains("编号的任务行（如“1.”“（3）”）：0 行。"))
            #expect(preview.html.contains("value=\"关于做好2026年重点工作督办的通知\""), "the first line stands as the title")
            #expect(preview.html.contains(SiteURL.importHandTask(draftID, line: 4).path))
            #expect(preview.html.contains("disabled>发布为本级政府的方案"))
            let early = try await app.page(SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            #expect(early.status == .unprocessableEntity && early.html.contains("这份草稿还没有任务"))
            // act: mark line 4; the form is filled from it alone
            let marked = try await app.page(SiteURL.importHandTask(draftID, line: 4).path)
            #expect(marked.status == .ok)
            #expect(marked.html.contains("加快建设区级智慧停车平台") && !marked.html.contains("防汛准备工作</textarea>"))
            let added = try await app.page(
                SiteURL.importHandTask(draftID, line: nil).path, method: .POST,
                form: [
                    "line": "4", "kind": "task", "number": "1", "section": "",
                    "text": "加快建设区级智慧停车平台，年内新增公共停车泊位500个。", "leaders": "陈明华",
                    "lead": "区交通运输局", "responsible": "各街道办事处", "deadline": "2026年12月",
                ])
            #expect(added.status == .seeOther)
            #expect(added.location == SiteURL.importDraft(draftID).path + "?saved=4#t-0-0")
            // act: a typed task without text is refused, then one is added; the details are set
            let refused = try await app.page(
                SiteURL.importHandTask(draftID, line: nil).path, method: .POST, form: ["number": "2", "text": " "])
            #expect(refused.status == .unprocessableEntity && refused.html.contains("任务内容不能为空"))
            _ = try await app.page(
                SiteURL.importHandTask(draftID, line: nil).path, method: .POST,
                form: ["kind": "livelihood", "number": "2", "text": "做好全年防汛准备工作，汛前完成隐患排查。", "lead": "区应急管理局"])
            let details = try await app.page(
                SiteURL.importDetails(draftID).path, method: .POST,
                form: ["title": "2026年区重点工作督办事项", "year": "2026", "doc_number": "区政办〔2026〕3号"])
            #expect(details.status == .seeOther)
            let badYear = try await app.page(
                SiteURL.importDetails(draftID).path, method: .POST, form: ["title": "x", "year": "二〇二六"])
            #expect(badYear.status == .unprocessableEntity)
            // assert: the preview holds both tasks and no longer says nothing was read
            let filled = try await app.page(SiteURL.importDraft(draftID).path + "?saved=4")
            #expect(filled.html.contains("任务已添加") && !filled.html.contains("没有读出任务"))
            #expect(filled.html.contains("2026年区重点工作督办事项") && filled.html.contains("区政办〔2026〕3号"))
            // act: map every unit as new and publish
            try await app.mapEveryNameAsNew(draftID)
            let published = try await app.page(
                SiteURL.importPublish(draftID).path, method: .POST, form: ["confirmed": "1"])
            #expect(published.status == .seeOther)
            // assert: the plan carries the details and both tasks as entered
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$title == "2026年区重点工作督办事项").first())
            #expect(plan.year == 2026 && plan.docNumber == "区政办〔2026〕3号")
            let tasks = try await TaskRecord.query(on: app.db).filter(\.$plan.$id == plan.requireID())
                .with(\.$assignments) { $0.with(\.$unit) }.sort(\.$position).all()
            #expect(tasks.map(\.number) == ["1", "2"])
            #expect(tasks.map(\.kind) == [.task, .livelihood])
            #expect(tasks[0].deadline == "2026年12月")
            #expect(Set(tasks[0].assignments.map(\.unit.name)) == ["区交通运输局", "各街道办事处"])
        }
    }

    @Test(
        "The template goes out blank or filled, and a filled one comes back as a draft",
        arguments: TestDatabase.available)
    func templateRoundTrip(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            _ = try await app.wizardUpload(Data(ImportWizardTests.text.utf8), fileName: "方案.txt", year: "2026")
            let draft = try #require(try await ImportDraft.query(on: app.db).first())
            let draftID = try draft.requireID()
            // act
            let blank = try await app.page(SiteURL.importTemplate.path)
            let filled = try await app.page(SiteURL.importDraftTemplate(draftID).path)
            // assert: both are workbooks; the filled one reads back as the draft's tasks
            #expect(blank.status == .ok && blank.contentType?.hasPrefix("application/vnd.openxmlformats") == true)
            let blankSheets = try XlsxReader.sheets(data: blank.data, fileName: "模板.xlsx")
            #expect(blankSheets.first?.rows[1] == PlanTemplate.columns)
            let expected = ImportWizard.documents(of: draft).documents[0].tasks
            let decoded = try DocumentReader.read(data: filled.data, fileName: "模板.xlsx")
            let back = try #require(PlanParser.parse(text: decoded.text).first?.tasks)
            #expect(back.map(\.number) == expected.map(\.number))
            #expect(back.map(\.text) == expected.map(\.text))
            #expect(back.map(\.roles) == expected.map(\.roles))
            // act: upload the workbook: a new draft with the same tasks
            let again = try await app.wizardUpload(filled.data, fileName: "模板.xlsx", year: "2026")
            #expect(again.status == .seeOther)
            let second = try #require(
                try await ImportDraft.query(on: app.db).filter(\.$format == "xlsx").first())
            #expect(ImportWizard.documents(of: second).documents.first?.tasks.map(\.text) == expected.map(\.text))
            // assert: nobody else downloads a template
            #expect(try await app.page(SiteURL.importTemplate.path, as: .clerk).status == .forbidden)
        }
    }

    @Test("Drafts are listed, discarded with an audit entry, and expire", arguments: TestDatabase.available)
    func listDiscardExpire(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            _ = try await SampleData.create(on: app.db)
            _ = try await app.wizardUpload(Data(Self.notice.utf8), fileName: "督办通知.txt")
            _ = try await app.wizardUpload(Data(ImportWizardTests.text.utf8), fileName: "方案.txt", year: "2026")
            let notice = try #require(try await ImportDraft.query(on: app.db).filter(\.$fileName == "督办通知.txt").first())
            // act / assert: the list
            let list = try await app.page(SiteURL.imports.path)
            #expect(list.status == .ok && list.html.contains("督办通知.txt") && list.html.contains("方案.txt"))
            #expect(list.html.contains("30 天后自动删除"))
            // act / assert: discard
            let discarded = try await app.page(
                SiteURL.importDiscard(try notice.requireID()).path, method: .POST, form: [:])
            #expect(discarded.status == .seeOther && discarded.location == SiteURL.importsAfterDiscard.path)
            #expect(try await ImportDraft.find(notice.requireID(), on: app.db) == nil)
            let entry = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.importDraftDiscarded.rawValue)
                    .first())
            #expect(entry.summary.contains("督办通知.txt"))
            // act / assert: expiry removes old unpublished drafts only
            let now = Date()
            #expect(try await DraftExpiry.removeExpired(now: now, days: 30, on: app.db) == 0)
            #expect(
                try await DraftExpiry.removeExpired(now: now.addingTimeInterval(31 * 86_400), days: 30, on: app.db) == 1
            )
            #expect(try await ImportDraft.query(on: app.db).count() == 0)
        }
    }
}
